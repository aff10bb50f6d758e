// A talk's span (lib/time/talk-span.ts, docs/decisions/009-talk-span.md) held by the write core on
// migrated SQLite and PostgreSQL databases: a session, a statement or an assessment dated outside
// its talk is refused with a message for the day's field and changes nothing; a talk's days cannot
// be moved out from under its live rows; a row brought back must still fit. And `npm run db:load`
// refuses a document breaking the rule, naming each bad field, and loads none of it.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attempt } from "../../lib/actions/edit-support";
import { createActionWrappers } from "../../lib/actions/safe-action";
import { createDb, type Db } from "../../lib/db";
import { AssessmentInput } from "../../lib/entities/assessment";
import { SessionInput, SessionUpdateInput } from "../../lib/entities/session";
import { StatementInput } from "../../lib/entities/statement";
import { TalkInput, TalkUpdateInput } from "../../lib/entities/talk";
import { createAssessment, undoDeleteAssessment, deleteAssessment } from "../../lib/mutations/assessments";
import { MutationError, type Actor } from "../../lib/mutations/core";
import { createSession, restoreSessionVersion, updateSession } from "../../lib/mutations/sessions";
import { createStatement, deleteStatement, undoDeleteStatement } from "../../lib/mutations/statements";
import { talkStore } from "../../lib/entities/talk";
import { createTalk, restoreTalkVersion, updateTalk } from "../../lib/mutations/talks";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema, type TalkDocument } from "../../lib/talk-document/schema";
import { PROVIDERS, type TestDatabase } from "../support/databases";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED_FILE = path.join(ROOT, "prisma/seed/japan-dprk-beijing-2006.json");
const seedDocument = () => JSON.parse(readFileSync(SEED_FILE, "utf8")) as TalkDocument;
const BEIJING = "japan-dprk-beijing-2006"; // open: from 4 February 2006
const ERIN: Actor = { id: null, name: "Erin Editor" };

const OPEN_REFUSAL = "That day is outside the talk (from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most.";
const CLOSED_REFUSAL = "That day is outside the talk (4–8 February 2006).";

const sessionForm = (talk: string, localDay: string, title = "Working group") =>
  SessionInput.parse({ talk, title, localDay, kind: "working_group", outcome: "unknown", issues: "abductions" });
const statementForm = (talk: string, saidOn: string, text = "Japan restated its position.") =>
  StatementInput.parse({ talk, speaker: "party:japan", capacity: "government", kind: "position", saidPrecision: "day", saidOn, setting: "unknown", text, issues: "abductions" });
const assessmentForm = (talk: string, localDay: string) => AssessmentInput.parse({ talk, issue: "abductions", localDay, gap: "unchanged", note: "" });

describe.each(PROVIDERS)("a talk's span on %s", (_name, open) => {
  let setup: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    setup = await open("talk-span");
    db = setup.db;
    await loadTalkDocument(db, TalkDocumentSchema.parse(seedDocument()), "seed");
  });

  afterAll(async () => {
    await setup?.close();
  });

  /** Everything a refused write could have left behind. */
  const footprint = async () => ({
    sessions: await db.session.count(),
    statements: await db.statement.count(),
    assessments: await db.assessment.count(),
    sources: await db.source.count(),
    revisions: await db.revision.count(),
  });

  /** A talk of its own for a test: 4–8 February 2006 unless told otherwise, Japan and the DPRK, the abductions. */
  async function closedTalk(slug: string, lastDay = "2006-02-08") {
    await createTalk(
      db,
      TalkInput.parse({ slug, title: `Test ${slug}`, venueCity: "Beijing", venueTimeZone: "Asia/Shanghai", firstDay: "2006-02-04", lastDay, status: "ongoing", parties: ["japan", "dprk"], issues: "abductions" }),
      ERIN,
    );
    return (await db.talk.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  }

  async function talkForm(id: string, over: Record<string, unknown>) {
    const current = (await talkStore.read(db, id))!;
    const t = current.snapshot;
    return TalkUpdateInput.parse({
      id,
      version: current.version,
      title: t.title,
      venueCity: t.venueCity,
      venueTimeZone: t.venueTimeZone,
      firstDay: t.firstDay,
      lastDay: t.lastDay ?? "",
      status: t.status,
      summary: t.summary,
      parties: t.parties,
      envoys: t.envoys.map((e) => `${e.envoy}:${e.role}`),
      issues: t.issues,
      ...over,
    });
  }

  it("refuses a session, a statement and an assessment dated 9999-12-31 in an open talk, by their day's field, and writes nothing", async () => {
    const before = await footprint();
    await expect(createSession(db, sessionForm(BEIJING, "9999-12-31"), ERIN)).rejects.toThrow(new MutationError(OPEN_REFUSAL, "localDay"));
    await expect(createStatement(db, statementForm(BEIJING, "9999-12-31"), ERIN)).rejects.toThrow(new MutationError(OPEN_REFUSAL, "saidOn"));
    await expect(createAssessment(db, assessmentForm(BEIJING, "9999-12-31"), ERIN)).rejects.toThrow(new MutationError(OPEN_REFUSAL, "localDay"));
    // A day past the 50 years, and one before the first day, likewise.
    await expect(createStatement(db, statementForm(BEIJING, "2056-02-05"), ERIN)).rejects.toMatchObject({ message: OPEN_REFUSAL, field: "saidOn" });
    await expect(createSession(db, sessionForm(BEIJING, "2006-02-03"), ERIN)).rejects.toMatchObject({ message: OPEN_REFUSAL, field: "localDay" });
    expect(await footprint()).toEqual(before);
  });

  it("keeps an open talk's days open for 50 years: a statement 49 years on is saved", async () => {
    const { day } = await createStatement(db, statementForm(BEIJING, "2055-02-04", "Said 49 years after the first day."), ERIN);
    expect(day).toBe("2055-02-04");
    const { id } = await createAssessment(db, assessmentForm(BEIJING, "2056-02-04"), ERIN);
    expect(await db.assessment.findUniqueOrThrow({ where: { id }, select: { localDay: true } })).toEqual({ localDay: "2056-02-04" });
  });

  it("refuses 2106-01-01 typed for a day of a 2006 talk that ended on 8 February, and writes nothing", async () => {
    await closedTalk("closed-2006");
    const before = await footprint();
    await expect(createSession(db, sessionForm("closed-2006", "2106-01-01"), ERIN)).rejects.toThrow(new MutationError(CLOSED_REFUSAL, "localDay"));
    await expect(createStatement(db, statementForm("closed-2006", "2106-01-01"), ERIN)).rejects.toThrow(new MutationError(CLOSED_REFUSAL, "saidOn"));
    await expect(createAssessment(db, assessmentForm("closed-2006", "2106-01-01"), ERIN)).rejects.toThrow(new MutationError(CLOSED_REFUSAL, "localDay"));
    // Moving a saved session there is refused too.
    const { id } = await createSession(db, sessionForm("closed-2006", "2006-02-05"), ERIN);
    const moved = SessionUpdateInput.parse({ talk: "closed-2006", id, version: 1, title: "Working group", localDay: "2106-01-01", outcome: "unknown" });
    const during = await footprint();
    await expect(updateSession(db, moved, ERIN)).rejects.toMatchObject({ message: CLOSED_REFUSAL, field: "localDay" });
    expect(await footprint()).toEqual(during);
    expect(during).toEqual({ ...before, sessions: before.sessions + 1, revisions: before.revisions + 1 });
  });

  it("gives the form the refusal next to the day's field, with what the editor typed", async () => {
    const editor = { id: "u-editor", name: "Erin Editor", email: "erin@example.org", role: "editor" as const };
    const { editorAction } = createActionWrappers({ loadUser: () => Promise.resolve(editor) });
    // As lib/actions/assessments.ts does it, without the redirect that follows a save.
    const action = editorAction(AssessmentInput, async (input) => {
      await attempt(() => createAssessment(db, input, ERIN));
      return { ok: true };
    });
    const form = new FormData();
    for (const [k, v] of Object.entries({ talk: BEIJING, issue: "abductions", localDay: "9999-12-31", gap: "widening", note: "Typed in a hurry." })) form.append(k, v);
    const before = await footprint();
    await expect(action(null, form)).resolves.toEqual({
      ok: false,
      message: OPEN_REFUSAL,
      fieldErrors: { localDay: [OPEN_REFUSAL] },
      values: { talk: BEIJING, issue: "abductions", localDay: "9999-12-31", gap: "widening", note: "Typed in a hurry." },
    });
    expect(await footprint()).toEqual(before);
  });

  it("refuses a talk's new days that would leave live rows outside them, saying how many of which kind", async () => {
    const talk = await closedTalk("narrowing");
    for (const day of ["2006-02-07", "2006-02-08"]) await createSession(db, sessionForm("narrowing", day, `Session on ${day}`), ERIN);
    for (const [i, day] of ["2006-02-07", "2006-02-07", "2006-02-08", "2006-02-08", "2006-02-08"].entries()) {
      await createStatement(db, statementForm("narrowing", day, `Statement ${i}.`), ERIN);
    }
    await createStatement(db, statementForm("narrowing", "2006-02-04", "On the first day."), ERIN);
    const before = { ...(await footprint()), talk: await talkStore.read(db, talk) };

    await expect(updateTalk(db, await talkForm(talk, { lastDay: "2006-02-06" }), ERIN)).rejects.toThrow(
      new MutationError("2 sessions and 5 statements lie after 6 February 2006 (on 7 February 2006 and 8 February 2006); move or delete them first.", "lastDay"),
    );
    await expect(updateTalk(db, await talkForm(talk, { firstDay: "2006-02-05" }), ERIN)).rejects.toThrow(
      new MutationError("1 statement lies before 5 February 2006 (on 4 February 2006); move or delete it first.", "firstDay"),
    );
    // Over 50 years, refused by the form's schema and by the write core alike.
    const span = new MutationError("A talk spans at most 50 years, so its last day can be 4 February 2056 at the latest.", "lastDay");
    expect(TalkUpdateInput.safeParse({ ...(await talkForm(talk, {})), lastDay: "2106-01-01", envoys: [] }).success).toBe(false);
    await expect(updateTalk(db, { ...(await talkForm(talk, {})), lastDay: "2106-01-01" }, ERIN)).rejects.toThrow(span);
    const unchecked = TalkInput.parse({ slug: "too-long", title: "Too long", venueCity: "Beijing", venueTimeZone: "Asia/Shanghai", firstDay: "2006-02-04", status: "ongoing", parties: "japan" });
    await expect(createTalk(db, { ...unchecked, lastDay: "2106-01-01" }, ERIN)).rejects.toThrow(span);
    expect({ ...(await footprint()), talk: await talkStore.read(db, talk) }).toEqual(before);

    // Days that still hold every row are fine, and so is opening the end.
    await updateTalk(db, await talkForm(talk, { lastDay: "2006-02-10" }), ERIN);
    await updateTalk(db, await talkForm(talk, { lastDay: "" }), ERIN);
    expect((await talkStore.read(db, talk))!.snapshot.lastDay).toBeNull();
  });

  it("counts only live rows, and will not bring back one the talk's days no longer hold", async () => {
    const talk = await closedTalk("shrinking");
    const { id: statement } = await createStatement(db, statementForm("shrinking", "2006-02-08", "Said on the last day."), ERIN);
    const { id: assessment } = await createAssessment(db, assessmentForm("shrinking", "2006-02-08"), ERIN);
    const { version: statementVersion } = await deleteStatement(db, { talk: "shrinking", id: statement, version: 1 }, ERIN);
    const { version: assessmentVersion } = await deleteAssessment(db, { talk: "shrinking", id: assessment, version: 1 }, ERIN);
    await updateTalk(db, await talkForm(talk, { lastDay: "2006-02-06" }), ERIN);

    const before = await footprint();
    await expect(undoDeleteStatement(db, { talk: "shrinking", id: statement, version: statementVersion }, ERIN)).rejects.toThrow(
      new MutationError("This statement’s day, 8 February 2006, is outside the talk (4–6 February 2006). Change the talk’s days first."),
    );
    await expect(undoDeleteAssessment(db, { talk: "shrinking", id: assessment, version: assessmentVersion }, ERIN)).rejects.toThrow(/^This assessment’s day, 8 February 2006, is outside the talk/);
    expect(await footprint()).toEqual(before);
    expect((await db.statement.findUniqueOrThrow({ where: { id: statement }, select: { deletedAt: true } })).deletedAt).toBeInstanceOf(Date);

    // Nor restore a version of the talk whose days would strand what is there now, or a session's version dated outside it.
    const { id: session } = await createSession(db, sessionForm("shrinking", "2006-02-06"), ERIN);
    await updateSession(db, SessionUpdateInput.parse({ talk: "shrinking", id: session, version: 1, title: "Moved", localDay: "2006-02-05", outcome: "unknown" }), ERIN);
    const current = (await talkStore.read(db, talk))!;
    await updateTalk(db, await talkForm(talk, { lastDay: "2006-02-05" }), ERIN);
    await expect(restoreSessionVersion(db, { talk: "shrinking", id: session, version: 2, restore: 1 }, ERIN)).rejects.toThrow(/^This session’s day, 6 February 2006, is outside the talk \(4–5 February 2006\)/);
    await createSession(db, sessionForm("shrinking", "2006-02-04", "First day"), ERIN);
    await updateTalk(db, await talkForm(talk, { firstDay: "2006-02-03" }), ERIN);
    await createStatement(db, statementForm("shrinking", "2006-02-03", "Said the day before."), ERIN);
    const latest = (await talkStore.read(db, talk))!;
    await expect(restoreTalkVersion(db, { id: talk, version: latest.version, restore: current.version }, ERIN)).rejects.toThrow(
      `Version ${current.version} cannot be restored: 1 statement lies before 4 February 2006 (on 3 February 2006); move or delete it first.`,
    );
  });
});

describe("npm run db:load", () => {
  it("refuses a document with rows outside the talk or a talk over 50 years, naming each field, and loads none of it", async () => {
    const { url, file } = await migratedSqlite("load-span");
    const dir = path.dirname(file);
    const doc = seedDocument();
    doc.talk.slug = "far-future-import";
    doc.talk.lastDay = "2106-02-04";
    doc.assessments[0]!.localDay = "9999-12-31";
    const bad = path.join(dir, "far-future.json");
    writeFileSync(bad, JSON.stringify(doc));

    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(
        process.execPath,
        [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts/db/load.ts"), bad],
        { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
      ),
    );
    expect(code).toBe(1);
    expect(output).toContain(`${bad} was not loaded:`);
    expect(output).toContain("talk.lastDay: must be at most 50 years after the first day (2056-02-04 at the latest)");
    expect(output).toContain(
      "assessments[0].localDay: 9999-12-31 is outside the talk (from 4 February 2006): a talk spans at most 50 years, so its days run to 4 February 2056 at most",
    );
    const db = await createDb({ provider: "sqlite", url, file });
    try {
      expect(await Promise.all([db.talk.count(), db.party.count(), db.statement.count(), db.revision.count()])).toEqual([0, 0, 0, 0]);
    } finally {
      await db.$disconnect();
    }
  });
});
