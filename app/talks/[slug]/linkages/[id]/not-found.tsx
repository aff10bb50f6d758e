import Link from "next/link";

export default function LinkageNotFound() {
  return (
    <div className="not-found">
      <h1>Linkage not found</h1>
      <p>There is no linkage at this address in this talk.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
