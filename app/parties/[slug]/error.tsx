"use client";

export default function PartyError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>This party could not be shown</h1>
      <p>Something went wrong while reading its talks and statements. Nothing was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
