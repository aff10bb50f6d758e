import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFlow } from "@/components/editing/version-actions";
import { deleteStatement, undoDeleteStatement } from "@/lib/actions/statements";
import { dayLabel, getStatementForEdit, getTalkRef, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Delete a statement" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function DeleteStatementPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/statements/${id}/delete`);
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const statement = await getStatementForEdit(talk, id);
  if (!statement) notFound();
  const base = `/talks/${slug}/statements/${id}`;
  const dayPage = `/talks/${slug}/days/${statement.day ?? "unknown"}`;
  return (
    <div className="edit-page edit-page--narrow">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, statement.day)}</Link>
      </p>
      <h1>Delete a statement</h1>
      <figure className="quoted-row">
        <blockquote>{statement.text}</blockquote>
        <figcaption>
          {statement.speaker} · version {statement.version}
        </figcaption>
      </figure>
      {statement.deleted ? (
        <div className="notice" role="status">
          <p>This statement is already deleted.</p>
          <p>
            <Link href={`${base}/history`}>Open its history</Link> to undo the deletion.
          </p>
        </div>
      ) : (
        <DeleteFlow
          deleteAction={deleteStatement}
          undoAction={undoDeleteStatement}
          fields={{ talk: slug, id, version: String(statement.version) }}
          what="this statement"
          backHref={dayPage}
          backLabel={`Back to ${dayLabel(talk, statement.day)}`}
          historyHref={`${base}/history`}
        />
      )}
    </div>
  );
}
