import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SessionForm } from "@/components/editing/session-form";
import { dayLabel, getSessionForEdit, getTalkFormOptions, getTalkRef, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Edit a session" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function EditSessionPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/sessions/${id}/edit`);
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const session = await getSessionForEdit(talk, id);
  if (!session) notFound();
  const options = await getTalkFormOptions(slug, { issues: session.values.issues as string[], sources: session.values.sources as string[] });
  if (!options) notFound();
  const base = `/talks/${slug}/sessions/${id}`;
  const dayPage = `/talks/${slug}/days/${session.day ?? "unknown"}`;
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, session.day)}</Link>
      </p>
      <h1>Edit a session</h1>
      <p className="muted">
        {session.title} · opened at version {session.version} · <Link href={`${base}/history`}>History</Link> · <Link href={`${base}/delete`}>Delete</Link>
      </p>
      {session.deleted ? (
        <div className="notice" role="status">
          <p>This session is deleted. Undo the deletion from its history to edit it again.</p>
        </div>
      ) : (
        <SessionForm mode="edit" options={options} initial={session.values} cancelHref={`${dayPage}#session-${id}`} />
      )}
    </div>
  );
}
