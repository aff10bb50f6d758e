import Link from "next/link";

export default function PartyNotFound() {
  return (
    <div className="not-found">
      <h1>Party not found</h1>
      <p>There is no party at this address. It may have been renamed or removed.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
