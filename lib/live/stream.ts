// The event stream of one talk (GET /talks/[slug]/events): server-sent events fed by the
// process's shared poller. Design and numbers: docs/decisions/006-live-updates-and-headers.md.
import "server-only";
import { getAuth } from "../auth/auth";
import { PermissionError } from "../auth/roles";
import { getSessionUser } from "../auth/session";
import { getEnv } from "../env";
import { getLiveTalk, revisionChanges } from "./changes";
import { formatCursor, parseCursor } from "./cursor";
import type { LiveChange, RevisionRow } from "./describe";
import { ChangeHub } from "./hub";
import { sseComment, sseMessage, sseRetry } from "./sse";

/** How often the poller reads a followed talk's revisions. */
export const POLL_INTERVAL_MS = 500;
/** A comment this often keeps proxies (and their idle timeouts) from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** The browser's wait before reconnecting after the stream drops (the `retry:` field). */
export const RETRY_MS = 2_000;
/**
 * Each stream ends after this long (plus up to a minute, so a crowd does not reconnect at once)
 * and the browser reconnects with Last-Event-ID, losing nothing: reconnecting re-checks that the
 * reader may still read, and spreads long-lived connections over instances again.
 */
export const STREAM_LIFETIME_MS = 10 * 60_000;
/**
 * When reading needs an account (PARLEY_PUBLIC_READ=false), how often an open stream checks that
 * its reader may still read: a disabled account, or a session signed out elsewhere, stops
 * receiving changes within this time.
 */
export const READER_RECHECK_MS = 3_000;

const globalForHub = globalThis as unknown as { parleyChangeHub?: ChangeHub<RevisionRow, LiveChange> };

/** This process's hub (one per process; cached on globalThis so dev reloads do not make another). */
export function getChangeHub(): ChangeHub<RevisionRow, LiveChange> {
  globalForHub.parleyChangeHub ??= new ChangeHub(revisionChanges, { intervalMs: POLL_INTERVAL_MS });
  return globalForHub.parleyChangeHub;
}

const NO_STORE = { "cache-control": "no-store" };

export async function talkEventsResponse(request: Request, slug: string): Promise<Response> {
  let talk;
  try {
    talk = await getLiveTalk(slug);
  } catch (error) {
    if (error instanceof PermissionError) return new Response(error.message, { status: error.status, headers: NO_STORE });
    throw error;
  }
  if (!talk) return new Response("No such talk.", { status: 404, headers: NO_STORE });

  // The browser sends Last-Event-ID when it reconnects by itself; the page's own cursor (or the
  // last id, when the client had to open a new connection) comes as ?since=.
  const since = parseCursor(request.headers.get("last-event-id")) ?? parseCursor(new URL(request.url).searchParams.get("since"));
  const hub = getChangeHub();
  // The reader's cookies, to check again later (the request's own scope is over by then).
  const reader = getEnv().publicRead ? null : new Headers({ cookie: request.headers.get("cookie") ?? "" });
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Sent at once, so the response (and the browser's "open") does not wait for a change.
      send(sseRetry(RETRY_MS) + sseComment("connected"));
      const unsubscribe = hub.subscribe(talk.id, since, {
        changes: (events) => send(events.map((e) => sseMessage({ event: "change", id: e.id, data: JSON.stringify(e) })).join("")),
        reset: (head) => send(sseMessage({ event: "reset", id: head ? formatCursor(head) : undefined, data: "{}" })),
        // The page says "Reconnecting…" while the database cannot be read, and "Live" again after.
        health: (reading) => send(sseMessage({ event: "status", data: JSON.stringify({ live: reading }) })),
      });
      const end = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      const recheck = reader
        ? setInterval(() => {
            void getAuth()
              .then((auth) => getSessionUser(auth, reader))
              .then(
                (user) => {
                  if (!user) end();
                },
                // The database may be down: the health event says so; keep the stream until it decides.
                () => {},
              );
          }, READER_RECHECK_MS)
        : null;
      const heartbeat = setInterval(() => send(sseComment("keep-alive")), HEARTBEAT_MS);
      const lifetime = setTimeout(end, STREAM_LIFETIME_MS + Math.random() * 60_000);
      cleanup = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        if (recheck) clearInterval(recheck);
        request.signal.removeEventListener("abort", cleanup);
      };
      // Either may tell us the reader left, depending on the runtime: listen to both.
      request.signal.addEventListener("abort", cleanup);
      if (request.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next.js's gzip (and proxies) would otherwise hold events back in a buffer.
      "cache-control": "no-store, no-transform",
      // nginx buffers proxied responses unless told not to.
      "x-accel-buffering": "no",
    },
  });
}
