export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain anchor on purpose: next/link would ship its client code with every page (bench/README.md, issue 7). */}
        <a href="/">See all talks</a>
      </p>
    </div>
  );
}
