// What editors do, below the forms: the talk's own rules for statements, sessions, assessments,
// talks, parties and issues, on a migrated SQLite database loaded with the Beijing seed — and
// the explanation a refused stale save gets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { AssessmentInput } from "../../lib/entities/assessment";
import { IssueInput } from "../../lib/entities/issue";
import { PartyUpdateInput } from "../../lib/entities/party";
import { SessionInput } from "../../lib/entities/session";
import { StatementInput, StatementUpdateInput } from "../../lib/entities/statement";
import { TalkUpdateInput } from "../../lib/entities/talk";
import { createAssessment, deleteAssessment } from "../../lib/mutations/assessments";
import { createIssue, deleteCatalogRow, undoDeleteCatalogRow, updateParty } from "../../lib/mutations/catalog";
import { ConflictError, MutationError, type Actor } from "../../lib/mutations/core";
import { createSession, deleteSession, undoDeleteSession } from "../../lib/mutations/sessions";
import { createStatement, updateStatement } from "../../lib/mutations/statements";
import { statementStore } from "../../lib/entities/statement";
import { talkStore } from "../../lib/entities/talk";
import { updateTalk } from "../../lib/mutations/talks";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "japan-dprk-beijing-2006";
const ERIN: Actor = { id: null, name: "Erin Editor" };
const OMAR: Actor = { id: null, name: "Omar Editor" };

let db: Db;

beforeAll(async () => {
  const config = await migratedSqlite("editing");
  // The data layer (describeConflict) reads through the app's own client: point it here.
  process.env.DATABASE_URL = config.url;
  db = await createDb(config);
  await loadSeedTalk(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

const rawStatement = (over: Record<string, unknown> = {}) => ({
  talk: SLUG,
  speaker: "envoy:kunio-umeda",
  capacity: "head_of_delegation",
  kind: "position",
  saidPrecision: "minute",
  saidOn: "2006-02-05",
  saidTime: "01:30",
  setting: "press_briefing",
  text: "Japan will not normalize relations before the abduction issue is resolved.",
  issues: ["abductions", "normalization"],
  newSourcePublisher: "Kyodo",
  newSourceTitle: "Umeda restates condition",
  newSourceUrl: "https://example.org/kyodo",
  ...over,
});
const statementForm = (over: Record<string, unknown> = {}) => StatementInput.parse(rawStatement(over));

describe("statements", () => {
  it("stores the venue's clock time as an instant, on the venue's day, with its new source created alongside", async () => {
    const { id, day } = await createStatement(db, statementForm(), ERIN);
    expect(day).toBe("2006-02-05");
    const row = (await statementStore.read(db, id))!;
    // 01:30 in Beijing on 5 February is 17:30 UTC on the 4th.
    expect(row.snapshot).toMatchObject({ party: "japan", envoy: "kunio-umeda", saidAt: "2006-02-04T17:30:00.000Z", saidOn: "2006-02-05" });
    const [source] = row.snapshot.sources;
    const created = await db.source.findUniqueOrThrow({ where: { id: source! } });
    expect(created).toMatchObject({ publisher: "Kyodo", title: "Umeda restates condition", url: "https://example.org/kyodo" });
    expect(created.key).toMatch(/^umeda-restates-condition-[0-9a-f]{6}$/);
    const revisions = await db.revision.findMany({ where: { entityId: { in: [id, source!] } }, select: { entityType: true, action: true, version: true, actorName: true } });
    expect(revisions.sort((a, b) => a.entityType.localeCompare(b.entityType))).toEqual([
      { entityType: "source", action: "create", version: 1, actorName: "Erin Editor" },
      { entityType: "statement", action: "create", version: 1, actorName: "Erin Editor" },
    ]);
  });

  it("refuses a day before the talk, and a speaker whose party does not take part", async () => {
    await expect(createStatement(db, statementForm({ saidOn: "2006-01-30" }), ERIN)).rejects.toThrow(new MutationError("That day is outside the talk (from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most.", "saidOn"));
    await db.party.create({ data: { slug: "observer", name: "Observer", shortName: "Observer" } });
    await expect(createStatement(db, statementForm({ speaker: "party:observer" }), ERIN)).rejects.toThrow("That speaker’s party does not take part in this talk.");
  });

  it("a stale correction is refused with what it tried to write, for the form to show beside the saved version", async () => {
    const { id } = await createStatement(db, statementForm({ newSourcePublisher: "", newSourceTitle: "", newSourceUrl: "" }), ERIN);
    const form = (text: string, version: number) => StatementUpdateInput.parse({ ...rawStatement({ text, newSourcePublisher: "", newSourceTitle: "", newSourceUrl: "" }), id, version });
    await updateStatement(db, form("Erin's correction.", 1), ERIN);
    const refused = await updateStatement(db, form("Omar's correction.", 1), OMAR).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    const conflict = refused as ConflictError;
    expect(conflict.current.snapshot.text).toBe("Erin's correction.");
    expect(conflict.attempted?.text).toBe("Omar's correction.");

    const { describeConflict } = await import("../../lib/data/conflicts");
    const view = await describeConflict("statement", conflict, 1, "Asia/Shanghai");
    expect(view).toMatchObject({ entity: "statement", savedBy: "Erin Editor", version: 2, deleted: false, savedText: "Erin's correction." });
    expect(view.changes).toEqual([
      { field: "text", label: "Text", saved: "Erin's correction.", yours: "Omar's correction.", changedSinceOpened: true },
    ]);
    // Saving again from the version now current goes through, on top of Erin's.
    await updateStatement(db, form("Omar's correction.", 2), OMAR);
    expect((await statementStore.read(db, id))!.snapshot.text).toBe("Omar's correction.");
  });
});

describe("sessions", () => {
  const sessionForm = (over: Record<string, unknown> = {}) =>
    SessionInput.parse({ talk: SLUG, title: "Working group", localDay: "2006-02-06", startTime: "10:00", endTime: "12:30", kind: "working_group", outcome: "progress", issues: "normalization", ...over });

  it("keeps start and end on the venue's clock", async () => {
    const { id } = await createSession(db, sessionForm(), ERIN);
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect([row.startsAt?.toISOString(), row.endsAt?.toISOString()]).toEqual(["2006-02-06T02:00:00.000Z", "2006-02-06T04:30:00.000Z"]);
  });

  it("deleting a session keeps its statements where they are; undoing regroups them", async () => {
    const { id } = await createSession(db, sessionForm({ title: "To be deleted" }), ERIN);
    const { id: statementId } = await createStatement(db, statementForm({ session: id, saidOn: "2006-02-06", saidPrecision: "day", newSourcePublisher: "", newSourceTitle: "", newSourceUrl: "" }), ERIN);
    const { version } = await deleteSession(db, { talk: SLUG, id, version: 1 }, ERIN);
    expect(await db.statement.findUniqueOrThrow({ where: { id: statementId }, select: { sessionId: true, deletedAt: true } })).toEqual({ sessionId: id, deletedAt: null });
    await undoDeleteSession(db, { talk: SLUG, id, version }, OMAR);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
  });
});

describe("gap assessments: one per issue per day", () => {
  const assessment = (gap: string) => AssessmentInput.parse({ talk: SLUG, issue: "normalization", localDay: "2006-02-06", gap, note: `Now ${gap}.` });

  it("refuses a second assessment of a pair, and brings a deleted one back rather than adding another", async () => {
    const { id, revived } = await createAssessment(db, assessment("narrowing"), ERIN);
    expect(revived).toBe(false);
    await expect(createAssessment(db, assessment("widening"), OMAR)).rejects.toThrow("This issue is already assessed on this day; edit that assessment instead.");
    await deleteAssessment(db, { talk: SLUG, id, version: 1 }, ERIN);
    const again = await createAssessment(db, assessment("widening"), OMAR);
    expect(again).toEqual({ id, revived: true });
    const rows = await db.assessment.findMany({ where: { localDay: "2006-02-06", issue: { slug: "normalization" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ gap: "widening", authorName: "Omar Editor", deletedAt: null, version: 3 });
    const last = await db.revision.findFirstOrThrow({ where: { entityId: id, version: 3 } });
    expect(last).toMatchObject({ action: "restore", note: "Assessed again after its deletion.", actorName: "Omar Editor" });
    expect(last.before).toMatchObject({ gap: "narrowing" });
    expect(last.after).toMatchObject({ gap: "widening" });
  });

  it("refuses an issue not on the talk's agenda", async () => {
    await createIssue(db, IssueInput.parse({ slug: "fisheries", name: "Fisheries" }), ERIN);
    await expect(createAssessment(db, { ...assessment("unchanged"), issue: "fisheries" }, ERIN)).rejects.toThrow("That issue is not on this talk’s agenda.");
  });
});

describe("talks, parties and issues", () => {
  it("will not drop a party that speaks in the talk, and records a change of status with its relation lists", async () => {
    const talk = (await db.talk.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } })).id;
    const current = (await talkStore.read(db, talk))!;
    const form = (over: Record<string, unknown>) =>
      TalkUpdateInput.parse({
        id: talk,
        version: current.version,
        title: current.snapshot.title,
        venueCity: current.snapshot.venueCity,
        venueTimeZone: current.snapshot.venueTimeZone,
        firstDay: current.snapshot.firstDay,
        lastDay: "",
        status: current.snapshot.status,
        summary: current.snapshot.summary,
        parties: current.snapshot.parties,
        envoys: current.snapshot.envoys.map((e) => `${e.envoy}:${e.role}`),
        issues: current.snapshot.issues,
        ...over,
      });
    await expect(updateTalk(db, form({ parties: ["japan"], envoys: ["kunio-umeda:head"] }), ERIN)).rejects.toThrow(/DPRK speaks in this talk/);
    await updateTalk(db, form({ status: "concluded", lastDay: "2006-02-08" }), ERIN);
    const saved = (await talkStore.read(db, talk))!;
    expect(saved.snapshot).toMatchObject({ status: "concluded", lastDay: "2006-02-08", parties: ["japan", "dprk"], issues: ["abductions", "normalization"] });
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "talk", entityId: talk, version: saved.version } });
    expect(revision).toMatchObject({ action: "update", talkId: talk });
  });

  it("corrects a party, refuses to delete one still used, and deletes and brings back an unused issue", async () => {
    const japan = await db.party.findUniqueOrThrow({ where: { slug: "japan" } });
    await updateParty(db, PartyUpdateInput.parse({ id: japan.id, version: japan.version, name: "Japan", shortName: "JPN", isoCode: "jpn" }), ERIN);
    expect(await db.party.findUniqueOrThrow({ where: { slug: "japan" }, select: { shortName: true, version: true } })).toEqual({ shortName: "JPN", version: 2 });
    await expect(deleteCatalogRow(db, "party", { id: japan.id, version: 2 }, ERIN)).rejects.toThrow(/^Still used by 1 talk, 1 envoy, \d+ statements/);

    const fisheries = await db.issue.findUniqueOrThrow({ where: { slug: "fisheries" } });
    const { version } = await deleteCatalogRow(db, "issue", { id: fisheries.id, version: fisheries.version }, ERIN);
    expect((await db.issue.findUniqueOrThrow({ where: { id: fisheries.id } })).deletedAt).toBeInstanceOf(Date);
    await undoDeleteCatalogRow(db, "issue", { id: fisheries.id, version }, ERIN);
    expect((await db.issue.findUniqueOrThrow({ where: { id: fisheries.id } })).deletedAt).toBeNull();
  });
});
