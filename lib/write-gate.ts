// How SQLite writes are committed in the app: together, and in turns across worker processes.
//
// Group commit. Saves arriving together in one process (twenty editors at once) would each pay a
// transaction of their own: BEGIN, the row and its revision, COMMIT with an fsync (0.42 ms here),
// one after another on the one connection. Instead, write transactions that queue up while one
// commits are committed together, up to MAX_GROUP in one transaction, each save's rows and
// revisions in it as before. If the group fails (one save's version check refuses it, or a
// unique key), it rolls back whole and each of its saves is committed again alone, so each
// caller gets exactly the answer its own transaction would have had.
//
// Turns. SQLite lets one writer at a time into a database. When a second process wants to write
// while the first holds the lock, better-sqlite3 waits in SQLite's busy handler, which *sleeps the
// whole process* (its API is synchronous) in steps of up to 100 ms: no request of that worker
// moves meanwhile, and the process holding the lock, writing again at once, may keep winning.
// Under 20 editors two workers saved fewer statements than one (93/s against 115/s; bench:load,
// docs/decisions/013-write-throughput.md). So the workers ask the primary process of server.mjs
// for the turn over the cluster's IPC channel, and wait for it asynchronously, serving other
// requests meanwhile; a worker commits one group per turn and hands the turn back. The turn is a
// schedule, not the lock: SQLite's own locking still guards every write, so when the primary does
// not answer in time (or this is not a cluster worker: tests, scripts, `next dev`) the write goes
// ahead and SQLite's busy timeout applies as before.

/** How long a worker waits for its turn before writing anyway (SQLite's busy timeout then applies). */
const TURN_WAIT_MS = 2_000;
/** Write transactions committed together at most. */
const MAX_GROUP = 16;

/** The messages between a worker and server.mjs's primary. */
export type WriteTurnMessage = { parleyWriteTurn: "ask" | "done" | "yours"; id: number };

type Gate = { asked: Map<number, () => void>; nextId: number };

const state = globalThis as unknown as { parleyWriteGate?: Gate };

function gate(): Gate {
  if (state.parleyWriteGate) return state.parleyWriteGate;
  const g: Gate = { asked: new Map(), nextId: 1 };
  process.on("message", (message: unknown) => {
    const m = message as Partial<WriteTurnMessage> | null;
    if (m?.parleyWriteTurn !== "yours" || typeof m.id !== "number") return;
    const granted = g.asked.get(m.id);
    if (granted) granted();
    // A turn given after we stopped waiting for it: hand it straight back.
    else send({ parleyWriteTurn: "done", id: m.id });
  });
  return (state.parleyWriteGate = g);
}

/** Whether this process is one of server.mjs's workers, with a primary to ask (PARLEY_WRITE_TURNS=off there: never). */
function inCluster(): boolean {
  return process.env.PARLEY_WRITE_TURNS === "ipc" && typeof process.send === "function" && process.connected;
}

function send(message: WriteTurnMessage): void {
  try {
    process.send?.(message);
  } catch {
    // The channel closed (the primary is stopping): SQLite's own locking still holds.
  }
}

/** Waits for the primary's "yours"; resolves with the turn's id, or null after TURN_WAIT_MS. */
function askForTurn(g: Gate): Promise<number | null> {
  const id = g.nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      g.asked.delete(id);
      resolve(null);
    }, TURN_WAIT_MS);
    g.asked.set(id, () => {
      clearTimeout(timer);
      g.asked.delete(id);
      resolve(id);
    });
    send({ parleyWriteTurn: "ask", id });
  });
}

/** Runs `write` in this worker's turn at the database (at once outside a cluster). */
async function inWriteTurn<T>(write: () => Promise<T>): Promise<T> {
  if (!inCluster()) return write();
  const g = gate();
  const turn = await askForTurn(g);
  try {
    return await write();
  } finally {
    if (turn !== null) send({ parleyWriteTurn: "done", id: turn });
  }
}

type Queued = { ops: unknown[]; resolve: (results: unknown[]) => void; reject: (error: unknown) => void };

/**
 * A batch `$transaction` that commits the transactions queued meanwhile together (group commit),
 * one group at a time, each in this worker's turn. `commit` runs one batch transaction.
 */
export function groupCommits(commit: (ops: unknown[]) => Promise<unknown[]>): (ops: unknown[]) => Promise<unknown[]> {
  const queue: Queued[] = [];
  let draining = false;

  async function commitGroup(group: Queued[]): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await commit(group.flatMap((q) => q.ops));
        let at = 0;
        for (const q of group) {
          q.resolve(results.slice(at, at + q.ops.length));
          at += q.ops.length;
        }
        return;
      } catch {
        // One of them was refused, and the group rolled back whole: each again, alone.
      }
    }
    for (const q of group) await commit(q.ops).then(q.resolve, q.reject);
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        const group = queue.splice(0, MAX_GROUP);
        await inWriteTurn(() => commitGroup(group));
      }
    } finally {
      draining = false;
    }
  }

  return (ops) =>
    new Promise<unknown[]>((resolve, reject) => {
      queue.push({ ops, resolve, reject });
      if (!draining) void drain();
    });
}
