import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatementForm } from "@/components/editing/statement-form";
import { dayLabel, getStatementForEdit, getTalkFormOptions, getTalkRef, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Edit a statement" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }> };

export default async function EditStatementPage({ params }: Props) {
  const { slug, id } = await params;
  await requireEditorPage(`/talks/${slug}/statements/${id}/edit`);
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const statement = await getStatementForEdit(talk, id);
  if (!statement) notFound();
  const options = await getTalkFormOptions(slug, {
    issues: statement.values.issues as string[],
    sources: statement.values.sources as string[],
    sessions: statement.values.session ? [statement.values.session as string] : [],
  });
  if (!options) notFound();
  const base = `/talks/${slug}/statements/${id}`;
  const dayPage = `/talks/${slug}/days/${statement.day ?? "unknown"}`;
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link> › <Link href={dayPage}>{dayLabel(talk, statement.day)}</Link>
      </p>
      <h1>Edit a statement</h1>
      <p className="muted">
        By {statement.speaker} · opened at version {statement.version} · <Link href={`${base}/history`}>History</Link> · <Link href={`${base}/delete`}>Delete</Link>
      </p>
      {statement.deleted ? (
        <div className="notice" role="status">
          <p>This statement is deleted. Undo the deletion from its history to edit it again.</p>
          <p>
            <Link href={`${base}/history`}>Open its history</Link>
          </p>
        </div>
      ) : (
        <StatementForm mode="edit" options={options} initial={statement.values} cancelHref={`${dayPage}#statement-${id}`} />
      )}
    </div>
  );
}
