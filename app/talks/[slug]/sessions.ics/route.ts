import { fromRows, talkExportResponse } from "@/lib/exports/respond";
import { ICS_CONTENT_TYPE, icsFilename, writeSessionsIcs } from "@/lib/exports/sessions-ics";

// /talks/<slug>/sessions.ics: the talk's sessions for a calendar program (to import or subscribe to).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "ics", fromRows((rows, site) => ({
    body: writeSessionsIcs(rows, site),
    contentType: ICS_CONTENT_TYPE,
    filename: icsFilename(rows.talk.slug),
    disposition: "attachment",
  })));
}
