// The lossless `parley.talk/v1` export (lib/talk-document/export.ts, docs/decisions/016-exports.md)
// on migrated SQLite and PostgreSQL databases: a talk exported, loaded into an empty database and
// exported again is the same file byte for byte — the Beijing talk, the 5,000-statement bench
// talk, and a talk with deleted rows, which are not exported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import type { Actor } from "../../lib/mutations/core";
import { deleteSession } from "../../lib/mutations/sessions";
import { deleteStatement } from "../../lib/mutations/statements";
import { documentInstant, exportTalkDocument, readTalkExport, serializeTalkDocument } from "../../lib/talk-document/export";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema, type TalkDocument } from "../../lib/talk-document/schema";
import { applyMigrations } from "../../scripts/db/engine";
import { loadSeedTalk } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const BEIJING = "japan-dprk-beijing-2006";
const ERIN: Actor = { id: null, name: "Erin Editor" };

type Opened = { db: Db; close(): Promise<void> };
type Provider = { open(name: string): Promise<Opened>; stop(): Promise<void> };

const sqlite: Provider = {
  async open(name) {
    const db = await createDb(await migratedSqlite(name));
    return { db, close: () => db.$disconnect() };
  },
  async stop() {},
};

let cluster: PostgresCluster | undefined;
const postgres: Provider = {
  async open(name) {
    cluster ??= await startPostgres();
    const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, `parley_${name.replaceAll("-", "_")}`) };
    await applyMigrations(config);
    const db = await createDb(config);
    return { db, close: () => db.$disconnect() };
  },
  async stop() {
    await cluster?.stop();
    cluster = undefined;
  },
};

/** Exports `slug` from `from`, loads the file into a new empty database, exports it from there. */
async function roundTrip(provider: Provider, from: Db, slug: string, name: string) {
  const first = serializeTalkDocument((await exportTalkDocument(from, slug))!);
  const empty = await provider.open(name);
  try {
    const parsed = TalkDocumentSchema.safeParse(JSON.parse(first));
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    expect((await loadTalkDocument(empty.db, parsed.data!, "round trip")).status).toBe("created");
    const second = serializeTalkDocument((await exportTalkDocument(empty.db, slug))!);
    return { first, second, doc: JSON.parse(first) as TalkDocument };
  } finally {
    await empty.close();
  }
}

describe.each([
  ["SQLite", sqlite],
  ["PostgreSQL", postgres],
] as const)("the talk document export on %s", (_name, provider) => {
  let source: Opened;

  beforeAll(async () => {
    source = await provider.open("export-source");
    await loadSeedTalk(source.db, "seed");
    await loadTalkDocument(source.db, generateTalkDocument(LARGE_TALK), "bench");
  });

  afterAll(async () => {
    await source?.close();
    await provider.stop();
  });

  it("round-trips the Beijing talk byte for byte, saying what the seed says", async () => {
    const { first, second, doc } = await roundTrip(provider, source.db, BEIJING, "export-beijing");
    expect(second).toBe(first);
    const seed = TalkDocumentSchema.parse(JSON.parse((await import("node:fs")).readFileSync("prisma/seed/japan-dprk-beijing-2006.json", "utf8")));
    // The same talk as loaded: every statement's words, in order, with its day and who said it.
    expect(doc.talk).toEqual(seed.talk);
    expect(doc.statements.map((s) => [s.text, s.saidOn, s.party, s.envoy ?? null, s.quotedWords ?? null])).toEqual(
      seed.statements.map((s) => [s.text, s.saidOn, s.party, s.envoy ?? null, s.quotedWords ?? null]),
    );
    expect(doc.sessions.map((s) => [s.title, s.localDay])).toEqual(seed.sessions.map((s) => [s.title, s.localDay]));
    expect(doc.statements[0]!.ref).toBe("statement-1");
    // Nulls that may be left out are left out; those that may not are written.
    expect(first).not.toMatch(/"(isoCode|nameOriginal|startsAt|endsAt|outcomeNote|envoy|session|saidAt|partOfDay|quotedWords|url)": null/);
    expect(first).toContain('"lastDay": null');
  });

  it("round-trips the 5,000-statement bench talk byte for byte", async () => {
    const { first, second, doc } = await roundTrip(provider, source.db, LARGE_TALK.slug, "export-bench");
    expect(doc.statements).toHaveLength(LARGE_TALK.statements);
    expect(doc.sessions).toHaveLength(LARGE_TALK.sessions);
    expect(second).toBe(first);
    // Instants at the venue's clock: Geneva is +01:00 before 30 March 2025 and +02:00 after.
    const offsets = new Set(doc.statements.flatMap((s) => (s.saidAt ? [s.saidAt.slice(-6)] : [])));
    expect([...offsets].sort()).toEqual(["+01:00", "+02:00"]);
  });

  it("leaves deleted sessions and statements out, and a statement's deleted session with them", async () => {
    const before = (await readTalkExport(source.db, LARGE_TALK.slug))!;
    const goneStatement = before.statements[10]!;
    const goneSession = before.sessions.find((s) => before.statements.some((x) => x.session === s.ref && x.id !== goneStatement.id))!;
    const orphans = before.statements.filter((x) => x.session === goneSession.ref).map((x) => x.id);
    await deleteStatement(source.db, { talk: LARGE_TALK.slug, id: goneStatement.id, version: 1 }, ERIN);
    await deleteSession(source.db, { talk: LARGE_TALK.slug, id: goneSession.id, version: 1 }, ERIN);

    const after = (await readTalkExport(source.db, LARGE_TALK.slug))!;
    expect(after.statements).toHaveLength(before.statements.length - 1);
    expect(after.statements.some((s) => s.id === goneStatement.id)).toBe(false);
    expect(after.sessions).toHaveLength(before.sessions.length - 1);
    expect(after.sessions.some((s) => s.id === goneSession.id)).toBe(false);
    // Its statements stay, said in no session the document knows.
    for (const id of orphans.filter((id) => id !== goneStatement.id)) expect(after.statements.find((s) => s.id === id)!.session).toBeNull();

    const { first, second } = await roundTrip(provider, source.db, LARGE_TALK.slug, "export-deleted");
    expect(second).toBe(first);
  });

  it("answers null for a talk that does not exist", async () => {
    expect(await exportTalkDocument(source.db, "no-such-talk")).toBeNull();
  });
});

describe("an instant in a document", () => {
  it("is the venue's clock with its offset, milliseconds only when there are some", () => {
    expect(documentInstant(new Date("2006-02-04T01:30:00Z"), "Asia/Shanghai")).toBe("2006-02-04T09:30:00+08:00");
    expect(documentInstant(new Date("2026-03-29T01:30:00.250Z"), "Europe/Zurich")).toBe("2026-03-29T03:30:00.250+02:00");
    expect(documentInstant(new Date("1985-12-31T12:00:00Z"), "Asia/Kathmandu")).toBe("1985-12-31T17:30:00+05:30");
    expect(documentInstant(new Date("1986-01-01T00:00:00Z"), "Asia/Kathmandu")).toBe("1986-01-01T05:45:00+05:45");
    expect(documentInstant(new Date("2020-06-01T12:00:00Z"), "America/St_Johns")).toBe("2020-06-01T09:30:00-02:30");
  });

  it("is written in UTC when the offset has seconds (Monrovia before 1972)", () => {
    expect(documentInstant(new Date("1970-06-01T12:00:00Z"), "Africa/Monrovia")).toBe("1970-06-01T12:00:00Z");
  });
});
