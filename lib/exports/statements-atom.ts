// Atom feeds (RFC 4287) of newly recorded statements: one per talk and one for all talks, newest
// first, written by the `feed` package (docs/decisions/016-exports.md). Each entry is one
// statement: its id a urn:uuid made from the statement's id (the same for ever, whatever address
// the site moves to), `updated` when it was recorded, its link its place on its day's page, its
// author the speaker, its content the recorded words as escaped text, and links to what changed in
// its talk since just before it was recorded: the talk and its brief with those changes marked
// (`?since=`, docs/decisions/023-as-known-on.md).
import { createHash } from "node:crypto";
import { Feed } from "feed";
import { escapeHtml } from "../html";
import { STATEMENT_KIND_LABEL } from "../labels";
import type { StatementKind } from "../enums";
import { formatLocalDay } from "../time/local-day";
import { statementPath } from "./common";

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
/** How many statements a feed holds: the newest. */
export const FEED_ENTRIES = 50;

export type FeedStatement = {
  id: string;
  talk: { slug: string; title: string };
  /** "Song Il Ho (DPRK)", or the party's name. */
  speaker: string;
  kind: StatementKind;
  saidOn: string | null;
  /** "Day 4", or null when the day is not known. */
  dayLabel: string | null;
  reportedOn: string | null;
  text: string;
  quotedWords: string | null;
  sessionTitle: string | null;
  issues: string[];
  sources: string[];
  createdAt: Date;
};

export type FeedHead = {
  title: string;
  /** The feed's own address, also its id. */
  selfUrl: string;
  /** The page it follows: the talk, or the list of talks. */
  pageUrl: string;
  /** When nothing is in it: when the talk last changed (a fixed time, so the same data gives the same feed). */
  emptyUpdated: Date;
};

/** `siteUrl` without a trailing slash; statements newest first. */
export function writeStatementsAtom(head: FeedHead, statements: FeedStatement[], siteUrl: string): string {
  const feed = new Feed({
    id: head.selfUrl,
    title: clean(head.title),
    updated: statements[0]?.createdAt ?? head.emptyUpdated,
    generator: "Parley",
    link: head.pageUrl,
    feedLinks: { atom: head.selfUrl },
  });
  for (const s of statements) {
    const when = s.saidOn ? `${s.dayLabel ? `${s.dayLabel} · ` : ""}${formatLocalDay(s.saidOn)}` : `Day not reported${s.reportedOn ? ` (reported ${formatLocalDay(s.reportedOn)})` : ""}`;
    const paragraphs = [
      s.text,
      [when, STATEMENT_KIND_LABEL[s.kind], s.sessionTitle ? `In “${s.sessionTitle}”` : null, s.talk.title].filter(Boolean).join(" · "),
      s.issues.length ? `Issues: ${s.issues.join(", ")}` : null,
      s.sources.length ? `Sources: ${s.sources.join("; ")}` : "Unsourced",
    ].filter((p): p is string => p !== null);
    const since = changesSinceLinks(siteUrl, s);
    const links = `<p><a href="${escapeHtml(since.talk)}">What changed in ${escapeHtml(clean(s.talk.title))} since just before this</a> · <a href="${escapeHtml(since.brief)}">its brief, with those changes marked</a></p>`;
    feed.addItem({
      id: statementUrn(s.id),
      // Both are read as HTML (the package writes type="html"): escaped, they show as the text they are.
      title: escapeHtml(clean(`${s.speaker}: ${excerpt(s.quotedWords ? `“${s.quotedWords}”` : s.text)}`)),
      content: paragraphs.map((p) => `<p>${escapeHtml(clean(p))}</p>`).join("") + links,
      link: `${siteUrl}${statementPath(s.talk.slug, s.saidOn, s.id)}`,
      date: s.createdAt,
      author: [{ name: clean(s.speaker) }],
      category: [{ term: s.kind, name: STATEMENT_KIND_LABEL[s.kind] }],
    });
  }
  return feed.atom1();
}

/** The talk, and its brief, with what changed since one millisecond before the statement was recorded marked in place. */
export function changesSinceLinks(siteUrl: string, s: Pick<FeedStatement, "talk" | "createdAt">): { talk: string; brief: string } {
  const query = new URLSearchParams({ since: new Date(s.createdAt.getTime() - 1).toISOString() });
  return { talk: `${siteUrl}/talks/${s.talk.slug}?${query}`, brief: `${siteUrl}/talks/${s.talk.slug}/brief?${query}` };
}

/** A statement's entry id: a name-based (version 5) UUID of its database id. */
export function statementUrn(statementId: string): string {
  return `urn:uuid:${uuidV5(`statement:${statementId}`)}`;
}

/** Parley's namespace for name-based UUIDs (RFC 9562 §5.5), made once at random. */
const PARLEY_NAMESPACE = "4b0c6a1e-8f0d-4c52-9a3e-2d6f1b7c9e21";

function uuidV5(name: string): string {
  const namespace = Buffer.from(PARLEY_NAMESPACE.replaceAll("-", ""), "hex");
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** XML 1.0 cannot carry most control characters, even escaped. */
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

const excerpt = (text: string, max = 100) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
