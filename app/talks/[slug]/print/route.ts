// /talks/<slug>/print: the whole timeline, every day in full, for printing or saving as PDF, with
// the talk page's filters. A plain HTML document streamed a window of days at a time
// (lib/print/talk-print.ts; why: docs/decisions/008-talk-page-windows.md), so even a
// 20,000-statement talk starts to show at once and costs the browser about what a static list does.
import { PermissionError } from "@/lib/auth/roles";
import { openTalkPrint } from "@/lib/data/talks";
import { escapeHtml } from "@/lib/html";
import { printDays, printHead, printTail } from "@/lib/print/talk-print";
import { filtersToQuery, parseFilters } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

const HTML = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const filters = parseFilters(Object.fromEntries(new URL(request.url).searchParams));
  const query = filtersToQuery(filters);
  let print;
  try {
    print = await openTalkPrint(slug, filters);
  } catch (error) {
    if (error instanceof PermissionError) return message(401, "Sign in to read Parley", error.message, `/login?next=${encodeURIComponent(`/talks/${slug}/print${query}`)}`, "Sign in");
    throw error;
  }
  if (!print) return message(404, "Talk not found", "There is no talk at this address; it may have been removed.", "/", "All talks");

  const ctx = {
    frame: print.frame,
    query,
    nonce: request.headers.get("x-nonce") ?? "",
    filterNote: query ? `Filtered as on the timeline: only what matches ${decodeURIComponent(query.slice(1)).replaceAll("&", ", ").replaceAll("=", " = ")}.` : null,
  };
  const encoder = new TextEncoder();
  const windows = print.windows();
  let nothing = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(printHead(ctx, print.convergence).text));
    },
    async pull(controller) {
      try {
        const next = await windows.next();
        if (next.done) {
          controller.enqueue(encoder.encode(printTail(ctx, print.sources, nothing).text));
          controller.close();
          return;
        }
        if (next.value.slots.some((s) => s.kind === "day") || next.value.undated) nothing = false;
        controller.enqueue(encoder.encode(printDays(ctx, next.value).text));
      } catch (error) {
        // The head is already sent: end the document with a sentence rather than cut it off.
        console.error("The print view could not be completed:", error);
        controller.enqueue(encoder.encode(`</ol><p role="alert">The rest of the timeline could not be read just now; reload to try again.</p></main></body></html>`));
        controller.close();
      }
    },
    async cancel() {
      await windows.return(undefined);
    },
  });
  return new Response(stream, { headers: HTML });
}

function message(status: number, title: string, text: string, href: string, link: string): Response {
  const body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Parley</title></head><body><main id="main"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(href)}">${escapeHtml(link)}</a></p></main></body></html>`;
  return new Response(body, { status, headers: HTML });
}
