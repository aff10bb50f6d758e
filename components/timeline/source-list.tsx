import type { SourceRef } from "@/lib/data/talks";

/**
 * A statement's or session's sources as numbered references to the talk's source list; a claim
 * with none is flagged, never passed off as fact.
 */
export function SourceList({ sources }: { sources: SourceRef[] }) {
  if (sources.length === 0) return <span className="unsourced">Unsourced</span>;
  return (
    <span>
      {sources.length === 1 ? "Source " : "Sources "}
      {sources.map((src, i) => (
        <span key={src.id}>
          {i > 0 && ", "}
          <a href={src.href} aria-label={`Source ${src.number}: ${src.publisher}, ${src.title}`}>
            [{src.number}]
          </a>
        </span>
      ))}
    </span>
  );
}
