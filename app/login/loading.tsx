export default function LoginLoading() {
  return (
    <p className="muted" role="status">
      Loading…
    </p>
  );
}
