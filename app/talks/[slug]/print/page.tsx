import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/talk/print-button";
import { ReaderTimes } from "@/components/reader-times";
import { ConvergenceStrip } from "@/components/talk/convergence-strip";
import { SourceNotes } from "@/components/talk/source-notes";
import { TalkHeader } from "@/components/talk/talk-header";
import { timelineContext } from "@/components/timeline/timeline-context";
import { TimelineDays } from "@/components/timeline/timeline-days";
import { getTalk, getTalkPrint } from "@/lib/data/talks";
import { filtersToQuery, parseFilters } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const talk = await getTalk((await params).slug);
  return { title: talk ? `${talk.title} (for printing)` : "Talk not found", robots: { index: false } };
}

/**
 * /talks/<slug>/print: the whole timeline, every day in full, for printing or saving as PDF. The
 * talk page renders a long talk a window of days at a time; this page renders all of them (which
 * is why it is a page of its own). The talk page's filters apply here too.
 */
export default async function TalkPrintPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const filters = parseFilters(await searchParams);
  const canonical = filtersToQuery(filters);
  const data = await getTalkPrint(slug, filters);
  if (!data) notFound();
  return (
    <div className="print-view">
      <p className="print-view__bar no-print">
        <a href={`/talks/${slug}${canonical}`}>Back to the timeline</a>
        <PrintButton />
      </p>
      <TalkHeader data={data} />
      {canonical ? <p className="muted">Filtered as on the timeline: only what matches {decodeURIComponent(canonical.slice(1)).replaceAll("&", ", ").replaceAll("=", " = ")}.</p> : null}
      <ConvergenceStrip rows={data.convergence} dayHref={(day) => `#day-${day}`} />
      <ol className="timeline" aria-label="Days of the talk">
        <TimelineDays content={data.window} ctx={timelineContext(data, false)} />
      </ol>
      <SourceNotes sources={data.sources} />
      <ReaderTimes />
    </div>
  );
}
