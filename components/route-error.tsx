"use client";

/** What every route's error.tsx shows: what failed, that nothing changed, and a way to retry. */
export function RouteError({ title, detail, reset }: { title: string; detail: string; reset: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </p>
    </div>
  );
}
