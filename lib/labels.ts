// The words the UI uses for each enum value. One place, so the timeline, filters, exports and
// tests agree.
import type {
  Capacity,
  DelegationRole,
  Gap,
  Outcome,
  PartOfDay,
  PartyRole,
  SessionKind,
  StatementKind,
  StatementSetting,
  TalkStatus,
  TimePrecision,
} from "./enums";

export const TALK_STATUS_LABEL: Record<TalkStatus, string> = {
  scheduled: "Scheduled",
  ongoing: "Ongoing",
  concluded: "Concluded",
  suspended: "Suspended",
};

export const SESSION_KIND_LABEL: Record<SessionKind, string> = {
  plenary: "Plenary",
  working_group: "Working group",
  bilateral: "Bilateral",
  press_briefing: "Press briefing",
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  agreement: "Agreement",
  progress: "Progress",
  no_progress: "No progress",
  deadlock: "Deadlock",
  suspended: "Suspended",
  unknown: "Outcome unknown",
};

export const STATEMENT_KIND_LABEL: Record<StatementKind, string> = {
  direct_quote: "Direct quote",
  paraphrase: "Paraphrase",
  position: "Position",
  demand: "Demand",
  denial: "Denial",
  assessment: "Assessment",
};

export const CAPACITY_LABEL: Record<Capacity, string> = {
  head_of_delegation: "head of delegation",
  delegation_member: "delegation member",
  spokesperson: "spokesperson",
  government: "government",
  unknown: "capacity not stated",
};

export const SETTING_LABEL: Record<StatementSetting, string> = {
  session: "in session",
  press_briefing: "at a press briefing",
  arrival: "on arrival",
  departure: "on departure",
  state_media: "in state media",
  interview: "in an interview",
  other: "elsewhere",
  unknown: "setting not reported",
};

export const PART_OF_DAY_LABEL: Record<PartOfDay, string> = {
  morning: "morning",
  afternoon: "afternoon",
  evening: "evening",
  night: "night",
};

export const GAP_LABEL: Record<Gap, string> = {
  agreed: "Agreed",
  narrowing: "Narrowing",
  unchanged: "Unchanged",
  widening: "Widening",
  deadlocked: "Deadlocked",
};

export const TIME_PRECISION_LABEL: Record<TimePrecision, string> = {
  unknown: "Day not known",
  day: "Day only",
  part_of_day: "Part of the day",
  minute: "Time to the minute",
};

export const DELEGATION_ROLE_LABEL: Record<DelegationRole, string> = {
  head: "head of delegation",
  member: "delegation member",
};

/** A party's part in a talk (decision 024); the plural names the talk page's role filter. */
export const PARTY_ROLE_LABEL: Record<PartyRole, { one: string; many: string }> = {
  principal: { one: "principal", many: "Principals" },
  host: { one: "host", many: "Hosts" },
  mediator: { one: "mediator", many: "Mediators" },
  observer: { one: "observer", many: "Observers" },
};

/** "1 session", "3 sessions", "1,200 days": a count with its noun (nouns that add an s). */
export const plural = (n: number, one: string) => `${n.toLocaleString("en-GB")} ${one}${n === 1 ? "" : "s"}`;

/**
 * A sentence's first word lower-cased, to follow a colon: "Version 3 cannot be restored: it was…".
 * Only the words our sentences begin with: a name ("Aurelia’s statement…") keeps its capital.
 */
export const lowerFirst = (s: string) => s.replace(/^(A|An|It|Its|The|This|That|These|Those|There|No|One|On)\b/, (w) => w.toLowerCase());

/** "a, b and c": a list in a sentence. */
export const listInWords = (items: readonly string[]) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
