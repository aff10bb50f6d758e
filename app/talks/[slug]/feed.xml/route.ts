import { getTalkFeed } from "@/lib/data/exports";
import { talkExportResponse } from "@/lib/exports/respond";
import { ATOM_CONTENT_TYPE, writeStatementsAtom } from "@/lib/exports/statements-atom";

// /talks/<slug>/feed.xml: an Atom feed of the statements newly recorded in the talk, newest first.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "atom", async (talk, site) => {
    const feed = await getTalkFeed(talk);
    return {
      body: writeStatementsAtom(
        { title: `${talk.title}: new statements`, selfUrl: `${site}/talks/${talk.slug}/feed.xml`, pageUrl: `${site}/talks/${talk.slug}`, emptyUpdated: feed.talkUpdatedAt },
        feed.statements,
        site,
      ),
      contentType: ATOM_CONTENT_TYPE,
      filename: `${talk.slug}-statements.atom`,
      disposition: "inline",
    };
  });
}
