import Link from "next/link";

export default function SessionNotFound() {
  return (
    <div className="not-found">
      <h1>Session not found</h1>
      <p>There is no session at this address in this talk.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
