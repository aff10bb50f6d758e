import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TalkBrief } from "@/components/brief/talk-brief";
import { getBrief } from "@/lib/data/brief";

// "As of" is the moment of the request: never a cached copy.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const brief = await getBrief((await params).slug);
  return { title: brief ? `Brief: ${brief.talk.title}` : "Talk not found", robots: { index: false } };
}

/** The brief of a talk: where each side stands on each issue, for printing and sending on (docs/decisions/019-brief.md). */
export default async function TalkBriefPage({ params }: Props) {
  const brief = await getBrief((await params).slug);
  if (!brief) notFound();
  return <TalkBrief brief={brief} />;
}
