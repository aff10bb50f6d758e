// The write core (lib/mutations) against real migrated databases, SQLite and PostgreSQL: stale
// saves are refused with the current row, two saves racing from one version end with exactly one
// winner, every change writes exactly one revision with its before and after, deletes are soft and
// undone, earlier versions restored, and a refused batch leaves the connection usable.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import {
  ConflictError,
  MutationError,
  commit,
  createRow,
  deleteRow,
  planCreate,
  planUpdate,
  restoreVersion,
  undoDelete,
  updateRow,
  type Actor,
} from "../../lib/mutations/core";
import type { StatementSnapshot } from "../../lib/entities/statement";
import { assessmentStore } from "../../lib/entities/assessment";
import { sourceStore } from "../../lib/entities/source";
import { StatementInput, statementStore } from "../../lib/entities/statement";
import { createStatement } from "../../lib/mutations/statements";
import { applyMigrations } from "../../scripts/db/engine";
import { loadSeedTalk } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ERIN: Actor = { id: null, name: "Erin Editor" };
const OMAR: Actor = { id: null, name: "Omar Editor" };

/** `second` is how a concurrent request reaches the database: another pooled connection on PostgreSQL; on SQLite the app's one connection (see the cross-process test for a second one). */
type Setup = { db: Db; second: Db; file?: string; close(): Promise<void> };

async function sqlite(): Promise<Setup> {
  const config = await migratedSqlite("mutations");
  // One process holds one SQLite connection (lib/db.ts): better-sqlite3 waits for a lock by
  // blocking the thread, so two connections in one process would stall each other.
  const db = await createDb(config);
  return { db, second: db, file: config.file, close: () => db.$disconnect() };
}

/** Runs test/support/race-writer.ts in its own process: plan from `expected`, commit at `startAt`. */
type RaceOutcome = { outcome: string; version?: number; current?: number; text?: string };
function raceWriter(file: string, statementId: string, expected: number, text: string, startAt: number): Promise<RaceOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "test/support/race-writer.ts"), file, statementId, String(expected), text, String(startAt)],
      // tsx runs the script in a child node: the condition that makes "server-only" resolve goes by NODE_OPTIONS.
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "--conditions=react-server" } },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as RaceOutcome)),
    );
  });
}

let cluster: PostgresCluster | undefined;
async function postgres(): Promise<Setup> {
  cluster = await startPostgres();
  const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_mutations") };
  await applyMigrations(config);
  const [db, second] = await Promise.all([createDb(config), createDb(config)]);
  return {
    db,
    second,
    close: async () => {
      await Promise.all([db.$disconnect(), second.$disconnect()]);
      await cluster?.stop();
    },
  };
}

describe.each([
  ["SQLite", sqlite],
  ["PostgreSQL", postgres],
] as const)("the write core on %s", (_name, open) => {
  let setup: Setup;
  let db: Db;
  let statementId: string;
  let original: StatementSnapshot;

  beforeAll(async () => {
    setup = await open();
    db = setup.db;
    await loadSeedTalk(db);
    const row = await db.statement.findFirstOrThrow({ where: { quotedWords: "huge difference" }, select: { id: true } });
    statementId = row.id;
    original = (await statementStore.read(db, statementId))!.snapshot;
  });

  afterAll(async () => {
    await setup?.close();
  });

  const revisionsOf = (id: string) =>
    db.revision.findMany({ where: { entityType: "statement", entityId: id, version: { not: null } }, orderBy: { version: "asc" } });

  it("reads a statement with its issue slugs and source ids", () => {
    expect(original).toMatchObject({
      party: "dprk",
      envoy: "song-il-ho",
      // The report does not date the "huge difference" (only Song Il Ho's first statement).
      saidOn: null,
      quotedWords: "huge difference",
      issues: ["abductions"],
      sources: [expect.any(String)],
    });
  });

  it("refuses a save from a stale version, with the current row and who changed it, and writes nothing", async () => {
    const first = await updateRow(db, statementStore, statementId, {
      expectedVersion: 1,
      snapshot: { ...original, text: `${original.text} (checked)` },
      actor: ERIN,
    });
    expect(first).toEqual({ version: 2, changed: true });
    const before = await db.revision.count();
    const stale = updateRow(db, statementStore, statementId, { expectedVersion: 1, snapshot: { ...original, text: "Overwrite" }, actor: OMAR });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError<StatementSnapshot>;
    expect(error.current.version).toBe(2);
    expect(error.current.snapshot.text).toBe(`${original.text} (checked)`);
    expect(error.lastChange).toMatchObject({ actorName: "Erin Editor", action: "update", version: 2 });
    expect(await db.revision.count()).toBe(before);
    expect((await statementStore.read(db, statementId))!.snapshot.text).toBe(`${original.text} (checked)`);
  });

  it("of two saves that both passed the version check, exactly one commits; the other gets a conflict carrying the winner's row", async () => {
    const current = (await statementStore.read(db, statementId))!;
    // Both read version 2 and plan their change before either commits: only the database can decide.
    const [a, b] = await Promise.all([
      planUpdate(db, statementStore, statementId, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Erin's text" }, actor: ERIN }),
      planUpdate(setup.second, statementStore, statementId, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Omar's text" }, actor: OMAR }),
    ]);
    const results = await Promise.allSettled([commit(db, [a]), commit(setup.second, [b])]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const conflict = lost[0]!.reason as ConflictError<StatementSnapshot>;
    expect(conflict).toBeInstanceOf(ConflictError);
    const saved = (await statementStore.read(db, statementId))!;
    expect(saved.version).toBe(3);
    expect(conflict.current.version).toBe(3);
    expect(conflict.current.snapshot.text).toBe(saved.snapshot.text);
    expect(["Erin's text", "Omar's text"]).toContain(saved.snapshot.text);
    // One revision for version 3, from the winner, and nothing from the loser.
    const revisions = await revisionsOf(statementId);
    expect(revisions.map((r) => r.version)).toEqual([2, 3]);
    expect(revisions[1]!.actorName).toBe(saved.snapshot.text === "Erin's text" ? "Erin Editor" : "Omar Editor");
    expect(revisions[1]!.before).toEqual(current.snapshot);
    expect(revisions[1]!.after).toEqual(saved.snapshot);
  });

  // Two OS processes on one SQLite file, each with its own connection and lock: a SQLite question
  // (on PostgreSQL the same race runs in the test above). Registered for the SQLite pass only, so
  // no run lists it as skipped.
  if (_name === "SQLite") {
    it("two processes saving from one version at the same moment: one saves, the other is told of the conflict", async () => {
      const current = (await statementStore.read(db, statementId))!;
      const startAt = Date.now() + 4_000;
      const results = await Promise.all(
        ["Process one", "Process two"].map((text) => raceWriter(setup.file!, statementId, current.version, text, startAt)),
      );
      expect(results.map((r) => r.outcome).sort()).toEqual(["conflict", "saved"]);
      const saved = (await statementStore.read(db, statementId))!;
      expect(saved.version).toBe(current.version + 1);
      expect(results.find((r) => r.outcome === "conflict")).toMatchObject({ current: saved.version, text: saved.snapshot.text });
      expect(await db.revision.count({ where: { entityId: statementId, version: saved.version } })).toBe(1);
    }, 60_000);

    it("many concurrent saves from one version: exactly one wins", async () => {
      const current = (await statementStore.read(db, statementId))!;
      const attempts = Array.from({ length: 8 }, (_, i) =>
        updateRow(i % 2 ? setup.second : db, statementStore, statementId, {
          expectedVersion: current.version,
          snapshot: { ...current.snapshot, text: `Attempt ${i}` },
          actor: i % 2 ? OMAR : ERIN,
        }),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const reasons = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r): unknown => r.reason);
      expect(reasons.every((e) => e instanceof ConflictError)).toBe(true);
      expect((await statementStore.read(db, statementId))!.version).toBe(current.version + 1);
      expect(await db.revision.count({ where: { entityId: statementId, version: current.version + 1 } })).toBe(1);
      // A refused batch left the connection usable: the next transaction runs.
      const after = await updateRow(db, statementStore, statementId, {
        expectedVersion: current.version + 1,
        snapshot: { ...current.snapshot, text: "After the race" },
        actor: ERIN,
      });
      expect(after.version).toBe(current.version + 2);
    });
  }

  it("changes relation lists and creates a new source in one transaction, recording both", async () => {
    const current = (await statementStore.read(db, statementId))!;
    const source = await planCreate(db, sourceStore, {
      snapshot: { key: `wire-${Date.now()}`, publisher: "Wire service", title: "Talks stall", url: "https://example.org/a", publishedOn: "2006-02-08" },
      actor: ERIN,
      talkId: current.talkId,
    });
    const update = await planUpdate(db, statementStore, statementId, {
      expectedVersion: current.version,
      snapshot: { ...current.snapshot, issues: ["abductions", "normalization"], sources: [...current.snapshot.sources, source.id].sort() },
      actor: ERIN,
    });
    await commit(db, [source, update]);
    const saved = (await statementStore.read(db, statementId))!;
    expect(saved.snapshot.issues).toEqual(["abductions", "normalization"]);
    expect(saved.snapshot.sources).toContain(source.id);
    const sourceRevision = await db.revision.findFirstOrThrow({ where: { entityType: "source", entityId: source.id } });
    expect(sourceRevision).toMatchObject({ action: "create", version: 1, actorName: "Erin Editor", talkId: current.talkId });
    const last = (await revisionsOf(statementId)).at(-1)!;
    expect(last).toMatchObject({ action: "update", version: saved.version, talkId: current.talkId });
    expect((last.before as StatementSnapshot).issues).toEqual(["abductions"]);
    expect((last.after as StatementSnapshot).issues).toEqual(["abductions", "normalization"]);
  });

  it("a failing plan rolls back its companions: no orphan source when the statement save is refused", async () => {
    const current = (await statementStore.read(db, statementId))!;
    const key = `orphan-${Date.now()}`;
    const source = await planCreate(db, sourceStore, {
      snapshot: { key, publisher: "P", title: "T", url: null, publishedOn: null },
      actor: OMAR,
    });
    const update = await planUpdate(db, statementStore, statementId, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Omar" }, actor: OMAR });
    await updateRow(db, statementStore, statementId, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Erin first" }, actor: ERIN });
    await expect(commit(db, [source, update])).rejects.toBeInstanceOf(ConflictError);
    expect(await db.source.count({ where: { key } })).toBe(0);
    expect(await db.revision.count({ where: { entityId: source.id } })).toBe(0);
  });

  it("a save that changes nothing writes no revision and keeps the version", async () => {
    const current = (await statementStore.read(db, statementId))!;
    const before = await db.revision.count();
    expect(await updateRow(db, statementStore, statementId, { expectedVersion: current.version, snapshot: current.snapshot, actor: ERIN })).toEqual({
      version: current.version,
      changed: false,
    });
    expect(await db.revision.count()).toBe(before);
  });

  it("deletes softly, refuses a stale delete, and undoes the delete", async () => {
    const current = (await statementStore.read(db, statementId))!;
    await expect(deleteRow(db, statementStore, statementId, { expectedVersion: current.version - 1, actor: OMAR })).rejects.toBeInstanceOf(ConflictError);
    const deleted = await deleteRow(db, statementStore, statementId, { expectedVersion: current.version, actor: OMAR });
    expect(deleted.version).toBe(current.version + 1);
    const row = await db.statement.findUniqueOrThrow({ where: { id: statementId }, select: { deletedAt: true } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    // Relation lists stay, so undoing brings the statement back whole.
    expect(await db.statementIssue.count({ where: { statementId } })).toBe(2);
    const deleteRevision = (await revisionsOf(statementId)).at(-1)!;
    expect(deleteRevision).toMatchObject({ action: "delete", actorName: "Omar Editor", after: null });
    expect(deleteRevision.before).toEqual(current.snapshot);

    // Editing a deleted statement is a conflict that says so.
    const edit = updateRow(db, statementStore, statementId, { expectedVersion: deleted.version, snapshot: current.snapshot, actor: ERIN });
    await expect(edit).rejects.toThrow(/deleted by Omar Editor/);

    const undone = await undoDelete(db, statementStore, statementId, { expectedVersion: deleted.version, actor: ERIN });
    expect(undone.version).toBe(deleted.version + 1);
    const back = (await statementStore.read(db, statementId))!;
    expect(back.deletedAt).toBeNull();
    expect(back.snapshot).toEqual(current.snapshot);
    expect((await revisionsOf(statementId)).at(-1)).toMatchObject({ action: "restore", note: "Undid the deletion.", before: null, after: current.snapshot });
    await expect(undoDelete(db, statementStore, statementId, { expectedVersion: undone.version, actor: ERIN })).rejects.toThrow(MutationError);
  });

  it("restores the seed's version 1, issues and sources included, as a new version", async () => {
    const current = (await statementStore.read(db, statementId))!;
    const restored = await restoreVersion(db, statementStore, statementId, { version: 1, expectedVersion: current.version, actor: ERIN });
    expect(restored).toEqual({ version: current.version + 1, changed: true });
    const now = (await statementStore.read(db, statementId))!;
    expect(now.snapshot).toEqual(original);
    const last = (await revisionsOf(statementId)).at(-1)!;
    expect(last).toMatchObject({ action: "restore", note: "Restored version 1.", version: now.version });
    expect(last.before).toEqual(current.snapshot);
    expect(last.after).toEqual(original);
    // Restoring from a stale page is refused like any stale save.
    await expect(restoreVersion(db, statementStore, statementId, { version: 2, expectedVersion: current.version, actor: ERIN })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it("keeps a complete, gapless revision history: one per version, each before equal to the previous after", async () => {
    const revisions = await revisionsOf(statementId);
    const current = (await statementStore.read(db, statementId))!;
    expect(revisions.map((r) => r.version)).toEqual(Array.from({ length: current.version - 1 }, (_, i) => i + 2));
    for (let i = 1; i < revisions.length; i++) {
      const prev = revisions[i - 1]!;
      const next = revisions[i]!;
      expect(next.before ?? prev.before).toEqual(prev.after ?? prev.before);
    }
  });

  it("creates with a create revision of version 1, and refuses content naming what does not exist", async () => {
    const talk = await db.talk.findFirstOrThrow({ select: { id: true } });
    const snapshot: StatementSnapshot = { ...original, talkId: talk.id, text: "New statement", quotedWords: null };
    const { id } = await createRow(db, statementStore, { snapshot, actor: ERIN });
    expect((await statementStore.read(db, id))!.snapshot).toEqual(snapshot);
    expect(await db.revision.findMany({ where: { entityId: id }, select: { action: true, version: true, before: true, talkId: true } })).toEqual([
      { action: "create", version: 1, before: null, talkId: talk.id },
    ]);
    await expect(createRow(db, statementStore, { snapshot: { ...snapshot, issues: ["no-such-issue"] }, actor: ERIN })).rejects.toThrow(
      "No such issue: no-such-issue.",
    );
    await expect(createRow(db, statementStore, { snapshot: { ...snapshot, party: "japan" }, actor: ERIN })).rejects.toThrow(/speaks for dprk/);
  });

  it("a statement's speaker, checked in one query each way: envoy → party, party in the talk, deleted envoys refused, unknown names refused", async () => {
    const talk = await db.talk.findFirstOrThrow({ select: { slug: true } });
    const form = (speaker: string) =>
      StatementInput.parse({ talk: talk.slug, speaker, capacity: "unknown", kind: "paraphrase", saidPrecision: "day", saidOn: "2006-02-07", setting: "unknown", text: `Said by ${speaker}.` });
    const byEnvoy = await createStatement(db, form("envoy:song-il-ho"), ERIN);
    expect((await statementStore.read(db, byEnvoy.id))!.snapshot).toMatchObject({ party: "dprk", envoy: "song-il-ho" });
    const byParty = await createStatement(db, form("party:japan"), ERIN);
    expect((await statementStore.read(db, byParty.id))!.snapshot).toMatchObject({ party: "japan", envoy: null });
    await db.party.create({ data: { slug: "observer-state", name: "Observer", shortName: "Observer" } });
    const outside = new MutationError("That speaker’s party does not take part in this talk.", "speaker");
    await expect(createStatement(db, form("party:observer-state"), ERIN)).rejects.toThrow(outside);
    await expect(createStatement(db, form("party:no-such-party"), ERIN)).rejects.toThrow(outside);
    await expect(createStatement(db, form("envoy:no-such-envoy"), ERIN)).rejects.toThrow(new MutationError("That envoy no longer exists.", "speaker"));
    const envoy = await db.envoy.findUniqueOrThrow({ where: { slug: "song-il-ho" }, select: { id: true } });
    await db.envoy.update({ where: { id: envoy.id }, data: { deletedAt: new Date() } });
    try {
      await expect(createStatement(db, form("envoy:song-il-ho"), ERIN)).rejects.toThrow(new MutationError("That envoy no longer exists.", "speaker"));
    } finally {
      await db.envoy.update({ where: { id: envoy.id }, data: { deletedAt: null } });
    }
  });

  it("an assessment deleted and recreated is the same row brought back (one per issue per day)", async () => {
    const a = await db.assessment.findFirstOrThrow({ select: { id: true, version: true } });
    await deleteRow(db, assessmentStore, a.id, { expectedVersion: a.version, actor: ERIN });
    const row = (await assessmentStore.read(db, a.id))!;
    await expect(
      updateRow(db, assessmentStore, a.id, { expectedVersion: row.version, snapshot: { ...row.snapshot, gap: "narrowing" }, actor: ERIN }),
    ).rejects.toBeInstanceOf(ConflictError);
    await undoDelete(db, assessmentStore, a.id, { expectedVersion: row.version, actor: ERIN });
    expect(await db.assessment.count({ where: { id: a.id, deletedAt: null } })).toBe(1);
  });
});
