// "What changed since" on the talk page (lib/data/changes-since.ts, docs/decisions/023) on both
// databases: for editors, a statement deleted since is put back where it stood — its day, its place
// in the day's order, its text as it was — and marked; readers' windows hold no deleted row; a day
// that holds nothing now but a statement deleted since is shown in full for editors; gap
// assessments carry their ids, and those added, corrected and deleted since are marked, in the
// day's list and in the gap strip; sessions added and corrected since are counted and marked,
// those deleted since counted (for editors) and not put back; the count is split by kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markAssessments, markChanges, readChangesSince, viewSince } from "../../lib/data/changes-since";
import { buildView, getTalkIndex, type TalkRecord } from "../../lib/data/talk-index";
import { readWindow, type WindowContent } from "../../lib/data/talk-window";
import { assessmentStore, type AssessmentSnapshot } from "../../lib/entities/assessment";
import { sessionStore } from "../../lib/entities/session";
import { statementStore } from "../../lib/entities/statement";
import { createRow, deleteRow, updateRow } from "../../lib/mutations/core";
import { buildConvergence } from "../../lib/timeline/convergence";
import { createSession, createStatement, loadSeedTalk, talkRecordReader, TEST_EDITOR, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const pause = () => new Promise((r) => setTimeout(r, 15));
const dayOf = (w: WindowContent, day: string) => {
  const slot = w.slots.find((s) => s.kind === "day" && s.day === day);
  return slot?.kind === "day" ? slot.value : undefined;
};
const shape = (w: WindowContent) => w.slots.map((s) => (s.kind === "day" ? s.day : `${s.first}…${s.last} empty`));

describe.each(PROVIDERS)("what changed since a moment, on %s", (name, open) => {
  let database: TestDatabase;
  let talk: TestTalk;
  let record: () => Promise<TalkRecord>;

  beforeAll(async () => {
    database = await open(`changes-since-${name}`);
    talk = await loadSeedTalk(database.db);
    record = await talkRecordReader(database.db, talk.id);
  });

  afterAll(async () => {
    await database?.close();
  });

  /** The page's first window as a reader or an editor sees it with the changes since `at` marked, read as getTalkDays reads it. */
  const windowSince = async (at: Date, withDeleted: boolean) => {
    const now = await record();
    const index = await getTalkIndex(database.db, now);
    const changes = await readChangesSince(database.db, talk.id, at);
    const read = await viewSince(database.db, now, { index, view: buildView(index, {}) }, changes, withDeleted);
    return { window: markChanges(await readWindow(database.db, read.index, read.view, null), changes), changes, index: read.index };
  };

  it("puts a statement deleted since back where it stood, struck, for editors alone; one added and deleted since is not there", async () => {
    const make = (text: string, saidOn = "2006-02-04") => createStatement(database.db, talk, { text, saidOn });
    const a = await make("First, corrected since.");
    const b = await make("Second, deleted since.");
    const c = await make("Third, left alone.");
    const lone = await make("The only statement of 5 February, deleted since.", "2006-02-05");
    await pause();
    const since = new Date();
    await pause();
    await updateRow(database.db, statementStore, a.id, { expectedVersion: 1, snapshot: { ...a.snapshot, text: "First, as corrected." }, actor: TEST_EDITOR });
    await deleteRow(database.db, statementStore, b.id, { expectedVersion: 1, actor: TEST_EDITOR });
    await deleteRow(database.db, statementStore, lone.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const gone = await make("Added and deleted since.");
    await deleteRow(database.db, statementStore, gone.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const e = await make("Added since.");

    const editor = await windowSince(since, true);
    expect(editor.changes.byKind.statements).toEqual({ added: 1, corrected: 1, deleted: 2 });
    const outside = dayOf(editor.window, "2006-02-04")!.outside;
    const mine = outside.filter((s) => [a.id, b.id, c.id, e.id, gone.id].includes(s.id));
    expect(mine.map((s) => [s.text, s.change ?? null, s.deletedSince ?? null])).toEqual([
      ["First, as corrected.", "corrected", null],
      ["Second, deleted since.", null, true],
      ["Third, left alone.", null, null],
      ["Added since.", "added", null],
    ]);
    // Its party and issues as the index gives a live row's.
    const party = editor.index.parties.find((p) => p.slug === talk.parties[0])!;
    expect(mine[1]!.party).toEqual({ slug: party.slug, shortName: party.shortName, role: party.role });
    // The day that holds nothing now but the deleted statement is shown in full, with it.
    expect(dayOf(editor.window, "2006-02-05")!.outside.map((s) => [s.id, s.deletedSince])).toEqual([[lone.id, true]]);

    const reader = await windowSince(since, false);
    const ids = [...(dayOf(reader.window, "2006-02-04")?.outside ?? []), ...(dayOf(reader.window, "2006-02-05")?.outside ?? [])].map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, c.id, e.id]));
    expect(ids).not.toContain(b.id);
    expect(ids).not.toContain(lone.id);
    expect(dayOf(reader.window, "2006-02-05")).toBeUndefined();
    expect(shape(reader.window).slice(0, 2)).toEqual(["2006-02-04", "2006-02-05…2006-02-06 empty"]);
    expect(JSON.stringify(reader.window)).not.toContain("deletedSince");
    // The editors' index is a copy: the talk's own (kept in memory for every page) holds no deleted row.
    expect((await getTalkIndex(database.db, await record())).statements.some((s) => s.id === b.id)).toBe(false);

    // Nothing since now.
    expect((await windowSince(new Date(), true)).changes.counts).toEqual({ added: 0, corrected: 0, deleted: 0 });
  });

  it("gives gap assessments their ids and marks those added, corrected and (for editors) deleted since, in the day's list and the gap strip", async () => {
    const assess = async (issue: string, localDay: string, gap: string) => {
      const snapshot: AssessmentSnapshot = { talkId: talk.id, issue, localDay, gap, note: "", authorId: null, authorName: "Test Editor" };
      const { id } = await createRow(database.db, assessmentStore, { snapshot, actor: TEST_EDITOR });
      return { id, snapshot };
    };
    const corrected = await assess("abductions", "2006-02-04", "unchanged");
    const deleted = await assess("normalization", "2006-02-04", "widening");
    await pause();
    const since = new Date();
    await pause();
    await updateRow(database.db, assessmentStore, corrected.id, { expectedVersion: 1, snapshot: { ...corrected.snapshot, gap: "narrowing" }, actor: TEST_EDITOR });
    await deleteRow(database.db, assessmentStore, deleted.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const added = await assess("normalization", "2006-02-06", "deadlocked");

    const editor = await windowSince(since, true);
    expect(editor.changes.byKind.assessments).toEqual({ added: 1, corrected: 1, deleted: 1 });
    const marks = (w: WindowContent, day: string) => (dayOf(w, day)?.assessments ?? []).map((x) => [x.id, x.issueSlug, x.gap, x.change ?? x.deletedSince ?? null]);
    expect(marks(editor.window, "2006-02-04")).toEqual([
      [corrected.id, "abductions", "narrowing", "corrected"],
      [deleted.id, "normalization", "widening", true],
    ]);
    expect(marks(editor.window, "2006-02-06")).toEqual([[added.id, "normalization", "deadlocked", "added"]]);
    // The one the seed loaded, unchanged since, carries its id and no mark.
    expect(marks(editor.window, "2006-02-07")).toEqual([[expect.any(String), "abductions", "deadlocked", null]]);

    const reader = await windowSince(since, false);
    expect(marks(reader.window, "2006-02-04")).toEqual([[corrected.id, "abductions", "narrowing", "corrected"]]);

    // The gap strip, from the same rows as the page gives it.
    const strip = (index: typeof editor.index, changes: typeof editor.changes, w: WindowContent) =>
      buildConvergence(index.issues, w.slots, markAssessments(index.assessments, changes)).map((row) => [
        row.issue.slug,
        row.cells.flatMap((c) => (c.kind === "day" && c.assessment ? [[c.day, c.assessment.gap, c.assessment.change ?? c.assessment.deletedSince ?? null]] : [])),
      ]);
    expect(strip(editor.index, editor.changes, editor.window)).toEqual([
      ["abductions", [["2006-02-04", "narrowing", "corrected"], ["2006-02-07", "deadlocked", null]]],
      ["normalization", [["2006-02-04", "widening", true], ["2006-02-06", "deadlocked", "added"]]],
    ]);
    expect(strip(reader.index, reader.changes, reader.window)).toEqual([
      ["abductions", [["2006-02-04", "narrowing", "corrected"], ["2006-02-07", "deadlocked", null]]],
      ["normalization", [["2006-02-06", "deadlocked", "added"]]],
    ]);
  });

  it("counts the sessions added, corrected and deleted since, and marks those added or corrected in their day's list", async () => {
    const corrected = await createSession(database.db, talk, { localDay: "2006-02-04", title: "Plenary, corrected since" });
    const deleted = await createSession(database.db, talk, { localDay: "2006-02-04", title: "Plenary, deleted since" });
    const untouched = await createSession(database.db, talk, { localDay: "2006-02-04", title: "Plenary, left alone" });
    await pause();
    const since = new Date();
    await pause();
    await updateRow(database.db, sessionStore, corrected.id, { expectedVersion: 1, snapshot: { ...corrected.snapshot, outcome: "progress" }, actor: TEST_EDITOR });
    await deleteRow(database.db, sessionStore, deleted.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const added = await createSession(database.db, talk, { localDay: "2006-02-06", title: "Plenary, added since" });
    const gone = await createSession(database.db, talk, { localDay: "2006-02-06", title: "Plenary, added and deleted since" });
    await deleteRow(database.db, sessionStore, gone.id, { expectedVersion: 1, actor: TEST_EDITOR });

    const editor = await windowSince(since, true);
    expect(editor.changes.byKind.sessions).toEqual({ added: 1, corrected: 1, deleted: 1 });
    expect([...editor.changes.sessions].sort()).toEqual(
      [
        [corrected.id, "corrected"],
        [deleted.id, "deleted"],
        [added.id, "added"],
      ].sort(),
    );
    expect(editor.changes.counts).toEqual({ added: 1, corrected: 1, deleted: 1 });
    const mine = [corrected.id, deleted.id, untouched.id, added.id, gone.id];
    const marks = (w: WindowContent, day: string) => (dayOf(w, day)?.sessions ?? []).filter((g) => mine.includes(g.session.id)).map((g) => [g.session.title, g.session.change ?? null]);
    // The one deleted since is not put back, for editors either.
    expect(marks(editor.window, "2006-02-04")).toEqual([
      ["Plenary, corrected since", "corrected"],
      ["Plenary, left alone", null],
    ]);
    expect(marks(editor.window, "2006-02-06")).toEqual([["Plenary, added since", "added"]]);
  });
});
