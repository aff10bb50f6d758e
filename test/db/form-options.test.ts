// What the session and statement forms offer as sources: every live source — also one made at
// /sources/new and cited nowhere yet — those the talk already cites first; a deleted one only to
// a row that cites it (issue 10).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { SourceInput } from "../../lib/entities/source";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "japan-dprk-beijing-2006";
let db: Db;
let getTalkFormOptions: typeof import("../../lib/data/form-options").getTalkFormOptions;

beforeAll(async () => {
  const { url } = await migratedSqlite("form-options");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../../lib/db");
  db = await getDb();
  await loadSeedTalk(db, "test");
  ({ getTalkFormOptions } = await import("../../lib/data/form-options"));
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("the sources the statement and session forms offer", () => {
  it("offers a source made on its own page, after those the talk cites, and no deleted one", async () => {
    const { createSource } = await import("../../lib/mutations/catalog");
    const made = await createSource(db, SourceInput.parse({ slug: "kyodo-talks-resume", publisher: "Kyodo", title: "Talks resume in Beijing", publishedOn: "2006-02-08" }), { id: null, name: "Erin" });
    const gone = await createSource(db, SourceInput.parse({ slug: "yonhap-retracted", publisher: "Yonhap", title: "A retracted report", publishedOn: "2006-02-08" }), { id: null, name: "Erin" });
    await db.source.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const options = (await getTalkFormOptions(SLUG))!;
    expect(options.sources.map((s) => [s.label, s.citedHere])).toEqual([
      [expect.stringContaining("North Korea, Japan Still far Apart"), true],
      [expect.stringContaining("Talks resume in Beijing"), false],
    ]);
    // A row that already cites the deleted one still has it offered, marked.
    const editing = (await getTalkFormOptions(SLUG, { sources: [gone.id] }))!;
    expect(editing.sources.find((s) => s.value === gone.id)?.label).toMatch(/\(deleted\)$/);
    expect(options.sources.some((s) => s.value === made.id)).toBe(true);
  });
});
