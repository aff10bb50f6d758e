// Parties' roles in a talk (decision 024) on migrated SQLite and PostgreSQL: a document with a
// host round-trips byte for byte, and a talk form that changes roles saves them with a revision.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { TalkUpdateInput, talkStore } from "../../lib/entities/talk";
import type { Actor } from "../../lib/mutations/core";
import { restoreVersion } from "../../lib/mutations/core";
import { updateTalk } from "../../lib/mutations/talks";
import { exportTalkDocument, serializeTalkDocument } from "../../lib/talk-document/export";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { applyMigrations } from "../../scripts/db/engine";
import { buildTalkDocument } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const ERIN: Actor = { id: null, name: "Erin Editor" };
type Provider = { open(name: string): Promise<Db>; stop(): Promise<void> };

let cluster: PostgresCluster | undefined;
const providers: [string, Provider][] = [
  ["SQLite", { open: async (name) => createDb(await migratedSqlite(name)), stop: async () => {} }],
  [
    "PostgreSQL",
    {
      async open(name) {
        cluster ??= await startPostgres();
        const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, `parley_${name.replaceAll("-", "_")}`) };
        await applyMigrations(config);
        return createDb(config);
      },
      async stop() {
        await cluster?.stop();
        cluster = undefined;
      },
    },
  ],
];

const withHost = () =>
  buildTalkDocument({
    parties: [
      { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
      { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
      { slug: "cantor", name: "Cantor Confederation", shortName: "Cantor", role: "host" },
    ],
  });

describe.each(providers)("parties' roles on %s", (_name, provider) => {
  let db: Db;
  beforeAll(async () => {
    db = await provider.open("party-roles");
  });
  afterAll(async () => {
    await db?.$disconnect();
    await provider.stop();
  });

  it("round-trips a document with a host byte for byte, and leaves principals' role out", async () => {
    const doc = withHost();
    expect((await loadTalkDocument(db, doc, "test")).status).toBe("created");
    const rows = await db.talkParty.findMany({ where: { talk: { slug: doc.talk.slug } }, orderBy: { position: "asc" }, select: { role: true, party: { select: { slug: true } } } });
    expect(rows.map((r) => [r.party.slug, r.role])).toEqual([["aurelia", "principal"], ["borealis", "principal"], ["cantor", "host"]]);

    const first = serializeTalkDocument((await exportTalkDocument(db, doc.talk.slug))!);
    const parsed = JSON.parse(first) as { parties: { slug: string; role?: string }[] };
    expect(parsed.parties.map((p) => p.role ?? null)).toEqual([null, null, "host"]);
    const other = await provider.open("party-roles-again");
    try {
      await loadTalkDocument(other, TalkDocumentSchema.parse(parsed), "round trip");
      expect(serializeTalkDocument((await exportTalkDocument(other, doc.talk.slug))!)).toBe(first);
    } finally {
      await other.$disconnect();
    }
  });

  it("saves a role change from the talk form with a revision, and restores the version before it", async () => {
    const doc = withHost();
    const { talkId } = await loadTalkDocument(db, doc, "test");
    const current = (await talkStore.read(db, talkId))!;
    expect(current.snapshot.roles).toEqual([{ party: "cantor", role: "host" }]);
    const s = current.snapshot;
    const input = TalkUpdateInput.parse({
      id: talkId,
      version: current.version,
      title: s.title,
      venueCity: s.venueCity,
      venueTimeZone: s.venueTimeZone,
      firstDay: s.firstDay,
      lastDay: s.lastDay ?? "",
      status: s.status,
      summary: s.summary,
      parties: s.parties,
      // As the form sends them: one select per chosen party, principals included.
      roles: ["aurelia:principal", "borealis:observer", "cantor:mediator", "nobody:host"],
      envoys: [],
      issues: s.issues,
    });
    await updateTalk(db, input, ERIN);
    const saved = (await talkStore.read(db, talkId))!;
    expect(saved.snapshot.roles).toEqual([
      { party: "borealis", role: "observer" },
      { party: "cantor", role: "mediator" },
    ]);
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "talk", entityId: talkId, version: saved.version }, select: { action: true, before: true, after: true, actorName: true } });
    expect(revision).toMatchObject({ action: "update", actorName: "Erin Editor" });
    expect((revision.before as { roles?: unknown }).roles).toEqual([{ party: "cantor", role: "host" }]);
    expect((revision.after as { roles?: unknown }).roles).toEqual(saved.snapshot.roles);

    await restoreVersion(db, talkStore, talkId, { version: current.version, expectedVersion: saved.version, actor: ERIN });
    const roles = await db.talkParty.findMany({ where: { talkId }, orderBy: { position: "asc" }, select: { role: true } });
    expect(roles.map((r) => r.role)).toEqual(["principal", "principal", "host"]);
  });
});
