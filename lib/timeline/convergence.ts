// The convergence strip: for each agenda issue, the gap assessment on each day shown, with the
// stretches of days that hold nothing as one column each (day-runs.ts), so the strip's width
// follows what is shown, never the calendar.
import type { Gap } from "../enums";
import type { DaySlot, EmptyDays } from "./day-runs";

export type Assessed = {
  gap: Gap;
  note: string;
  authorName: string;
  /** On a "what changed since" view: added or corrected since the moment, or (for editors) deleted since. */
  change?: "added" | "corrected";
  deletedSince?: true;
};
export type ConvergenceCell = { kind: "day"; day: string; number: number; assessment: Assessed | null } | EmptyDays;
export type ConvergenceRow = { issue: { slug: string; name: string }; cells: ConvergenceCell[] };

export function buildConvergence(
  issues: { slug: string; name: string }[],
  slots: DaySlot<unknown>[],
  assessments: ({ issueSlug: string; localDay: string } & Assessed)[],
): ConvergenceRow[] {
  const byKey = new Map(assessments.map((a) => [`${a.issueSlug} ${a.localDay}`, a]));
  return issues.map((issue) => ({
    issue,
    cells: slots.map((slot): ConvergenceCell => {
      if (slot.kind === "empty") return slot;
      const a = byKey.get(`${issue.slug} ${slot.day}`);
      return { kind: "day", day: slot.day, number: slot.number, assessment: a ? assessed(a) : null };
    }),
  }));
}

/** A cell's assessment: what the strip shows of it, its mark of a change since a moment when it has one. */
function assessed({ gap, note, authorName, change, deletedSince }: Assessed): Assessed {
  return { gap, note, authorName, ...(change ? { change } : {}), ...(deletedSince ? { deletedSince } : {}) };
}
