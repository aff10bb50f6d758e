// What the editing forms start with, so that recording a day takes fewer fields (issue 12): the
// next day of a talk for its next session, and the capacity a speaker usually speaks in. Pure: the
// statement form runs it in the browser when an envoy is chosen; lib/editing/defaults.test.ts.
import type { Capacity, DelegationRole } from "../enums";
import type { LocalDay } from "../time/local-day";
import { lastAllowedDay, type TalkDays } from "../time/talk-span";
import { nextZoneDay } from "../time/zone-calendar";

/** Who is speaking, as the statement form's speaker choice knows them. */
export type SpeakerDefaults = { kind: "party" } | { kind: "envoy"; role: DelegationRole; title: string | null };

/** "Spokesperson", "spokesman", "Foreign Ministry spokeswoman": a title naming a spokesperson. */
const SPOKESPERSON = /\bspokes(?:person|man|woman)\b/i;

/**
 * The capacity a statement starts with for its speaker, written once: an envoy whose title names a
 * spokesperson speaks as spokesperson; otherwise a head of the talk's delegation as head of
 * delegation, a member as delegation member; a party speaking as a whole (a ministry's statement,
 * "Tokyo said") as its government. The editor can change it: it is a default, not a rule.
 */
export function capacityForSpeaker(speaker: SpeakerDefaults): Capacity {
  if (speaker.kind === "party") return "government";
  if (speaker.title && SPOKESPERSON.test(speaker.title)) return "spokesperson";
  return speaker.role === "head" ? "head_of_delegation" : "delegation_member";
}

/**
 * The day after the timeline's last day, on the venue's calendar (a date its clocks jumped over is
 * no day: Apia's next day after 29 December 2011 is 31 December), for "Add the next day's
 * session". Null when the talk can take no later day (its 50-year limit); a day after a set last
 * day is allowed — the session form warns and, confirmed, extends the talk.
 */
export function nextSessionDay(talk: TalkDays & { venueTimeZone: string }, lastShown: LocalDay): LocalDay | null {
  const next = nextZoneDay(talk.venueTimeZone, lastShown);
  if (talk.lastDay === null && next > lastAllowedDay(talk)) return null;
  return next;
}
