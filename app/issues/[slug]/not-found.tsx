import Link from "next/link";

export default function IssueNotFound() {
  return (
    <div className="not-found">
      <h1>Issue not found</h1>
      <p>There is no issue at this address. It may have been renamed or removed.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
