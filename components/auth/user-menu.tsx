import { signOut } from "@/lib/actions/auth";
import { canAdmin, getCurrentUser } from "@/lib/auth/permissions";
import "./auth.css";

/** The header's account corner: who is signed in and as what, or a way to sign in. */
export async function UserMenu() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <nav className="user-menu" aria-label="Account">
        <a href="/login">Sign in</a>
      </nav>
    );
  }
  return (
    <nav className="user-menu" aria-label="Account">
      <span className="user-menu__who">
        Signed in as <strong>{user.name}</strong> <span className="badge badge--outline">{user.role}</span>
      </span>
      {canAdmin(user) ? <a href="/admin/users">Users</a> : null}
      <form action={signOut}>
        <button type="submit" className="link-button">
          Sign out
        </button>
      </form>
    </nav>
  );
}
