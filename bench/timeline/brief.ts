// The brief (/talks/<slug>/brief, docs/decisions/019-brief.md) on the 5,000-statement bench talk:
// now, as known on a moment before 100 corrections and 20 deletions (rebuilt from revisions), and
// with the changes since that moment marked. Run as
//   DATABASE_URL=file:/tmp/parley-bench-brief.db node --conditions=react-server --import tsx bench/timeline/brief.ts [runs]
// Prints the medians in ms (the brief is read afresh on every request: no cache to warm).
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
  const { readBrief } = await import("../../lib/data/brief");
  const time = async (options: Parameters<typeof readBrief>[2]) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await readBrief(db, LARGE_TALK.slug, options);
      ms.push(performance.now() - t);
    }
    return Math.round(median(ms));
  };
  const now = await time({});
  const asOf = await time({ asOf: moment });
  const since = await time({ since: moment });
  console.log(JSON.stringify({ statements: doc.statements.length, runs, nowMs: now, asOfMs: asOf, sinceMs: since }));
  await db.$disconnect();
}

await main();
