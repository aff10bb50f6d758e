import type { SourceCitation } from "@/lib/data/statement-refs";
import { formatLocalDay } from "@/lib/time/local-day";

/**
 * A statement's sources cited in full (away from the talk page there is no numbered source list
 * to point to). A statement with none is flagged, never passed off as fact.
 */
export function SourceCitations({ sources }: { sources: SourceCitation[] }) {
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
