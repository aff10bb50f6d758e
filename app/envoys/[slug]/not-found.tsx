import Link from "next/link";

export default function EnvoyNotFound() {
  return (
    <div className="not-found">
      <h1>Envoy not found</h1>
      <p>There is no envoy at this address. They may have been renamed or removed.</p>
      <p>
        <Link href="/">See all talks</Link>
      </p>
    </div>
  );
}
