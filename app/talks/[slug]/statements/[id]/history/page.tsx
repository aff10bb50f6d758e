import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionList } from "@/components/editing/revision-list";
import { RestoreButton, UndoDeleteButton } from "@/components/editing/version-actions";
import { restoreStatementRevision, undoDeleteStatement } from "@/lib/actions/statements";
import { dayLabel, getStatementForEdit, getTalkRef, viewerCanEdit } from "@/lib/data/editing";
import { getEntityHistory } from "@/lib/data/history";

export const metadata: Metadata = { title: "History of a statement" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

/** Every change to one statement: who, when, what; editors can restore an earlier version or undo a deletion. */
export default async function StatementHistoryPage({ params }: Props) {
  const { slug, id } = await params;
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const [statement, history, editable] = await Promise.all([getStatementForEdit(talk, id), getEntityHistory("statement", id, talk.venueTimeZone), viewerCanEdit()]);
  if (!statement || !history) notFound();
  const base = `/talks/${slug}/statements/${id}`;
  const dayPage = `/talks/${slug}/days/${statement.day ?? "unknown"}`;
  const fields = { talk: slug, id, version: String(history.version) };
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, statement.day)}</Link> ›{" "}
        <Link href={`/talks/${slug}/history`}>Talk history</Link>
      </p>
      <h1>History of a statement</h1>
      <figure className="quoted-row">
        <blockquote>{statement.text}</blockquote>
        <figcaption>
          {statement.speaker} · now at version {history.version}
          {history.deleted ? <span className="badge badge--bad">Deleted</span> : null}
          {!history.deleted ? (
            <>
              {" · "}
              <Link href={`${dayPage}#statement-${id}`}>See it on the timeline</Link>
              {editable ? (
                <>
                  {" · "}
                  <Link href={`${base}/edit`}>Edit</Link>
                </>
              ) : null}
            </>
          ) : null}
        </figcaption>
      </figure>
      {history.deleted && editable ? (
        <div className="notice">
          <p>This statement is deleted: it is hidden from the timeline, and its content is kept.</p>
          <UndoDeleteButton action={undoDeleteStatement} fields={fields} />
        </div>
      ) : null}
      <h2 className="section-heading">Changes, newest first</h2>
      <RevisionList
        label="Changes to this statement"
        entries={history.entries}
        restore={
          editable && !history.deleted
            ? (e) => (
                <RestoreButton
                  id={`restore-${e.id}`}
                  action={restoreStatementRevision}
                  fields={{ ...fields, restore: String(e.restorable) }}
                  label={`Restore version ${e.restorable}`}
                />
              )
            : undefined
        }
      />
    </div>
  );
}
