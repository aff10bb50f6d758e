import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { compareCursors, cursorOf, formatCursor, parseCursor, type Cursor } from "./cursor";
import { ChangeHub, type ChangeListener, type ChangeSource, type ReadRange } from "./hub";
import { sseComment, sseMessage, sseRetry } from "./sse";

type Row = { id: string; at: Date; talkId: string };

/** The Revision table in memory, counting the queries the hub makes and the rows they return. */
class FakeSource implements ChangeSource<Row, string> {
  rows: Row[] = [];
  reads = 0;
  rowsRead = 0;
  fail = false;
  private n = 0;

  add(talkId: string, at: number, id = `r${String(++this.n).padStart(4, "0")}`): Row {
    const row = { id, at: new Date(at), talkId };
    this.rows.push(row);
    return row;
  }

  private query(talkId: string, range: ReadRange, limit: number): Row[] {
    this.reads++;
    if (this.fail) throw new Error("database gone");
    const after = (r: Row, c: Cursor | null) => !c || compareCursors(cursorOf(r), c) > 0;
    const rows = this.rows
      .filter((r) => r.talkId === talkId)
      .filter((r) => (range.orStampedAfter === null ? after(r, range.after) : after(r, range.after) || r.at.getTime() > range.orStampedAfter))
      .filter((r) => after(r, range.pageAfter))
      .filter((r) => !range.upTo || compareCursors(cursorOf(r), range.upTo) <= 0)
      .sort((a, b) => compareCursors(cursorOf(a), cursorOf(b)))
      .slice(0, limit);
    this.rowsRead += rows.length;
    return rows;
  }

  scan(talkId: string, range: ReadRange, limit: number) {
    return Promise.resolve(this.query(talkId, range, limit));
  }

  read(talkId: string, range: ReadRange, limit: number) {
    return Promise.resolve(this.query(talkId, range, limit));
  }

  load(talkId: string, ids: string[]) {
    this.reads++;
    return Promise.resolve(this.rows.filter((r) => r.talkId === talkId && ids.includes(r.id)));
  }

  latest(talkId: string): Promise<Row | null> {
    this.reads++;
    if (this.fail) return Promise.reject(new Error("database gone"));
    const rows = this.rows.filter((r) => r.talkId === talkId).sort((a, b) => compareCursors(cursorOf(b), cursorOf(a)));
    return Promise.resolve(rows[0] ?? null);
  }

  describe(_talkId: string, rows: Row[]): Promise<string[]> {
    return Promise.resolve(rows.map((r) => r.id));
  }
}

/** A listener that records what it was told. */
function recorder() {
  const got: string[] = [];
  const resets: (Cursor | null)[] = [];
  const listener: ChangeListener<string> = { changes: (events) => got.push(...events), reset: (head) => resets.push(head) };
  return { got, resets, listener };
}

const T0 = Date.UTC(2026, 0, 1, 12);
let now = T0;
let source: FakeSource;
let hub: ChangeHub<Row, string>;
const errors: unknown[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  now = T0;
  source = new FakeSource();
  errors.length = 0;
  hub = new ChangeHub(source, { intervalMs: 500, windowMs: 10_000, now: () => now, onError: (e) => errors.push(e) });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets time pass (the hub's timers and the promises they start). */
async function elapse(ms: number) {
  now += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

describe("ChangeHub", () => {
  it("sends a talk's new revisions to every listener, reading them once per tick however many listen", async () => {
    source.add("beijing", T0 - 60_000); // before anyone listened
    const listeners = Array.from({ length: 50 }, recorder);
    listeners.forEach((l) => hub.subscribe("beijing", null, l.listener));
    await elapse(0);
    expect(listeners.every((l) => l.got.length === 0)).toBe(true);

    source.add("beijing", now, "new-statement");
    source.add("geneva", now, "other-talk");
    const before = source.reads;
    await elapse(500);
    expect(source.reads - before).toBe(2); // the scan, and the new rows in full
    for (const l of listeners) expect(l.got).toEqual(["new-statement"]);

    await elapse(500);
    for (const l of listeners) expect(l.got).toEqual(["new-statement"]); // once, not at every tick
  });

  it("polls every half second while someone listens and stops when the last listener leaves", async () => {
    const a = hub.subscribe("beijing", null, recorder().listener);
    const b = hub.subscribe("beijing", null, recorder().listener);
    await elapse(0);
    let reads = source.reads;
    await elapse(2_000);
    expect(source.reads - reads).toBe(4);
    expect(hub.activeTalks()).toEqual(["beijing"]);

    a();
    await elapse(1_000);
    expect(hub.listenerCount("beijing")).toBe(1);
    b();
    expect(hub.listenerCount()).toBe(0);
    expect(hub.activeTalks()).toEqual([]);
    reads = source.reads;
    await elapse(5_000);
    expect(source.reads).toBe(reads);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives a listener that comes back with a cursor (Last-Event-ID) what it missed, then what is new", async () => {
    source.add("beijing", T0 - 5_000, "seen-1");
    const missed1 = source.add("beijing", T0 - 3_000, "missed-1");
    source.add("beijing", T0 - 1_000, "missed-2");
    const other = recorder();
    hub.subscribe("beijing", null, other.listener); // the poller is already running
    await elapse(500);

    const back = recorder();
    hub.subscribe("beijing", { at: T0 - 5_000, id: "seen-1" }, back.listener);
    await elapse(0);
    expect(back.got).toEqual(["missed-1", "missed-2"]);

    source.add("beijing", now, "new-1");
    await elapse(500);
    expect(back.got).toEqual(["missed-1", "missed-2", "new-1"]);
    expect(other.got).toEqual(["new-1"]);
    expect(missed1.id).toBe("missed-1");
  });

  it("resumes within a millisecond: rows at the cursor's instant after its id still come", async () => {
    source.add("beijing", T0, "a");
    source.add("beijing", T0, "b");
    source.add("beijing", T0, "c");
    const back = recorder();
    hub.subscribe("beijing", { at: T0, id: "a" }, back.listener);
    await elapse(0);
    expect(back.got).toEqual(["b", "c"]);
  });

  it("asks a listener to reload instead of replaying more than it should", async () => {
    hub = new ChangeHub(source, { now: () => now, maxReplay: 3, onError: (e) => errors.push(e) });
    for (let i = 0; i < 10; i++) source.add("beijing", T0 - 10_000 + i);
    const back = recorder();
    hub.subscribe("beijing", { at: T0 - 20_000, id: "x" }, back.listener);
    await elapse(0);
    expect(back.got).toEqual([]);
    expect(back.resets).toHaveLength(1);
    expect(back.resets[0]).toEqual(cursorOf(source.rows[9]!));
  });

  it("still sends a revision stamped before the last one seen when it commits late (inside the window)", async () => {
    const l = recorder();
    hub.subscribe("beijing", null, l.listener);
    await elapse(0);
    source.add("beijing", now, "fast");
    await elapse(500);
    // Stamped 2 s ago by a writer that waited on the lock (or another instance's slower clock).
    source.add("beijing", now - 2_000, "slow");
    await elapse(500);
    expect(l.got).toEqual(["fast", "slow"]);
  });

  it("reads a burst bigger than one tick over several ticks, losing none and repeating none", async () => {
    hub = new ChangeHub(source, { now: () => now, pageSize: 10, maxPagesPerTick: 2, onError: (e) => errors.push(e) });
    const l = recorder();
    hub.subscribe("beijing", null, l.listener);
    await elapse(0);
    const burst = Array.from({ length: 55 }, (_, i) => source.add("beijing", now + i).id);
    await elapse(2_000);
    expect(l.got).toEqual(burst);
  });

  it("keeps polling after the database fails, says so once, and delivers what came meanwhile", async () => {
    const l = recorder();
    hub.subscribe("beijing", null, l.listener);
    await elapse(0);
    source.fail = true;
    await elapse(1_500);
    expect(errors).toHaveLength(1);
    source.add("beijing", now, "during-outage");
    source.fail = false;
    await elapse(500);
    expect(l.got).toEqual(["during-outage"]);
  });

  it("tells its listeners once when it cannot read the database and once when it can again; a newcomer meanwhile hears at once", async () => {
    const health: boolean[] = [];
    hub.subscribe("beijing", null, { changes: () => {}, reset: () => {}, health: (reading) => health.push(reading) });
    await elapse(0);
    source.fail = true;
    await elapse(500);
    await elapse(500);
    await elapse(500);
    expect(health).toEqual([false]);
    const late: boolean[] = [];
    hub.subscribe("beijing", null, { changes: () => {}, reset: () => {}, health: (reading) => late.push(reading) });
    expect(late).toEqual([false]);
    source.fail = false;
    await elapse(500);
    await elapse(500);
    expect(health).toEqual([false, true]);
    expect(late).toEqual([false, true]);
  });

  it("after a bulk import, a quiet talk costs a scan that finds nothing, not a re-read of the import", async () => {
    // The seed and imports write a talk's thousands of revisions in one millisecond.
    for (let i = 0; i < 3_000; i++) source.add("beijing", T0 - 60_000);
    const l = recorder();
    hub.subscribe("beijing", null, l.listener);
    await elapse(0);
    const rowsRead = source.rowsRead;
    await elapse(5_000);
    expect(source.rowsRead).toBe(rowsRead);
    source.add("beijing", now, "after-import");
    await elapse(500);
    expect(l.got).toEqual(["after-import"]);
  });

  it("keeps talks apart", async () => {
    const beijing = recorder();
    const geneva = recorder();
    hub.subscribe("beijing", null, beijing.listener);
    hub.subscribe("geneva", null, geneva.listener);
    await elapse(0);
    source.add("geneva", now, "g");
    source.add("beijing", now, "b");
    await elapse(500);
    expect(beijing.got).toEqual(["b"]);
    expect(geneva.got).toEqual(["g"]);
  });
});

describe("cursors", () => {
  it("round-trip through their text form and refuse anything else", () => {
    const c = { at: T0, id: "cmwzkf95c000cfv7dio10vihk" };
    expect(parseCursor(formatCursor(c))).toEqual(c);
    const uuid = { at: 0, id: "15ed3f13-d394-4d89-b024-db9ae013b338" };
    expect(parseCursor(formatCursor(uuid))).toEqual(uuid);
    for (const bad of [null, "", "nonsense", "12-", "-abc", "zz-a b", "1-<script>", `${"z".repeat(12)}-a`]) expect(parseCursor(bad)).toBeNull();
  });
});

describe("event-stream format", () => {
  it("writes one field per line and ends a message with a blank line", () => {
    expect(sseMessage({ event: "change", id: "1-a", data: '{"x":1}' })).toBe('event: change\nid: 1-a\ndata: {"x":1}\n\n');
    expect(sseMessage({ data: "two\nlines" })).toBe("data: two\ndata: lines\n\n");
    // A line break smuggled into an id cannot start a field of its own.
    expect(sseMessage({ id: "a\ndata: evil", data: "x" })).toBe("id: a data: evil\ndata: x\n\n");
    expect(sseComment("keep-alive")).toBe(": keep-alive\n\n");
    expect(sseRetry(2000)).toBe("retry: 2000\n\n");
  });
});
