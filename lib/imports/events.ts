// The import route's request and answer (app/import/events/route.ts). The request is the talk's
// details as one line of JSON, a line break, then the file's bytes untouched: not multipart, which
// server.mjs takes for a Server Action and limits to 1 MB, and not the file inside JSON, which
// would double it in memory. The answer is server-sent events: `progress` ({phase, done, total})
// while the file is read, checked and written, then one `result` (an ImportResult) or `failure`.
import "server-only";
import { IMPORT_FILE_LIMIT, type ImportProgress, type ImportResult } from "./run";

const DETAILS_LIMIT = 64 * 1024;

export const IMPORT_TOO_LARGE = `The file is larger than Parley imports (${IMPORT_FILE_LIMIT / 1024 / 1024} MB); nothing was saved. Split it into smaller talks.`;
export const IMPORT_FAILED = "Parley could not finish this import because of a fault of its own; nothing was saved. Try again, and tell an administrator if it happens again.";

export type ImportBody = { bytes: Buffer; talk: Record<string, unknown> | null };

/** The details and the file, or the sentence that refuses the request (with its status). */
export async function readImportBody(request: Request): Promise<ImportBody | { status: number; message: string }> {
  const limit = IMPORT_FILE_LIMIT + DETAILS_LIMIT;
  if (Number(request.headers.get("content-length") ?? 0) > limit) return { status: 413, message: IMPORT_TOO_LARGE };
  if (!request.body) return { status: 400, message: "The request carries no file; choose one and try again." };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { status: 413, message: IMPORT_TOO_LARGE };
    }
    chunks.push(value);
  }
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(0x0a);
  if (newline < 0 || newline > DETAILS_LIMIT) return { status: 400, message: "The request is not an import from Parley's page (no details line); nothing was saved." };
  let talk: unknown;
  try {
    talk = JSON.parse(all.subarray(0, newline).toString("utf8"));
  } catch {
    return { status: 400, message: "The request is not an import from Parley's page (its details are not JSON); nothing was saved." };
  }
  const bytes = all.subarray(newline + 1);
  if (bytes.length > IMPORT_FILE_LIMIT) return { status: 413, message: IMPORT_TOO_LARGE };
  return { bytes, talk: talk && typeof talk === "object" && !Array.isArray(talk) ? (talk as Record<string, unknown>) : null };
}

/**
 * Runs `work` and streams its progress: each phase's start and end, and about every whole percent
 * between (a 5,000-row file is not 5,000 events).
 */
export function importEventStream(work: (onProgress: (p: ImportProgress) => void) => Promise<ImportResult>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (event: string, data: unknown) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
      let last = { phase: "", percent: -1 };
      try {
        const result = await work((p) => {
          const percent = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0;
          if (p.phase === last.phase && percent === last.percent) return;
          last = { phase: p.phase, percent };
          send("progress", p);
        });
        send("result", result);
      } catch (error) {
        console.error("Import failed:", error);
        send("failure", { message: IMPORT_FAILED });
      }
      controller.close();
    },
  });
}

export const EVENT_STREAM_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } as const;
