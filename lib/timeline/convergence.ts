// The convergence strip: for each agenda issue, the gap assessment on each day of the talk.
import type { Gap } from "../generated/sqlite/enums";
import type { LocalDay } from "../time/local-day";

export type ConvergenceCell = { day: LocalDay; gap: Gap; note: string; authorName: string } | { day: LocalDay; gap: null };
export type ConvergenceRow = { issue: { slug: string; name: string }; cells: ConvergenceCell[] };

export function buildConvergence(
  issues: { slug: string; name: string }[],
  days: LocalDay[],
  assessments: { issueSlug: string; localDay: LocalDay; gap: Gap; note: string; authorName: string }[],
): ConvergenceRow[] {
  const byKey = new Map(assessments.map((a) => [`${a.issueSlug} ${a.localDay}`, a]));
  return issues.map((issue) => ({
    issue,
    cells: days.map((day): ConvergenceCell => {
      const a = byKey.get(`${issue.slug} ${day}`);
      return a ? { day, gap: a.gap, note: a.note, authorName: a.authorName } : { day, gap: null };
    }),
  }));
}
