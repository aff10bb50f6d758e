import { getDb } from "@/lib/db";
import { withEditor } from "@/lib/actions/safe-action";
import { EVENT_STREAM_HEADERS, importEventStream, readImportBody } from "@/lib/imports/events";
import { runImport } from "@/lib/imports/run";

// POST /import/events?mode=check|import: the import page's dry run and import, answered as
// server-sent progress (lib/imports/events.ts). Editors and admins only, from Parley's own pages.
export const dynamic = "force-dynamic";

export const POST = withEditor(async (request, _context: unknown, user) => {
  const mode = new URL(request.url).searchParams.get("mode") === "import" ? "import" : "check";
  const body = await readImportBody(request);
  if ("status" in body) return Response.json({ ok: false, message: body.message }, { status: body.status, headers: { "cache-control": "no-store" } });
  const db = await getDb();
  const stream = importEventStream((onProgress) => runImport(db, body, { mode, actorName: user.name, actorId: user.id, onProgress }));
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
});
