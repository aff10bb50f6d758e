import Link from "next/link";
import { StatusBadge } from "@/components/badges";
import { NewTalkLink } from "@/components/editing/profile-edit-links";
import { RoundOf } from "@/components/series/round-of";
import { listTalks } from "@/lib/data/talks";
import { formatDayRange } from "@/lib/time/local-day";

export const dynamic = "force-dynamic";

export default async function TalksIndexPage() {
  const talks = await listTalks();
  return (
    <>
      <h1>Talks</h1>
      <NewTalkLink />
      {talks.length === 0 ? (
        <p className="muted" style={{ marginTop: "1rem" }}>
          No talks are recorded yet.
        </p>
      ) : (
        <ul className="talk-list">
          {talks.map((talk) => (
            <li key={talk.slug} className="talk-card">
              <h2>
                <Link href={`/talks/${talk.slug}`}>{talk.title}</Link>
              </h2>
              <div className="meta">
                <StatusBadge status={talk.status} />
                <span>{talk.venueCity}</span>
                <span>{formatDayRange(talk.firstDay, talk.lastDay)}</span>
                {talk.series ? <RoundOf series={talk.series} /> : null}
                <span>{talk.parties.map((p) => p.shortName).join(" · ")}</span>
                <span className="muted">
                  {talk.sessionCount} {talk.sessionCount === 1 ? "session" : "sessions"}, {talk.statementCount}{" "}
                  {talk.statementCount === 1 ? "statement" : "statements"}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
