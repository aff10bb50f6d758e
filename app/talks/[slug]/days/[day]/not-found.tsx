import Link from "next/link";

export default function TalkNotFound() {
  return (
    <div className="not-found">
      <h1>Day not found</h1>
      <p>This talk has no such day. Days are written YYYY-MM-DD and fall within the talk’s dates.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
