// How far a talk's days reach, in one place (docs/decisions/009-talk-span.md). A talk spans at
// most TALK_SPAN_MAX_YEARS from its first day; while its end is open, its days run to that limit.
// Every dated row of a talk (a session's day, a statement's day, an assessment's day, a linkage's
// days) must fall inside them. The forms, the write core and the talk document all ask here, so
// a day typed as 9999-12-31 (or 2106 for 2006) is refused with a sentence naming the talk's days
// instead of being saved. Pure: lib/time/talk-span.test.ts.
import { listInWords, plural } from "../labels";
import { addLocalYears, formatDayRange, formatLocalDayDate, type LocalDay } from "./local-day";

/**
 * The longest a talk may run. Generous for a multi-year process (the Six-Party Talks ran about
 * six years, the Cyprus talks have run on and off for decades), short enough that a mistyped
 * year cannot stretch a talk to the year 9999.
 */
export const TALK_SPAN_MAX_YEARS = 50;

export type TalkDays = { firstDay: LocalDay; lastDay: LocalDay | null };

/** A refusal that belongs next to one of the talk form's fields. */
export type TalkDaysProblem = { field: "firstDay" | "lastDay"; message: string };

/** The furthest day a talk that starts on `firstDay` can reach (same calendar day, 50 years on). */
export function talkSpanLimit(firstDay: LocalDay): LocalDay {
  return addLocalYears(firstDay, TALK_SPAN_MAX_YEARS);
}

/**
 * The last day a row of the talk may be dated: the talk's last day, or while it is open the
 * span's limit. A talk saved before the limit existed may end later; its rows stop at the limit.
 */
export function lastAllowedDay(talk: TalkDays): LocalDay {
  const limit = talkSpanLimit(talk.firstDay);
  return talk.lastDay !== null && talk.lastDay < limit ? talk.lastDay : limit;
}

/** Whether a dated row of the talk may fall on `day`. */
export function isDayInTalk(talk: TalkDays, day: LocalDay): boolean {
  return day >= talk.firstDay && day <= lastAllowedDay(talk);
}

/** What is wrong with a talk's own first and last days, or null. */
export function talkDaysProblem(talk: TalkDays): TalkDaysProblem | null {
  if (talk.lastDay === null) return null;
  if (talk.lastDay < talk.firstDay) return { field: "lastDay", message: "The last day cannot be before the first." };
  const limit = talkSpanLimit(talk.firstDay);
  if (talk.lastDay > limit) {
    return {
      field: "lastDay",
      message: `A talk spans at most ${TALK_SPAN_MAX_YEARS} years, so its last day can be ${formatLocalDayDate(limit)} at the latest.`,
    };
  }
  return null;
}

/**
 * The sentence refusing `day` as a dated row's day in the talk, or null when the day is inside
 * it. `subject` starts the sentence ("That day", "9999-12-31", "Its day, 9 February 2006,").
 */
export function dayOutsideTalk(talk: TalkDays, day: LocalDay, subject = "That day"): string | null {
  if (isDayInTalk(talk, day)) return null;
  return `${subject} is outside the talk ${describeTalkDays(talk)}.`;
}

/**
 * The talk's days, to end a sentence about them: "(4–8 February 2006)", or while its end is open
 * "(from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most".
 */
export function describeTalkDays(talk: TalkDays): string {
  const last = lastAllowedDay(talk);
  if (talk.lastDay === last) return `(${formatDayRange(talk.firstDay, last)})`;
  const first = formatLocalDayDate(talk.firstDay);
  const reason = talk.lastDay === null ? "the talk is open" : `a talk spans at most ${TALK_SPAN_MAX_YEARS} years`;
  return `(from ${first}): ${reason}, so its days run to ${formatLocalDayDate(last)} at most`;
}

/**
 * The talk's days for a form's hint: "4–8 February 2006", or while its end is open "4 February
 * 2006 to 4 February 2056 at most, while the talk is open".
 */
export function summarizeTalkDays(talk: TalkDays): string {
  const last = lastAllowedDay(talk);
  if (talk.lastDay === last) return formatDayRange(talk.firstDay, last);
  const why = talk.lastDay === null ? "while the talk is open" : `as a talk spans at most ${TALK_SPAN_MAX_YEARS} years`;
  return `${formatLocalDayDate(talk.firstDay)} to ${formatLocalDayDate(last)} at most, ${why}`;
}

/** The talk's dated rows, by kind: how many there are on one side of a span. */
export type DatedRowCounts = { sessions: number; statements: number; assessments: number; linkages: number; /** The days they are on, in order. */ days?: LocalDay[] };
type RowKind = "sessions" | "statements" | "assessments" | "linkages";

const NOUNS: Record<RowKind, [string, string]> = {
  sessions: ["session", "sessions"],
  statements: ["statement", "statements"],
  assessments: ["gap assessment", "gap assessments"],
  linkages: ["linkage", "linkages"],
};

/** "2 sessions and 5 statements", or null when there are none. */
export function countRows(counts: DatedRowCounts): string | null {
  const parts = (Object.keys(NOUNS) as RowKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind].toLocaleString("en")} ${NOUNS[kind][counts[kind] === 1 ? 0 : 1]}`);
  if (parts.length === 0) return null;
  return listInWords(parts);
}

/** " (on 1 April 2026 and 2 April 2026)": where stranded rows are, for the editor to go to. */
function onDays(days: LocalDay[] | undefined): string {
  if (!days?.length) return "";
  const named = days.slice(0, 4).map(formatLocalDayDate);
  if (days.length > 4) named.push(plural(days.length - 4, "other day"));
  return ` (on ${listInWords(named)})`;
}

const total = (counts: DatedRowCounts) => counts.sessions + counts.statements + counts.assessments + counts.linkages;

/**
 * Why a talk cannot take new days while rows dated outside them are live, or null. `before` and
 * `after` count the talk's live rows dated before `next.firstDay` and after lastAllowedDay(next).
 */
export function strandedRowsProblem(next: TalkDays, stranded: { before: DatedRowCounts; after: DatedRowCounts }): TalkDaysProblem | null {
  const say = (counts: DatedRowCounts, where: string) => {
    const one = total(counts) === 1;
    return `${countRows(counts)} ${one ? "lies" : "lie"} ${where}${onDays(counts.days)}; move or delete ${one ? "it" : "them"} first.`;
  };
  if (total(stranded.before) > 0) return { field: "firstDay", message: say(stranded.before, `before ${formatLocalDayDate(next.firstDay)}`) };
  if (total(stranded.after) > 0) {
    const last = lastAllowedDay(next);
    // An open talk's days end where its first day puts the span's limit: that is the field to change.
    if (next.lastDay === last) return { field: "lastDay", message: say(stranded.after, `after ${formatLocalDayDate(last)}`) };
    return {
      field: next.lastDay === null ? "firstDay" : "lastDay",
      message: say(stranded.after, `after ${formatLocalDayDate(last)}, ${TALK_SPAN_MAX_YEARS} years after the first day, where an open talk’s days end`),
    };
  }
  return null;
}
