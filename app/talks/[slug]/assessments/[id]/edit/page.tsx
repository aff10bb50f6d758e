import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SimpleForm } from "@/components/editing/simple-form";
import { updateAssessment } from "@/lib/actions/assessments";
import { dayLabel, getAssessmentForEdit, getTalkRef, requireEditorPage } from "@/lib/data/editing";
import { GAP_LABEL } from "@/lib/labels";
import { GapSchema, NOTE_MAX } from "@/lib/talk-document/schema";

export const metadata: Metadata = { title: "Edit a gap assessment" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function EditAssessmentPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/assessments/${id}/edit`);
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const assessment = await getAssessmentForEdit(talk, id);
  if (!assessment) notFound();
  const base = `/talks/${slug}/assessments/${id}`;
  const dayPage = `/talks/${slug}/days/${assessment.day}`;
  return (
    <div className="edit-page edit-page--narrow">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, assessment.day)}</Link>
      </p>
      <h1>Edit a gap assessment</h1>
      <p className="muted">
        {assessment.title} · opened at version {assessment.version} · <Link href={`${base}/history`}>History</Link> · <Link href={`${base}/delete`}>Delete</Link>
      </p>
      {assessment.deleted ? (
        <div className="notice" role="status">
          <p>This assessment is deleted. Undo the deletion from its history, or assess the issue on this day again.</p>
        </div>
      ) : (
        <SimpleForm
          prefix="assessment"
          action={updateAssessment}
          hidden={["talk", "id", "version"]}
          initial={assessment.values}
          fields={[
            { name: "issueName", label: "Issue", kind: "text", readOnly: true },
            { name: "dayName", label: "Day", kind: "text", readOnly: true },
            { name: "gap", label: "Gap", kind: "select", options: GapSchema.options.map((g) => ({ value: g, label: GAP_LABEL[g] })) },
            { name: "note", label: "Note (optional)", kind: "textarea", max: NOTE_MAX, hint: "Saving signs the assessment with your name." },
          ]}
          submitLabel="Save changes"
          cancelHref={dayPage}
        />
      )}
    </div>
  );
}
