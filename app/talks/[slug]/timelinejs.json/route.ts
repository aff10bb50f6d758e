import { fromRows, talkExportResponse } from "@/lib/exports/respond";
import { buildTimelineJs, TIMELINEJS_CONTENT_TYPE, timelineJsFilename } from "@/lib/exports/timelinejs";

// /talks/<slug>/timelinejs.json: the talk in TimelineJS3's JSON, one slide per statement with a known day.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "timelinejs", fromRows((rows, site) => ({
    body: JSON.stringify(buildTimelineJs(rows, site)),
    contentType: TIMELINEJS_CONTENT_TYPE,
    filename: timelineJsFilename(rows.talk.slug),
    disposition: "inline",
  })));
}
