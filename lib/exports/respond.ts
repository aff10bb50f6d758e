import "server-only";
// How every export of a talk answers (app/talks/[slug]/*.csv|json|ics|xml, app/feed.xml): the
// reader's right to read first (PARLEY_PUBLIC_READ, as the pages), then 404 for a missing talk,
// then the file with its type, charset and name. Its ETag is the talk's stamp (the count of its
// revisions and of the shared records': any change moves it, lib/data/talk-cache.ts), so a
// reader that has the file gets 304 without it being written again; `no-cache` makes every use
// ask. Readable from other sites' scripts (CORS) when reading is public, as a newsroom's
// TimelineJS page fetches its JSON; never when reading needs an account.
import { PermissionError } from "../auth/roles";
import { getExportedTalk, getTalkExportRows, siteUrl } from "../data/exports";
import type { TalkRecord } from "../data/talk-index";
import { getEnv } from "../env";
import type { TalkExport } from "../talk-document/export";

export type ExportFile = { body: string; contentType: string; filename: string; disposition: "attachment" | "inline" };

/** Bumped when an export's format changes, so a stored copy is not kept as current by its ETag. */
const FORMAT_VERSION = "1";

/** A talk's export `kind`, written by `write` (null: the talk went in the meantime). */
export async function talkExportResponse(
  request: Request,
  slug: string,
  kind: string,
  write: (talk: TalkRecord, site: string) => Promise<ExportFile | null>,
): Promise<Response> {
  let talk: TalkRecord | null;
  try {
    talk = await getExportedTalk(slug);
  } catch (error) {
    if (error instanceof PermissionError) return refusal(error.status, error.message);
    throw error;
  }
  if (!talk) return refusal(404, `There is no talk at /talks/${slug}: it may have been removed, or the address is mistyped.`);
  const etag = `"${kind}-${talk.id}-${talk.stamp}-v${FORMAT_VERSION}"`;
  if (matches(request, etag)) return notModified(etag);
  const file = await write(talk, siteUrl());
  if (!file) return refusal(404, `There is no talk at /talks/${slug}: it has just been removed.`);
  return fileResponse(file, etag);
}

/** An export written from the talk's live rows (lib/talk-document/export.ts). */
export function fromRows(write: (rows: TalkExport, site: string) => ExportFile): (talk: TalkRecord, site: string) => Promise<ExportFile | null> {
  return async (talk, site) => {
    const rows = await getTalkExportRows(talk);
    return rows && write(rows, site);
  };
}

/** An export not of one talk (the feed of all talks): its version's stamp, then the file. */
export async function siteExportResponse(request: Request, kind: string, open: () => Promise<{ stamp: string; write: (site: string) => Promise<ExportFile> }>): Promise<Response> {
  let opened;
  try {
    opened = await open();
  } catch (error) {
    if (error instanceof PermissionError) return refusal(error.status, error.message);
    throw error;
  }
  const etag = `"${kind}-${opened.stamp}-v${FORMAT_VERSION}"`;
  if (matches(request, etag)) return notModified(etag);
  return fileResponse(await opened.write(siteUrl()), etag);
}

function caching(): Record<string, string> {
  return getEnv().publicRead ? { "cache-control": "public, no-cache", "access-control-allow-origin": "*" } : { "cache-control": "private, no-cache", vary: "cookie" };
}

function fileResponse(file: ExportFile, etag: string): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `${file.disposition}; filename="${file.filename}"`,
      etag,
      "x-content-type-options": "nosniff",
      ...caching(),
    },
  });
}

function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { etag, ...caching() } });
}

/** If-None-Match names this version (or any, "*"); weak tags compare as strong ones here. */
function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

function refusal(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" } });
}
