// Shown with status 403 wherever a page calls forbidden() (next.config.js: experimental.authInterrupts).
export default function Forbidden() {
  return (
    <div className="not-found">
      <h1>Not allowed</h1>
      <p>Your account may not open this page. If you need to, ask one of Parley&rsquo;s admins.</p>
      <p>
        <a href="/">See all talks</a>
      </p>
    </div>
  );
}
