import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TalkBrief } from "@/components/brief/talk-brief";
import { MomentNotice } from "@/components/talk/as-of-banner";
import { getBriefPage } from "@/lib/data/brief";

// "As of" is the moment of the request: never a cached copy.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?asOf=` and `?since=` (docs/decisions/019-brief.md): one value each, an empty one is none. */
async function moments(searchParams: Props["searchParams"]) {
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.trim() !== "" ? v : null);
  return { asOf: one(query.asOf), since: one(query.since) };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { asOf, since } = await moments(searchParams);
  const read = await getBriefPage((await params).slug, asOf, since);
  if (!read) return { title: "Talk not found" };
  if (!read.ok) return { title: "Brief: moment not understood", robots: { index: false } };
  const { brief } = read;
  return { title: `Brief: ${brief.talk.title}${brief.asOf.past ? ` (as known on ${brief.asOf.venue})` : ""}`, robots: { index: false } };
}

/** The brief of a talk: where each side stands on each issue, for printing and sending on (docs/decisions/019-brief.md). */
export default async function TalkBriefPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { asOf, since } = await moments(searchParams);
  const read = await getBriefPage(slug, asOf, since);
  if (!read) notFound();
  // A moment Parley cannot read is said on the page, with the way to the brief now (not an error page).
  if (!read.ok) return <MomentNotice message={read.message} nowHref={`/talks/${slug}/brief`} />;
  return <TalkBrief brief={read.brief} asOfFuture={read.asOfFuture} sinceIgnored={read.sinceIgnored} />;
}
