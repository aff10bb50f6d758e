import "@/components/series/series.css";
import Link from "next/link";
import type { IssuePage } from "@/lib/data/issues";
import { groupBySeries } from "@/lib/series/group";
import { IssueTalk } from "./issue-talk";

/**
 * An issue's talks grouped by series (decision 025): a heading per series, linking to its page,
 * over its rounds in order; then the talks in no series. With no series at all, the talks in time
 * order as before, under no extra heading. Under a series' heading (h2) a talk's title is an h3,
 * and its own headings one level down, so the outline nests.
 */
export function IssueTalksBySeries({ talks, issue, show, query }: { talks: IssuePage["talks"]; issue: IssuePage["issue"]; show: IssuePage["show"]; query?: string }) {
  const groups = groupBySeries(talks);
  if (groups.every((g) => g.series === null)) return talks.map((t) => <IssueTalk key={t.talk.slug} data={t} issue={issue} show={show} query={query} />);
  return groups.map((g) => {
    const id = g.series ? `series-${g.series.slug}` : "no-series";
    return (
      <section key={id} className="issue-series" aria-labelledby={id}>
        <h2 id={id} className="issue-series__head">
          {g.series ? (
            <>
              <span className="issue-series__kind">Series</span> <Link href={`/series/${g.series.slug}`}>{g.series.name}</Link>
            </>
          ) : (
            "Talks in no series"
          )}
        </h2>
        {g.items.map((t) => (
          <IssueTalk key={t.talk.slug} data={t} issue={issue} show={show} query={query} level={3} />
        ))}
      </section>
    );
  });
}
