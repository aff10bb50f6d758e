import type { Metadata } from "next";
import Link from "next/link";
import "@/components/series/series.css";
import { viewerCanEdit } from "@/lib/data/editing";
import { listSeries } from "@/lib/data/series";
import { formatSpan } from "@/lib/series/build";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Series" };

/** Every series, with how many rounds it has and the years they span. */
export default async function SeriesIndexPage() {
  const [series, editable] = await Promise.all([listSeries(), viewerCanEdit()]);
  return (
    <>
      <h1>Series</h1>
      <p className="muted">Talks held round after round between the same parties, each series with its rounds side by side.</p>
      {editable ? (
        <p className="edit-links no-print">
          <Link href="/series/new">Add a series</Link>
        </p>
      ) : null}
      {series.length === 0 ? (
        <p className="muted" style={{ marginTop: "1rem" }}>
          No series is recorded yet.
        </p>
      ) : (
        <ul className="talk-list">
          {series.map((s) => (
            <li key={s.slug} className="talk-card">
              <h2>
                <a href={`/series/${s.slug}`}>{s.name}</a>
              </h2>
              <div className="meta">
                <span>
                  {s.rounds} {s.rounds === 1 ? "round" : "rounds"}
                </span>
                {s.span ? <span>{formatSpan(s.span)}</span> : null}
              </div>
              {s.description ? <p className="muted small">{s.description}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
