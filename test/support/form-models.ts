// Every form's zod schema with the fields its form sends (as fast-check arbitraries), a valid
// input to vary, and what an accepted input must hold: shared by test/properties/form-schemas.test.ts
// and test/properties/url-and-actions.test.ts.
import fc from "fast-check";
import { expect } from "vitest";
import type { z } from "zod";
import { AssessmentInput, AssessmentUpdateInput } from "../../lib/entities/assessment";
import { RowRestoreInput, RowVersionInput } from "../../lib/entities/catalog";
import { EnvoyInput, EnvoyUpdateInput } from "../../lib/entities/envoy";
import { SLUG_PATTERN } from "../../lib/entities/fields";
import { IssueInput, IssueUpdateInput } from "../../lib/entities/issue";
import { PartyInput, PartyUpdateInput } from "../../lib/entities/party";
import { SessionInput, SessionUpdateInput } from "../../lib/entities/session";
import { SourceInput, SourceUpdateInput } from "../../lib/entities/source";
import { SPEAKER_PATTERN, StatementInput, StatementUpdateInput } from "../../lib/entities/statement";
import { TalkInput, TalkUpdateInput } from "../../lib/entities/talk";
import { TalkRowRestoreInput, TalkRowVersionInput } from "../../lib/entities/talk-row";
import {
  CapacitySchema,
  GapSchema,
  NOTE_MAX,
  OutcomeSchema,
  PartOfDaySchema,
  QUOTED_WORDS_MAX,
  SessionKindSchema,
  SettingSchema,
  STATEMENT_TEXT_MAX,
  StatementKindSchema,
  SUMMARY_MAX,
  TalkStatusSchema,
  TimePrecisionSchema,
  TITLE_MAX,
} from "../../lib/talk-document/schema";
import { isLocalDay } from "../../lib/time/local-day";
import { isDayInTalk } from "../../lib/time/talk-span";
import { CLOCK } from "../../lib/time/venue-clock";
import { ChangeRoleInput, CreateUserInput, SignInInput, UserIdInput } from "../../lib/users/schema";
import { clocks, days, fieldValue, ids, listValue, slugs, texts, urls, versions } from "./hostile";

export const NUM_RUNS = 300;

const enumValues = (values: readonly string[]) => fc.constantFrom(...values, "", "other", values[0]!.toUpperCase());
const choose = (values: readonly string[]) => fieldValue(enumValues(values));
const text = fieldValue(texts);
const slug = fieldValue(slugs);
const day = fieldValue(days);
const clock = fieldValue(clocks);
const id = fieldValue(ids);
const version = fieldValue(versions);
const slugList = listValue(slugs);
const idList = listValue(fc.oneof(fc.constantFrom("src-1", "src-2", ""), fc.string({ maxLength: 3 })));
const newSource = {
  newSourcePublisher: fieldValue(fc.constantFrom("Kyodo News", "", "KCNA")),
  newSourceTitle: fieldValue(fc.constantFrom("Talks resume", "")),
  newSourceUrl: fieldValue(urls),
  newSourcePublishedOn: day,
};

/** The fields each form sends, as arbitraries. */
const MODELS = {
  party: { slug, name: text, shortName: fieldValue(fc.constantFrom("Japan", "DPRK", "", "x".repeat(61))), isoCode: fieldValue(fc.constantFrom("JPN", "jpn", "JP", "JPNX", "", "123")) },
  envoy: { slug, name: text, nameOriginal: text, title: text, party: slug },
  issue: { slug, name: text, description: text },
  source: { slug, publisher: text, title: text, url: fieldValue(urls), publishedOn: day },
  talk: {
    slug,
    title: text,
    venueCity: text,
    venueTimeZone: fieldValue(fc.constantFrom("Asia/Shanghai", "Europe/Zurich", "UTC", "Mars/Olympus", "", "+08:00", "asia/shanghai")),
    firstDay: day,
    lastDay: day,
    status: choose(TalkStatusSchema.options),
    summary: text,
    parties: slugList,
    envoys: listValue(fc.constantFrom("kunio-umeda:head", "song-il-ho:member", "x:boss", "", ":head", "Kunio:head")),
    issues: slugList,
  },
  session: {
    talk: slug,
    title: text,
    localDay: day,
    startTime: clock,
    startOccurrence: choose(["first", "second"]),
    endTime: clock,
    endOccurrence: choose(["first", "second"]),
    kind: choose(SessionKindSchema.options),
    issues: slugList,
    summary: text,
    outcome: choose(OutcomeSchema.options),
    outcomeNote: text,
    sources: idList,
    ...newSource,
  },
  statement: {
    talk: slug,
    speaker: fieldValue(fc.constantFrom("envoy:song-il-ho", "party:jpn", "party:", "envoy:Song", "jpn", "", "party:jpn:x")),
    capacity: choose(CapacitySchema.options),
    kind: choose(StatementKindSchema.options),
    saidPrecision: choose(TimePrecisionSchema.options),
    saidOn: day,
    saidTime: clock,
    saidOccurrence: choose(["first", "second"]),
    partOfDay: choose(PartOfDaySchema.options),
    reportedOn: day,
    setting: choose(SettingSchema.options),
    session: id,
    issues: slugList,
    text: fieldValue(fc.oneof(texts, fc.constant("We call it a huge difference."))),
    quotedWords: fieldValue(fc.constantFrom("huge difference", "", "not in the text")),
    sources: idList,
    ...newSource,
  },
  assessment: { talk: slug, issue: slug, localDay: day, gap: choose(GapSchema.options), note: text },
  rowVersion: { id, version },
  talkRowVersion: { talk: slug, id, version },
  user: {
    name: text,
    email: fieldValue(fc.constantFrom("ann@example.org", " Ann@Example.ORG ", "ann", "", "a@b", `${"a".repeat(250)}@example.org`)),
    role: choose(["analyst", "editor", "admin"]),
    passwordChoice: choose(["generate", "type"]),
    password: fieldValue(fc.constantFrom("correct horse battery", "short", "", "x".repeat(129))),
    userId: id,
    next: fieldValue(fc.constantFrom("/talks", "//evil.example", "")),
  },
} satisfies Record<string, Record<string, fc.Arbitrary<unknown>>>;

type Model = keyof typeof MODELS;
const withUpdate = (model: Model) => ({ ...MODELS[model], id, version });
const withRestore = (model: Record<string, fc.Arbitrary<unknown>>) => ({ ...model, restore: version });

// zod counts a string's length in code points, as PostgreSQL counts characters.
const trimmedWithin = (v: unknown, max: number) => typeof v === "string" && v === v.trim() && [...v].length <= max;
const nonEmptyWithin = (v: unknown, max: number) => trimmedWithin(v, max) && (v as string).length > 0;
const optionalWithin = (v: unknown, max: number) => v === null || nonEmptyWithin(v, max);
const slugOk = (v: unknown) => typeof v === "string" && SLUG_PATTERN.test(v) && v.length <= 80;
const dayOk = (v: unknown) => typeof v === "string" && isLocalDay(v);
const optionalDayOk = (v: unknown) => v === null || dayOk(v);
const optionalClockOk = (v: unknown) => v === null || (typeof v === "string" && CLOCK.test(v));
const versionOk = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 1;
const listOk = (v: unknown, item: (x: string) => boolean) => Array.isArray(v) && v.every((x) => typeof x === "string" && item(x)) && new Set(v).size === v.length;
const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === "string" && values.includes(v);
const optionalOneOf = (values: readonly string[]) => (v: unknown) => v === null || oneOf(values)(v);
const urlOk = (v: unknown) => v === null || (typeof v === "string" && /^https?:\/\//.test(v) && v.length <= 2_000);

export type Data = Record<string, unknown>;
type NewSourceData = { newSource: { publisher: string; title: string; url: string | null; publishedOn: string | null } | null };

function newSourceOk(d: Data & NewSourceData) {
  expect(d.newSource === null || (nonEmptyWithin(d.newSource.publisher, TITLE_MAX) && nonEmptyWithin(d.newSource.title, TITLE_MAX * 2))).toBe(true);
  expect(urlOk(d.newSourceUrl) && optionalDayOk(d.newSourcePublishedOn)).toBe(true);
}

const catalogIds = (d: Data) => ("slug" in d ? slugOk(d.slug) : typeof d.id === "string" && nonEmptyWithin(d.id, 100) && versionOk(d.version));

/** What an accepted input holds, per form: what the write core and the pages rely on. */
const INVARIANTS: Record<string, (d: Data) => void> = {
  party: (d) => expect(catalogIds(d) && nonEmptyWithin(d.name, TITLE_MAX) && nonEmptyWithin(d.shortName, 60) && (d.isoCode === null || /^[A-Z]{3}$/.test(d.isoCode as string))).toBe(true),
  envoy: (d) => expect(catalogIds(d) && nonEmptyWithin(d.name, TITLE_MAX) && optionalWithin(d.nameOriginal, TITLE_MAX) && optionalWithin(d.title, TITLE_MAX) && slugOk(d.party)).toBe(true),
  issue: (d) => expect(catalogIds(d) && nonEmptyWithin(d.name, TITLE_MAX) && optionalWithin(d.description, SUMMARY_MAX)).toBe(true),
  source: (d) => expect(catalogIds(d) && nonEmptyWithin(d.publisher, TITLE_MAX) && nonEmptyWithin(d.title, TITLE_MAX * 2) && urlOk(d.url) && optionalDayOk(d.publishedOn)).toBe(true),
  talk: (d) => {
    expect(catalogIds(d) && nonEmptyWithin(d.title, TITLE_MAX) && nonEmptyWithin(d.venueCity, TITLE_MAX) && oneOf(TalkStatusSchema.options)(d.status)).toBe(true);
    expect(trimmedWithin(d.summary, SUMMARY_MAX)).toBe(true);
    // The talk's own days: a real first day, a last day not before it and within the span.
    expect(dayOk(d.firstDay) && optionalDayOk(d.lastDay)).toBe(true);
    if (d.lastDay !== null) expect(isDayInTalk({ firstDay: d.firstDay as string, lastDay: null }, d.lastDay as string)).toBe(true);
    expect(listOk(d.parties, (x) => /^[a-z0-9-]+$/.test(x)) && (d.parties as string[]).length > 0 && listOk(d.issues, (x) => /^[a-z0-9-]+$/.test(x))).toBe(true);
    expect((d.envoys as { envoy: string; role: string }[]).every((e) => slugOk(e.envoy) && (e.role === "head" || e.role === "member"))).toBe(true);
    expect(Intl.supportedValuesOf("timeZone").includes(d.venueTimeZone as string) || d.venueTimeZone === "UTC").toBe(true);
  },
  session: (d) => {
    expect(slugOk(d.talk) && nonEmptyWithin(d.title, TITLE_MAX) && optionalDayOk(d.localDay) && optionalClockOk(d.startTime) && optionalClockOk(d.endTime)).toBe(true);
    expect(optionalOneOf(["first", "second"])(d.startOccurrence) && optionalOneOf(["first", "second"])(d.endOccurrence) && optionalOneOf(SessionKindSchema.options)(d.kind)).toBe(true);
    expect(oneOf(OutcomeSchema.options)(d.outcome) && trimmedWithin(d.summary, SUMMARY_MAX) && optionalWithin(d.outcomeNote, NOTE_MAX)).toBe(true);
    expect(listOk(d.issues, (x) => /^[a-z0-9-]+$/.test(x)) && listOk(d.sources, (x) => x.length >= 1 && x.length <= 100)).toBe(true);
    // Times need a day; an end needs a start.
    if (d.startTime !== null || d.endTime !== null) expect(d.localDay).not.toBeNull();
    if (d.endTime !== null) expect(d.startTime).not.toBeNull();
    newSourceOk(d as Data & NewSourceData);
  },
  statement: (d) => {
    const speaker = d.speaker as { kind: string; slug: string };
    expect(slugOk(d.talk) && SPEAKER_PATTERN.test(`${speaker.kind}:${speaker.slug}`)).toBe(true);
    expect(oneOf(CapacitySchema.options)(d.capacity) && oneOf(StatementKindSchema.options)(d.kind) && oneOf(SettingSchema.options)(d.setting)).toBe(true);
    expect(optionalDayOk(d.saidOn) && optionalClockOk(d.saidTime) && optionalDayOk(d.reportedOn) && optionalOneOf(PartOfDaySchema.options)(d.partOfDay)).toBe(true);
    expect(nonEmptyWithin(d.text, STATEMENT_TEXT_MAX) && optionalWithin(d.quotedWords, QUOTED_WORDS_MAX)).toBe(true);
    expect(d.session === null || nonEmptyWithin(d.session, 100)).toBe(true);
    expect(listOk(d.issues, (x) => /^[a-z0-9-]+$/.test(x)) && listOk(d.sources, (x) => x.length >= 1 && x.length <= 100)).toBe(true);
    // What the chosen precision makes meaningful is there, and nothing else.
    const p = d.saidPrecision;
    expect(oneOf(TimePrecisionSchema.options)(p)).toBe(true);
    expect(p === "unknown" ? d.saidOn === null : d.saidOn !== null).toBe(true);
    expect(p === "minute" ? d.saidTime !== null : d.saidTime === null && d.saidOccurrence === null).toBe(true);
    expect(p === "part_of_day" ? d.partOfDay !== null : d.partOfDay === null).toBe(true);
    if (d.quotedWords !== null) expect((d.text as string).includes(d.quotedWords as string)).toBe(true);
    newSourceOk(d as Data & NewSourceData);
  },
  assessment: (d) => {
    expect(slugOk(d.talk) && oneOf(GapSchema.options)(d.gap) && trimmedWithin(d.note, NOTE_MAX)).toBe(true);
    expect("id" in d ? nonEmptyWithin(d.id, 100) && versionOk(d.version) : slugOk(d.issue) && dayOk(d.localDay)).toBe(true);
  },
  rowVersion: (d) => expect(nonEmptyWithin(d.id, 100) && versionOk(d.version) && (!("restore" in d) || versionOk(d.restore))).toBe(true),
  talkRowVersion: (d) => expect(slugOk(d.talk) && nonEmptyWithin(d.id, 100) && versionOk(d.version) && (!("restore" in d) || versionOk(d.restore))).toBe(true),
  signIn: (d) => expect(typeof d.email === "string" && d.email === d.email.trim().toLowerCase() && typeof d.password === "string" && d.password.length > 0).toBe(true),
  createUser: (d) => {
    expect(nonEmptyWithin(d.name, 100) && typeof d.email === "string" && oneOf(["analyst", "editor", "admin"])(d.role)).toBe(true);
    if (d.passwordChoice === "type") expect(typeof d.password === "string" && d.password.length >= 12 && d.password.length <= 128).toBe(true);
  },
  userId: (d) => expect(typeof d.userId === "string" && d.userId.length > 0).toBe(true),
  changeRole: (d) => expect(typeof d.userId === "string" && d.userId.length > 0 && oneOf(["analyst", "editor", "admin"])(d.role)).toBe(true),
};

const BASE = {
  talk: { slug: "test-round", title: "Test round", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded", summary: "", parties: ["jpn", "dprk"], envoys: ["kunio-umeda:head"], issues: ["abductions"] },
  session: { talk: "test-round", title: "First plenary", localDay: "2026-03-02", startTime: "09:30", endTime: "11:00", kind: "plenary", summary: "", outcome: "unknown", outcomeNote: "", issues: [], sources: [] },
  statement: { talk: "test-round", speaker: "party:jpn", capacity: "unknown", kind: "paraphrase", saidPrecision: "day", saidOn: "2026-03-02", setting: "unknown", text: "We call it a huge difference.", quotedWords: "huge difference" },
  party: { slug: "jpn", name: "Japan", shortName: "Japan", isoCode: "JPN" },
  envoy: { slug: "kunio-umeda", name: "Kunio Umeda", party: "jpn" },
  issue: { slug: "abductions", name: "Abductions" },
  source: { slug: "kyodo-1", publisher: "Kyodo News", title: "Talks resume", url: "https://example.org/a", publishedOn: "2026-03-02" },
  assessment: { talk: "test-round", issue: "abductions", localDay: "2026-03-02", gap: "narrowing", note: "" },
  user: { name: "Ann", email: "ann@example.org", password: "correct horse battery", role: "editor", userId: "u1" },
} as const;
const update = { id: "cmw0abc123", version: "1" };
const restore = { ...update, restore: "1" };

/** Every form schema: its name, the schema, the fields its form sends, and its invariant. */
export const FORMS: { name: string; schema: z.ZodType; model: Record<string, fc.Arbitrary<unknown>>; invariant: (d: Data) => void; base: Data }[] = [
  { name: "PartyInput", schema: PartyInput, model: MODELS.party, invariant: INVARIANTS.party!, base: BASE.party },
  { name: "PartyUpdateInput", schema: PartyUpdateInput, model: withUpdate("party"), invariant: INVARIANTS.party!, base: { ...BASE.party, ...update } },
  { name: "EnvoyInput", schema: EnvoyInput, model: MODELS.envoy, invariant: INVARIANTS.envoy!, base: BASE.envoy },
  { name: "EnvoyUpdateInput", schema: EnvoyUpdateInput, model: withUpdate("envoy"), invariant: INVARIANTS.envoy!, base: { ...BASE.envoy, ...update } },
  { name: "IssueInput", schema: IssueInput, model: MODELS.issue, invariant: INVARIANTS.issue!, base: BASE.issue },
  { name: "IssueUpdateInput", schema: IssueUpdateInput, model: withUpdate("issue"), invariant: INVARIANTS.issue!, base: { ...BASE.issue, ...update } },
  { name: "SourceInput", schema: SourceInput, model: MODELS.source, invariant: INVARIANTS.source!, base: BASE.source },
  { name: "SourceUpdateInput", schema: SourceUpdateInput, model: withUpdate("source"), invariant: INVARIANTS.source!, base: { ...BASE.source, ...update } },
  { name: "TalkInput", schema: TalkInput, model: MODELS.talk, invariant: INVARIANTS.talk!, base: BASE.talk },
  { name: "TalkUpdateInput", schema: TalkUpdateInput, model: withUpdate("talk"), invariant: INVARIANTS.talk!, base: { ...BASE.talk, ...update } },
  { name: "SessionInput", schema: SessionInput, model: MODELS.session, invariant: INVARIANTS.session!, base: BASE.session },
  { name: "SessionUpdateInput", schema: SessionUpdateInput, model: withUpdate("session"), invariant: INVARIANTS.session!, base: { ...BASE.session, ...update } },
  { name: "StatementInput", schema: StatementInput, model: MODELS.statement, invariant: INVARIANTS.statement!, base: BASE.statement },
  { name: "StatementUpdateInput", schema: StatementUpdateInput, model: withUpdate("statement"), invariant: INVARIANTS.statement!, base: { ...BASE.statement, ...update } },
  { name: "AssessmentInput", schema: AssessmentInput, model: MODELS.assessment, invariant: INVARIANTS.assessment!, base: BASE.assessment },
  { name: "AssessmentUpdateInput", schema: AssessmentUpdateInput, model: { ...MODELS.assessment, id, version }, invariant: INVARIANTS.assessment!, base: { ...BASE.assessment, ...update } },
  { name: "RowVersionInput", schema: RowVersionInput, model: MODELS.rowVersion, invariant: INVARIANTS.rowVersion!, base: update },
  { name: "RowRestoreInput", schema: RowRestoreInput, model: withRestore(MODELS.rowVersion), invariant: INVARIANTS.rowVersion!, base: restore },
  { name: "TalkRowVersionInput", schema: TalkRowVersionInput, model: MODELS.talkRowVersion, invariant: INVARIANTS.talkRowVersion!, base: { talk: "test-round", ...update } },
  { name: "TalkRowRestoreInput", schema: TalkRowRestoreInput, model: withRestore(MODELS.talkRowVersion), invariant: INVARIANTS.talkRowVersion!, base: { talk: "test-round", ...restore } },
  { name: "SignInInput", schema: SignInInput, model: { email: MODELS.user.email, password: MODELS.user.password, next: MODELS.user.next }, invariant: INVARIANTS.signIn!, base: BASE.user },
  { name: "CreateUserInput", schema: CreateUserInput, model: { name: text, email: MODELS.user.email, role: MODELS.user.role, passwordChoice: MODELS.user.passwordChoice, password: MODELS.user.password }, invariant: INVARIANTS.createUser!, base: BASE.user },
  { name: "UserIdInput", schema: UserIdInput, model: { userId: id }, invariant: INVARIANTS.userId!, base: BASE.user },
  { name: "ChangeRoleInput", schema: ChangeRoleInput, model: { userId: id, role: MODELS.user.role }, invariant: INVARIANTS.changeRole!, base: BASE.user },
];

