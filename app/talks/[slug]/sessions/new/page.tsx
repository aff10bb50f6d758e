import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DayCrumb } from "@/components/editing/day-crumb";
import { SessionForm } from "@/components/editing/session-form";
import { getTalkFormOptions } from "@/lib/data/form-options";
import { requireEditorPage } from "@/lib/data/editing";
import { newSessionValues } from "@/lib/entities/session";
import { isLocalDay } from "@/lib/time/local-day";

export const metadata: Metadata = { title: "Add a session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A new session starts with the talk's agenda ticked (issue 12): most sessions are about all of it. */
const agendaOf = (options: NonNullable<Awaited<ReturnType<typeof getTalkFormOptions>>>) => options.issues.map((i) => i.value);

export default async function NewSessionPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { day } = await searchParams;
  const knownDay = typeof day === "string" && isLocalDay(day) ? day : null;
  await requireEditorPage(`/talks/${slug}/sessions/new${knownDay ? `?day=${knownDay}` : ""}`);
  const options = await getTalkFormOptions(slug);
  if (!options) notFound();
  const back = `/talks/${slug}/days/${knownDay ?? (day === "unknown" ? "unknown" : options.talk.firstDay)}`;
  return (
    <div className="edit-page">
      <DayCrumb talk={options.talk} day={knownDay} unknown />
      <h1>Add a session</h1>
      <p className="muted">A meeting of the talk. Leave the day or times empty when the sources do not give them.</p>
      <SessionForm mode="create" options={options} initial={{ ...newSessionValues(knownDay), issues: agendaOf(options), talk: slug }} cancelHref={back} />
    </div>
  );
}
