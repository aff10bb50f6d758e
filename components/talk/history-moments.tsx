// On a talk's history: for each change listed, the talk as known just before it (an instant one
// millisecond earlier: docs/decisions/023-as-known-on.md). Kept beside the list of changes rather
// than inside each entry, whose component (components/editing/revision-list.tsx) is shared with
// every record's own history.
import type { HistoryEntry } from "@/lib/data/history";

const AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The link to the talk as known just before a change. */
export function justBeforeHref(slug: string, at: Date): string {
  return `/talks/${slug}?${new URLSearchParams({ asOf: new Date(at.getTime() - 1).toISOString() })}`;
}

export function HistoryMoments({ slug, entries }: { slug: string; entries: HistoryEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="history-moments">
      <summary>The talk as known just before each of these changes</summary>
      <ol>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={justBeforeHref(slug, e.at)}>The talk as known just before {AT.format(e.at)} UTC</a>{" "}
            <span className="muted small">{e.subject}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
