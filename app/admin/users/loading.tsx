export default function AdminUsersLoading() {
  return (
    <p className="muted" role="status">
      Loading the users…
    </p>
  );
}
