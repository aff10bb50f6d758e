// A history names what each change is about — a statement's speaker, party, issues and sources,
// an assessment's issue — whether the revision was written by the talk-document loader (its
// `after` is the inserted row: ids, no relation lists) or by the write core (a snapshot); shows
// venue times with their zone and city; and keeps deleted rows' histories from readers. On
// migrated SQLite and PostgreSQL databases, through the data layer the pages use.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db";
import { statementStore, type StatementSnapshot } from "../../lib/entities/statement";
import { deleteRow, updateRow } from "../../lib/mutations/core";
import { getEntityHistory, getTalkHistory, type HistoryEntry } from "../../lib/data/history";
import { createStatement, createTalk, TEST_EDITOR, uniqueSlug, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const viewer = vi.hoisted(() => ({ db: null as Db | null, editor: false }));
// The data layer reads through the app's one client and asks who is looking: point both here.
vi.mock("../../lib/db", async (importOriginal) => ({ ...(await importOriginal<typeof import("../../lib/db")>()), getDb: () => Promise.resolve(viewer.db) }));
vi.mock("../../lib/data/editing", () => ({ viewerCanEdit: () => Promise.resolve(viewer.editor) }));
vi.mock("../../lib/auth/permissions", async (importOriginal) => ({ ...(await importOriginal<typeof import("../../lib/auth/permissions")>()), requireReader: () => Promise.resolve() }));

const GENEVA = { timeZone: "Europe/Zurich", city: "Geneva" };
const about = (e: HistoryEntry) => Object.fromEntries(e.about.map((a) => [a.label, a.value]));
const change = (e: HistoryEntry, field: string) => e.changes.find((c) => c.field === field);

describe.each(PROVIDERS)("history entries name what they are about on %s", (_name, open) => {
  let setup: TestDatabase;
  let db: Db;
  let talk: TestTalk;
  const envoy = uniqueSlug("envoy");
  const source = uniqueSlug("source");

  beforeAll(async () => {
    setup = await open("history-names");
    db = setup.db;
    viewer.db = db;
    talk = await createTalk(db, {
      envoys: [{ slug: envoy, name: "Ilse Varga", party: "aurelia", role: "head" }],
      issues: [
        { slug: "water-rights", name: "Water rights" },
        { slug: "fisheries", name: "Fisheries" },
      ],
      sources: [{ key: source, publisher: "Geneva Gazette", title: "Talks stall on water" }],
      statements: [
        {
          ref: "varga-no-deal",
          party: "aurelia",
          envoy,
          saidOn: "2026-03-03",
          saidPrecision: "day",
          kind: "position",
          text: "There is no deal on water yet.",
          issues: ["water-rights", "fisheries"],
          sources: [source],
        },
      ],
      assessments: [{ issue: "water-rights", localDay: "2026-03-03", gap: "widening", note: "", author: "Test" }],
    });
  });

  afterAll(async () => {
    await setup?.close();
  });

  const loadedStatementId = async () => (await db.statement.findFirstOrThrow({ where: { talkId: talk.id, text: "There is no deal on water yet." }, select: { id: true } })).id;

  it("a statement written by the loader names its speaker, party, issues and sources", async () => {
    const history = (await getEntityHistory("statement", await loadedStatementId(), GENEVA))!;
    const [created] = history.entries;
    expect(created).toMatchObject({ action: "create", version: 1, subject: "Statement by Ilse Varga (Aurelia): “There is no deal on water yet.”" });
    expect(about(created!)).toEqual({ Speaker: "Ilse Varga", Party: "Aurelia", Issues: "Fisheries; Water rights", Sources: "Geneva Gazette, “Talks stall on water”", Said: "Tuesday 3 March 2026" });
    expect(change(created!, "issues")?.after).toBe("Fisheries; Water rights");
    expect(change(created!, "sources")?.after).toBe("Geneva Gazette, “Talks stall on water”");
    expect(change(created!, "envoy")?.after).toBe("Ilse Varga");
    // No raw ids or foreign-key columns leak into the table.
    expect(created!.changes.map((c) => c.field)).not.toEqual(expect.arrayContaining(["partyId"]));
    expect(created!.changes.map((c) => c.field)).not.toContain("envoyId");
  });

  it("an assessment written by the loader names its issue", async () => {
    const { id } = await db.assessment.findFirstOrThrow({ where: { talkId: talk.id }, select: { id: true } });
    const [created] = (await getEntityHistory("assessment", id, GENEVA))!.entries;
    expect(created!.subject).toBe("Gap assessment: Water rights, Tuesday 3 March 2026");
    expect(about(created!)).toEqual({ Issue: "Water rights", Day: "Tuesday 3 March 2026" });
  });

  it("a statement written by the write core names the same, with its time on the venue's clock, zone and city", async () => {
    const { id } = await createStatement(db, talk, {
      party: "aurelia",
      envoy,
      saidOn: "2026-03-04",
      saidAt: "2026-03-04T09:00:00.000Z",
      saidPrecision: "minute",
      text: "We met for two hours.",
      issues: ["water-rights"],
      sources: [(await db.source.findFirstOrThrow({ where: { key: source } })).id],
    });
    const [created] = (await getEntityHistory("statement", id, GENEVA))!.entries;
    expect(created!.subject).toBe("Statement by Ilse Varga (Aurelia): “We met for two hours.”");
    expect(about(created!)).toEqual({
      Speaker: "Ilse Varga",
      Party: "Aurelia",
      Issues: "Water rights",
      Sources: "Geneva Gazette, “Talks stall on water”",
      Said: "Wednesday 4 March 2026, 10:00 CET (Geneva)",
    });
  });

  it("a loaded statement changed later shows both versions with names, and its text as a change", async () => {
    const id = await loadedStatementId();
    const row = (await statementStore.read(db, id))!;
    const snapshot: StatementSnapshot = { ...row.snapshot, text: "There is no deal on water rights yet.", issues: ["water-rights"] };
    await updateRow(db, statementStore, id, { expectedVersion: row.version, snapshot, actor: TEST_EDITOR });
    const [changed, created] = (await getEntityHistory("statement", id, GENEVA))!.entries;
    expect(changed).toMatchObject({ action: "update", version: 2 });
    expect(change(changed!, "text")).toMatchObject({ before: "There is no deal on water yet.", after: "There is no deal on water rights yet." });
    expect(change(changed!, "issues")).toMatchObject({ before: "Fisheries; Water rights", after: "Water rights" });
    expect(about(changed!)).toMatchObject({ Speaker: "Ilse Varga", Party: "Aurelia", Issues: "Water rights" });
    expect(created).toMatchObject({ action: "create", version: 1, restorable: 1 });
    expect(about(created!)).toMatchObject({ Issues: "Fisheries; Water rights" });
  });

  it("the talk's history names them too", async () => {
    viewer.editor = false;
    const { entries } = await getTalkHistory(talk.id, GENEVA);
    const subjects = entries.map((e) => e.subject);
    expect(subjects).toContain("Gap assessment: Water rights, Tuesday 3 March 2026");
    expect(subjects).toContain("Statement by Ilse Varga (Aurelia): “We met for two hours.”");
    expect(subjects.some((s) => s.endsWith(": ") || s.includes(": ,"))).toBe(false);
  });

  it("a deleted statement's history is for editors only, on its own page and on the talk's", async () => {
    const { id } = await createStatement(db, talk, { party: "aurelia", text: "Withdrawn remark about the dam." });
    await deleteRow(db, statementStore, id, { expectedVersion: 1, actor: TEST_EDITOR });
    viewer.editor = false;
    expect(await getEntityHistory("statement", id, GENEVA)).toBeNull();
    expect((await getTalkHistory(talk.id, GENEVA)).entries.filter((e) => e.entityId === id)).toEqual([]);
    viewer.editor = true;
    const history = (await getEntityHistory("statement", id, GENEVA))!;
    expect(history.deleted).toBe(true);
    const onTalk = (await getTalkHistory(talk.id, GENEVA)).entries.filter((e) => e.entityId === id);
    expect(onTalk.map((e) => [e.action, e.undoable])).toEqual([
      ["delete", true],
      ["create", false],
    ]);
    viewer.editor = false;
  });
});
