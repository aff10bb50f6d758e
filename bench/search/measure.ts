// The measuring process of `npm run bench:search` (bench/search/run.ts starts one per database,
// with DATABASE_URL set and --conditions=react-server, as the app's server runs lib/data): times
// the search page's whole read, lib/data/search.ts searchRecords (the filters looked up, the
// ranked page and counts, the page's records), and its search query alone. Reads the plan
// from BENCH_SEARCH_PLAN, prints the samples as JSON on its last line.
import { getDb, isPostgres } from "../../lib/db";
import { RANK_WINDOW, resolveSearchFilters, searchRecords } from "../../lib/data/search";
import { SEARCH_PAGE_SIZE, type SearchFilters } from "../../lib/search/filters";
import { parseQuery } from "../../lib/search/query";
import { searchQuery, type SearchSpec } from "../../lib/search/sql";

export type BenchQuery = { label: string; q: string; filters: SearchFilters };
export type Plan = { queries: BenchQuery[]; runs: number; warmUp: number };
/** Samples in ms per query; `found` says how many records each query found, as the page would. */
export type Samples = { page: number[][]; query: number[][]; found: string[] };

async function main() {
  const plan = JSON.parse(process.env.BENCH_SEARCH_PLAN ?? "null") as Plan | null;
  if (!plan) throw new Error("BENCH_SEARCH_PLAN is not set: run npm run bench:search.");
  const db = await getDb();
  const dialect = isPostgres(db) ? "postgresql" : "sqlite";
  const samples: Samples = { page: plan.queries.map(() => []), query: plan.queries.map(() => []), found: [] };
  const page = (q: BenchQuery) => searchRecords({ q: q.q, filters: q.filters, page: 1, problems: [] });
  // The two queries with the filters already looked up: the search itself, without the page's reads around it.
  const specs = new Map<BenchQuery, SearchSpec>();
  for (const q of plan.queries) {
    const filters = await resolveSearchFilters(db, q.filters);
    if (!filters) throw new Error(`A filter of "${q.q}" names nothing: ${JSON.stringify(q.filters)}`);
    specs.set(q, { terms: parseQuery(q.q).terms, filters, limit: SEARCH_PAGE_SIZE, offset: 0 });
  }
  const query = async (q: BenchQuery) => {
    const spec = specs.get(q)!;
    await db.$queryRaw(searchQuery(dialect, spec)!);
  };
  for (const q of plan.queries) {
    const r = await page(q);
    const other = r.counts.talk + r.counts.source;
    samples.found.push(r.capped ? `> ${RANK_WINDOW.toLocaleString("en-US")}${other ? ` + ${other}` : ""}` : r.total.toLocaleString("en-US"));
    for (let i = 0; i < plan.warmUp; i++) await page(q);
  }
  // Round after round over all the queries, so a busy moment on the machine spreads over them.
  for (let run = 0; run < plan.runs; run++) {
    for (const [i, q] of plan.queries.entries()) {
      let t = performance.now();
      await page(q);
      samples.page[i]!.push(performance.now() - t);
      t = performance.now();
      await query(q);
      samples.query[i]!.push(performance.now() - t);
    }
  }
  await db.$disconnect();
  console.log(JSON.stringify(samples));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
