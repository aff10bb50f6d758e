import Link from "next/link";

export default function AssessmentNotFound() {
  return (
    <div className="not-found">
      <h1>Gap assessment not found</h1>
      <p>There is no gap assessment at this address in this talk.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
