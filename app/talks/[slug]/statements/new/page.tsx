import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DayCrumb } from "@/components/editing/day-crumb";
import { StatementForm } from "@/components/editing/statement-form";
import { getTalkFormOptions, newStatementStart } from "@/lib/data/form-options";
import { requireEditorPage } from "@/lib/data/editing";

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
  const { knownDay, label, back, initial } = newStatementStart(options, one(query.day), one(query.session));
  return (
    <div className="edit-page">
      <DayCrumb talk={options.talk} day={knownDay} unknown={label !== null} />
      <h1>Add a statement</h1>
      <p className="muted">
        Record what was said, by whom and when, with the reports that carry it. Days and times are {options.talk.venueCity}’s ({options.talk.venueTimeZone}).
      </p>
      <StatementForm mode="create" options={options} initial={initial} cancelHref={back} />
    </div>
  );
}

function toQuery(query: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === "string") params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
