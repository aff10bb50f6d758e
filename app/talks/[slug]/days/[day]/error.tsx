"use client";

export default function TalkError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>This day could not be shown</h1>
      <p>Something went wrong while reading it. Nothing was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
