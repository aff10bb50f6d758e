import { getTalkFeed } from "@/lib/data/exports";
import { talkExportResponse } from "@/lib/exports/respond";
import { ATOM_CONTENT_TYPE, writeStatementsAtom } from "@/lib/exports/statements-atom";

// /talks/<slug>/feed.xml: an Atom feed of the statements newly recorded in the talk, newest first.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "atom", async (talk, site) => {
    const feed = await getTalkFeed(talk);
    // The feed's page is the talk with what changed since just before its oldest entry marked in
    // place (?since=, docs/decisions/023-as-known-on.md): a reader arrives at what the feed lists.
    const oldest = feed.statements.at(-1)?.createdAt;
    const pageUrl = `${site}/talks/${talk.slug}${oldest ? `?${new URLSearchParams({ since: new Date(oldest.getTime() - 1).toISOString() })}` : ""}`;
    return {
      body: writeStatementsAtom(
        { title: `${talk.title}: new statements`, selfUrl: `${site}/talks/${talk.slug}/feed.xml`, pageUrl, emptyUpdated: feed.talkUpdatedAt },
        feed.statements,
        site,
      ),
      contentType: ATOM_CONTENT_TYPE,
      filename: `${talk.slug}-statements.atom`,
      disposition: "inline",
    };
  });
}
