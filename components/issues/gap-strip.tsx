import { GAP_LABEL } from "@/lib/labels";
import type { IssueAssessment } from "@/lib/data/issues";
import type { GapStripRun, GapStripSlot } from "@/lib/statements/group";
import { formatLocalDay, formatLocalDayShort, type LocalDay } from "@/lib/time/local-day";

/**
 * The gap on one issue in one talk: a cell per day assessed or with a statement on the issue
 * (colour and label, so it reads without colour), one cell for each stretch of days between them
 * where nothing was recorded ("Days 5–11 · Nothing recorded"), then each assessment's note and
 * author. `idPrefix` keeps anchors unique when a page shows several talks.
 */
export function GapStrip({
  slots,
  firstDay,
  label,
  idPrefix,
}: {
  slots: GapStripSlot<IssueAssessment>[];
  /** The talk's first day: days in another year are shown with theirs. */
  firstDay: LocalDay;
  label: string;
  idPrefix: string;
}) {
  const assessed = slots.flatMap((s) => (s.kind === "day" && s.assessment ? [{ ...s, assessment: s.assessment }] : []));
  const day = (d: LocalDay) => (
    <time dateTime={d} title={formatLocalDay(d)}>
      {formatLocalDayShort(d)}
      {d.slice(0, 4) !== firstDay.slice(0, 4) && ` ${d.slice(0, 4)}`}
    </time>
  );
  return (
    <>
      <ol className="gap-strip" aria-label={label}>
        {slots.map((slot) =>
          slot.kind === "empty" ? (
            <li key={`from-${slot.first}`} className="gap-strip__day gap-strip__run gap--none">
              <span className="gap-strip__when">
                <RunNumbers run={slot} />
                <span>
                  {day(slot.first)}
                  {slot.count > 1 && <> – {day(slot.last)}</>}
                </span>
              </span>
              <span className="gap-strip__gap gap-strip__gap--none">
                Nothing recorded<span className="visually-hidden"> on this issue</span>
              </span>
            </li>
          ) : (
            <li key={slot.day} className={`gap-strip__day gap--${slot.assessment?.gap ?? "none"}`}>
              <span className="gap-strip__when">
                {slot.number !== null && <span className="gap-strip__number">Day {slot.number}</span>}
                {day(slot.day)}
              </span>
              {slot.assessment ? (
                <a className="gap-strip__gap" href={`#${idPrefix}-${slot.day}`}>
                  {GAP_LABEL[slot.assessment.gap]}
                </a>
              ) : (
                <span className="gap-strip__gap gap-strip__gap--none">Not assessed</span>
              )}
            </li>
          ),
        )}
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

/** "Day 5" or "Days 5–11"; nothing for days before the talk's first, which have no number. */
function RunNumbers({ run }: { run: GapStripRun }) {
  const { firstNumber: a, lastNumber: b } = run;
  if (b === null) return null;
  const text = a === null ? `To day ${b}` : a === b ? `Day ${a}` : `Days ${a}–${b}`;
  return <span className="gap-strip__number">{text}</span>;
}
