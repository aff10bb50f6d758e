// The editing pages every kind of record has — edit, delete, history — written once. A kind's
// routes (app/parties/[slug]/edit/page.tsx, app/talks/[slug]/sessions/[id]/edit/page.tsx, …) load
// a RecordView (./record-views.tsx: where the record lives, what to call it, its actions) and
// hand it here; a kind with special fields plugs in its form, not a page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { ReaderTimes } from "@/components/reader-times";
import { FormDayLink } from "@/components/editing/day-crumb";
import { EntityHistoryView } from "@/components/editing/entity-history";
import { DeleteFlow, UndoDeleteButton } from "@/components/editing/version-actions";
import type { EditState } from "@/lib/actions/edit-state";
import type { ActionInput } from "@/lib/actions/safe-action";
import { getEntityHistory, type Venue } from "@/lib/data/history";
import type { EntityNames, EntityType, RecordPage } from "@/lib/entities/types";

type VersionAction = (previous: EditState<{ version: number }> | null | undefined, input: ActionInput) => Promise<EditState<{ version: number }>>;

/** `formDay`: the crumb names a day of the talk, and on the edit page follows the day the form picks. */
export type Crumb = { href: string; label: string; formDay?: { talk: { slug: string; firstDay: string; venueTimeZone: string }; day: string | null } };

/** One record as its editing pages show it. */
export type RecordView = {
  type: EntityType;
  names: EntityNames;
  /** "the talk", "the party" — or "a session": one of a talk's many rows. */
  called: string;
  id: string;
  version: number;
  deleted: boolean;
  /** The address of its pages: `${base}/edit`, `${base}/history`, `${base}/delete`. */
  base: string;
  crumbs: Crumb[];
  /** What it is, in a few words ("First plenary", "By Song Il-ho"); null to say nothing. */
  summary: string | null;
  /** A fuller picture on the delete and history pages (a statement's words). */
  subject?: (status: string, links: ReactNode) => ReactNode;
  /** Where the delete page leads back to. */
  back: Crumb;
  /** Where a deletion is undone: its history, or (a talk) its delete page. */
  undoAt: RecordPage;
  /** The fields that name it for its actions ({ id } or { talk, id }). */
  fields: Record<string, string>;
  /** The venue whose clock its history shows times on (a talk's rows, the talk). */
  venue: Venue | null;
  actions: { remove: VersionAction; undoDelete: VersionAction; restore: VersionAction };
  /** A sentence the delete page adds before asking (what happens to a session's statements). */
  deleteNote?: string;
  /** Where it is shown, which it leaves once deleted; the timeline when not said. */
  shownOn?: string;
  narrow: boolean;
};

/** A page's title: "Edit an envoy", "History of a gap assessment". */
export const recordTitle = (names: EntityNames, verb: "Add" | "Edit" | "Delete" | "History of"): Metadata => ({ title: `${verb} ${names.a}` });

function Crumbs({ crumbs, followForm = false }: { crumbs: Crumb[]; followForm?: boolean }) {
  return (
    <p className="breadcrumb">
      {crumbs.map((c, i) => (
        <span key={c.href}>
          {i > 0 ? " › " : null}
          {followForm && c.formDay ? <FormDayLink talk={c.formDay.talk} day={c.formDay.day} /> : <Link href={c.href}>{c.label}</Link>}
        </span>
      ))}
    </p>
  );
}

const frame = (view: RecordView, wide?: boolean) => (wide || !view.narrow ? "edit-page" : "edit-page edit-page--narrow");

function DeletedNotice({ view, children }: { view: RecordView; children: ReactNode }) {
  return (
    <div className="notice" role="status">
      <p>
        This {view.names.one} is {children}{" "}
        {view.undoAt === "history" ? (
          <>
            <Link href={`${view.base}/history`}>Open its history</Link> to undo the deletion.
          </>
        ) : (
          <>
            <Link href={`${view.base}/delete`}>Undo the deletion</Link> to edit it again.
          </>
        )}
      </p>
    </div>
  );
}

/** The edit page: the form, or word that the record is deleted. `extra` adds to the line under the title. */
export function RecordEditPage({ view, form, extra }: { view: RecordView; form: ReactNode; extra?: ReactNode }) {
  const opened = `${view.summary ? `${view.summary} · opened` : "Opened"} at version ${view.version}`;
  return (
    <div className={frame(view)}>
      <Crumbs crumbs={view.crumbs} followForm />
      <h1>Edit {view.called}</h1>
      <p className="muted">
        {opened} · <Link href={`${view.base}/history`}>History</Link> · <Link href={`${view.base}/delete`}>Delete</Link>
        {extra}
      </p>
      {view.deleted ? <DeletedNotice view={view}>deleted.</DeletedNotice> : form}
    </div>
  );
}

export function RecordDeletePage({ view }: { view: RecordView }) {
  const version = String(view.version);
  return (
    <div className="edit-page edit-page--narrow">
      <Crumbs crumbs={view.crumbs} />
      <h1>Delete {view.called}</h1>
      {view.subject?.(`version ${version}`, null) ?? (
        <p>
          <strong>{view.summary}</strong> · version {version}
        </p>
      )}
      {view.deleted && view.undoAt === "delete" ? (
        <div className="notice">
          <p>This {view.names.one} is deleted: hidden with everything in it, and kept.</p>
          <UndoDeleteButton action={view.actions.undoDelete} fields={{ ...view.fields, version }} />
        </div>
      ) : view.deleted ? (
        <DeletedNotice view={view}>already deleted.</DeletedNotice>
      ) : (
        <>
          {view.deleteNote ? <p className="muted">{view.deleteNote}</p> : null}
          <DeleteFlow
            deleteAction={view.actions.remove}
            undoAction={view.actions.undoDelete}
            fields={{ ...view.fields, version }}
            what={`this ${view.names.one}`}
            backHref={view.back.href}
            backLabel={`Back to ${view.back.label}`}
            historyHref={`${view.base}/${view.undoAt}`}
            shownOn={view.shownOn}
          />
        </>
      )}
    </div>
  );
}

/** Every change to the record: who, when, what; editors restore an earlier version or undo a deletion. */
export async function RecordHistoryPage({ view, editable }: { view: RecordView; editable: boolean }) {
  // A reader asking for a deleted record's history gets the not-found page (getEntityHistory says null).
  const history = await getEntityHistory(view.type, view.id, view.venue);
  if (!history) notFound();
  const now = `now at version ${history.version}`;
  const edit =
    editable && !history.deleted ? (
      <>
        {" · "}
        <Link href={`${view.base}/edit`}>Edit</Link>
      </>
    ) : null;
  return (
    <div className="edit-page">
      <Crumbs crumbs={view.crumbs} />
      <h1>History of {view.called}</h1>
      {view.subject?.(now, edit) ?? (
        <p className="muted">
          {view.summary ? `${view.summary} · ${now}` : `N${now.slice(1)}`}
          {edit}
        </p>
      )}
      <ReaderTimes />
      <EntityHistoryView history={history} editable={editable} restoreAction={view.actions.restore} undoAction={view.actions.undoDelete} fields={view.fields} />
    </div>
  );
}
