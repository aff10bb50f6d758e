"use client";

export default function AdminUsersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>The users could not be shown</h1>
      <p>Something went wrong while reading the accounts. Nothing was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
