import Link from "next/link";
import type { IssueAssessment, IssueLinkage, IssuePage, IssueTalk as IssueTalkData } from "@/lib/data/issues";
import type { IssueRef } from "@/lib/data/talks";
import { GAP_LABEL } from "@/lib/labels";
import { formatLocalDay } from "@/lib/time/local-day";
import { StatementCard } from "../statements/statement-card";
import { TalkMeta } from "../statements/talk-meta";
import { GapStrip } from "./gap-strip";

/** The headings of one talk, from its title down to a cell's party, at either depth. */
const HEADINGS = { 2: ["h2", "h3", "h4", "h5"], 3: ["h3", "h4", "h5", "h6"] } as const;
type Headings = (typeof HEADINGS)[keyof typeof HEADINGS];

/**
 * One talk as seen from an issue: the gap day by day, the conditions that tie this issue to
 * another, and what each party has stated on it (a row per day, a column per party).
 * `level` is its title's heading level: 3 under a series' heading (decision 025), else 2.
 */
export function IssueTalk({
  data,
  issue,
  show,
  query = "",
  level = 2,
}: {
  data: IssueTalkData;
  issue: IssuePage["issue"];
  show: IssuePage["show"];
  /** "?asOf=…" on an as-of page: its links to the talk keep the moment. */
  query?: string;
  level?: 2 | 3;
}) {
  const { talk, positions, gap, linkages, statementCount, stanceCount } = data;
  const headings = HEADINGS[level];
  const [Title, Sub] = headings;
  const id = `talk-${talk.slug}`;
  const gapByDay = new Map(gap.flatMap((d) => (d.kind === "day" && d.assessment ? [[d.day, d.assessment] as const] : [])));
  return (
    <section className="issue-talk" aria-labelledby={id}>
      <div className="issue-talk__head">
        <Title id={id} className="issue-talk__title">
          <Link href={`/talks/${talk.slug}${query}`}>{talk.title}</Link>
        </Title>
        <TalkMeta talk={talk} />
      </div>

      <Sub className="issue-talk__subhead">Gap between the parties, day by day</Sub>
      <GapStrip slots={gap} firstDay={talk.firstDay} label={`Gap on ${issue.name} in ${talk.title}, by day`} idPrefix={`gap-${talk.slug}`} />

      {linkages.length > 0 && (
        <>
          <Sub className="issue-talk__subhead">Linkages</Sub>
          <ul className="linkages">
            {linkages.map((l) => (
              <Linkage key={l.id} linkage={l} talkSlug={talk.slug} currentIssue={issue.slug} query={query} />
            ))}
          </ul>
        </>
      )}

      <Sub className="issue-talk__subhead">{show === "all" ? "Statements by day and party" : "Positions by day and party"}</Sub>
      <p className="muted small">
        {show === "all"
          ? `All ${statementCount} ${statementCount === 1 ? "statement" : "statements"} on this issue, by the venue’s local day.`
          : `${stanceCount} ${stanceCount === 1 ? "position, demand or denial" : "positions, demands and denials"} among the ${statementCount} ${statementCount === 1 ? "statement" : "statements"} on this issue, by the venue’s local day.`}
      </p>
      <PositionGrid grid={positions} talk={talk} issue={issue} gapByDay={gapByDay} show={show} query={query} headings={headings} />
    </section>
  );
}

/**
 * Days as rows, parties as columns, so what each side said on a day sits side by side. Each cell
 * names its party in a heading (shown on narrow screens, where the cells stack), so the grid
 * reads in order without the column heads.
 */
function PositionGrid({
  grid,
  talk,
  issue,
  gapByDay,
  show,
  query,
  headings,
}: {
  query: string;
  headings: Headings;
  grid: IssueTalkData["positions"];
  talk: IssueTalkData["talk"];
  issue: IssuePage["issue"];
  gapByDay: Map<string, IssueAssessment>;
  show: IssuePage["show"];
}) {
  const { columns, rows } = grid;
  const [, , Day, Cell] = headings;
  if (rows.length === 0) {
    return (
      <p className="muted">
        {show === "all" ? "No statement on this issue is recorded." : "No position, demand or denial on this issue is recorded."}
      </p>
    );
  }
  const style = { "--columns": columns.length } as React.CSSProperties;
  return (
    <div className="position-grid" style={style}>
      <ul className="position-grid__columns" aria-label="Parties">
        {columns.map(({ party, count }, index) => (
          <li key={party.slug} data-party-index={index}>
            <Link href={`/parties/${party.slug}`}>{party.shortName}</Link>{" "}
            <span className="muted small">
              {count} {count === 1 ? "statement" : "statements"}
            </span>
          </li>
        ))}
      </ul>
      <ol className="position-grid__rows" aria-label={`${show === "all" ? "Statements" : "Positions"} on ${issue.name} in ${talk.title}, by day`}>
        {rows.map((row) => {
          const assessment = row.day ? gapByDay.get(row.day) : undefined;
          return (
            <li key={row.day ?? "undated"} className={`position-row${row.day ? "" : " position-row--undated"}`}>
              <Day className="position-row__day">
                {row.day ? (
                  <a href={`/talks/${talk.slug}${query}#day-${row.day}`}>
                    {row.number !== null && <>Day {row.number} · </>}
                    {formatLocalDay(row.day)}
                  </a>
                ) : (
                  "Day not reported"
                )}
              </Day>
              {assessment && (
                <p className="position-row__gap">
                  Gap assessed <span className={`gap-chip gap--${assessment.gap}`}>{GAP_LABEL[assessment.gap]}</span>
                </p>
              )}
              <div className="position-row__cells">
                {columns.map(({ party }, index) => {
                  const said = row.cells[index] ?? [];
                  return (
                    <div key={party.slug} className="position-cell" data-party-index={index}>
                      <Cell className="position-cell__party">{party.shortName}</Cell>
                      {said.length === 0 ? (
                        <p className="position-cell__none">Nothing recorded</p>
                      ) : (
                        <ol className="statements">
                          {said.map((s) => (
                            <StatementCard key={s.id} statement={s} talk={talk} omitIssue={issue.slug} partyIndex={index} query={query} />
                          ))}
                        </ol>
                      )}
                    </div>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function Linkage({ linkage: l, talkSlug, currentIssue, query }: { linkage: IssueLinkage; talkSlug: string; currentIssue: string; query: string }) {
  const issue = (i: IssueRef) => (i.slug === currentIssue ? <strong>{i.name}</strong> : <Link href={`/issues/${i.slug}${query}`}>{i.name}</Link>);
  return (
    <li className="linkage">
      <p>
        <Link href={`/parties/${l.party.slug}`} className="speaker">
          {l.party.shortName}
        </Link>
        : {l.text}
      </p>
      <p className="linkage__meta">
        <span>
          Holds back {issue(l.issue)} until {issue(l.conditionIssue)} is settled
        </span>
        <span>{l.statedOn ? `Stated ${formatLocalDay(l.statedOn)}` : "Day stated not reported"}</span>
        <span>{l.droppedOn ? `Dropped ${formatLocalDay(l.droppedOn)}` : "Still in force"}</span>
        {l.statementId && (
          <Link href={`/talks/${talkSlug}${query}#statement-${l.statementId}`}>
            Open in timeline<span className="visually-hidden">: the statement setting this condition</span>
          </Link>
        )}
      </p>
    </li>
  );
}
