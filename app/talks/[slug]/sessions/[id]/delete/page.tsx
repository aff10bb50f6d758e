import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFlow } from "@/components/editing/version-actions";
import { deleteSession, undoDeleteSession } from "@/lib/actions/sessions";
import { dayLabel, getSessionForEdit, getTalkRef, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Delete a session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function DeleteSessionPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/sessions/${id}/delete`);
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const session = await getSessionForEdit(talk, id);
  if (!session) notFound();
  const base = `/talks/${slug}/sessions/${id}`;
  const dayPage = `/talks/${slug}/days/${session.day ?? "unknown"}`;
  return (
    <div className="edit-page edit-page--narrow">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, session.day)}</Link>
      </p>
      <h1>Delete a session</h1>
      <p>
        <strong>{session.title}</strong> · version {session.version}
      </p>
      {session.deleted ? (
        <div className="notice" role="status">
          <p>
            This session is already deleted. <Link href={`${base}/history`}>Open its history</Link> to undo the deletion.
          </p>
        </div>
      ) : (
        <>
          <p className="muted">Its statements stay on the timeline, on their own days; undoing the deletion puts them back under it.</p>
          <DeleteFlow
            deleteAction={deleteSession}
            undoAction={undoDeleteSession}
            fields={{ talk: slug, id, version: String(session.version) }}
            what="this session"
            backHref={dayPage}
            backLabel={`Back to ${dayLabel(talk, session.day)}`}
            historyHref={`${base}/history`}
          />
        </>
      )}
    </div>
  );
}
