import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/editing/entity-history";
import { restoreAssessmentRevision, undoDeleteAssessment } from "@/lib/actions/assessments";
import { dayLabel, getAssessmentForEdit, getTalkRef, viewerCanEdit } from "@/lib/data/editing";
import { getEntityHistory } from "@/lib/data/history";

export const metadata: Metadata = { title: "History of a gap assessment" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function AssessmentHistoryPage({ params }: Props) {
  const { slug, id } = await params;
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const [assessment, history, editable] = await Promise.all([getAssessmentForEdit(talk, id), getEntityHistory("assessment", id, talk.venueTimeZone), viewerCanEdit()]);
  if (!assessment || !history) notFound();
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={`/talks/${slug}/days/${assessment.day}`}>{dayLabel(talk, assessment.day)}</Link> ›{" "}
        <Link href={`/talks/${slug}/history`}>Talk history</Link>
      </p>
      <h1>History of a gap assessment</h1>
      <p className="muted">
        {assessment.title} · now at version {history.version}
      </p>
      <EntityHistoryView history={history} editable={editable} restoreAction={restoreAssessmentRevision} undoAction={undoDeleteAssessment} fields={{ talk: slug, id }} />
    </div>
  );
}
