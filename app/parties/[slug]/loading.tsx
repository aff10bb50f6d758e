export default function PartyLoading() {
  return (
    <p className="muted" role="status">
      Loading the party…
    </p>
  );
}
