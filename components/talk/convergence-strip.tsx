import type { ConvergenceRow } from "@/lib/timeline/convergence";
import type { Gap } from "@/lib/generated/sqlite/enums";
import { GAP_LABEL } from "@/lib/labels";
import { formatLocalDay, formatLocalDayShort, localDaysBetween } from "@/lib/time/local-day";

const GAP_ORDER: Gap[] = ["agreed", "narrowing", "unchanged", "widening", "deadlocked"];

/**
 * Issues × days: the editors' judgement of the gap between the parties, one cell per issue per
 * day. Colour and a text label, so it reads without colour; each cell links to its day.
 */
export function ConvergenceStrip({
  rows,
  firstDay,
  dayHref,
  assessHref,
}: {
  rows: ConvergenceRow[];
  firstDay: string;
  dayHref: (day: string) => string;
  /** For editors: where to assess (or reassess) an issue on a day. */
  assessHref?: (issue: string, day: string) => string;
}) {
  if (rows.length === 0) return null;
  const days = rows[0]!.cells.map((c) => c.day);
  return (
    <section className="convergence" aria-labelledby="convergence-heading">
      <h2 id="convergence-heading">Is the gap closing?</h2>
      <p className="muted small">
        Editors’ assessment of the gap between the parties on each issue, day by day.{" "}
        <span className="legend" aria-hidden="true">
          {GAP_ORDER.map((g) => (
            <span key={g} className={`gap-chip gap--${g}`}>
              {GAP_LABEL[g]}
            </span>
          ))}
        </span>
      </p>
      <div className="convergence__scroll" tabIndex={0} role="region" aria-label="Gap by issue and day (scrolls sideways)">
        <table className="convergence__table">
          <caption className="visually-hidden">Gap between the parties by issue (rows) and day of the talk (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              {days.map((day) => (
                <th key={day} scope="col" abbr={formatLocalDay(day)}>
                  <a href={dayHref(day)}>
                    Day {localDaysBetween(firstDay, day) + 1}
                    <span className="convergence__date">{formatLocalDayShort(day)}</span>
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.issue.slug}>
                <th scope="row">
                  <a href={`/issues/${row.issue.slug}`}>{row.issue.name}</a>
                </th>
                {row.cells.map((cell) =>
                  cell.gap ? (
                    <td key={cell.day} className={`gap gap--${cell.gap}`}>
                      <a href={dayHref(cell.day)} title={cell.note ? `${cell.note} — ${cell.authorName}` : cell.authorName}>
                        {GAP_LABEL[cell.gap]}
                      </a>
                      {assessHref ? (
                        <a className="gap__edit no-print" href={assessHref(row.issue.slug, cell.day)}>
                          Edit<span className="visually-hidden"> the assessment of {row.issue.name} on day {localDaysBetween(firstDay, cell.day) + 1}</span>
                        </a>
                      ) : null}
                    </td>
                  ) : (
                    <td key={cell.day} className="gap gap--none">
                      {assessHref ? (
                        <a className="gap__edit gap__edit--add no-print" href={assessHref(row.issue.slug, cell.day)}>
                          Assess<span className="visually-hidden"> {row.issue.name} on day {localDaysBetween(firstDay, cell.day) + 1}</span>
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
