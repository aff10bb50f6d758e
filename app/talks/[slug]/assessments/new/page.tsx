import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DayCrumb } from "@/components/editing/day-crumb";
import { SimpleForm } from "@/components/editing/simple-form";
import * as assessmentActions from "@/lib/actions/assessments";
import { getTalkFormOptions } from "@/lib/data/form-options";
import { findAssessmentId } from "@/lib/data/rows-for-edit";
import { requireEditorPage } from "@/lib/data/editing";
import { GAP_LABEL } from "@/lib/labels";
import { GapSchema, NOTE_MAX } from "@/lib/talk-document/schema";
import { isLocalDay } from "@/lib/time/local-day";
import { lastAllowedDay, summarizeTalkDays } from "@/lib/time/talk-span";

export const metadata: Metadata = { title: "Assess the gap" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /talks/<slug>/assessments/new?day=…&issue=…: assess an issue on a day. One assessment per
 * issue per day: if there is one already, its edit form opens instead.
 */
export default async function NewAssessmentPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { day, issue } = await searchParams;
  const knownDay = typeof day === "string" && isLocalDay(day) ? day : null;
  const knownIssue = typeof issue === "string" ? issue : null;
  await requireEditorPage(`/talks/${slug}/assessments/new${knownDay ? `?day=${knownDay}` : ""}${knownIssue ? `${knownDay ? "&" : "?"}issue=${knownIssue}` : ""}`);
  const options = await getTalkFormOptions(slug);
  if (!options) notFound();
  if (knownDay && knownIssue) {
    const existing = await findAssessmentId(options.talk, knownIssue, knownDay);
    if (existing && !existing.deleted) redirect(`/talks/${slug}/assessments/${existing.id}/edit`);
  }
  const back = `/talks/${slug}/days/${knownDay ?? options.talk.firstDay}`;
  return (
    <div className="edit-page edit-page--narrow">
      <DayCrumb talk={options.talk} day={knownDay ?? options.talk.firstDay} />
      <h1>Assess the gap</h1>
      <p className="muted">Your judgement of the gap between the parties on one issue on one day; it is signed with your name.</p>
      <SimpleForm
        prefix="assessment"
        action={assessmentActions.create}
        hidden={["talk"]}
        initial={{ talk: slug, issue: knownIssue ?? "", localDay: knownDay ?? "", gap: "", note: "" }}
        fields={[
          { name: "issue", label: "Issue", kind: "select", options: options.issues, placeholder: "Choose the issue" },
          {
            name: "localDay",
            label: "Day",
            kind: "date",
            hint: `The day in ${options.talk.venueCity}, within the talk’s days: ${summarizeTalkDays(options.talk)}.`,
            days: { min: options.talk.firstDay, max: lastAllowedDay(options.talk) },
          },
          { name: "gap", label: "Gap", kind: "select", options: GapSchema.options.map((g) => ({ value: g, label: GAP_LABEL[g] })), placeholder: "Choose how the gap stands" },
          { name: "note", label: "Note (optional)", kind: "textarea", max: NOTE_MAX, hint: "Why: what was said or done that day." },
        ]}
        submitLabel="Save assessment"
        cancelHref={back}
        dayOfTalk={slug}
      />
    </div>
  );
}
