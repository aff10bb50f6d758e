import Link from "next/link";

export default function TalkNotFound() {
  return (
    <div className="not-found">
      <h1>Talk not found</h1>
      <p>There is no talk at this address. It may have been renamed or removed.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
