import "./series.css";
import { StatusBadge } from "@/components/badges";
import { dayPagePath } from "@/lib/entities/talk-row";
import { GAP_LABEL, STATEMENT_KIND_LABEL } from "@/lib/labels";
import type { RoundGap, RoundPosition, SeriesIssue, SeriesPage, SeriesRound } from "@/lib/series/build";
import { formatDayRange, formatLocalDay, formatLocalDayShort } from "@/lib/time/local-day";

/** What a round is called at the head of a column: its number, or where and when it was held. */
export function roundName(r: Pick<SeriesRound, "round" | "venueCity" | "firstDay">): string {
  return r.round !== null ? `Round ${r.round}` : `${r.venueCity}, ${formatMonth(r.firstDay)}`;
}

const formatMonth = (day: string) => {
  const month = new Date(`${day}T00:00:00Z`).toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  return `${month} ${day.slice(0, 4)}`;
};

/** The rounds of the series, in the order they were held. */
export function SeriesRounds({ rounds }: { rounds: SeriesRound[] }) {
  return (
    <div className="series-scroll" role="region" aria-label="Rounds, in order" tabIndex={0}>
      <table className="series-table">
        <caption className="visually-hidden">The rounds of the series, in the order they were held</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Talk</th>
            <th scope="col">Dates</th>
            <th scope="col">Venue</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.slug}>
              <td className="series-table__round">{r.round !== null ? r.round : <span className="muted">Not numbered</span>}</td>
              <th scope="row">
                <a href={`/talks/${r.slug}`}>{r.title}</a>
              </th>
              <td>{formatDayRange(r.firstDay, r.lastDay)}</td>
              <td>{r.venueCity}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One issue across the rounds: the gap each round ended on, then each party's position in each round. */
export function SeriesIssueTable({ issue, rounds }: { issue: SeriesIssue; rounds: SeriesRound[] }) {
  const id = `issue-${issue.slug}`;
  return (
    <section className="series-issue" aria-labelledby={id}>
      <h3 id={id}>
        <a href={`/issues/${issue.slug}`}>{issue.name}</a>
      </h3>
      <div className="series-scroll" role="region" aria-label={`${issue.name}, round by round`} tabIndex={0}>
        <table className="series-table series-matrix" style={{ minWidth: `${9 + rounds.length * 14}rem` }}>
          <caption className="visually-hidden">
            {issue.name}: the gap at the end of each round, and each party’s latest position in it
          </caption>
          <thead>
            <tr>
              <td className="series-matrix__side" />
              {rounds.map((r) => (
                <th key={r.slug} scope="col">
                  <a href={`/talks/${r.slug}`}>{roundName(r)}</a>
                  <span className="series-table__when">{formatDayRange(r.firstDay, r.lastDay)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="series-matrix__gap">
              <th scope="row">Gap at the end</th>
              {issue.gaps.map((g, i) => (
                <td key={rounds[i]!.slug}>
                  <GapCell gap={g} />
                </td>
              ))}
            </tr>
            {issue.positions.map(({ party, cells }) => (
              <tr key={party.slug}>
                <th scope="row">
                  <a href={`/parties/${party.slug}`}>{party.shortName}</a>
                </th>
                {cells.map((c, i) => (
                  <td key={rounds[i]!.slug}>
                    <PositionCell cell={c} talk={rounds[i]!.slug} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GapCell({ gap }: { gap: RoundGap }) {
  if (gap.kind === "off-agenda") return <span className="series-cell__none">Not on this round’s agenda</span>;
  if (gap.kind === "none") return <span className="series-cell__none">No assessment</span>;
  return (
    <>
      <span className={`gap-chip gap--${gap.gap}`}>{GAP_LABEL[gap.gap]}</span>
      <span className="series-cell__when">
        as assessed on{" "}
        <time dateTime={gap.day} title={formatLocalDay(gap.day)}>
          {gap.number !== null ? `day ${gap.number}, ` : ""}
          {formatLocalDayShort(gap.day)}
        </time>
      </span>
    </>
  );
}

function PositionCell({ cell, talk }: { cell: RoundPosition; talk: string }) {
  if (cell.kind === "absent") return <span className="series-cell__none">Not at this round</span>;
  if (cell.kind === "silent") return <span className="series-cell__none">No statement on this issue</span>;
  const s = cell.statement;
  return (
    <>
      {cell.basis === "remark" ? <span className="muted">No stated position; latest remark: </span> : null}
      <span className="series-cell__text">{s.text}</span>
      <span className="series-cell__when">
        {STATEMENT_KIND_LABEL[s.kind]} · {s.speaker} ·{" "}
        <a href={dayPagePath(talk, s.day, { anchor: "statement", id: s.id })}>
          {s.day === null ? "day not reported" : `${s.number !== null ? `day ${s.number}, ` : ""}${formatLocalDayShort(s.day)}`}
        </a>
        {cell.undatedOthers > 0 ? ` · ${cell.undatedOthers} more on days not reported` : ""}
      </span>
    </>
  );
}

/** The whole series page below its header. */
export function SeriesBody({ data }: { data: SeriesPage }) {
  const { rounds, issues } = data;
  return (
    <>
      <section className="series-section" aria-labelledby="series-rounds">
        <h2 id="series-rounds">Rounds</h2>
        {rounds.length === 0 ? <p className="muted">No talk is recorded as a round of this series yet.</p> : <SeriesRounds rounds={rounds} />}
      </section>
      {rounds.length > 0 && (
        <section className="series-section" aria-labelledby="series-issues">
          <h2 id="series-issues">Issues, round by round</h2>
          <p className="muted small">
            For each issue on a round’s agenda: the gap the editors last assessed in each round, and each party’s latest position in it (a position, demand, denial or
            direct quote; failing those, its latest remark), with the day it was said.
          </p>
          {issues.length === 0 ? <p className="muted">No round has an issue on its agenda yet.</p> : issues.map((issue) => <SeriesIssueTable key={issue.slug} issue={issue} rounds={rounds} />)}
        </section>
      )}
    </>
  );
}
