import type { Metadata } from "next";
import { forbidden, redirect } from "next/navigation";
import { CreateUserForm } from "@/components/auth/create-user-form";
import { UserRowActions } from "@/components/auth/user-row-actions";
import { canAdmin, getCurrentUser } from "@/lib/auth/permissions";
import { loginPath } from "@/lib/auth/redirect-target";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export default async function AdminUsersPage() {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath("/admin/users"));
  if (!canAdmin(user)) forbidden();
  const users = await listUsers();

  return (
    <>
      <h1>Users</h1>
      <p className="muted">Analysts read; editors also record talks; admins also manage these accounts.</p>
      <div className="admin-users">
        <CreateUserForm />
        <section className="admin-panel" aria-labelledby="users-heading">
          <h2 id="users-heading">Accounts ({users.length})</h2>
          <table className="user-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.name}</th>
                  <td>{u.email}</td>
                  <td>{u.role}</td>
                  <td>
                    {u.disabledAt ? (
                      <span className="badge badge--bad">disabled</span>
                    ) : (
                      <span className="badge badge--ok">active</span>
                    )}{" "}
                    <span className="muted small">since {dateFormat.format(u.createdAt)}</span>
                  </td>
                  <td>
                    <UserRowActions
                      user={{ id: u.id, name: u.name, role: u.role, disabled: !!u.disabledAt }}
                      isSelf={u.id === user.id}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
