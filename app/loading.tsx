export default function RootLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}
