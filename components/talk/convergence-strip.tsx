import type { ConvergenceRow } from "@/lib/timeline/convergence";
import type { Gap } from "@/lib/enums";
import { GAP_LABEL } from "@/lib/labels";
import { formatLocalDay, formatLocalDayShort } from "@/lib/time/local-day";
import { dayNumbers, runDates } from "../timeline/timeline-days";
import "../timeline/change-tag.css";

const GAP_ORDER: Gap[] = ["agreed", "narrowing", "unchanged", "widening", "deadlocked"];

/**
 * Issues × days: the editors' judgement of the gap between the parties, one cell per issue per
 * day shown, one narrow column per stretch of days that holds nothing. Colour and a text label,
 * so it reads without colour; each cell links to its day. `partial` says the page shows some of
 * the talk's days (a long talk), so the strip does too.
 */
export function ConvergenceStrip({
  rows,
  dayHref,
  assessHref,
  partial = false,
}: {
  rows: ConvergenceRow[];
  partial?: boolean;
  dayHref: (day: string) => string;
  /** For editors: where to assess (or reassess) an issue on a day. */
  assessHref?: (issue: string, day: string) => string;
}) {
  if (rows.length === 0 || rows[0]!.cells.length === 0) return null;
  const columns = rows[0]!.cells;
  // A grid of empty cells tells nothing: say so in a line (editors assess from each day's links).
  if (!rows.some((row) => row.cells.some((c) => c.kind === "day" && c.assessment))) {
    return (
      <section className="convergence convergence--none" aria-labelledby="convergence-heading">
        <h2 id="convergence-heading">Is the gap closing?</h2>
        <p className="muted small">No day {partial ? "from the first shown below" : "of this talk"} has been assessed yet.</p>
      </section>
    );
  }
  return (
    <section className="convergence" aria-labelledby="convergence-heading">
      <div className="convergence__head">
        <h2 id="convergence-heading">Is the gap closing?</h2>
        <p className="muted small">
          Editors’ assessment of the gap on each issue, day by day{partial ? ", from the first day shown below" : ""}.{" "}
          <span className="legend" aria-hidden="true">
            {GAP_ORDER.map((g) => (
              <span key={g} className={`gap-chip gap--${g}`}>
                {GAP_LABEL[g]}
              </span>
            ))}
          </span>
        </p>
      </div>
      <div className="convergence__scroll" tabIndex={0} role="region" aria-label="Gap by issue and day (scrolls sideways; opens at the latest day)">
        <table className="convergence__table">
          <caption className="visually-hidden">Gap between the parties by issue (rows) and day of the talk (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {columns.map((c) =>
                c.kind === "day" ? (
                  <th key={c.day} scope="col" abbr={formatLocalDay(c.day)}>
                    <a href={dayHref(c.day)}>
                      Day {c.number.toLocaleString("en-GB")}
                      <span className="convergence__date">{formatLocalDayShort(c.day)}</span>
                    </a>
                  </th>
                ) : (
                  <th key={c.first} scope="col" className="convergence__run" abbr={`${runDates(c)}, nothing recorded`}>
                    {dayNumbers(c)}
                    <span className="convergence__date">nothing recorded</span>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.issue.slug}>
                <th scope="row">
                  <a href={`/issues/${row.issue.slug}`}>{row.issue.name}</a>
                </th>
                {row.cells.map((cell) =>
                  cell.kind === "empty" ? (
                    <td key={cell.first} className="gap gap--run">
                      <span className="visually-hidden">Nothing recorded</span>
                    </td>
                  ) : cell.assessment?.deletedSince ? (
                    // For editors on a "what changed since" view: the assessment deleted since, struck through.
                    <td key={cell.day} className="gap gap--none gap--deleted">
                      <a href={dayHref(cell.day)}>
                        <del>{GAP_LABEL[cell.assessment.gap]}</del>
                        <span className="gap__change">deleted since</span>
                      </a>
                    </td>
                  ) : cell.assessment ? (
                    <td key={cell.day} className={`gap gap--${cell.assessment.gap}`}>
                      <a href={dayHref(cell.day)} title={cell.assessment.note ? `${cell.assessment.note} — ${cell.assessment.authorName}` : cell.assessment.authorName}>
                        {GAP_LABEL[cell.assessment.gap]}
                        {cell.assessment.change && <span className="gap__change">{cell.assessment.change}</span>}
                      </a>
                      {assessHref ? (
                        <a className="gap__edit no-print" href={assessHref(row.issue.slug, cell.day)}>
                          Edit<span className="visually-hidden"> the assessment of {row.issue.name} on day {cell.number}</span>
                        </a>
                      ) : null}
                    </td>
                  ) : (
                    <td key={cell.day} className="gap gap--none">
                      {assessHref ? (
                        <a className="gap__edit gap__edit--add no-print" href={assessHref(row.issue.slug, cell.day)}>
                          Assess<span className="visually-hidden"> {row.issue.name} on day {cell.number}</span>
                        </a>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className="visually-hidden">Not assessed</span>
                        </>
                      )}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
