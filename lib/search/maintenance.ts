// After a bulk load, the search index is left compact, as `npm run db:load` and `db:seed` do.
// SQLite's FTS5 index grows by small segments, and every re-indexed record (a statement indexed,
// then again for each issue the loader links to it) leaves a tombstone for queries to step over
// until segments are merged: measured on 100,000 statements loaded by the talk-document loader,
// searches took 40 % less time once merged. FTS5 merges by itself as edits come (automerge); a
// load of thousands of records at once is where one full merge ("optimize") pays. On PostgreSQL,
// VACUUM moves the GIN indexes' pending entries into the index and ANALYZE refreshes what the
// planner knows. See docs/decisions/015-search.md.
import { isPostgres, type Db } from "../db";

export async function compactSearchIndex(db: Db): Promise<void> {
  if (isPostgres(db)) await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Statement", "Session", "Talk", "Source"`);
  else await db.$executeRawUnsafe(`INSERT INTO "SearchIndex" ("SearchIndex") VALUES ('optimize')`);
}
