// The issue page "as known on" a moment (docs/decisions/026-as-known-on-days-and-issues.md) against
// its current read, and against rebuilding each talk whole (what reusing the talk page's rebuild,
// getTalkIndexAt, for every talk would cost). Loads the Beijing seed and TALKS copies of the
// 5,000-statement bench talk (same records, other slugs: one issue on every one's agenda) into a
// fresh SQLite database, notes the moment, then corrects 100 statements and deletes 20 in each
// through the write core. Times getIssuePage (no React) for the bench issue and for the Beijing
// abductions, first read after a change ("cold", cache cleared) and as later requests find it
// ("warm"). Run as
//   DATABASE_URL=file:/tmp/parley-bench-issue-asof.db node --conditions=react-server --import tsx bench/timeline/issue-as-of.ts [runs] [talks]
// Prints the medians in ms.
import { readFileSync } from "node:fs";
import path from "node:path";
import { clearTalkCache } from "../../lib/data/talk-cache";
import { statementStore } from "../../lib/entities/statement";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl } from "../../lib/env";
import { deleteRow, updateRow } from "../../lib/mutations/core";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { prepareDatabase } from "./database";
import { generateTalkDocument, LARGE_TALK } from "./generate";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ISSUE = "verification";

async function main() {
  const runs = Number(process.argv[2] ?? 7);
  const copies = Number(process.argv[3] ?? 2);
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("file:")) throw new Error("Set DATABASE_URL=file:/tmp/….db (it is replaced).");
  const beijing = TalkDocumentSchema.parse(JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../prisma/seed/japan-dprk-beijing-2006.json"), "utf8")));
  const docs = Array.from({ length: copies }, (_, i) => TalkDocumentSchema.parse(generateTalkDocument({ ...LARGE_TALK, slug: `${LARGE_TALK.slug}-${i + 1}` })));
  await prepareDatabase(url.slice("file:".length), [beijing, ...docs]);
  const db = await createDb(parseDatabaseUrl(url));
  await new Promise((r) => setTimeout(r, 20));
  const moment = new Date();
  await new Promise((r) => setTimeout(r, 20));
  const actor = { id: null, name: "bench" };
  for (const doc of docs) {
    const ids = (await db.statement.findMany({ where: { talk: { slug: doc.talk.slug } }, orderBy: { id: "asc" }, select: { id: true }, take: 120 })).map((s) => s.id);
    for (const [i, id] of ids.entries()) {
      const row = (await statementStore.read(db, id))!;
      if (i < 100) await updateRow(db, statementStore, id, { expectedVersion: row.version, snapshot: { ...row.snapshot, text: `${row.snapshot.text} (corrected)` }, actor });
      else await deleteRow(db, statementStore, id, { expectedVersion: row.version, actor });
    }
  }
  await db.$disconnect();

  const { getIssuePage } = await import("../../lib/data/issues");
  const { getTalk } = await import("../../lib/data/talks");
  const { getTalkIndexAt } = await import("../../lib/data/as-of");
  const { getDb } = await import("../../lib/db");
  const at = moment.toISOString();
  const wholeTalks = async () => {
    const app = await getDb();
    for (const doc of docs) await getTalkIndexAt(app, (await getTalk(doc.talk.slug))!, moment);
  };
  const reads = {
    "bench issue now": () => getIssuePage(ISSUE, "all"),
    "bench issue as of, cold": () => (clearTalkCache(), getIssuePage(ISSUE, "all", at)),
    "bench issue as of, warm": () => getIssuePage(ISSUE, "all", at),
    "every talk rebuilt whole, cold": () => (clearTalkCache(), wholeTalks()),
    "Beijing abductions now": () => getIssuePage("abductions", "all"),
    "Beijing abductions as of, cold": () => (clearTalkCache(), getIssuePage("abductions", "all", at)),
    "Beijing abductions as of, warm": () => getIssuePage("abductions", "all", at),
  };
  const out: Record<string, number | string> = {};
  for (const [name, read] of Object.entries(reads)) {
    // A read that fails (as the current one did on a big issue: too many parameters in one query) is said, not thrown.
    const failed = await read().then(
      () => null,
      (error: unknown) => (error as { code?: string }).code ?? String(error),
    );
    if (failed) {
      out[name] = `fails: ${failed}`;
      continue;
    }
    await read();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await read();
      ms.push(performance.now() - t);
    }
    out[name] = Math.round(median(ms) * 10) / 10;
  }
  const page = (await getIssuePage(ISSUE, "all", at))!;
  console.log(JSON.stringify({ talks: page.talks.length, statementsOnIssueAsOf: page.talks.reduce((n, t) => n + t.statementCount, 0), medianMs: out }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
