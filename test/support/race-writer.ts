// One writer of the cross-process race in test/db/mutations.test.ts: its own process and its own
// SQLite connection, as a second app instance or a command-line script would have. It reads and
// plans its save, waits for the common start time, commits, and prints what happened as JSON.
// Run with NODE_OPTIONS=--conditions=react-server so the write core's "server-only" marker resolves.
import { createDb } from "../../lib/db";
import { ConflictError, commit, planUpdate } from "../../lib/mutations/core";
import { statementStore } from "../../lib/entities/statement";

const [file, statementId, expected, text, startAt] = process.argv.slice(2) as [string, string, string, string, string];

const db = await createDb({ provider: "sqlite", url: `file:${file}`, file });
try {
  try {
    const current = (await statementStore.read(db, statementId))!;
    const plan = await planUpdate(db, statementStore, statementId, {
      expectedVersion: Number(expected),
      snapshot: { ...current.snapshot, text },
      actor: { id: null, name: text },
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
    await commit(db, [plan]);
    console.log(JSON.stringify({ outcome: "saved", version: plan.version }));
  } catch (error) {
    // Refused when planning (the other process was quicker to start) or when committing.
    if (!(error instanceof ConflictError)) throw error;
    const { current } = error as ConflictError; // `instanceof` leaves the snapshot type `any`
    console.log(JSON.stringify({ outcome: "conflict", current: current.version, text: current.snapshot.text }));
  }
} finally {
  await db.$disconnect();
}
