import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFlow } from "@/components/editing/version-actions";
import { deleteAssessment, undoDeleteAssessment } from "@/lib/actions/assessments";
import { dayLabel, getAssessmentForEdit, getTalkRef, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Delete a gap assessment" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function DeleteAssessmentPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/assessments/${id}/delete`);
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
      <h1>Delete a gap assessment</h1>
      <p>
        <strong>{assessment.title}</strong> · version {assessment.version}
      </p>
      {assessment.deleted ? (
        <div className="notice" role="status">
          <p>
            This assessment is already deleted. <Link href={`${base}/history`}>Open its history</Link> to undo the deletion.
          </p>
        </div>
      ) : (
        <DeleteFlow
          deleteAction={deleteAssessment}
          undoAction={undoDeleteAssessment}
          fields={{ talk: slug, id, version: String(assessment.version) }}
          what="this assessment"
          backHref={dayPage}
          backLabel={`Back to ${dayLabel(talk, assessment.day)}`}
          historyHref={`${base}/history`}
        />
      )}
    </div>
  );
}
