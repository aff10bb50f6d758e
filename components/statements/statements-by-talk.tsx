import Link from "next/link";
import type { StatementRef, TalkRef } from "@/lib/data/statement-refs";
import type { TalkStatements } from "@/lib/statements/group";
import { formatDayRange } from "@/lib/time/local-day";
import { StatementDays } from "./statement-days";

/** Statements from several talks: a section per talk (in time order), then by local day. */
export function StatementsByTalk({
  groups,
  linkEnvoy,
  emptyText,
}: {
  groups: TalkStatements<TalkRef, StatementRef>[];
  linkEnvoy?: boolean;
  emptyText: string;
}) {
  if (groups.length === 0) return <p className="muted">{emptyText}</p>;
  return groups.map(({ talk, days, undated, count }) => (
    <section key={talk.slug} className="talk-statements" aria-labelledby={`talk-${talk.slug}`}>
      <div className="talk-statements__head">
        <h3 id={`talk-${talk.slug}`}>
          <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
        </h3>
        <p className="meta">
          <span>
            {count} {count === 1 ? "statement" : "statements"}
          </span>
          <span>
            {talk.venueCity}, {formatDayRange(talk.firstDay, talk.lastDay)}
          </span>
        </p>
      </div>
      <StatementDays
        days={{ days, undated }}
        talk={talk}
        label={`Statements in ${talk.title}, by day`}
        linkEnvoy={linkEnvoy}
      />
    </section>
  ));
}
