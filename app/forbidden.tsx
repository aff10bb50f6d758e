// Shown with status 403 wherever a page calls forbidden() (next.config.js: experimental.authInterrupts).
export default function Forbidden() {
  return (
    <div className="not-found">
      <h1>Not allowed</h1>
      <p>Your account may not open this page. If you need to, ask one of Parley&rsquo;s admins.</p>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain anchor on purpose: next/link would ship its client code with every page (bench/README.md, issue 7). */}
        <a href="/">See all talks</a>
      </p>
    </div>
  );
}
