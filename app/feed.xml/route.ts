import { getAllTalksFeed } from "@/lib/data/exports";
import { siteExportResponse } from "@/lib/exports/respond";
import { ATOM_CONTENT_TYPE, writeStatementsAtom } from "@/lib/exports/statements-atom";

// /feed.xml: an Atom feed of the statements newly recorded in any talk, newest first.
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return siteExportResponse(request, "atom-all", async () => {
    const feed = await getAllTalksFeed();
    return {
      stamp: feed.stamp,
      write: async (site) => ({
        body: writeStatementsAtom({ title: "Parley: new statements in every talk", selfUrl: `${site}/feed.xml`, pageUrl: `${site}/`, emptyUpdated: new Date(0) }, await feed.statements(), site),
        contentType: ATOM_CONTENT_TYPE,
        filename: "parley-statements.atom",
        disposition: "inline",
      }),
    };
  });
}
