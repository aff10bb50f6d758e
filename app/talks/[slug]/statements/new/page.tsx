import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatementForm } from "@/components/editing/statement-form";
import { dayLabel, getTalkFormOptions, requireEditorPage } from "@/lib/data/editing";
import { newStatementValues } from "@/lib/inputs/statement";
import { isLocalDay } from "@/lib/time/local-day";

export const metadata: Metadata = { title: "Add a statement" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** /talks/<slug>/statements/new?day=YYYY-MM-DD&session=<id>: the form, prefilled with the day and session. */
export default async function NewStatementPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  await requireEditorPage(`/talks/${slug}/statements/new${toQuery(query)}`);
  const options = await getTalkFormOptions(slug);
  if (!options) notFound();
  const day = one(query.day);
  const session = one(query.session);
  const knownDay = day && isLocalDay(day) ? day : null;
  const knownSession = session && options.sessions.some((s) => s.value === session) ? session : null;
  const back = `/talks/${slug}/days/${knownDay ?? (day === "unknown" ? "unknown" : options.talk.firstDay)}`;
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{options.talk.title}</Link>
        {knownDay || day === "unknown" ? (
          <>
            {" › "}
            <Link href={back}>{dayLabel(options.talk, knownDay)}</Link>
          </>
        ) : null}
      </p>
      <h1>Add a statement</h1>
      <p className="muted">
        Record what was said, by whom and when, with the reports that carry it. Days and times are {options.talk.venueCity}’s ({options.talk.venueTimeZone}).
      </p>
      <StatementForm mode="create" options={options} initial={{ ...newStatementValues({ day: knownDay, session: knownSession }), talk: slug }} cancelHref={back} />
    </div>
  );
}

function toQuery(query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === "string") params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
