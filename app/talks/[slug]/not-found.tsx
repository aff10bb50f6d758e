export default function TalkNotFound() {
  return (
    <div className="not-found">
      <h1>Talk not found</h1>
      <p>There is no talk at this address. It may have been renamed or removed.</p>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain anchor on purpose: next/link would ship its client code with every page (bench/README.md, issue 7). */}
        <a href="/">See all talks</a>
      </p>
    </div>
  );
}
