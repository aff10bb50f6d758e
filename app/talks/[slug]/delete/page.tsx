import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteFlow, UndoDeleteButton } from "@/components/editing/version-actions";
import { deleteTalk, undoDeleteTalk } from "@/lib/actions/talks";
import { getTalkForEdit, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Delete a talk" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** Deleting hides the talk and all it holds; here too a deleted talk is brought back. */
export default async function DeleteTalkPage({ params }: Props) {
  const { slug } = await params;
  await requireEditorPage(`/talks/${slug}/delete`);
  const talk = await getTalkForEdit(slug);
  if (!talk) notFound();
  return (
    <div className="edit-page edit-page--narrow">
      <h1>Delete the talk</h1>
      <p>
        <strong>{talk.title}</strong> · version {talk.version}
      </p>
      {talk.deleted ? (
        <div className="notice">
          <p>This talk is deleted: hidden with everything in it, and kept.</p>
          <UndoDeleteButton action={undoDeleteTalk} fields={{ id: talk.id, version: String(talk.version) }} />
          <p>
            <Link href={`/talks/${slug}`}>Open the talk</Link> (once the deletion is undone)
          </p>
        </div>
      ) : (
        <DeleteFlow
          deleteAction={deleteTalk}
          undoAction={undoDeleteTalk}
          fields={{ id: talk.id, version: String(talk.version) }}
          what="this talk"
          backHref={`/talks/${slug}`}
          backLabel="Back to the talk"
          historyHref={`/talks/${slug}/delete`}
        />
      )}
    </div>
  );
}
