// The brief's one-line trend of the gap on an issue ("deadlocked since day 4"), from the editors'
// assessments. Written once here and used by the brief only; why this rule:
// docs/decisions/019-brief.md. Pure: lib/brief/trend.test.ts.
import type { Gap } from "../enums";
import type { LocalDay } from "../time/local-day";

/** One assessment of one issue: its day, the talk's number of that day (null before day 1), the gap. */
export type AssessedDay = { day: LocalDay; number: number | null; gap: Gap };

export type GapTrend = {
  /** The latest judgement, or null when the issue was never assessed. */
  gap: Gap | null;
  /** The first day of the latest unbroken stretch of that judgement (days not assessed do not break it). */
  since: AssessedDay | null;
  /** The latest day assessed. */
  latest: AssessedDay | null;
  /** The line itself: "deadlocked since day 4". */
  text: string;
};

const dayName = (d: AssessedDay) => (d.number !== null ? `day ${d.number.toLocaleString("en-GB")}` : d.day);

/**
 * The trend of the gap on one issue. `assessed` may come in any order, one per day. The rule:
 * take the latest assessment; walk back over the assessments before it while they give the same
 * judgement (a day nobody assessed is no evidence of change, so it does not break the stretch);
 * the stretch's first day is "since". Then, by the latest judgement:
 * - agreed: "agreed on day N" (one day) or "agreed since day N";
 * - narrowing / deadlocked: "narrowing since day N", "deadlocked since day N";
 * - widening: "widened on day N" when only the latest day says so, else "widening since day N";
 * - unchanged: "unchanged since day N", and what it was before when that is known
 *   ("unchanged since day 3, after narrowing on day 2").
 * `lastDay`, when given and later than the latest assessment, adds "; not assessed after day M",
 * so a stale judgement does not read as current.
 */
export function gapTrend(assessed: readonly AssessedDay[], lastDay?: { day: LocalDay; number: number | null }): GapTrend {
  const ordered = [...assessed].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const latest = ordered.at(-1);
  if (!latest) return { gap: null, since: null, latest: null, text: "not assessed" };
  let start = ordered.length - 1;
  while (start > 0 && ordered[start - 1]!.gap === latest.gap) start--;
  const since = ordered[start]!;
  const before = start > 0 ? ordered[start - 1]! : null;
  const single = since === latest;

  let text: string;
  switch (latest.gap) {
    case "agreed":
      text = single ? `agreed on ${dayName(latest)}` : `agreed since ${dayName(since)}`;
      break;
    case "widening":
      text = single ? `widened on ${dayName(latest)}` : `widening since ${dayName(since)}`;
      break;
    case "unchanged":
      text = `unchanged since ${dayName(since)}${before ? `, after ${PAST[before.gap]} on ${dayName(before)}` : ""}`;
      break;
    case "narrowing":
    case "deadlocked":
      text = `${latest.gap} since ${dayName(since)}`;
      break;
  }
  if (lastDay && lastDay.day > latest.day) text += `; not assessed after ${dayName(latest)}`;
  return { gap: latest.gap, since, latest, text };
}

// How an earlier judgement reads after "after": "after narrowing on day 2".
const PAST: Record<Gap, string> = {
  agreed: "agreement",
  narrowing: "narrowing",
  unchanged: "no change",
  widening: "widening",
  deadlocked: "deadlock",
};
