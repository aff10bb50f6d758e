import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TalkForm } from "@/components/editing/talk-form";
import { getCatalogOptions, getTalkForEdit, requireEditorPage } from "@/lib/data/editing";

export const metadata: Metadata = { title: "Edit a talk" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function EditTalkPage({ params }: Props) {
  const { slug } = await params;
  await requireEditorPage(`/talks/${slug}/edit`);
  const [talk, options] = await Promise.all([getTalkForEdit(slug), getCatalogOptions()]);
  if (!talk) notFound();
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={`/talks/${slug}`}>{talk.title}</Link>
      </p>
      <h1>Edit the talk</h1>
      <p className="muted">
        Opened at version {talk.version} · <Link href={`/talks/${slug}/history`}>History</Link> · <Link href={`/talks/${slug}/delete`}>Delete</Link> · Add a missing{" "}
        <Link href="/parties/new">party</Link>, <Link href="/envoys/new">envoy</Link> or <Link href="/issues/new">issue</Link>
      </p>
      {talk.deleted ? (
        <div className="notice" role="status">
          <p>
            This talk is deleted. <Link href={`/talks/${slug}/delete`}>Undo the deletion</Link> to edit it again.
          </p>
        </div>
      ) : (
        <TalkForm mode="edit" options={options} initial={talk.values} cancelHref={`/talks/${slug}`} />
      )}
    </div>
  );
}
