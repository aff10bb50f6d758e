import Link from "next/link";

export default function SeriesNotFound() {
  return (
    <div className="not-found">
      <h1>Series not found</h1>
      <p>There is no series at this address. It may have been removed.</p>
      <p>
        <Link href="/series">See all series</Link>
      </p>
    </div>
  );
}
