import Link from "next/link";

export default function StatementNotFound() {
  return (
    <div className="not-found">
      <h1>Statement not found</h1>
      <p>There is no statement at this address in this talk.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
