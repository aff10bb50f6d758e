// A talk document's parties, envoys, issues and sources are shared records: one the database holds
// already must agree with it (lib/talk-document/load.ts). A name that differs is refused, naming
// both, and nothing is written — unless the entry says "rename": true, when the stored record takes
// the document's name with a revision, in the same transaction as the talk. A deleted record is
// refused, and an envoy cannot move to another party. Also through `npm run db:load`.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { partyStore } from "../../lib/entities/party";
import { createParty, deleteCatalogRow } from "../../lib/mutations/catalog";
import { DocumentRefused, loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { buildTalkDocument, createTalk, TEST_EDITOR } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");
let db: Db;
let url: string;

beforeAll(async () => {
  const config = await migratedSqlite("talk-document-catalog");
  url = config.url;
  db = await createDb(config);
  await createTalk(db, {
    envoys: [{ slug: "ana-ruiz", name: "Ana Ruiz", title: "Chief negotiator", party: "aurelia", role: "head" }],
    sources: [{ key: "wire-1", publisher: "Wire", title: "Talks open", url: "https://example.org/1" }],
  });
});

afterAll(async () => {
  await db?.$disconnect();
});

/** The parties as the database holds them once Aurelia is renamed (below). */
const AURELIA_AND_BOREALIS = [
  { slug: "aurelia", name: "Aurelian Republic", shortName: "Aurelia", isoCode: "XAU" },
  { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
];

const footprint = async () => ({ talks: await db.talk.count(), parties: await db.party.count(), revisions: await db.revision.count() });

describe("a talk document naming shared records the database holds", () => {
  it("is refused where a name or detail differs, naming both, and writes nothing", async () => {
    const doc = buildTalkDocument({
      parties: [
        { slug: "aurelia", name: "Aurelian Republic", shortName: "Aurelia", isoCode: "XAU" },
        { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
      ],
      envoys: [{ slug: "ana-ruiz", name: "Ana Ruiz", title: "Chief negotiator", party: "borealis", role: "head" }],
      sources: [{ key: "wire-1", publisher: "Wire", title: "Talks open", url: "https://example.org/one" }],
    });
    const before = await footprint();
    const refusal = await loadTalkDocument(db, doc, "import").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DocumentRefused);
    expect((refusal as DocumentRefused).problems).toEqual([
      'parties[0].name: is "Aurelian Republic" here but "Republic of Aurelia" in this database; use the stored value, or add "rename": true to this entry to change the stored record.',
      'envoys[0].party: is "borealis" here but "aurelia" in this database, and a shared record cannot move; use the stored value, or another slug.',
      'sources[0].url: is "https://example.org/one" here but "https://example.org/1" in this database; use the stored value, or add "rename": true to this entry to change the stored record.',
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("takes details the document leaves out as agreeing", async () => {
    const doc = TalkDocumentSchema.parse({
      ...buildTalkDocument(),
      parties: [
        { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia" },
        { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis" },
      ],
    });
    await expect(loadTalkDocument(db, doc, "import")).resolves.toMatchObject({ status: "created" });
  });

  it("renames the stored record when the entry says so, with a revision, together with the talk", async () => {
    const aurelia = (await db.party.findUniqueOrThrow({ where: { slug: "aurelia" }, select: { id: true } })).id;
    const doc = buildTalkDocument({
      parties: [
        { slug: "aurelia", name: "Aurelian Republic", shortName: "Aurelia", isoCode: "XAU", rename: true },
        { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
      ],
    });
    await expect(loadTalkDocument(db, doc, "import")).resolves.toMatchObject({ status: "created" });
    const row = (await partyStore.read(db, aurelia))!;
    expect(row.snapshot.name).toBe("Aurelian Republic");
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "party", entityId: aurelia, version: row.version } });
    expect(revision).toMatchObject({ action: "update", actorName: "import", note: "Renamed by a talk document" });
  });

  it("refuses a record deleted in this database", async () => {
    const { id } = await createParty(db, { slug: "castellan", name: "Castellan Federation", shortName: "Castellan", isoCode: null }, TEST_EDITOR);
    await deleteCatalogRow(db, "party", { id, version: 1 }, TEST_EDITOR);
    const doc = buildTalkDocument({ parties: [...AURELIA_AND_BOREALIS, { slug: "castellan", name: "Castellan Federation", shortName: "Castellan", isoCode: null }] });
    const refusal = (await loadTalkDocument(db, doc, "import").catch((e: unknown) => e)) as DocumentRefused;
    expect(refusal.problems).toEqual(['parties[2]: "castellan" was deleted in this database; undo its deletion there first, or give this one another slug.']);
  });

  it("is reported by npm run db:load, which loads nothing of it and fails", async () => {
    const file = path.join(tmpdir(), `parley-catalog-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(buildTalkDocument({ parties: AURELIA_AND_BOREALIS, issues: [{ slug: "water-rights", name: "Water" }] })));
    const result = await promisify(execFile)("npm", ["run", "-s", "db:load", "--", file], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } }).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toContain(
      `${file} was not loaded:\n  issues[0].name: is "Water" here but "Water rights" in this database; use the stored value, or add "rename": true to this entry to change the stored record.`,
    );
  });
});
