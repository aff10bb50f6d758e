// The bench talk: a large, made-up `parley.talk/v1` document with the shape of a long real
// round (many sessions a day, most statements dated only to the day, some to the minute, some
// not dated at all). Deterministic: the same options give the same document, byte for byte.
// Parties, people and publishers are fictional; the user-assigned ISO codes (X..) say so.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { z } from "zod";
import { TalkDocumentSchema, describeIssues, type TalkDocument } from "../../lib/talk-document/schema";
import { addLocalDays, eachLocalDay, localDayOf, type LocalDay } from "../../lib/time/local-day";
import { createRng, type Rng } from "./prng";

type DocInput = z.input<typeof TalkDocumentSchema>;
type SessionInput = NonNullable<DocInput["sessions"]>[number];
type StatementInput = NonNullable<DocInput["statements"]>[number];
type Gap = TalkDocument["assessments"][number]["gap"];

export type GenerateOptions = {
  seed: number;
  slug: string;
  firstDay: LocalDay;
  days: number;
  sessions: number;
  statements: number;
  /** Geneva's zone: the round crosses the change to summer time (30 March 2025). */
  timeZone: string;
};

export const LARGE_TALK: GenerateOptions = {
  seed: 20250310,
  slug: "bench-geneva-30-days",
  firstDay: "2025-03-10",
  days: 30,
  sessions: 600,
  statements: 5_000,
  timeZone: "Europe/Zurich",
};

const PARTIES = [
  { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
  { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
  { slug: "castellan", name: "Castellan Federation", shortName: "Castellan", isoCode: "XCA" },
  { slug: "delmar", name: "Union of Delmar", shortName: "Delmar", isoCode: "XDE" },
  { slug: "eastmark", name: "Eastmark Autonomous Authority", shortName: "Eastmark", isoCode: null },
  { slug: "fennland", name: "Commonwealth of Fennland", shortName: "Fennland", isoCode: "XFE" },
] as const;

const ISSUES = [
  { slug: "sanctions-relief", name: "Sanctions relief", description: "The order and pace in which economic sanctions are lifted." },
  { slug: "verification", name: "Verification and inspections", description: "Who inspects what, how often, and with what access." },
  { slug: "border-demarcation", name: "Border demarcation", description: "Where the line runs along the disputed river valley." },
  { slug: "detained-nationals", name: "Exchange of detained nationals", description: "Lists, numbers and timing of the exchange of detained nationals." },
] as const;

const FIRST_NAMES = ["Amara", "Boris", "Chen", "Dalia", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana", "Kofi", "Lena", "Marek", "Nadia", "Omar", "Petra", "Rafael", "Sofia", "Tomas", "Yara"];
const LAST_NAMES = ["Adler", "Berisha", "Costa", "Dvorak", "Eriksen", "Farkas", "Grimaldi", "Halvorsen", "Ivanova", "Jovanovic", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quist", "Rossi", "Santos", "Tanaka"];
const PUBLISHERS = ["Geneva Wire", "Aurelian State News", "Borealis Broadcasting Corporation", "Castellan Press Agency", "Delmar Ministry of Foreign Affairs", "The Lake Courier", "Eastmark Information Office", "Fennland Daily", "International Mediation Secretariat", "Alpine Radio"];
const HEADLINES = ["talks resume after weekend pause", "delegations trade accusations", "negotiators report slow progress", "working groups meet late into the night", "mediator urges flexibility", "envoys hint at compromise", "draft text circulated", "talks stall over sequencing", "new proposal tabled", "sides agree on next steps"];

const SENTENCES = [
  "Our position on {issue} has not changed since the opening day.",
  "{other} must take concrete steps on {issue} before any further concessions are discussed.",
  "We are prepared to consider a phased approach to {issue}, provided every phase can be verified.",
  "The proposal tabled by {other} on {issue} does not address our core concerns.",
  "There has been movement on {issue}, but the text is far from settled.",
  "We reject the claim that our delegation has delayed the work on {issue}.",
  "The working group on {issue} will resume tomorrow morning at expert level.",
  "Any agreement on {issue} must be linked to progress on {issue2}.",
  "The atmosphere in the room was businesslike and both sides listened carefully.",
  "We have asked {other} to set out its figures on {issue} in writing.",
  "It is too early to speak of a breakthrough on {issue}.",
  "The delegation will consult the capital overnight on the latest draft concerning {issue}.",
  "{other} has once again raised conditions that were settled in the previous round.",
  "We welcome the constructive tone of today's meeting on {issue}.",
  "No date has been set for the next plenary session.",
  "The mediator's paper is a useful basis, although several paragraphs on {issue} remain in brackets.",
];
const QUOTED_SENTENCES = [
  "The delegation described the latest draft on {issue} as \"{phrase}\".",
  "Progress on {issue} has been \"{phrase}\", the envoy told reporters.",
  "Asked about {other}'s offer, the delegation called it \"{phrase}\" and declined to elaborate.",
  "On {issue}, the remaining gap is \"{phrase}\", according to the delegation.",
];
const PHRASES = ["a serious step backwards", "huge difference", "no room for compromise", "constructive and frank", "a matter of principle", "not acceptable in its current form", "step by step", "a real chance", "very regrettable", "a fair basis for discussion", "deeply disappointing", "close to agreement", "a red line", "premature", "useful but insufficient"];
const SUMMARIES = [
  "Delegations went through the bracketed paragraphs of the draft one by one.",
  "The mediator presented a revised paper and asked for written comments by the next morning.",
  "Experts compared figures; the heads of delegation joined for the last hour.",
  "The meeting was cut short when one delegation asked for time to consult its capital.",
  "Both sides restated their positions; no new text was tabled.",
];
const OUTCOME_NOTES = ["The chair said the sides would meet again at expert level.", "No joint statement was issued.", "Agreement on wording was reported for two paragraphs.", "One delegation walked out before the end."];

/** An instant `minutes` after the venue's local midnight starting `day` (more than 1440 is the next day). */
function venueInstant(day: LocalDay, minutes: number, timeZone: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return format(new TZDate(y, m - 1, d, 0, minutes, 0, timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** Splits `total` across `weights` in whole numbers that add up to `total` (largest remainder). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k % order.length]![1]]! += 1;
  return counts;
}

function fill(template: string, rng: Rng, issueNames: string[], otherParty: string, phrase = ""): string {
  const issue = rng.pick(issueNames);
  const issue2 = rng.pick(ISSUES.filter((x) => x.name !== issue)).name;
  return template
    .replaceAll("{issue}", issue.toLowerCase())
    .replaceAll("{issue2}", issue2.toLowerCase())
    .replaceAll("{other}", otherParty)
    .replaceAll("{phrase}", phrase);
}

type Speaker = { party: string; envoy: string | null; capacity: StatementInput["capacity"] };

/** Builds the document and checks it against TalkDocumentSchema; throws naming the first problems. */
export function generateTalkDocument(options: GenerateOptions = LARGE_TALK): TalkDocument {
  const rng = createRng(options.seed);
  const tz = options.timeZone;
  const days = eachLocalDay(options.firstDay, addLocalDays(options.firstDay, options.days - 1));
  const lastDay = days[days.length - 1]!;

  const envoys = PARTIES.flatMap((p, pi) =>
    Array.from({ length: 3 + (pi % 2) }, (_, k) => {
      const name = `${FIRST_NAMES[(pi * 3 + k * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(pi * 5 + k * 3) % LAST_NAMES.length]}`;
      return {
        slug: name.toLowerCase().replaceAll(" ", "-"),
        name,
        nameOriginal: null,
        title: k === 0 ? `Chief negotiator of ${p.shortName}` : `Member of the ${p.shortName} delegation`,
        party: p.slug,
        role: k === 0 ? ("head" as const) : ("member" as const),
      };
    }),
  );
  const issueNames = ISSUES.map((i) => i.name);
  const sources = Array.from({ length: 40 }, (_, i) => {
    const publisher = PUBLISHERS[i % PUBLISHERS.length]!;
    return {
      key: `src-${String(i + 1).padStart(3, "0")}`,
      publisher,
      title: `Geneva ${HEADLINES[(i * 7) % HEADLINES.length]}`,
      url: i % 2 === 0 ? `https://news.example/${publisher.toLowerCase().replaceAll(" ", "-")}/${i + 1}` : null,
      publishedOn: days[Math.min(days.length - 1, Math.floor((i * days.length) / 40))]!,
    };
  });
  const sourceKeys = sources.map((s) => s.key);
  const someSources = (pNone: number) => (rng.chance(pNone) ? [] : rng.sample(sourceKeys, rng.chance(0.2) ? 2 : 1));

  // Fewer sessions on weekends and on the opening and closing days, as in real rounds.
  const dayWeight = days.map((day, i) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? 0.35 : 1;
    return base * (i === 0 ? 0.6 : i === days.length - 1 ? 0.7 : 1) * (0.8 + 0.4 * rng.next());
  });
  const undatedSessions = Math.round(options.sessions * 0.01);
  const perDay = apportion(options.sessions - undatedSessions, dayWeight);

  type Planned = SessionInput & { parties: string[]; startMinutes: number | null; endMinutes: number | null };
  const sessions: Planned[] = [];
  const allParties: string[] = PARTIES.map((p) => p.slug);
  const shortName = new Map<string, string>(PARTIES.map((p) => [p.slug, p.shortName]));
  let plenaries = 0;
  const planSession = (day: LocalDay | null, dayIndex: number): Planned => {
    const kind = rng.weighted({ plenary: 12, working_group: 40, bilateral: 36, press_briefing: 12 });
    const issue = rng.pick(ISSUES);
    const parties =
      kind === "plenary" ? allParties : kind === "bilateral" ? rng.sample(allParties, 2) : kind === "press_briefing" ? [rng.pick(allParties)] : rng.sample(allParties, rng.int(3, 6));
    const title =
      kind === "plenary"
        ? `Plenary session ${++plenaries}`
        : kind === "working_group"
          ? `Working group on ${issue.name.toLowerCase()}`
          : kind === "bilateral"
            ? `Bilateral meeting: ${shortName.get(parties[0]!)}–${shortName.get(parties[1]!)}`
            : `Press briefing by the ${shortName.get(parties[0]!)} delegation`;
    let startMinutes: number | null = null;
    let endMinutes: number | null = null;
    if (day !== null && rng.chance(0.45)) {
      const notLast = dayIndex < days.length - 1;
      const r = rng.next();
      // Near venue midnight: a late session running past 00:00, or one starting just after it.
      // 02:00–03:00 is avoided: on 30 March it does not exist in Geneva.
      if (notLast && r < 0.05) startMinutes = 23 * 60 + 5 * rng.int(0, 10);
      else if (r < 0.09) startMinutes = 5 * rng.int(1, 12);
      else startMinutes = 8 * 60 + 5 * rng.int(0, 156);
      if (rng.chance(0.8)) endMinutes = startMinutes + 15 * rng.int(2, startMinutes >= 23 * 60 ? 6 : 12);
    }
    const summary = rng.chance(0.6) ? rng.sample(SUMMARIES, rng.int(1, 2)).join(" ") : "";
    return {
      ref: `session-${String(sessions.length + 1).padStart(4, "0")}`,
      localDay: day,
      startsAt: day !== null && startMinutes !== null ? venueInstant(day, startMinutes, tz) : null,
      endsAt: day !== null && endMinutes !== null ? venueInstant(day, endMinutes, tz) : null,
      kind: rng.chance(0.03) ? null : kind,
      title,
      summary,
      outcome: rng.weighted({ unknown: 35, no_progress: 20, progress: 25, deadlock: 8, agreement: 7, suspended: 5 }),
      outcomeNote: rng.chance(0.2) ? rng.pick(OUTCOME_NOTES) : null,
      issues: kind === "working_group" ? [issue.slug] : rng.sample(ISSUES.map((i) => i.slug), rng.int(0, 2)),
      sources: someSources(0.08),
      parties,
      startMinutes,
      endMinutes,
    };
  };
  days.forEach((day, i) => {
    const planned = Array.from({ length: perDay[i]! }, () => planSession(day, i));
    planned.sort((a, b) => (a.startMinutes ?? 9999) - (b.startMinutes ?? 9999));
    sessions.push(...planned);
  });
  for (let i = 0; i < undatedSessions; i++) sessions.push(planSession(null, -1));
  sessions.forEach((s, i) => (s.ref = `session-${String(i + 1).padStart(4, "0")}`));
  const dated = sessions.filter((s) => s.localDay !== null);
  const undated = sessions.filter((s) => s.localDay === null);

  const envoysOf = new Map<string, typeof envoys>(allParties.map((p) => [p, envoys.filter((e) => e.party === p)]));
  const speaker = (parties: string[]): Speaker => {
    const party = rng.pick(parties);
    if (rng.chance(0.75)) {
      const list = envoysOf.get(party)!;
      const envoy = rng.chance(0.4) ? list[0]! : rng.pick(list);
      return { party, envoy: envoy.slug, capacity: envoy.role === "head" ? "head_of_delegation" : "delegation_member" };
    }
    return { party, envoy: null, capacity: rng.weighted({ spokesperson: 6, government: 3, unknown: 1 }) };
  };
  const minuteOn = (day: LocalDay) => {
    // Statements outside sessions: daytime mostly, a few around venue midnight.
    const r = rng.next();
    const minutes = r < 0.03 ? 23 * 60 + 30 + rng.int(0, 29) : r < 0.06 ? rng.int(0, 45) : rng.int(7 * 60 + 30, 22 * 60 + 59);
    return venueInstant(day, minutes, tz);
  };

  const unknownCount = Math.round(options.statements * 0.08);
  const statements: StatementInput[] = [];
  for (let i = 0; i < options.statements; i++) {
    const ref = `statement-${String(i + 1).padStart(5, "0")}`;
    let session: Planned | null = null;
    let saidOn: LocalDay | null = null;
    let saidAt: string | null = null;
    let precision: StatementInput["saidPrecision"] = "day";
    if (i % Math.round(options.statements / unknownCount) === 0) {
      precision = "unknown";
      session = rng.chance(0.15) ? rng.pick(undated) : null;
    } else if (rng.chance(0.72)) {
      session = rng.pick(dated);
      const timed = session.startMinutes !== null;
      const r = rng.next();
      precision = timed && r < 0.35 ? "minute" : r > 0.97 ? "part_of_day" : "day";
      if (precision === "minute") {
        const span = (session.endMinutes ?? session.startMinutes! + 90) - session.startMinutes!;
        saidAt = venueInstant(session.localDay!, session.startMinutes! + rng.int(0, span), tz);
        saidOn = localDayOf(new Date(saidAt), tz);
      } else saidOn = session.localDay!;
    } else {
      saidOn = days[apportionPick(rng, dayWeight)]!;
      const r = rng.next();
      precision = r < 0.12 ? "minute" : r < 0.22 ? "part_of_day" : "day";
      if (precision === "minute") {
        saidAt = minuteOn(saidOn);
        saidOn = localDayOf(new Date(saidAt), tz);
      }
    }
    const who = speaker(session?.parties ?? allParties);
    const others = allParties.filter((p) => p !== who.party);
    const other = shortName.get(rng.pick(others))!;
    const issues =
      session?.issues?.length && rng.chance(0.7) ? session.issues : rng.sample(ISSUES.map((x) => x.slug), Number(rng.weighted({ "0": 5, "1": 70, "2": 25 })));
    // The text speaks of the statement's own issues (any issue when it has none).
    const spokenOf = issues.length ? ISSUES.filter((x) => issues.includes(x.slug)).map((x) => x.name) : issueNames;
    const quoted = rng.chance(0.22) ? rng.pick(PHRASES) : null;
    const sentences = Array.from({ length: rng.int(1, 3) }, () => fill(rng.pick(SENTENCES), rng, spokenOf, other));
    if (quoted) sentences.splice(rng.int(0, sentences.length), 0, fill(rng.pick(QUOTED_SENTENCES), rng, spokenOf, other, quoted));
    const setting: StatementInput["setting"] = session
      ? session.kind === "press_briefing"
        ? "press_briefing"
        : rng.chance(0.85)
          ? "session"
          : "unknown"
      : rng.weighted({ press_briefing: 30, arrival: 8, departure: 8, state_media: 20, interview: 14, other: 5, unknown: 15 });
    const reportedOn =
      saidOn === null ? rng.pick(days) : rng.chance(0.3) && saidOn < lastDay ? addLocalDays(saidOn, 1) : saidOn;
    statements.push({
      ref,
      session: session?.ref ?? null,
      party: who.party,
      envoy: who.envoy,
      capacity: who.capacity,
      saidOn,
      saidAt,
      saidPrecision: precision,
      partOfDay: precision === "part_of_day" ? rng.pick(["morning", "afternoon", "evening", "night"] as const) : null,
      reportedOn,
      setting,
      kind: quoted ? (rng.chance(0.7) ? "direct_quote" : "assessment") : rng.weighted({ paraphrase: 30, position: 25, demand: 15, denial: 8, assessment: 22 }),
      text: sentences.join(" "),
      quotedWords: quoted,
      issues,
      sources: someSources(0.05),
    });
  }

  const ladder: Gap[] = ["agreed", "narrowing", "unchanged", "widening", "deadlocked"];
  const assessments = ISSUES.flatMap((issue) => {
    let at = 2;
    return days.map((day) => {
      // A random walk along the ladder: the gap mostly holds, sometimes moves one step.
      at = Math.max(0, Math.min(ladder.length - 1, at + Number(rng.weighted({ "-1": 25, "0": 50, "1": 25 }))));
      return {
        issue: issue.slug,
        localDay: day,
        gap: ladder[at]!,
        note: rng.chance(0.4) ? "Judged from the day's statements and the mediator's briefing." : "",
        author: rng.pick(["Analyst A. Meyer", "Analyst B. Okoye", "Analyst C. Lund"]),
      };
    });
  });

  const input: DocInput = {
    format: "parley.talk/v1",
    talk: {
      slug: options.slug,
      title: `Geneva talks on the river valley settlement (bench data, ${options.days} days)`,
      venueCity: "Geneva",
      venueTimeZone: tz,
      firstDay: options.firstDay,
      lastDay,
      status: "concluded",
      summary:
        "Made-up data for measuring the talk page: six delegations, four issues, a month of plenaries, working groups, bilaterals and press briefings. The round crosses the change to summer time.",
    },
    parties: PARTIES.map((p) => ({ ...p })),
    envoys,
    issues: ISSUES.map((i) => ({ ...i })),
    sources,
    sessions: sessions.map(({ parties: _p, startMinutes: _s, endMinutes: _e, ...s }) => s),
    statements,
    assessments,
    linkages: [
      { party: "aurelia", issue: "sanctions-relief", conditionIssue: "verification", text: "No relief before inspectors have full access.", statedOn: days[1]!, droppedOn: null, statement: null },
      { party: "borealis", issue: "detained-nationals", conditionIssue: "border-demarcation", text: "The exchange waits for the river line.", statedOn: days[3]!, droppedOn: days[20]!, statement: null },
    ],
  };
  const parsed = TalkDocumentSchema.safeParse(input);
  if (!parsed.success) throw new Error(`The generated bench talk is invalid: ${describeIssues(parsed.error).slice(0, 5).join("; ")}`);
  return parsed.data;
}

/** A day index drawn in proportion to the day weights. */
function apportionPick(rng: Rng, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let at = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    at -= weights[i]!;
    if (at < 0) return i;
  }
  return weights.length - 1;
}

export type TalkMix = {
  days: number;
  sessions: { total: number; timed: number; nearMidnight: number; undated: number };
  statements: { total: number; day: number; minute: number; partOfDay: number; unknown: number; nearMidnight: number; quoted: number; inSession: number };
  issues: number;
  parties: number;
  envoys: number;
  sources: number;
  assessments: number;
};

/** What a document holds, for the report: so a reader can see the data is the mix it claims. */
export function describeMix(doc: TalkDocument): TalkMix {
  const tz = doc.talk.venueTimeZone;
  const nearMidnight = (iso: string | null | undefined) => {
    if (!iso) return false;
    const clock = format(new TZDate(new Date(iso), tz), "HH:mm");
    return clock >= "23:00" || clock < "01:00";
  };
  const count = <T,>(items: T[], test: (x: T) => boolean) => items.filter(test).length;
  const st = doc.statements;
  const lastRecorded = [...doc.sessions.map((s) => s.localDay), ...st.map((s) => s.saidOn)].filter((d): d is string => d != null).sort().at(-1);
  const last = doc.talk.lastDay ?? lastRecorded ?? doc.talk.firstDay;
  return {
    days: eachLocalDay(doc.talk.firstDay, last).length,
    sessions: {
      total: doc.sessions.length,
      timed: count(doc.sessions, (s) => s.startsAt != null),
      nearMidnight: count(doc.sessions, (s) => nearMidnight(s.startsAt) || nearMidnight(s.endsAt)),
      undated: count(doc.sessions, (s) => s.localDay === null),
    },
    statements: {
      total: st.length,
      day: count(st, (s) => s.saidPrecision === "day"),
      minute: count(st, (s) => s.saidPrecision === "minute"),
      partOfDay: count(st, (s) => s.saidPrecision === "part_of_day"),
      unknown: count(st, (s) => s.saidPrecision === "unknown"),
      nearMidnight: count(st, (s) => nearMidnight(s.saidAt)),
      quoted: count(st, (s) => s.quotedWords != null),
      inSession: count(st, (s) => s.session != null),
    },
    issues: doc.issues.length,
    parties: doc.parties.length,
    envoys: doc.envoys.length,
    sources: doc.sources.length,
    assessments: doc.assessments.length,
  };
}
