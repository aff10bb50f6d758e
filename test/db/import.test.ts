// The import (lib/imports/run.ts, docs/decisions/021-import.md) on migrated SQLite and PostgreSQL
// databases: a file with bad rows changes nothing; the Beijing talk goes out as JSON and as CSV and
// comes back the same; importing a file again is a no-op; a large file reports its progress.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { statementsCsv } from "../../lib/exports/statements-csv";
import { runImport, IMPORT_FILE_LIMIT, type ImportProgress, type ImportResult } from "../../lib/imports/run";
import { exportTalkDocument, readTalkExport, serializeTalkDocument } from "../../lib/talk-document/export";
import type { TalkDocument } from "../../lib/talk-document/schema";
import { applyMigrations } from "../../scripts/db/engine";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const BEIJING = "japan-dprk-beijing-2006";
const SEED = readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/japan-dprk-beijing-2006.json"));
const SEED_DOC = JSON.parse(SEED.toString("utf8")) as TalkDocument;
const EDITOR = "Erin Editor";
const TALK_DETAILS = { ...SEED_DOC.talk, lastDay: "" } as Record<string, unknown>;
delete TALK_DETAILS.slug;

type Opened = { db: Db; close(): Promise<void> };
type Provider = { name: string; open(name: string): Promise<Opened>; stop(): Promise<void> };

let cluster: PostgresCluster | undefined;
const PROVIDERS: Provider[] = [
  {
    name: "SQLite",
    async open(name) {
      const db = await createDb(await migratedSqlite(name));
      return { db, close: () => db.$disconnect() };
    },
    async stop() {},
  },
  {
    name: "PostgreSQL",
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
  },
];

const bytes = (text: string) => Buffer.from(text, "utf8");
const check = (db: Db, file: Buffer | string, talk: Record<string, unknown> | null = null) =>
  runImport(db, { bytes: typeof file === "string" ? bytes(file) : file, talk }, { mode: "check", actorName: EDITOR });
const load = (db: Db, file: Buffer | string, talk: Record<string, unknown> | null = null, onProgress?: (p: ImportProgress) => void) =>
  runImport(db, { bytes: typeof file === "string" ? bytes(file) : file, talk }, { mode: "import", actorName: EDITOR, onProgress });

/** Every table an import writes to, counted. */
async function counts(db: Db) {
  const [talks, parties, envoys, issues, sources, sessions, statements, revisions] = await Promise.all([
    db.talk.count(),
    db.party.count(),
    db.envoy.count(),
    db.issue.count(),
    db.source.count(),
    db.session.count(),
    db.statement.count(),
    db.revision.count(),
  ]);
  return { talks, parties, envoys, issues, sources, sessions, statements, revisions };
}

/** The CSV's records without what only one database decides: ids and when rows were recorded. */
function comparableCsv(text: string): string[][] {
  const drop = new Set(["statement_id", "session_id", "recorded_at", "updated_at"].map((n) => statementsCsv.names.indexOf(n)));
  return parseRecords(text).map((r) => r.filter((_, i) => !drop.has(i)));
}
const parseRecords = (text: string): string[][] => parse(text, { bom: true });

it("the route's body limit (next.config.js) leaves room for the file and the talk's details", async () => {
  const config = new URL("../../next.config.js", import.meta.url).href;
  const { IMPORT_BODY_LIMIT } = (await import(/* @vite-ignore */ config)) as { IMPORT_BODY_LIMIT: number };
  expect(IMPORT_BODY_LIMIT).toBeGreaterThan(IMPORT_FILE_LIMIT);
});

describe.each(PROVIDERS)("import on $name", (provider) => {
  const tag = provider.name.toLowerCase();
  let source: Opened;
  let target: Opened;
  let fromCsv: Opened;
  beforeAll(async () => {
    [source, target, fromCsv] = await Promise.all([provider.open(`import-source-${tag}`), provider.open(`import-target-${tag}`), provider.open(`import-csv-${tag}`)]);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close(), fromCsv?.close()]);
    await provider.stop();
  });

  it("loads the Beijing document from a file, with the editor's name on every revision, and again changes nothing", async () => {
    const dry = await check(source.db, SEED);
    expect(dry).toMatchObject({
      status: "planned",
      format: "json",
      summary: { statements: 9, sessions: 3, parties: { created: ["japan", "dprk"], matched: [] }, series: { created: [SEED_DOC.series!.slug], matched: [], renamed: [] } },
    });
    expect((await counts(source.db)).talks).toBe(0);

    expect(await load(source.db, SEED)).toMatchObject({ status: "created" });
    const revisions = await source.db.revision.findMany({ select: { actorName: true } });
    expect(new Set(revisions.map((r) => r.actorName))).toEqual(new Set([EDITOR]));

    const before = await counts(source.db);
    expect(await load(source.db, SEED)).toEqual({ status: "exists", format: "json", slug: BEIJING, title: SEED_DOC.talk.title });
    expect(await counts(source.db)).toEqual(before);

    // Another round of the same series: the preview says the series is matched, or renamed when the document renames it.
    const round = (series: TalkDocument["series"]) => Buffer.from(JSON.stringify({ ...SEED_DOC, talk: { ...SEED_DOC.talk, slug: "japan-dprk-next-round" }, series }));
    expect(await check(source.db, round(SEED_DOC.series))).toMatchObject({ status: "planned", summary: { series: { created: [], matched: [SEED_DOC.series!.slug], renamed: [] } } });
    const renamed = round({ ...SEED_DOC.series!, name: "Japan–DPRK talks", rename: true });
    expect(await check(source.db, renamed)).toMatchObject({ status: "planned", summary: { series: { created: [], matched: [], renamed: [SEED_DOC.series!.slug] } } });
    expect(await counts(source.db)).toEqual(before);
  });

  it("round-trips the Beijing talk as JSON: exported, imported elsewhere, exported again, the same document", async () => {
    const first = serializeTalkDocument((await exportTalkDocument(source.db, BEIJING))!);
    expect(await load(target.db, first)).toMatchObject({ status: "created", format: "json" });
    const second = serializeTalkDocument((await exportTalkDocument(target.db, BEIJING))!);
    expect(second).toBe(first);
    const before = await counts(target.db);
    expect(await load(target.db, second)).toMatchObject({ status: "exists" });
    expect(await counts(target.db)).toEqual(before);
  });

  it("round-trips the Beijing talk's statements as CSV, asking for the talk's details first", async () => {
    const csv = statementsCsv.write((await readTalkExport(source.db, BEIJING))!);
    expect(await check(fromCsv.db, csv)).toEqual({ status: "needs-talk", format: "csv", slug: BEIJING, firstDay: "2006-02-07", lastDay: "2006-02-07", statements: 9 });
    const refusedDetails = await check(fromCsv.db, csv, { ...TALK_DETAILS, title: "", venueTimeZone: "Mars/Olympus" });
    expect(refusedDetails).toMatchObject({ status: "refused", talkFields: { title: [expect.any(String) as unknown], venueTimeZone: [expect.any(String) as unknown] } });

    const dry = await check(fromCsv.db, csv, TALK_DETAILS);
    expect(dry).toMatchObject({ status: "planned", format: "csv", summary: { statements: 9, envoys: { created: ["song-il-ho", "kunio-umeda"] } } });
    expect(await counts(fromCsv.db)).toMatchObject({ talks: 0, revisions: 0 });

    expect(await load(fromCsv.db, csv, TALK_DETAILS)).toMatchObject({ status: "created" });
    const again = statementsCsv.write((await readTalkExport(fromCsv.db, BEIJING))!);
    expect(comparableCsv(again)).toEqual(comparableCsv(csv));

    // The same file again, here and where it came from (matched by statement_id there): nothing changes.
    for (const db of [fromCsv.db, source.db]) {
      const before = await counts(db);
      expect(await load(db, csv, TALK_DETAILS)).toMatchObject({ status: "exists", slug: BEIJING });
      expect(await counts(db)).toEqual(before);
    }
  });

  it("adds a CSV's new rows to a talk Parley has, through the write core, and skips the rows it holds", async () => {
    const exported = statementsCsv.write((await readTalkExport(source.db, BEIJING))!);
    const [header, ...rows] = parseRecords(exported);
    const col = (name: string) => header!.indexOf(name);
    const added = [...rows[0]!];
    added[col("statement_id")] = "";
    added[col("text")] = "A statement the wire added later.";
    added[col("quoted_words")] = "";
    const outside = [...added];
    outside[col("day")] = "2006-02-01";
    outside[col("text")] = "Before the talk began.";
    const write = (records: string[][]) => `\uFEFF${records.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n")}\r\n`;

    const before = await counts(source.db);
    const refusedRun = await load(source.db, write([header!, ...rows, added, outside]));
    expect(refusedRun).toMatchObject({ status: "refused", problems: [{ line: 12, column: "day", message: expect.stringMatching(/outside the talk/) as unknown }] });
    expect(await counts(source.db)).toEqual(before);

    const file = write([header!, ...rows, added]);
    expect(await check(source.db, file)).toMatchObject({ status: "planned", added: { matched: 9 }, summary: { statements: 1 } });
    expect(await counts(source.db)).toEqual(before);
    expect(await load(source.db, file)).toMatchObject({ status: "created", added: { matched: 9 } });
    expect(await counts(source.db)).toEqual({ ...before, statements: before.statements + 1, revisions: before.revisions + 1 });
    const made = await source.db.statement.findFirst({ where: { text: "A statement the wire added later." }, select: { id: true, sequence: true } });
    expect(made?.sequence).toBe(9);
    expect(await source.db.revision.findFirst({ where: { entityId: made!.id }, select: { actorName: true, action: true } })).toEqual({ actorName: EDITOR, action: "create" });

    const after = await counts(source.db);
    expect(await load(source.db, file)).toMatchObject({ status: "exists" });
    expect(await counts(source.db)).toEqual(after);
  });

  it("refuses a CSV with bad rows, naming each line and column, and changes nothing", async () => {
    const csv = statementsCsv.write((await readTalkExport(source.db, BEIJING))!);
    const [header, ...rows] = parseRecords(csv);
    const col = (name: string) => header!.indexOf(name);
    const bad = rows.map((r) => [...r]);
    for (const r of bad) r[col("talk")] = "new-talk-from-csv";
    bad[1]![col("text")] = "First line\nsecond line"; // quoted line break: the next record starts a line later
    bad[2]![col("kind")] = "rumour";
    bad[4]![col("day")] = "2006-13-01";
    const file = [header!, ...bad].map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(",")).join("\r\n");
    const before = { source: await counts(source.db), target: await counts(target.db) };
    for (const mode of ["check", "import"] as const) {
      const result: ImportResult = await runImport(source.db, { bytes: bytes(`\uFEFF${file}`), talk: TALK_DETAILS }, { mode, actorName: EDITOR });
      expect(result.status).toBe("refused");
      if (result.status !== "refused") return;
      expect(result.problems).toContainEqual({ line: 5, column: "kind", message: expect.stringMatching(/"rumour"/) as unknown });
      expect(result.problems).toContainEqual({ line: 7, column: "day", message: expect.stringMatching(/not a calendar day/) as unknown });
    }
    expect(await counts(source.db)).toEqual(before.source);
    expect(await counts(target.db)).toEqual(before.target);
  });

  it("refuses what is not a talk file, in a sentence", async () => {
    const refusals = await Promise.all([check(target.db, ""), check(target.db, "{not json"), check(target.db, '{"format":"other"}'),
      check(target.db, '{"format":"parley.talk/v1","statements":{}}'), check(target.db, "a,b\n1,2\n"), check(target.db, Buffer.from([0xff, 0xfe, 0x00, 0x41]))]);
    for (const r of refusals) expect(r.status).toBe("refused");
    expect(refusals.map((r) => (r.status === "refused" ? r.problems[0]!.message : ""))).toEqual([
      "The file is empty.",
      expect.stringMatching(/cannot be read as JSON/),
      expect.stringMatching(/not a Parley talk document/),
      expect.stringMatching(/./),
      expect.stringMatching(/not a statements CSV/),
      expect.stringMatching(/not text in UTF-8/),
    ] as unknown[]);
  });

  it("reports progress while a large file is read, checked and written", async () => {
    const events: ImportProgress[] = [];
    const file = JSON.stringify(generateTalkDocument(LARGE_TALK));
    expect(await load(target.db, file, null, (p) => events.push(p))).toMatchObject({ status: "created" });
    expect(events.map((e) => e.phase).filter((p, i, all) => all.indexOf(p) === i)).toEqual(["reading", "checking", "writing", "done"]);
    const written = events.filter((e) => e.phase === "writing");
    expect(written[0]!.total).toBeGreaterThan(5_000);
    expect(events.at(-1)).toEqual({ phase: "done", done: written[0]!.total, total: written[0]!.total });
  }, 240_000);
});
