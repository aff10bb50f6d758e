import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/badges";
import { DayList } from "@/components/timeline/day-list";
import { getTalkTimeline } from "@/lib/data/talks";
import { formatDayRange } from "@/lib/time/local-day";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getTalkTimeline((await params).slug);
  return { title: data?.talk.title ?? "Talk not found" };
}

export default async function TalkPage({ params }: Props) {
  const data = await getTalkTimeline((await params).slug);
  if (!data) notFound();
  const { talk } = data;
  return (
    <>
      <header className="talk-header">
        <h1>{talk.title}</h1>
        <div className="meta">
          <StatusBadge status={talk.status} />
          <span>
            {talk.venueCity} <span className="muted">({talk.venueTimeZone})</span>
          </span>
          <span>{formatDayRange(talk.firstDay, talk.lastDay)}</span>
        </div>
        {talk.summary && <p className="talk-header__summary">{talk.summary}</p>}
        <dl className="facts">
          <dt>Parties</dt>
          <dd>
            {data.parties.map((p, i) => (
              <span key={p.slug}>
                {i > 0 && " · "}
                {p.name}
                {p.heads.length > 0 && <span className="muted"> — led by {p.heads.map((h) => h.name).join(", ")}</span>}
              </span>
            ))}
          </dd>
          <dt>Agenda</dt>
          <dd>{data.issues.length ? data.issues.map((i) => i.name).join(" · ") : <span className="muted">No issues recorded</span>}</dd>
          <dt>Days</dt>
          <dd>Dates and day numbers are local days in {talk.venueCity}.</dd>
        </dl>
      </header>
      <DayList data={data} />
    </>
  );
}
