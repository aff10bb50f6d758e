import Link from "next/link";

export default function SourceNotFound() {
  return (
    <div className="not-found">
      <h1>Source not found</h1>
      <p>There is no source at this address. It may have been removed.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
