import type { TalkFrame } from "@/lib/data/talks";
import { RoundOf } from "@/components/series/round-of";
import { zoneNamesDuring } from "@/lib/time/zones";
import { formatDayRange } from "@/lib/time/local-day";
import { PARTY_ROLE_LABEL } from "@/lib/labels";
import { describeSides, type PartyInRole } from "@/lib/party-roles";
import { StatusBadge } from "../badges";
import { ExportLinks } from "./export-links";

/**
 * `editable`: the reader is an editor, who also gets the talk's editing links. `printHref`: the
 * talk's print view (every day in full), linked from the talk page with the talk's brief and exports.
 */
export function TalkHeader({
  data,
  editable = false,
  printHref,
  series = null,
}: {
  data: Pick<TalkFrame, "talk" | "parties" | "issues">;
  editable?: boolean;
  printHref?: string;
  /** The series the talk is a round of ("Round 2 of …"), as it is now. */
  series?: { slug: string; name: string; round: number | null } | null;
}) {
  const { talk } = data;
  // The names of the offsets the round used: "CET/CEST" when it spans a change of the clocks.
  const zone = zoneNamesDuring(talk.venueTimeZone, talk.firstDay, talk.lastDay).join("/");
  return (
    <header className="talk-header">
      <h1>{talk.title}</h1>
      <TalkSides parties={data.parties} />
      <div className="meta">
        <StatusBadge status={talk.status} />
        <span>{talk.venueCity}</span>
        <span>{formatDayRange(talk.firstDay, talk.lastDay)}</span>
        {series ? <RoundOf series={series} /> : null}
        <a href={`/talks/${talk.slug}/history`} className="no-print">
          History of changes
        </a>
        {printHref ? (
          <a href={printHref} className="no-print">
            Print the whole timeline
          </a>
        ) : null}
        {printHref ? (
          <a href={`/talks/${talk.slug}/brief`} className="no-print">
            Brief (where each side stands)
          </a>
        ) : null}
        {editable ? (
          <a href={`/talks/${talk.slug}/edit`} className="no-print">
            Edit the talk
          </a>
        ) : null}
        {printHref ? <ExportLinks slug={talk.slug} /> : null}
      </div>
      {talk.summary && <p className="talk-header__summary">{talk.summary}</p>}
      <dl className="facts">
        <dt>Parties</dt>
        <dd>
          <ul className="inline-list">
            {data.parties.map((p) => (
              <li key={p.slug}>
                <a href={`/parties/${p.slug}`}>{p.name}</a>
                {p.role !== "principal" && <span className="party-role"> ({PARTY_ROLE_LABEL[p.role].one})</span>}
                {p.heads.length > 0 && (
                  <span className="muted">
                    {" "}
                    — head of delegation:{" "}
                    {p.heads.map((h, i) => (
                      <span key={h.slug}>
                        {i > 0 && ", "}
                        <a href={`/envoys/${h.slug}`}>{h.name}</a>
                      </span>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Agenda</dt>
        <dd>
          {data.issues.length ? (
            <ul className="inline-list">
              {data.issues.map((i) => (
                <li key={i.slug}>
                  <a href={`/issues/${i.slug}`}>{i.name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">No issues recorded</span>
          )}
        </dd>
        <dt>Time</dt>
        <dd>
          Days and clock times are {talk.venueCity}’s ({talk.venueTimeZone}, {zone}); where a time is known, yours (
          <span data-reader-zone>your zone</span>) is shown beside it.
        </dd>
      </dl>
    </header>
  );
}

/** "Japan · DPRK — hosted by China": who negotiates, and who else is at the table in what part. */
function TalkSides({ parties }: { parties: PartyInRole[] }) {
  const { principals, others } = describeSides(parties);
  const names = (ps: PartyInRole[], joiner: string) =>
    ps.map((p, i) => (
      <span key={p.slug}>
        {i > 0 && joiner}
        <a href={`/parties/${p.slug}`}>{p.shortName}</a>
      </span>
    ));
  return (
    <p className="talk-header__sides">
      {names(principals, " · ")}
      {others.map((g) => (
        <span key={g.role} className="talk-header__others">
          {" "}
          — {g.verb} {names(g.parties, " and ")}
        </span>
      ))}
    </p>
  );
}
