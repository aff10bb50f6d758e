import { GAP_LABEL } from "@/lib/labels";
import type { IssueAssessment } from "@/lib/data/issues";
import type { GapStripDay } from "@/lib/statements/group";
import { formatLocalDay, formatLocalDayShort } from "@/lib/time/local-day";

/**
 * The gap on one issue in one talk, a cell per day of the talk (colour and label, so it reads
 * without colour), then each assessment's note and author. `idPrefix` keeps anchors unique when
 * a page shows several talks.
 */
export function GapStrip({ days, label, idPrefix }: { days: GapStripDay<IssueAssessment>[]; label: string; idPrefix: string }) {
  const assessed = days.flatMap((d) => (d.assessment ? [{ ...d, assessment: d.assessment }] : []));
  return (
    <>
      <ol className="gap-strip" aria-label={label}>
        {days.map(({ day, number, assessment }) => (
          <li key={day} className={`gap-strip__day gap--${assessment?.gap ?? "none"}`}>
            <span className="gap-strip__when">
              {number !== null && <span className="gap-strip__number">Day {number}</span>}
              <time dateTime={day} title={formatLocalDay(day)}>
                {formatLocalDayShort(day)}
              </time>
            </span>
            {assessment ? (
              <a className="gap-strip__gap" href={`#${idPrefix}-${day}`}>
                {GAP_LABEL[assessment.gap]}
              </a>
            ) : (
              <span className="gap-strip__gap gap-strip__gap--none">Not assessed</span>
            )}
          </li>
        ))}
      </ol>
      {assessed.length === 0 ? (
        <p className="muted small">No day has been assessed yet.</p>
      ) : (
        <ol className="gap-notes">
          {assessed.map(({ day, number, assessment: a }) => (
            <li key={day} id={`${idPrefix}-${day}`} className="gap-note">
              <article aria-label={`Gap on ${formatLocalDay(day)}`}>
                <p className="gap-note__head">
                  <strong>
                    {number !== null && <>Day {number} · </>}
                    {formatLocalDay(day)}
                  </strong>
                  <span className={`gap-chip gap--${a.gap}`}>{GAP_LABEL[a.gap]}</span>
                </p>
                {a.note && <p className="gap-note__text">{a.note}</p>}
                <p className="gap-note__author">Assessed by {a.authorName}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
