export default function TalkLoading() {
  return (
    <p className="muted" role="status">
      Loading the day…
    </p>
  );
}
