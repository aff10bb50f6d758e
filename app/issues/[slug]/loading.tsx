export default function IssueLoading() {
  return (
    <p className="muted" role="status">
      Loading the issue…
    </p>
  );
}
