// One poller per talk per process, shared by every open event stream of that talk.
//
// The source of truth is the Revision table, which every write already fills (docs/decisions/
// 006-live-updates-and-headers.md): any app instance, or any other process writing the same
// SQLite file, is seen by reading it. While a talk has listeners, its poller reads the talk's new
// revisions every `intervalMs`, describes them once and hands the same events to every listener;
// when the last listener leaves, the poller stops. A thousand readers of one talk cost one query
// every half second, not a thousand.
//
// Revisions can become visible out of (at, id) order: a transaction stamps `at` before it commits
// (a writer waiting on SQLite's lock, two editors saving at once on PostgreSQL), and instances'
// clocks differ a little. So each poll reads the rows after the newest one seen (`head`) and
// also, again, those stamped within the last `windowMs` of this server's clock, and skips the ids
// it already has. That re-read is of ids and instants only, and holds only what was written in the
// last few seconds; a row stamped earlier than both that window and `head` is not seen.
//
// A listener that comes with a cursor (the page's, or Last-Event-ID after a reconnect) first gets
// what it missed since then; past `maxReplay` rows it is told to reload instead.
//
// Pure of any database: the queries and the wording come from the `ChangeSource` it is given.
import { compareCursors, cursorOf, type Cursor } from "./cursor";

export type ChangeRow = { id: string; at: Date };

/** Which of a talk's revisions to read, oldest first by (at, id). Null means no bound. */
export type ReadRange = {
  /** Rows strictly after this position… */
  after: Cursor | null;
  /** …or, if given, also every row stamped after this instant (epoch ms). */
  orStampedAfter: number | null;
  /** And only rows strictly after this one (the next page). */
  pageAfter: Cursor | null;
  /** And only rows at or before this position. */
  upTo: Cursor | null;
};

export interface ChangeSource<R extends ChangeRow, E> {
  /** The ids and instants of the talk's revisions in `range`, at most `limit`. */
  scan(talkId: string, range: ReadRange, limit: number): Promise<ChangeRow[]>;
  /** Whole revisions in `range`, at most `limit`. */
  read(talkId: string, range: ReadRange, limit: number): Promise<R[]>;
  /** Whole revisions by id, in any order. */
  load(talkId: string, ids: string[]): Promise<R[]>;
  /** The talk's newest revision, if any. */
  latest(talkId: string): Promise<ChangeRow | null>;
  /** Rows as the events a listener receives, in the same order; called once per batch. */
  describe(talkId: string, rows: R[]): Promise<E[]>;
}

export type ChangeListener<E> = {
  /** New changes, oldest first. */
  changes(events: E[]): void;
  /** More was missed than is worth replaying: reload, and carry on from `head`. */
  reset(head: Cursor | null): void;
  /** The poller could not read the database (false), or can again (true): said once per change. */
  health?(reading: boolean): void;
};

export type HubOptions = {
  intervalMs?: number;
  windowMs?: number;
  pageSize?: number;
  maxPagesPerTick?: number;
  maxReplay?: number;
  now?: () => number;
  onError?: (error: unknown, talkId: string) => void;
};

type Subscription<E> = { listener: ChangeListener<E>; since: Cursor | null; closed: boolean };

type TalkPoller<E> = {
  talkId: string;
  listeners: Set<Subscription<E>>;
  /** Subscribed, waiting for the next tick to replay what they missed. */
  joining: Subscription<E>[];
  /** Ids of the rows read that are still inside the window (id → at). */
  seen: Map<string, number>;
  head: Cursor | null;
  ready: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  running: boolean;
  /** A subscriber arrived during a tick: run the next one at once. */
  again: boolean;
  stopped: boolean;
  failing: boolean;
  /** Where the last tick stopped scanning a range too big for one tick; null when it read it all. */
  resume: { range: ReadRange; pageAfter: Cursor } | null;
};

const byCursor = (a: ChangeRow, b: ChangeRow) => compareCursors(cursorOf(a), cursorOf(b));

export class ChangeHub<R extends ChangeRow, E> {
  private readonly pollers = new Map<string, TalkPoller<E>>();
  private readonly intervalMs: number;
  private readonly windowMs: number;
  private readonly pageSize: number;
  private readonly maxPagesPerTick: number;
  private readonly maxReplay: number;
  private readonly now: () => number;
  private readonly onError: (error: unknown, talkId: string) => void;

  constructor(
    private readonly source: ChangeSource<R, E>,
    options: HubOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.windowMs = options.windowMs ?? 10_000;
    this.pageSize = options.pageSize ?? 200;
    this.maxPagesPerTick = options.maxPagesPerTick ?? 5;
    this.maxReplay = options.maxReplay ?? 100;
    this.now = options.now ?? Date.now;
    this.onError = options.onError ?? ((error, talkId) => console.error(`Live updates for talk ${talkId} could not read revisions:`, error));
  }

  /**
   * Starts receiving a talk's changes. With `since`, the listener first gets the changes after
   * that position; without, only those from now on. Returns the function that stops it.
   */
  subscribe(talkId: string, since: Cursor | null, listener: ChangeListener<E>): () => void {
    let poller = this.pollers.get(talkId);
    if (!poller) {
      poller = {
        talkId,
        listeners: new Set(),
        joining: [],
        seen: new Map(),
        head: null,
        ready: false,
        timer: null,
        running: false,
        again: false,
        stopped: false,
        failing: false,
        resume: null,
      };
      this.pollers.set(talkId, poller);
    }
    const subscription: Subscription<E> = { listener, since, closed: false };
    poller.joining.push(subscription);
    // Joining a poller that cannot read: the newcomer hears so at once, not at the next change.
    if (poller.failing) listener.health?.(false);
    this.runSoon(poller);
    const p = poller;
    return () => {
      if (subscription.closed) return;
      subscription.closed = true;
      p.listeners.delete(subscription);
      p.joining = p.joining.filter((s) => s !== subscription);
      if (p.listeners.size === 0 && p.joining.length === 0) this.stop(p);
    };
  }

  /** Open subscriptions: of one talk, or of all. */
  listenerCount(talkId?: string): number {
    const count = (p: TalkPoller<E>) => p.listeners.size + p.joining.length;
    if (talkId !== undefined) {
      const p = this.pollers.get(talkId);
      return p ? count(p) : 0;
    }
    let n = 0;
    for (const p of this.pollers.values()) n += count(p);
    return n;
  }

  /** Talks being polled right now. */
  activeTalks(): string[] {
    return [...this.pollers.keys()];
  }

  private stop(p: TalkPoller<E>) {
    p.stopped = true;
    if (p.timer) clearTimeout(p.timer);
    p.timer = null;
    if (this.pollers.get(p.talkId) === p) this.pollers.delete(p.talkId);
  }

  private runSoon(p: TalkPoller<E>) {
    if (p.running) {
      p.again = true;
      return;
    }
    if (p.timer) clearTimeout(p.timer);
    this.schedule(p, 0);
  }

  private schedule(p: TalkPoller<E>, delay: number) {
    if (p.stopped) return;
    p.timer = setTimeout(() => {
      p.timer = null;
      void this.tick(p);
    }, delay);
    // A poller never keeps a process alive by itself (scripts, tests).
    (p.timer as { unref?: () => void }).unref?.();
  }

  private async tick(p: TalkPoller<E>) {
    if (p.stopped || p.running) return;
    p.running = true;
    p.again = false;
    let backlog = false;
    try {
      if (!p.ready) await this.initialize(p);
      await this.welcome(p);
      const { rows, more } = await this.readNew(p);
      backlog = more;
      if (rows.length > 0 && p.listeners.size > 0) {
        const events = await this.source.describe(p.talkId, rows);
        for (const s of p.listeners) if (!s.closed) this.deliver(s, events);
      }
      if (p.failing) this.tellHealth(p, true);
      p.failing = false;
    } catch (error) {
      // The database may be restarting; keep trying at the usual pace, and say so once.
      if (!p.failing) {
        this.onError(error, p.talkId);
        this.tellHealth(p, false);
      }
      p.failing = true;
    } finally {
      p.running = false;
    }
    if (p.stopped) return;
    this.schedule(p, p.again || backlog ? 0 : this.intervalMs);
  }

  /** First tick of a poller: start from the talk's newest revision, the window behind it read. */
  private async initialize(p: TalkPoller<E>) {
    const latest = await this.source.latest(p.talkId);
    p.head = latest ? cursorOf(latest) : null;
    // Whatever the window holds now happened before anyone here listened: mark it read.
    while ((await this.readNew(p, { describe: false })).more);
    p.ready = true;
  }

  /** Replays, to each newcomer with a cursor, what happened between that cursor and `head`. */
  private async welcome(p: TalkPoller<E>) {
    while (p.joining.length > 0) {
      const s = p.joining[0]!;
      if (!s.closed && s.since && p.head && compareCursors(s.since, p.head) < 0) {
        const range = { after: s.since, orStampedAfter: null, pageAfter: null, upTo: p.head };
        const rows = await this.source.read(p.talkId, range, this.maxReplay + 1);
        if (rows.length > this.maxReplay) {
          if (!s.closed) s.listener.reset(p.head);
        } else if (rows.length > 0) {
          const events = await this.source.describe(p.talkId, rows);
          if (!s.closed) this.deliver(s, events);
        }
      }
      // Only now (a failed read leaves it waiting for the next tick) does it join: from here on,
      // what the poller reads reaches it too. A row both replayed and read as new (committed late,
      // inside the window) may arrive twice; the client ignores an id it already has.
      p.joining.shift();
      if (!s.closed) p.listeners.add(s);
    }
  }

  /**
   * The rows this poller has not seen yet, oldest first: those after `head`, and those stamped
   * inside the window that it has not read before.
   */
  private async readNew(p: TalkPoller<E>, options: { describe: boolean } = { describe: true }): Promise<{ rows: R[]; more: boolean }> {
    const range: ReadRange = p.resume?.range ?? { after: p.head, orStampedAfter: this.now() - this.windowMs, pageAfter: null, upTo: null };
    let pageAfter = p.resume?.pageAfter ?? null;
    const unseen: ChangeRow[] = [];
    let more = false;
    for (let page = 0; page < this.maxPagesPerTick; page++) {
      const rows = await this.source.scan(p.talkId, { ...range, pageAfter }, this.pageSize);
      for (const row of rows) if (!p.seen.has(row.id)) unseen.push(row);
      more = rows.length === this.pageSize;
      if (!more) break;
      pageAfter = cursorOf(rows[rows.length - 1]!);
    }
    // A burst bigger than a tick's pages is scanned over several ticks, each going on where the
    // last one stopped, in the same range (so the window cannot slide past what is left).
    p.resume = more && pageAfter ? { range, pageAfter } : null;

    const loaded: R[] = [];
    if (options.describe) {
      for (let i = 0; i < unseen.length; i += this.pageSize) {
        loaded.push(...(await this.source.load(p.talkId, unseen.slice(i, i + this.pageSize).map((r) => r.id))));
      }
    }
    for (const row of unseen) {
      p.seen.set(row.id, row.at.getTime());
      const c = cursorOf(row);
      if (!p.head || compareCursors(c, p.head) > 0) p.head = c;
    }
    // A row stamped before the window can come back only as "after head", which it is not.
    const windowStart = this.now() - this.windowMs;
    for (const [id, at] of p.seen) if (at <= windowStart) p.seen.delete(id);
    return { rows: loaded.sort(byCursor), more };
  }

  /** Tells every listener of a talk, joined or joining, that reading failed or works again. */
  private tellHealth(p: TalkPoller<E>, reading: boolean) {
    for (const s of [...p.listeners, ...p.joining]) if (!s.closed) s.listener.health?.(reading);
  }

  private deliver(s: Subscription<E>, events: E[]) {
    if (events.length === 0) return;
    try {
      s.listener.changes(events);
    } catch {
      // A listener whose connection broke is removed by its own cleanup; others carry on.
    }
  }
}
