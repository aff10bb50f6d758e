import type { Metadata } from "next";
import Link from "next/link";
import { HistoryMoments } from "@/components/talk/history-moments";
import { notFound } from "next/navigation";
import { ReaderTimes } from "@/components/reader-times";
import { RevisionList } from "@/components/editing/revision-list";
import { RestoreButton, UndoDeleteButton } from "@/components/editing/version-actions";
import * as assessmentActions from "@/lib/actions/assessments";
import * as sessionActions from "@/lib/actions/sessions";
import * as sourceActions from "@/lib/actions/sources";
import * as statementActions from "@/lib/actions/statements";
import * as talkActions from "@/lib/actions/talks";
import { getTalkRef } from "@/lib/data/form-options";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalkHistory, type HistoryEntry } from "@/lib/data/history";
import { ENTITY_LABEL } from "@/lib/entities";

export const metadata: Metadata = { title: "History of a talk" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The Server Actions that restore a version of, or undo the deletion of, each kind of row filed
 * under a talk — the same ones (and so the same checks: role, version, conflicts, the talk's days)
 * as the row's own history page — and the fields that name the row for them.
 */
const VERSION_ACTIONS = {
  talk: { actions: talkActions, fields: (e: HistoryEntry) => ({ id: e.entityId }) },
  statement: { actions: statementActions, fields: (e: HistoryEntry, slug: string) => ({ talk: slug, id: e.entityId }) },
  session: { actions: sessionActions, fields: (e: HistoryEntry, slug: string) => ({ talk: slug, id: e.entityId }) },
  assessment: { actions: assessmentActions, fields: (e: HistoryEntry, slug: string) => ({ talk: slug, id: e.entityId }) },
  source: { actions: sourceActions, fields: (e: HistoryEntry) => ({ id: e.entityId }) },
} as const;

const versionActionsOf = (e: HistoryEntry) => (e.entityType in VERSION_ACTIONS ? VERSION_ACTIONS[e.entityType as keyof typeof VERSION_ACTIONS] : null);

/** Every recorded change filed under a talk (its sessions, statements, assessments, new sources and itself), newest first. */
export default async function TalkHistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { before } = await searchParams;
  const talk = await getTalkRef(slug);
  if (!talk) notFound();
  const cursor = parseCursor(before);
  const [{ entries, older }, editable] = await Promise.all([getTalkHistory(talk.id, { timeZone: talk.venueTimeZone, city: talk.venueCity }, cursor), viewerCanEdit()]);
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
  const what = (e: HistoryEntry) => (e.entityType === "talk" ? "the talk" : `this ${ENTITY_LABEL[e.entityType] ?? e.entityType}`);
  return (
    <div className="edit-page">
      <p className="breadcrumb">
        <Link href={base}>{talk.title}</Link>
      </p>
      <h1>History of the talk</h1>
      <p className="muted">
        Every change recorded for this talk — to the talk itself, its sessions, statements, gap assessments and the sources added with them — with who made it and when (in UTC, and in your own
        time once the page has loaded). Times of statements and sessions are on the clocks of {talk.venueCity}.
        {editable ? " Restore an earlier version, or undo a deletion, here or from the record’s own history." : null}
      </p>
      {cursor ? (
        <p className="history-toolbar">
          <Link href={`${base}/history`}>Newest changes</Link>
        </p>
      ) : null}
      <HistoryMoments slug={slug} entries={entries} />
      <RevisionList
        label="Changes to this talk, newest first"
        entries={entries}
        subject={(e) => ({ text: e.subject, href: hrefOf(e) })}
        restore={
          editable
            ? (e) => {
                const kind = versionActionsOf(e);
                if (!kind || !e.current) return null;
                return (
                  <RestoreButton
                    id={`restore-${e.id}`}
                    action={kind.actions.restore}
                    fields={{ ...kind.fields(e, slug), version: String(e.current.version), restore: String(e.restorable) }}
                    label={`Restore version ${e.restorable} of ${what(e)}`}
                  />
                );
              }
            : undefined
        }
        undo={
          editable
            ? (e) => {
                const kind = versionActionsOf(e);
                if (!kind || !e.current) return null;
                return <UndoDeleteButton id={`undo-${e.id}`} action={kind.actions.undoDelete} fields={{ ...kind.fields(e, slug), version: String(e.current.version) }} label={`Undo the deletion of ${what(e)}`} />;
              }
            : undefined
        }
      />
      {older ? (
        <p className="pager-links">
          <Link href={`${base}/history?before=${encodeURIComponent(`${older.at.toISOString()}~${older.id}`)}`}>Older changes</Link>
        </p>
      ) : null}
      <ReaderTimes />
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
