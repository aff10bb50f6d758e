// /embed/talks/<slug>: the talk's timeline, compact and read-only, for another site's iframe — the
// one page that may be framed (proxy.ts sets its frame-ancestors from PARLEY_EMBED_ANCESTORS; every
// other page answers frame-ancestors 'none' and X-Frame-Options: DENY). A plain HTML document
// like the print view (lib/print/talk-print.ts), a window of days at a time, with the talk page's
// filters and `from`. Why: docs/decisions/018-embed-and-structured-data.md.
import { PermissionError } from "@/lib/auth/roles";
import { getTalkPage } from "@/lib/data/talks";
import { getEnv } from "@/lib/env";
import { escapeHtml } from "@/lib/html";
import { embedDocument } from "@/lib/print/talk-print";
import { filtersToQuery, parseFilters, parseFrom } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

const HTML = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const filters = parseFilters(search);
  const query = filtersToQuery(filters);
  const site = getEnv().auth.baseUrl;
  let page;
  try {
    page = await getTalkPage(slug, filters, parseFrom(search));
  } catch (error) {
    if (error instanceof PermissionError) return message(401, "This timeline is not public", `Sign in to Parley to read it: ${site}/login`);
    throw error;
  }
  if (!page) return message(404, "Talk not found", "There is no talk at this address; it may have been removed.");
  const ctx = {
    frame: page,
    query,
    nonce: request.headers.get("x-nonce") ?? "",
    filterNote: query ? `Only what matches ${decodeURIComponent(query.slice(1)).replaceAll("&", ", ").replaceAll("=", " = ")}.` : null,
  };
  const pageHref = (from: string) => `/embed/talks/${slug}${query ? `${query}&` : "?"}from=${encodeURIComponent(from)}`;
  return new Response(embedDocument(ctx, { window: page.window, sources: page.sources, site, pageHref }).text, { headers: HTML });
}

function message(status: number, title: string, text: string): Response {
  return new Response(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Parley</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`,
    { status, headers: HTML },
  );
}
