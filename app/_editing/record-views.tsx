// Each kind's RecordView (./record-pages.tsx): found by the address its routes give, with its
// crumbs, its words and its actions. What differs per kind is here, in a few lines each.
import Link from "next/link";
import type { EditState } from "@/lib/actions/edit-state";
import type { ActionInput } from "@/lib/actions/safe-action";
import * as assessmentActions from "@/lib/actions/assessments";
import * as envoyActions from "@/lib/actions/envoys";
import * as issueActions from "@/lib/actions/issues";
import * as linkageActions from "@/lib/actions/linkages";
import * as partyActions from "@/lib/actions/parties";
import * as seriesActions from "@/lib/actions/series";
import * as sessionActions from "@/lib/actions/sessions";
import * as sourceActions from "@/lib/actions/sources";
import * as statementActions from "@/lib/actions/statements";
import * as talkActions from "@/lib/actions/talks";
import { dayLabel, getTalkRef, type TalkRef } from "@/lib/data/form-options";
import { getCatalogRowForEdit, getTalkForEdit, getTalkRowForEdit, issueNameOf, partyNameOf, speakerOf, type RowForEdit } from "@/lib/data/rows-for-edit";
import { assessment, type AssessmentSnapshot } from "@/lib/entities/assessment";
import { catalogPath, type CatalogEntity, type CatalogType } from "@/lib/entities/catalog";
import { envoy } from "@/lib/entities/envoy";
import { issue } from "@/lib/entities/issue";
import { linkage, type LinkageSnapshot } from "@/lib/entities/linkage";
import { party } from "@/lib/entities/party";
import { series } from "@/lib/entities/series";
import { session, type SessionSnapshot } from "@/lib/entities/session";
import { source } from "@/lib/entities/source";
import { statement, type StatementSnapshot } from "@/lib/entities/statement";
import { talk } from "@/lib/entities/talk";
import { dayPagePath, rowPlacePath, talkRowPath, type TalkRowEntity, type TalkRowType } from "@/lib/entities/talk-row";
import type { Snapshot } from "@/lib/entities/types";
import { linkageSentence } from "@/lib/linkage-words";
import { formatLocalDay } from "@/lib/time/local-day";
import type { RecordView } from "./record-pages";

export const CATALOG_KINDS = {
  party: { entity: party, actions: partyActions },
  envoy: { entity: envoy, actions: envoyActions },
  issue: { entity: issue, actions: issueActions },
  source: { entity: source, actions: sourceActions },
  series: { entity: series, actions: seriesActions },
} as const;

export async function catalogView(type: CatalogType, slug: string) {
  const { entity, actions } = CATALOG_KINDS[type] as unknown as { entity: CatalogEntity; actions: RecordView["actions"] & typeof partyActions };
  const row = await getCatalogRowForEdit(entity as CatalogEntity<Snapshot, never, never>, slug);
  if (!row) return null;
  const base = catalogPath(entity, slug);
  const view: RecordView = {
    type,
    names: entity.names,
    called: `the ${entity.names.one}`,
    id: row.id,
    version: row.version,
    deleted: row.deleted,
    base,
    crumbs: [{ href: base, label: row.title }],
    summary: row.title,
    back: { href: base, label: row.title },
    undoAt: "history",
    fields: { id: row.id },
    venue: null,
    actions,
    narrow: true,
  };
  return { view, row, entity, actions };
}

export async function talkView(slug: string) {
  const row = await getTalkForEdit(slug);
  if (!row) return null;
  const base = `/talks/${slug}`;
  const view: RecordView = {
    type: "talk",
    names: talk.names,
    called: "the talk",
    id: row.id,
    version: row.version,
    deleted: row.deleted,
    base,
    crumbs: [{ href: base, label: row.title }],
    summary: row.title,
    back: { href: base, label: "the talk" },
    undoAt: "delete",
    fields: { id: row.id },
    venue: { timeZone: row.snapshot.venueTimeZone, city: row.snapshot.venueCity },
    actions: talkActions,
    narrow: false,
  };
  return { view, row };
}

type SaveAction = (previous: EditState | null | undefined, input: ActionInput) => Promise<EditState>;

type TalkRowKind<S extends Snapshot> = {
  entity: TalkRowEntity<S>;
  actions: RecordView["actions"] & { update: SaveAction };
  /** What the row is called in the line under the title. */
  summary(row: RowForEdit<S>): string | Promise<string>;
  subject?(row: RowForEdit<S>, talk: TalkRef, summary: string): RecordView["subject"];
  deleteNote?: string;
  /** Where it is shown, when not on the timeline (the delete page says it leaves it). */
  shownOn?: string;
  narrow: boolean;
};

const sessionKind: TalkRowKind<SessionSnapshot> = {
  entity: session,
  actions: sessionActions,
  summary: (row) => row.snapshot.title,
  deleteNote: "Its statements stay on the timeline, on their own days; undoing the deletion puts them back under it.",
  narrow: false,
};

const statementKind: TalkRowKind<StatementSnapshot> = {
  entity: statement,
  actions: statementActions,
  summary: async (row) => `By ${await speakerOf(row.snapshot)}`,
  subject: (row, talk, summary) =>
    function StatementSubject(status, links) {
      return (
        <figure className="quoted-row">
          <blockquote>{row.snapshot.text}</blockquote>
          <figcaption>
            {summary} · {status}
            {row.deleted ? <span className="badge badge--bad">Deleted</span> : null}
            {links && !row.deleted ? (
              <>
                {" · "}
                <Link href={dayPagePath(talk.slug, row.snapshot.saidOn, { anchor: "statement", id: row.id })}>See it on the timeline</Link>
                {links}
              </>
            ) : null}
          </figcaption>
        </figure>
      );
    },
  narrow: false,
};

const assessmentKind: TalkRowKind<AssessmentSnapshot> = {
  entity: assessment,
  actions: assessmentActions,
  summary: async (row) => `${await issueNameOf(row.snapshot.issue)}, ${formatLocalDay(row.snapshot.localDay)}`,
  narrow: true,
};

const linkageKind: TalkRowKind<LinkageSnapshot> = {
  entity: linkage,
  actions: linkageActions,
  summary: async (row) => linkageSentence(await partyNameOf(row.snapshot.party), await issueNameOf(row.snapshot.issue), await issueNameOf(row.snapshot.conditionIssue)),
  // Not on the timeline: a linkage is listed near the talk's header and on its issues' pages.
  shownOn: "the talk’s Linkages section and its issues’ pages",
  narrow: true,
};

const TALK_ROW_KINDS = { session: sessionKind, statement: statementKind, assessment: assessmentKind, linkage: linkageKind } as unknown as Record<TalkRowType, TalkRowKind<Snapshot>>;

/** A session, statement or assessment of the talk at /talks/<slug>, with the talk. */
export async function talkRowView(type: TalkRowType, slug: string, id: string) {
  const kind = TALK_ROW_KINDS[type];
  const talkRef = await getTalkRef(slug);
  const row = talkRef ? await getTalkRowForEdit(kind.entity, talkRef, id) : null;
  if (!talkRef || !row) return null;
  const summary = await kind.summary(row);
  // A linkage's place is the talk page's Linkages section, not a day.
  const day =
    kind.entity.place === "talk"
      ? { href: rowPlacePath(kind.entity, slug, row.day, id), label: "Linkages" }
      : { href: dayPagePath(slug, row.day), label: dayLabel(talkRef, row.day), formDay: { talk: talkRef, day: row.day } };
  const view: RecordView = {
    type,
    names: kind.entity.names,
    called: kind.entity.names.a,
    id,
    version: row.version,
    deleted: row.deleted,
    base: talkRowPath(kind.entity, slug, id, "edit").replace(/\/edit$/, ""),
    crumbs: [{ href: `/talks/${slug}`, label: talkRef.title }, day],
    summary,
    subject: kind.subject?.(row, talkRef, summary),
    back: day,
    undoAt: "history",
    fields: { talk: slug, id },
    venue: { timeZone: talkRef.venueTimeZone, city: talkRef.venueCity },
    actions: kind.actions,
    deleteNote: kind.deleteNote,
    shownOn: kind.shownOn,
    narrow: kind.narrow,
  };
  return { view, row, talk: talkRef, actions: kind.actions };
}

/** The history page of a talk's row also leads to the talk's whole history. */
export const withTalkHistory = (view: RecordView, slug: string): RecordView => ({ ...view, crumbs: [...view.crumbs, { href: `/talks/${slug}/history`, label: "Talk history" }] });
