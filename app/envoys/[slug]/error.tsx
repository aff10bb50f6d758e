"use client";

export default function EnvoyError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>This envoy could not be shown</h1>
      <p>Something went wrong while reading their statements. Nothing was changed.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
