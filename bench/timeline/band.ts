// The overview band's cost on large talks (components/talk/overview-band.tsx): its aggregate
// reads (lib/data/overview-band.ts readBandCounts) and the bucketing (buildBand, once per drawing),
// as the first request after a change pays them; later requests find both in memory.
//
//   node --conditions=react-server --import tsx bench/timeline/band.ts [--runs 7] [--keep FILE]
//
// Loads, into a fresh SQLite database: the 30-day generated talk at 5,000 and at 20,000 statements
// (bench/timeline/generate.ts) and, when ../shared/bench/peer-events.mjs is there, the peer data
// set at 20,000 statements over 38 years. Prints one line per talk. --keep FILE keeps the database
// (to look at the pages: DATABASE_URL=file:FILE node server.mjs).
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createDb } from "../../lib/db";
import { readBandCounts } from "../../lib/data/overview-band";
import { parseDatabaseUrl } from "../../lib/env";
import { TalkDocumentSchema, type TalkDocument } from "../../lib/talk-document/schema";
import { buildBand } from "../../lib/timeline/overview-band";
import { prepareDatabase, removeDatabase } from "./database";
import { generateTalkDocument, LARGE_TALK } from "./generate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PEER = path.resolve(ROOT, "../shared/bench/peer-events.mjs");
const BUDGETS = { wide: 120, narrow: 40 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf("--runs") + 1] ?? 7) || 7;
  const keep = args.includes("--keep") ? args[args.indexOf("--keep") + 1]! : null;
  const docs: TalkDocument[] = [
    generateTalkDocument(LARGE_TALK),
    // (Other seeds, or 2,400 sessions, may draw a statement after its session ended: the generator refuses those.)
    generateTalkDocument({ ...LARGE_TALK, slug: "bench-geneva-30-days-20k", statements: 20_000 }),
  ];
  if (existsSync(PEER)) {
    const peer = (await import(pathToFileURL(PEER).href)) as { parleyDocument(n: number): unknown };
    docs.push(TalkDocumentSchema.parse(peer.parleyDocument(20_000)));
  }
  const file = keep ?? path.join(ROOT, `bench/results/band-${process.pid}.db`);
  const t = performance.now();
  const prepared = await prepareDatabase(file, docs);
  console.log(`loaded ${docs.length} talks in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  const db = await createDb(parseDatabaseUrl(prepared.url));
  try {
    for (const doc of docs) {
      const talk = await db.talk.findFirstOrThrow({ where: { slug: doc.talk.slug }, select: { id: true, firstDay: true, lastDay: true, venueTimeZone: true } });
      const order = { parties: doc.parties.map((p) => p.slug), issues: doc.issues.map((i) => i.slug) };
      const read: number[] = [];
      const build: number[] = [];
      let shape = "";
      for (let i = 0; i < runs + 1; i++) {
        let at = performance.now();
        const counts = await readBandCounts(db, talk.id);
        const readMs = performance.now() - at;
        at = performance.now();
        const bands = Object.values(BUDGETS).map((max) => buildBand(talk, counts, order, max));
        const buildMs = performance.now() - at;
        if (i === 0) {
          // The first run warms up the client and V8; not counted.
          shape = bands.map((b) => `${b.slots.length} slots by ${b.unit}, ${b.slots.filter((s) => s.kind === "fold").length} folds`).join(" / ");
          shape += `; ${counts.statements.length} day×party rows, ${counts.sessions.length} session days, ${counts.assessments.length} assessments`;
          continue;
        }
        read.push(readMs);
        build.push(buildMs);
      }
      console.log(
        `${doc.talk.slug}: ${doc.statements.length.toLocaleString("en-GB")} statements, ${doc.talk.firstDay} to ${doc.talk.lastDay}: ` +
          `aggregate reads ${median(read).toFixed(1)} ms, bucketing (both drawings) ${median(build).toFixed(1)} ms (medians of ${runs}); ${shape}`,
      );
    }
  } finally {
    await db.$disconnect();
    if (!keep) removeDatabase(file);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
