export default function TalkNotFound() {
  return (
    <div className="not-found">
      <h1>Talk not found</h1>
      <p>There is no talk at this address. It may have been renamed or removed.</p>
      <p>
        <a href="/">See all talks</a>
      </p>
    </div>
  );
}
