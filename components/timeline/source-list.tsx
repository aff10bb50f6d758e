import type { SourceRef } from "@/lib/data/talks";
import { formatLocalDay } from "@/lib/time/local-day";

/** The reports that carry a statement or session; a claim with none is flagged, never passed as fact. */
export function SourceList({ sources }: { sources: SourceRef[] }) {
  if (sources.length === 0) return <span className="unsourced">Unsourced</span>;
  return (
    <span>
      {sources.length === 1 ? "Source: " : "Sources: "}
      {sources.map((src, i) => (
        <span key={src.id}>
          {i > 0 && "; "}
          {src.publisher},{" "}
          {src.url ? (
            <a href={src.url} rel="noopener noreferrer">
              “{src.title}”
            </a>
          ) : (
            <cite>“{src.title}”</cite>
          )}
          {src.publishedOn && <>, {formatLocalDay(src.publishedOn)}</>}
        </span>
      ))}
    </span>
  );
}
