// The writer of the kill -9 test (test/db/kill-during-writes.test.ts): its own process and SQLite
// connection, saving statements through the app's write path (the form's schema, then
// lib/mutations/statements.ts) as fast as it can, one after another, until it is killed. Every
// fifth statement also types in a new source, so one save writes several rows. After each save
// is acknowledged (the commit returned) it prints one JSON line: the ids that save made.
// Run with NODE_OPTIONS=--conditions=react-server so the write core's "server-only" marker resolves.
import { createDb } from "../../lib/db";
import { StatementInput } from "../../lib/entities/statement";
import { createStatement } from "../../lib/mutations/statements";

const [file, talk, party, day] = process.argv.slice(2) as [string, string, string, string];

const db = await createDb({ provider: "sqlite", url: `file:${file}`, file });
for (let n = 1; ; n++) {
  const typed = n % 5 === 0 ? { newSourcePublisher: "Kyodo News", newSourceTitle: `Report ${n}` } : {};
  const input = StatementInput.parse({ talk, speaker: `party:${party}`, capacity: "government", kind: "position", saidPrecision: "day", saidOn: day, setting: "unknown", text: `Statement ${n} of the burst.`, ...typed });
  const { id } = await createStatement(db, input, { id: null, name: "Burst writer" });
  // Written to a pipe, which Node writes synchronously on Linux: printed means sent to the parent.
  process.stdout.write(`${JSON.stringify({ n, id, typedSource: n % 5 === 0 })}\n`);
}
