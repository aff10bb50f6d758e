// "As known on" against the current view, on the 5,000-statement bench talk (issue 13,
// docs/decisions/023-as-known-on.md). Loads LARGE_TALK into a fresh SQLite database, notes the
// moment, then corrects 100 statements and deletes 20 through the write core; then times the talk
// page's data read from its middle day, now and as known at that moment (every row rebuilt from
// its revisions), first read after a change ("cold", cache cleared) and as later requests find it
// ("warm"). Run as
//   DATABASE_URL=file:/tmp/parley-bench-asof.db node --conditions=react-server --import tsx bench/timeline/as-of.ts [runs]
// (react-server makes `import "server-only"` a no-op). Prints the medians in ms.
import { clearTalkCache } from "../../lib/data/talk-cache";
import { statementStore } from "../../lib/entities/statement";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl } from "../../lib/env";
import { deleteRow, updateRow } from "../../lib/mutations/core";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { prepareDatabase } from "./database";
import { generateTalkDocument, LARGE_TALK } from "./generate";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const runs = Number(process.argv[2] ?? 7);
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("file:")) throw new Error("Set DATABASE_URL=file:/tmp/….db (it is replaced).");
  const doc = TalkDocumentSchema.parse(generateTalkDocument(LARGE_TALK));
  await prepareDatabase(url.slice("file:".length), [doc]);
  const db = await createDb(parseDatabaseUrl(url));
  await new Promise((r) => setTimeout(r, 20));
  const moment = new Date();
  await new Promise((r) => setTimeout(r, 20));
  const ids = (await db.statement.findMany({ where: { talk: { slug: LARGE_TALK.slug } }, orderBy: { id: "asc" }, select: { id: true }, take: 120 })).map((s) => s.id);
  const actor = { id: null, name: "bench" };
  for (const [i, id] of ids.entries()) {
    const row = (await statementStore.read(db, id))!;
    if (i < 100) await updateRow(db, statementStore, id, { expectedVersion: row.version, snapshot: { ...row.snapshot, text: `${row.snapshot.text} (corrected)` }, actor });
    else await deleteRow(db, statementStore, id, { expectedVersion: row.version, actor });
  }
  await db.$disconnect();

  const { getTalkPage } = await import("../../lib/data/talks");
  const middle = doc.talk.firstDay.slice(0, 8) + String(Number(doc.talk.firstDay.slice(8)) + Math.floor(LARGE_TALK.days / 2)).padStart(2, "0");
  const reads = {
    "current, cold": () => (clearTalkCache(), getTalkPage(LARGE_TALK.slug, {}, middle)),
    "as of, cold": () => (clearTalkCache(), getTalkPage(LARGE_TALK.slug, {}, middle, moment)),
    "current, warm": () => getTalkPage(LARGE_TALK.slug, {}, middle),
    "as of, warm": () => getTalkPage(LARGE_TALK.slug, {}, middle, moment),
  };
  const out: Record<string, number> = {};
  for (const [name, read] of Object.entries(reads)) {
    for (let i = 0; i < 3; i++) if (!(await read())) throw new Error("no talk");
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await read();
      ms.push(performance.now() - t);
    }
    out[name] = Math.round(median(ms) * 10) / 10;
  }
  const page = (await getTalkPage(LARGE_TALK.slug, {}, middle, moment))!;
  console.log(JSON.stringify({ middle, statements: page.totals.statements, medianMs: out, ratio: { cold: +(out["as of, cold"]! / out["current, cold"]!).toFixed(2), warm: +(out["as of, warm"]! / out["current, warm"]!).toFixed(2) } }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
