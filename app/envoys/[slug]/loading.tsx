export default function EnvoyLoading() {
  return (
    <p className="muted" role="status">
      Loading the envoy…
    </p>
  );
}
