import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionList } from "@/components/editing/revision-list";
import { RestoreButton } from "@/components/editing/version-actions";
import * as talkActions from "@/lib/actions/talks";
import { getTalkForEdit } from "@/lib/data/rows-for-edit";
import { getTalkRef } from "@/lib/data/form-options";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalkHistory, type HistoryEntry } from "@/lib/data/history";

export const metadata: Metadata = { title: "History of a talk" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** Every recorded change filed under a talk (its sessions, statements, assessments, new sources and itself), newest first. */
export default async function TalkHistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before } = await searchParams;
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const cursor = parseCursor(before);
  const [{ entries, older }, editable, current] = await Promise.all([getTalkHistory(talk.id, talk.venueTimeZone, cursor), viewerCanEdit(), getTalkForEdit(slug)]);
  const base = `/talks/${slug}`;
  const hrefOf = (e: HistoryEntry): string | null => {
    switch (e.entityType) {
      case "statement":
        return `${base}/statements/${e.entityId}/history`;
      case "session":
        return `${base}/sessions/${e.entityId}/history`;
      case "assessment":
        return `${base}/assessments/${e.entityId}/history`;
      case "talk":
        return base;
      default:
        return null;
    }
  };
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={base}>{talk.title}</Link>
      </p>
      <h1>History of the talk</h1>
      <p className="muted">
        Every change recorded for this talk — to the talk itself, its sessions, statements, gap assessments and the sources added with them — with who made it and when
        (times in UTC). Open a statement’s or session’s own history to restore an earlier version.
      </p>
      {cursor ? (
        <p className="history-toolbar">
          <Link href={`${base}/history`}>Newest changes</Link>
        </p>
      ) : null}
      <RevisionList
        label="Changes to this talk, newest first"
        entries={entries}
        subject={(e) => ({ text: e.subject, href: hrefOf(e) })}
        restore={
          editable && current
            ? (e) =>
                e.entityType === "talk" ? (
                  <RestoreButton id={`restore-${e.id}`} action={talkActions.restore} fields={{ id: talk.id, version: String(current.version), restore: String(e.restorable) }} label={`Restore version ${e.restorable} of the talk`} />
                ) : hrefOf(e) ? (
                  <Link href={hrefOf(e)!}>Restore from its own history</Link>
                ) : null
            : undefined
        }
      />
      {older ? (
        <p className="pager-links">
          <Link href={`${base}/history?before=${encodeURIComponent(`${older.at.toISOString()}~${older.id}`)}`}>Older changes</Link>
        </p>
      ) : null}
    </div>
  );
}

/** "?before=<ISO instant>~<revision id>": where the previous page ended. */
function parseCursor(value: string | string[] | undefined): { at: Date; id: string } | undefined {
  if (typeof value !== "string") return undefined;
  const [at, id] = value.split("~");
  if (!at || !id || Number.isNaN(Date.parse(at))) return undefined;
  return { at: new Date(at), id };
}
