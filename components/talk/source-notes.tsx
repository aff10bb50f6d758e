import type { CitedSource } from "@/lib/data/talks";
import { formatLocalDay } from "@/lib/time/local-day";

/** The talk's sources, numbered as the timeline cites them. */
export function SourceNotes({ sources }: { sources: CitedSource[] }) {
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {sources.length === 0 ? (
        <p className="muted">Nothing on this timeline cites a source yet.</p>
      ) : (
        <ol className="sources__list">
          {sources.map((src) => (
            <li key={src.id} id={`source-${src.number}`} value={src.number}>
              {src.publisher},{" "}
              {src.url ? (
                <a href={src.url} rel="noopener noreferrer">
                  “{src.title}”
                </a>
              ) : (
                <cite>“{src.title}”</cite>
              )}
              {src.publishedOn && <>, {formatLocalDay(src.publishedOn)}</>}
              <span className="muted">
                {" "}
                — cited {src.citations} {src.citations === 1 ? "time" : "times"} in this talk ·{" "}
                <a href={`/sources/${src.key}`} className="sources__about" aria-label={`About this source: ${src.title}`}>
                  About this source
                </a>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
