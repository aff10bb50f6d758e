import Link from "next/link";

export default function AdminUsersNotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/admin/users">See all users</Link>
      </p>
    </div>
  );
}
