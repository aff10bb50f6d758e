import Link from "next/link";

export default function LoginNotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
