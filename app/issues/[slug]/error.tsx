"use client";

export default function IssueError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>This issue could not be shown</h1>
      <p>Something went wrong while reading the parties’ positions on it. Nothing was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
