// The live-update poller on real databases, SQLite and PostgreSQL: it reads the Revision table
// written by another connection (another process, another app instance), keeps (at, id) order
// within one millisecond, and words what it finds.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStatement } from "../../e2e/support/live-writes";
import { revisionChangeSource } from "../../lib/live/changes";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { cursorOf } from "../../lib/live/cursor";
import { createParty, updateSource } from "../../lib/mutations/catalog";
import type { LiveChange, RevisionRow } from "../../lib/live/describe";
import { ChangeHub, type ChangeSource, type ReadRange } from "../../lib/live/hub";
import { applyMigrations } from "../../scripts/db/engine";
import { loadSeedTalk } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "japan-dprk-beijing-2006";

type Setup = {
  db: Db;
  /** Writes, from a connection of its own, a statement by Song Il Ho on day 4 and its revision, stamped `at`. */
  writeElsewhere(text: string, at?: Date): Promise<void>;
  close(): Promise<void>;
};

/** Waits until `check` passes or `ms` pass. */
async function eventually(check: () => void, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * A hub on the real change source that counts the poller's finished scans of the Revision table
 * (every tick scans once, after delivering what the tick before it found), so a test waits for
 * polls to have happened rather than for time to have passed.
 */
function watchedHub(db: () => Db) {
  const inner = revisionChangeSource(() => Promise.resolve(db()));
  let scans = 0;
  const source: ChangeSource<RevisionRow, LiveChange> = {
    ...inner,
    scan: (...args) => inner.scan(...args).finally(() => scans++),
  };
  const hub = new ChangeHub<RevisionRow, LiveChange>(source, { intervalMs: 50 });
  return {
    hub,
    /** Resolves once the poller has started (read the newest revision and let its listener in). */
    started: () => eventually(() => expect(scans).toBeGreaterThanOrEqual(2)),
    /** Resolves once the poller has scanned `n` more times, each earlier tick finished and delivered. */
    polled: (n: number) => {
      const from = scans;
      return eventually(() => expect(scans).toBeGreaterThanOrEqual(from + n + 1));
    },
  };
}

function suite(name: string, setup: () => Promise<Setup>) {
  describe(`live changes on ${name}`, () => {
    let s: Setup;
    let talkId: string;
    const source = () => revisionChangeSource(() => Promise.resolve(s.db));

    beforeAll(async () => {
      s = await setup();
      ({ id: talkId } = await loadSeedTalk(s.db));
    }, 120_000);
    afterAll(() => s?.close());

    it("reads in (at, id) order, strictly after a cursor and up to one, also among rows of the same millisecond", async () => {
      const range = (r: Partial<ReadRange>): ReadRange => ({ after: null, orStampedAfter: null, pageAfter: null, upTo: null, ...r });
      const all = await source().read(talkId, range({}), 1000);
      // The seed writes every revision in one batch: many share one instant.
      expect(all.length).toBeGreaterThan(10);
      expect(new Set(all.map((r) => r.at.getTime())).size).toBeLessThan(all.length);
      const [first, second, third] = [all[0]!, all[1]!, all[2]!];
      const after = await source().read(talkId, range({ after: cursorOf(third) }), 1000);
      expect(after.map((r) => r.id)).toEqual(all.slice(3).map((r) => r.id));
      const between = await source().read(talkId, range({ after: cursorOf(first), upTo: cursorOf(third) }), 1000);
      expect(between.map((r) => r.id)).toEqual([second.id, third.id]);
      const paged = await source().scan(talkId, range({ after: cursorOf(first), pageAfter: cursorOf(second) }), 2);
      expect(paged.map((r) => r.id)).toEqual([all[2]!.id, all[3]!.id]);
      expect((await source().latest(talkId))?.id).toBe(all[all.length - 1]!.id);
      // The window: rows stamped after an instant, besides those after the cursor.
      const last = all[all.length - 1]!;
      const windowed = await source().scan(talkId, range({ after: cursorOf(last), orStampedAfter: third.at.getTime() - 1 }), 1000);
      expect(windowed.map((r) => r.id)).toEqual(all.filter((r) => r.at.getTime() >= third.at.getTime()).map((r) => r.id));
      expect(await source().scan(talkId, range({ after: cursorOf(last), orStampedAfter: last.at.getTime() }), 1000)).toEqual([]);
      const loaded = await source().load(talkId, [third.id, first.id]);
      expect(loaded.map((r) => r.id)).toEqual([first.id, third.id]);
      expect(loaded[0]).toMatchObject({ action: "create" });
      expect(typeof loaded[0]?.entityType).toBe("string");
    });

    it("tells a listener of a statement written by another connection, in words, within a few polls", async () => {
      const { hub, started, polled } = watchedHub(() => s.db);
      const got: LiveChange[] = [];
      const stop = hub.subscribe(talkId, null, { changes: (events) => got.push(...events), reset: () => undefined });
      try {
        await started(); // from the seed: what was there before is not news
        expect(got).toEqual([]);
        await s.writeElsewhere("Pyongyang will not discuss the abductions further.");
        await eventually(() => expect(got).toHaveLength(1));
        expect(got[0]).toMatchObject({
          entityType: "statement",
          action: "create",
          days: ["2006-02-07"],
          summary: "New statement by Song Il Ho on day 4",
          announcement: "New statement by Song Il Ho on Day 4 · Tuesday 7 February 2006",
        });
        // Committed late, stamped before the one already seen: still told, once.
        await s.writeElsewhere("A late one.", new Date(Date.now() - 3_000));
        await eventually(() => expect(got).toHaveLength(2));
        await polled(3);
        expect(got).toHaveLength(2);
      } finally {
        stop();
      }
      expect(hub.activeTalks()).toEqual([]);
    });

    it("tells a talk's listeners of a shared record it uses, and not of one it does not", async () => {
      const { hub, started, polled } = watchedHub(() => s.db);
      const got: LiveChange[] = [];
      const stop = hub.subscribe(talkId, null, { changes: (events) => got.push(...events), reset: () => undefined });
      const editor = { id: null, name: "Test editor" };
      try {
        await started();
        // A party of no talk, then the source every Beijing statement cites.
        await createParty(s.db, { slug: `elsewhere-${randomBytes(3).toString("hex")}`, name: "Elsewhere", shortName: "Elsewhere", isoCode: null }, editor);
        const report = await s.db.source.findUniqueOrThrow({ where: { key: "news-report-2006-02-07" }, select: { id: true, version: true } });
        await updateSource(
          s.db,
          { id: report.id, version: report.version, publisher: "Kyodo News", title: "North Korea, Japan still far apart", url: null, publishedOn: "2006-02-07" },
          editor,
        );
        await eventually(() => expect(got).toHaveLength(1));
        expect(got[0]).toMatchObject({ entityType: "source", everyDay: true, summary: "Source “North Korea, Japan still far apart” edited" });
        await polled(3);
        expect(got).toHaveLength(1);
      } finally {
        stop();
      }
      expect(hub.activeTalks()).toEqual([]);
    });
  });
}

suite("SQLite", async () => {
  const config = await migratedSqlite("live");
  const { file } = config;
  const db = await createDb(config);
  return {
    db,
    async writeElsewhere(text, at) {
      const { id } = addStatement(config.url, { talk: SLUG, envoy: "song-il-ho", saidOn: "2006-02-07", text });
      if (at) {
        // Re-stamp the revision as a writer that waited on the lock would have.
        const Database = (await import("better-sqlite3")).default;
        const raw = new Database(file);
        raw.prepare(`UPDATE "Revision" SET at = ? WHERE entityId = ?`).run(at.toISOString().replace("Z", "+00:00"), id);
        raw.close();
      }
    },
    close: () => db.$disconnect(),
  };
});

suite("PostgreSQL", async () => {
  const cluster: PostgresCluster = await startPostgres();
  const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_live") };
  await applyMigrations(config);
  const db = await createDb(config);
  return {
    db,
    async writeElsewhere(text, at = new Date()) {
      const client = new pg.Client({ connectionString: config.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT t.id AS "talkId", e.id AS "envoyId", e."partyId" FROM "Talk" t, "Envoy" e WHERE t.slug = $1 AND e.slug = 'song-il-ho'`,
          [SLUG],
        );
        const { talkId, envoyId, partyId } = rows[0] as { talkId: string; envoyId: string; partyId: string };
        const after = { id: `st-${randomBytes(6).toString("hex")}`, talkId, envoyId, partyId, saidOn: "2006-02-07", saidAt: null, text };
        // TIMESTAMP(3) without zone holds UTC (as Prisma writes it); a JS Date would be sent in local time.
        const utc = at.toISOString().replace("T", " ").replace("Z", "");
        await client.query(
          `INSERT INTO "Revision" (id, "entityType", "entityId", "talkId", action, "actorName", at, after) VALUES ($1, 'statement', $2, $3, 'create', 'Test Editor', $4, $5::jsonb)`,
          [`c${randomBytes(12).toString("hex")}`, after.id, talkId, utc, JSON.stringify(after)],
        );
      } finally {
        await client.end();
      }
    },
    async close() {
      await db.$disconnect();
      await cluster.stop();
    },
  };
});
