import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityHistoryView } from "@/components/editing/entity-history";
import { restoreSessionRevision, undoDeleteSession } from "@/lib/actions/sessions";
import { dayLabel, getSessionForEdit, getTalkRef, viewerCanEdit } from "@/lib/data/editing";
import { getEntityHistory } from "@/lib/data/history";

export const metadata: Metadata = { title: "History of a session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function SessionHistoryPage({ params }: Props) {
  const { slug, id } = await params;
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const [session, history, editable] = await Promise.all([getSessionForEdit(talk, id), getEntityHistory("session", id, talk.venueTimeZone), viewerCanEdit()]);
  if (!session || !history) notFound();
  const dayPage = `/talks/${slug}/days/${session.day ?? "unknown"}`;
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, session.day)}</Link> › <Link href={`/talks/${slug}/history`}>Talk history</Link>
      </p>
      <h1>History of a session</h1>
      <p className="muted">
        {session.title} · now at version {history.version}
        {editable && !history.deleted ? (
          <>
            {" · "}
            <Link href={`/talks/${slug}/sessions/${id}/edit`}>Edit</Link>
          </>
        ) : null}
      </p>
      <EntityHistoryView history={history} editable={editable} restoreAction={restoreSessionRevision} undoAction={undoDeleteSession} fields={{ talk: slug, id }} />
    </div>
  );
}
