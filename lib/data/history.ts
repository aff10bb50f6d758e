// Revisions as people read them: who, when, what changed (field by field, in words), and which
// earlier versions can be restored — for one row, or for everything filed under a talk.
import "server-only";
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { RevisionAction } from "../enums";
import { diffSnapshots, ENTITY_LABEL } from "../entities";
import type { EntityType, JsonValue, RecordedType, Snapshot } from "../entities/types";
import { formatLocalDay } from "../time/local-day";
import { viewerCanEdit } from "./editing";
import { snapshotsOfLoadedRows } from "./loaded-rows";
import { asSnapshot, loadNames, showValue, type Names } from "./snapshot-words";

export type ShownChange = { field: string; label: string; before: string; after: string };

/** The talk's venue: instants are shown on its clock, with its zone and city ("10:00 CST (Beijing)"). */
export type Venue = { timeZone: string; city: string | null };

export type HistoryEntry = {
  id: string;
  entityType: RecordedType;
  entityId: string;
  /** What the row is, in a few words ("Statement by Song Il Ho (DPRK): “The talks…”"). */
  subject: string;
  /** What the row is about, named: a statement's speaker, party, issues, sources and time; an assessment's issue and day. */
  about: { label: string; value: string }[];
  action: RevisionAction;
  version: number | null;
  note: string | null;
  actorName: string;
  at: Date;
  changes: ShownChange[];
  /** The version this change produced, when its content is recorded in full and it is not the current one. */
  restorable: number | null;
  /** The row as it is now (null when it is no longer recorded). */
  current: { version: number; deleted: boolean } | null;
  /** A deletion that is still the row's latest change: it can be undone from here. */
  undoable: boolean;
};

export type EntityHistory = {
  entityType: EntityType;
  entityId: string;
  version: number;
  deleted: boolean;
  entries: HistoryEntry[];
};

const short = (t: JsonValue | undefined) => (typeof t === "string" ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : "");
const capitalOf = (type: RecordedType) => {
  const kind = ENTITY_LABEL[type] ?? type;
  return kind[0]!.toUpperCase() + kind.slice(1);
};

/** Who said it: "Song Il Ho (DPRK)", or the party ("DPRK") when it spoke as a whole. */
function speakerOf(s: Snapshot, names: Names): string | null {
  const party = typeof s.party === "string" ? (names.party.get(s.party) ?? s.party) : null;
  const envoy = typeof s.envoy === "string" ? (names.envoy.get(s.envoy) ?? s.envoy) : null;
  return envoy ? `${envoy}${party ? ` (${party})` : ""}` : party;
}

/** A few words naming the row a revision is about. */
function subjectOf(type: RecordedType, s: Snapshot | null, names: Names): string {
  const capital = capitalOf(type);
  if (!s) return capital;
  switch (type) {
    case "statement": {
      const who = speakerOf(s, names);
      return `${capital}${who ? ` by ${who}` : ""}: “${short(s.text)}”`;
    }
    case "session":
    case "talk":
      return `${capital}: ${short(s.title)}`;
    case "linkage":
      return `${capital}: ${short(s.text)}`;
    case "source":
      return `${capital}: ${short(s.publisher)}, “${short(s.title)}”`;
    case "assessment": {
      const issue = typeof s.issue === "string" ? (names.issue.get(s.issue) ?? s.issue) : "issue not recorded";
      return `${capital}: ${issue}${typeof s.localDay === "string" ? `, ${formatLocalDay(s.localDay)}` : ""}`;
    }
    default:
      return `${capital}: ${short(s.name)}`;
  }
}

/** What a statement, session or assessment is about, field by field, in words. */
function aboutOf(type: RecordedType, s: Snapshot | null, names: Names, venue: Venue | null): { label: string; value: string }[] {
  if (!s) return [];
  const show = (field: string) => showValue(type, field, s[field], names, venue?.timeZone ?? null, venue?.city ?? null);
  const day = (field: string) => (typeof s[field] === "string" ? formatLocalDay(s[field]) : "Day not known");
  switch (type) {
    case "statement":
      return [
        { label: "Speaker", value: show("envoy") },
        { label: "Party", value: show("party") },
        { label: "Issues", value: show("issues") },
        { label: "Sources", value: show("sources") },
        { label: "Said", value: typeof s.saidAt === "string" ? show("saidAt") : day("saidOn") },
      ];
    case "session":
      return [
        { label: "Day", value: day("localDay") },
        ...(typeof s.startsAt === "string" ? [{ label: "Starts", value: show("startsAt") }] : []),
        ...(typeof s.endsAt === "string" ? [{ label: "Ends", value: show("endsAt") }] : []),
        { label: "Issues", value: show("issues") },
      ];
    case "assessment":
      return [
        { label: "Issue", value: show("issue") },
        { label: "Day", value: day("localDay") },
      ];
    case "linkage":
      return [
        { label: "Party", value: show("party") },
        { label: "Issue", value: show("issue") },
      ];
    default:
      return [];
  }
}

type RevisionRow = {
  id: string;
  entityType: string;
  entityId: string;
  action: RevisionAction;
  version: number | null;
  note: string | null;
  actorName: string;
  at: Date;
  before: unknown;
  after: unknown;
};

const revisionSelect = { id: true, entityType: true, entityId: true, action: true, version: true, note: true, actorName: true, at: true, before: true, after: true } as const;

/**
 * Revisions as entries. Rows loaded by the seed or an import recorded their create without a
 * version and in the table's own shape (ids, no relation lists); such a create counts as version
 * 1, shown with the content the next revision recorded as its "before" when there is one, and
 * otherwise read into a snapshot (lib/data/loaded-rows.ts), so that every entry names its speaker,
 * party, issues and sources whatever wrote it.
 */
async function toEntries(db: Db, rows: RevisionRow[], venueOf: (talkId: string | null) => Venue | null, current: Map<string, { version: number; deleted: boolean }>): Promise<HistoryEntry[]> {
  // The "before" of each row's version 2, to stand in for a legacy create's shape.
  const legacy = rows.filter((r) => r.version === null && r.action === "create");
  const seconds = legacy.length
    ? await db.revision.findMany({
        where: { OR: legacy.map((r) => ({ entityType: r.entityType, entityId: r.entityId, version: 2 })) },
        select: { entityType: true, entityId: true, before: true },
      })
    : [];
  const secondBefore = new Map(seconds.map((s) => [`${s.entityType}:${s.entityId}`, asSnapshot(s.before)]));
  const loadedAlone = legacy.filter((r) => !secondBefore.has(`${r.entityType}:${r.entityId}`) && asSnapshot(r.after));
  const loadedSnapshots = await snapshotsOfLoadedRows(
    db,
    loadedAlone.map((r) => ({ type: r.entityType as RecordedType, raw: asSnapshot(r.after)! })),
  );
  const fromLoaded = new Map(loadedAlone.map((r, i) => [r.id, loadedSnapshots[i]!]));
  const prepared = rows.map((r) => {
    const type = r.entityType as RecordedType;
    const isLegacyCreate = r.version === null && r.action === "create";
    const after = isLegacyCreate ? (secondBefore.get(`${r.entityType}:${r.entityId}`) ?? fromLoaded.get(r.id) ?? asSnapshot(r.after)) : asSnapshot(r.after);
    // A loader's row read through today's join rows is complete: nothing changed it since.
    return { r, type, before: asSnapshot(r.before), after, version: isLegacyCreate ? 1 : r.version, complete: !isLegacyCreate || secondBefore.has(`${r.entityType}:${r.entityId}`) || fromLoaded.has(r.id) };
  });
  const names = await loadNames(db, prepared.flatMap((p) => [p.before, p.after]));
  return prepared.map(({ r, type, before, after, version, complete }) => {
    const now = current.get(`${r.entityType}:${r.entityId}`) ?? null;
    const shown = after ?? before;
    const venue = venueOf(typeof shown?.talkId === "string" ? shown.talkId : type === "talk" ? r.entityId : null);
    const shownAfter = r.action === "delete" ? null : after;
    const shownBefore = r.action === "restore" && before === null ? null : before;
    const changes = r.action === "delete" || (r.action === "restore" && before === null) ? [] : diffSnapshots(type, shownBefore, shownAfter);
    const show = (field: string, v: JsonValue | undefined) => showValue(type, field, v, names, venue?.timeZone ?? null, venue?.city ?? null);
    return {
      id: r.id,
      entityType: type,
      entityId: r.entityId,
      subject: subjectOf(type, shown, names),
      about: aboutOf(type, shown, names, venue),
      action: r.action,
      version,
      note: r.note,
      actorName: r.actorName,
      at: r.at,
      changes: changes.map((c) => ({ field: c.field, label: c.label, before: show(c.field, c.before), after: show(c.field, c.after) })),
      restorable: version !== null && complete && r.action !== "delete" && after !== null && now && !now.deleted && now.version !== version ? version : null,
      current: now,
      undoable: r.action === "delete" && version !== null && now !== null && now.deleted && now.version === version,
    };
  });
}

async function currentVersions(db: Db, keys: { entityType: string; entityId: string }[]) {
  const byType = new Map<string, Set<string>>();
  for (const k of keys) (byType.get(k.entityType) ?? byType.set(k.entityType, new Set()).get(k.entityType)!).add(k.entityId);
  const out = new Map<string, { version: number; deleted: boolean }>();
  const select = { id: true, version: true, deletedAt: true } as const;
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const where = { id: { in: [...ids] } };
      const rows: { id: string; version: number; deletedAt: Date | null }[] =
        type === "statement"
          ? await db.statement.findMany({ where, select })
          : type === "session"
            ? await db.session.findMany({ where, select })
            : type === "assessment"
              ? await db.assessment.findMany({ where, select })
              : type === "talk"
                ? await db.talk.findMany({ where, select })
                : type === "party"
                  ? await db.party.findMany({ where, select })
                  : type === "envoy"
                    ? await db.envoy.findMany({ where, select })
                    : type === "issue"
                      ? await db.issue.findMany({ where, select })
                      : type === "source"
                        ? await db.source.findMany({ where, select })
                        : type === "linkage"
                          ? await db.linkage.findMany({ where, select })
                          : type === "series"
                            ? await db.series.findMany({ where, select })
                            : [];
      for (const r of rows) out.set(`${type}:${r.id}`, { version: r.version, deleted: r.deletedAt !== null });
    }),
  );
  return out;
}

/**
 * Every revision of one row, newest first, with its current version. Null when no such row was
 * ever recorded — and, for readers, when it is deleted: what was deleted is for editors to see.
 */
export async function getEntityHistory(type: EntityType, id: string, venue: Venue | null = null): Promise<EntityHistory | null> {
  await requireReader();
  const db = await getDb();
  const [current, editor] = await Promise.all([currentVersions(db, [{ entityType: type, entityId: id }]), viewerCanEdit()]);
  const now = current.get(`${type}:${id}`);
  if (!now || (now.deleted && !editor)) return null;
  const rows = await db.revision.findMany({
    where: { entityType: type, entityId: id },
    orderBy: [{ at: "desc" }, { version: { sort: "desc", nulls: "last" } }],
    select: revisionSelect,
  });
  return { entityType: type, entityId: id, version: now.version, deleted: now.deleted, entries: await toEntries(db, rows, () => venue, current) };
}

export const TALK_HISTORY_PAGE = 100;

/** The rows filed under a talk that are deleted now: their changes are left out of what readers see. */
async function deletedRowIds(db: Db, talkId: string): Promise<string[]> {
  const where = { talkId, deletedAt: { not: null } };
  const select = { id: true } as const;
  const [statements, sessions, assessments, linkages, sources] = await Promise.all([
    db.statement.findMany({ where, select }),
    db.session.findMany({ where, select }),
    db.assessment.findMany({ where, select }),
    db.linkage.findMany({ where, select }),
    // Sources are shared, but one typed into a talk's form is filed under that talk.
    db.source.findMany({ where: { deletedAt: { not: null } }, select }),
  ]);
  return [...statements, ...sessions, ...assessments, ...linkages, ...sources].map((r) => r.id);
}

/**
 * Revisions filed under a talk (its own, its sessions', statements', assessments', new sources'),
 * newest first, a page at a time. Readers do not see the changes of rows deleted now (nor learn
 * that they were deleted); editors see everything.
 */
export async function getTalkHistory(
  talkId: string,
  venue: Venue,
  before?: { at: Date; id: string },
): Promise<{ entries: HistoryEntry[]; older: { at: Date; id: string } | null }> {
  await requireReader();
  const db = await getDb();
  const hidden = (await viewerCanEdit()) ? [] : await deletedRowIds(db, talkId);
  const rows = await db.revision.findMany({
    // Revisions written together share their instant: the id breaks the tie, so paging loses none.
    where: {
      talkId,
      ...(hidden.length ? { entityId: { notIn: hidden } } : {}),
      ...(before ? { OR: [{ at: { lt: before.at } }, { at: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: TALK_HISTORY_PAGE + 1,
    select: revisionSelect,
  });
  const page = rows.slice(0, TALK_HISTORY_PAGE);
  const current = await currentVersions(db, page);
  const entries = await toEntries(db, page, () => venue, current);
  const last = page.at(-1);
  return { entries, older: rows.length > TALK_HISTORY_PAGE && last ? { at: last.at, id: last.id } : null };
}
