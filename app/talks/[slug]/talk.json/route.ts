import { fromRows, talkExportResponse } from "@/lib/exports/respond";
import { serializeTalkDocument, talkDocumentOf } from "@/lib/talk-document/export";

// /talks/<slug>/talk.json: the whole talk as a `parley.talk/v1` document, which `npm run db:load`
// loads into another database (docs/decisions/003-talk-document.md, 016-exports.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "json", fromRows((rows) => ({
    body: serializeTalkDocument(talkDocumentOf(rows)),
    contentType: "application/json; charset=utf-8",
    filename: `${rows.talk.slug}.parley.json`,
    disposition: "attachment",
  })));
}
