import "server-only";
// Revisions as people read them: who, when, what changed (field by field, in words), and which
// earlier versions can be restored. Also the explanation of a refused stale save.
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { RevisionAction } from "../enums";
import {
  CAPACITY_LABEL,
  DELEGATION_ROLE_LABEL,
  GAP_LABEL,
  OUTCOME_LABEL,
  PART_OF_DAY_LABEL,
  SESSION_KIND_LABEL,
  SETTING_LABEL,
  STATEMENT_KIND_LABEL,
  TALK_STATUS_LABEL,
  TIME_PRECISION_LABEL,
} from "../labels";
import type { ChangeInfo, ConflictError } from "../mutations/core";
import { diffSnapshots, ENTITY_LABEL, FIELD_LABELS, type EntityType, type JsonValue, type RecordedType, type Snapshot } from "../mutations/snapshot";
import { formatLocalDay } from "../time/local-day";
import { zoneAbbreviation } from "../time/instant";
import { venueClock } from "../time/venue-clock";

export type ShownChange = { field: string; label: string; before: string; after: string };

export type HistoryEntry = {
  id: string;
  entityType: RecordedType;
  entityId: string;
  /** What the row is, in a few words ("Statement by Song Il Ho: “The talks…”"). */
  subject: string;
  action: RevisionAction;
  version: number | null;
  note: string | null;
  actorName: string;
  at: Date;
  changes: ShownChange[];
  /** The version this change produced, when its content is recorded in full and it is not the current one. */
  restorable: number | null;
};

export type EntityHistory = {
  entityType: EntityType;
  entityId: string;
  version: number;
  deleted: boolean;
  entries: HistoryEntry[];
};

type Names = {
  party: Map<string, string>;
  envoy: Map<string, string>;
  issue: Map<string, string>;
  source: Map<string, string>;
  session: Map<string, string>;
};

const strings = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** Names of everything the snapshots refer to (deleted things too: history keeps their names). */
async function loadNames(db: Db, snapshots: (Snapshot | null)[]): Promise<Names> {
  const want = { party: new Set<string>(), envoy: new Set<string>(), issue: new Set<string>(), source: new Set<string>(), session: new Set<string>() };
  for (const s of snapshots) {
    if (!s) continue;
    strings(s.party).forEach((x) => want.party.add(x));
    strings(s.parties).forEach((x) => want.party.add(x));
    strings(s.envoy).forEach((x) => want.envoy.add(x));
    if (Array.isArray(s.envoys)) for (const e of s.envoys) if (e && typeof e === "object" && !Array.isArray(e) && typeof e.envoy === "string") want.envoy.add(e.envoy);
    strings(s.issue).forEach((x) => want.issue.add(x));
    strings(s.issues).forEach((x) => want.issue.add(x));
    strings(s.sources).forEach((x) => want.source.add(x));
    strings(s.session).forEach((x) => want.session.add(x));
  }
  const [parties, envoys, issues, sources, sessions] = await Promise.all([
    db.party.findMany({ where: { slug: { in: [...want.party] } }, select: { slug: true, shortName: true } }),
    db.envoy.findMany({ where: { slug: { in: [...want.envoy] } }, select: { slug: true, name: true } }),
    db.issue.findMany({ where: { slug: { in: [...want.issue] } }, select: { slug: true, name: true } }),
    db.source.findMany({ where: { id: { in: [...want.source] } }, select: { id: true, publisher: true, title: true } }),
    db.session.findMany({ where: { id: { in: [...want.session] } }, select: { id: true, title: true, localDay: true } }),
  ]);
  return {
    party: new Map(parties.map((p) => [p.slug, p.shortName])),
    envoy: new Map(envoys.map((e) => [e.slug, e.name])),
    issue: new Map(issues.map((i) => [i.slug, i.name])),
    source: new Map(sources.map((s) => [s.id, `${s.publisher}, “${s.title}”`])),
    session: new Map(sessions.map((s) => [s.id, s.localDay ? `${s.title} (${formatLocalDay(s.localDay)})` : s.title])),
  };
}

const NONE = "—";

/** An enum value in the UI's words, capitalized as a table cell's value. */
function label<K extends string>(labels: Record<K, string>, v: JsonValue | undefined): string {
  if (typeof v === "string" && v in labels) {
    const words = labels[v as K];
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return v == null || v === "" ? NONE : String(v);
}

function instant(v: JsonValue | undefined, timeZone: string | null): string {
  if (typeof v !== "string") return NONE;
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) return v;
  if (!timeZone) return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { day, time } = venueClock(at, timeZone);
  // The zone's abbreviation too: in the hour repeated when clocks go back it says which 02:30.
  return `${formatLocalDay(day)}, ${time} ${zoneAbbreviation(at, timeZone)} (${timeZone})`;
}

/** One field's value in words. */
export function showValue(type: RecordedType, field: string, v: JsonValue | undefined, names: Names, timeZone: string | null): string {
  const list = (map: Map<string, string>) => {
    const xs = strings(v);
    return xs.length ? xs.map((x) => map.get(x) ?? x).join("; ") : NONE;
  };
  switch (field) {
    case "party":
      return list(names.party);
    case "parties":
      return list(names.party);
    case "envoy":
      return typeof v === "string" ? (names.envoy.get(v) ?? v) : "The party as a whole";
    case "envoys":
      return Array.isArray(v) && v.length
        ? v
            .map((e) => (e && typeof e === "object" && !Array.isArray(e) ? `${names.envoy.get(String(e.envoy)) ?? String(e.envoy)} (${label(DELEGATION_ROLE_LABEL, e.role)})` : ""))
            .join("; ")
        : NONE;
    case "issue":
    case "issues":
      return list(names.issue);
    case "sources":
      return list(names.source);
    case "session":
      return typeof v === "string" ? (names.session.get(v) ?? "a session no longer recorded") : "No session";
    case "capacity":
      return label(CAPACITY_LABEL, v);
    case "kind":
      return type === "session" ? (v == null ? "Not reported" : label(SESSION_KIND_LABEL, v)) : label(STATEMENT_KIND_LABEL, v);
    case "saidPrecision":
      return label(TIME_PRECISION_LABEL, v);
    case "partOfDay":
      return label(PART_OF_DAY_LABEL, v);
    case "setting":
      return label(SETTING_LABEL, v);
    case "outcome":
      return label(OUTCOME_LABEL, v);
    case "gap":
      return label(GAP_LABEL, v);
    case "status":
      return label(TALK_STATUS_LABEL, v);
    case "saidOn":
    case "reportedOn":
    case "localDay":
    case "firstDay":
    case "lastDay":
    case "publishedOn":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatLocalDay(v) : v == null ? NONE : String(v);
    case "saidAt":
    case "startsAt":
    case "endsAt":
      return instant(v, timeZone);
    default:
      return v == null || v === "" ? NONE : typeof v === "string" ? v : JSON.stringify(v);
  }
}

function asSnapshot(v: unknown): Snapshot | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Snapshot) : null;
}

/** A few words naming the row a revision is about. */
function subjectOf(type: RecordedType, s: Snapshot | null, names: Names): string {
  const kind = ENTITY_LABEL[type] ?? type;
  const capital = kind[0]!.toUpperCase() + kind.slice(1);
  if (!s) return capital;
  const short = (t: JsonValue | undefined) => (typeof t === "string" ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : "");
  switch (type) {
    case "statement": {
      const who = typeof s.envoy === "string" ? names.envoy.get(s.envoy) : typeof s.party === "string" ? names.party.get(s.party) : undefined;
      return `${capital}${who ? ` by ${who}` : ""}: “${short(s.text)}”`;
    }
    case "session":
    case "talk":
      return `${capital}: ${short(s.title)}`;
    case "linkage":
      return `${capital}: ${short(s.text)}`;
    case "source":
      return `${capital}: ${short(s.publisher)}, “${short(s.title)}”`;
    case "assessment":
      return `${capital}: ${typeof s.issue === "string" ? (names.issue.get(s.issue) ?? s.issue) : ""}${typeof s.localDay === "string" ? `, ${formatLocalDay(s.localDay)}` : ""}`;
    default:
      return `${capital}: ${short(s.name)}`;
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
 * version and in the table's own shape; such a create counts as version 1, shown with the
 * content the next revision recorded as its "before" when there is one.
 */
async function toEntries(db: Db, rows: RevisionRow[], timeZoneOf: (talkId: string | null) => string | null, current: Map<string, { version: number; deleted: boolean }>): Promise<HistoryEntry[]> {
  // The "before" of each row's version 2, to stand in for a legacy create's shape.
  const legacy = rows.filter((r) => r.version === null && r.action === "create");
  const seconds = legacy.length
    ? await db.revision.findMany({
        where: { OR: legacy.map((r) => ({ entityType: r.entityType, entityId: r.entityId, version: 2 })) },
        select: { entityType: true, entityId: true, before: true },
      })
    : [];
  const secondBefore = new Map(seconds.map((s) => [`${s.entityType}:${s.entityId}`, asSnapshot(s.before)]));
  const prepared = rows.map((r) => {
    const type = r.entityType as RecordedType;
    const isLegacyCreate = r.version === null && r.action === "create";
    const after = isLegacyCreate ? (secondBefore.get(`${r.entityType}:${r.entityId}`) ?? asSnapshot(r.after)) : asSnapshot(r.after);
    return { r, type, before: asSnapshot(r.before), after, version: isLegacyCreate ? 1 : r.version, complete: !isLegacyCreate || secondBefore.has(`${r.entityType}:${r.entityId}`) };
  });
  const names = await loadNames(db, prepared.flatMap((p) => [p.before, p.after]));
  return prepared.map(({ r, type, before, after, version, complete }) => {
    const now = current.get(`${r.entityType}:${r.entityId}`);
    const tz = timeZoneOf(typeof (after ?? before)?.talkId === "string" ? ((after ?? before)!.talkId as string) : null);
    const shownAfter = r.action === "delete" ? null : after;
    const shownBefore = r.action === "restore" && before === null ? null : before;
    const changes = r.action === "delete" || (r.action === "restore" && before === null) ? [] : diffSnapshots(type, shownBefore, shownAfter);
    return {
      id: r.id,
      entityType: type,
      entityId: r.entityId,
      subject: subjectOf(type, after ?? before, names),
      action: r.action,
      version,
      note: r.note,
      actorName: r.actorName,
      at: r.at,
      changes: changes.map((c) => ({
        field: c.field,
        label: c.label,
        before: showValue(type, c.field, c.before, names, tz),
        after: showValue(type, c.field, c.after, names, tz),
      })),
      restorable:
        version !== null && complete && r.action !== "delete" && after !== null && now && !now.deleted && now.version !== version ? version : null,
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
                        : [];
      for (const r of rows) out.set(`${type}:${r.id}`, { version: r.version, deleted: r.deletedAt !== null });
    }),
  );
  return out;
}

/** Every revision of one row, newest first, with its current version. Null when no such row was ever recorded. */
export async function getEntityHistory(type: EntityType, id: string, timeZone: string | null = null): Promise<EntityHistory | null> {
  await requireReader();
  const db = await getDb();
  const current = await currentVersions(db, [{ entityType: type, entityId: id }]);
  const now = current.get(`${type}:${id}`);
  if (!now) return null;
  const rows = await db.revision.findMany({
    where: { entityType: type, entityId: id },
    orderBy: [{ at: "desc" }, { version: { sort: "desc", nulls: "last" } }],
    select: revisionSelect,
  });
  return { entityType: type, entityId: id, version: now.version, deleted: now.deleted, entries: await toEntries(db, rows, () => timeZone, current) };
}

export const TALK_HISTORY_PAGE = 100;

/** Revisions filed under a talk (its own, its sessions', statements', assessments', new sources'), newest first, a page at a time. */
export async function getTalkHistory(
  talkId: string,
  timeZone: string,
  before?: { at: Date; id: string },
): Promise<{ entries: HistoryEntry[]; older: { at: Date; id: string } | null }> {
  await requireReader();
  const db = await getDb();
  const rows = await db.revision.findMany({
    // Revisions written together share their instant: the id breaks the tie, so paging loses none.
    where: { talkId, ...(before ? { OR: [{ at: { lt: before.at } }, { at: before.at, id: { lt: before.id } }] } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: TALK_HISTORY_PAGE + 1,
    select: revisionSelect,
  });
  const page = rows.slice(0, TALK_HISTORY_PAGE);
  const current = await currentVersions(db, page);
  const entries = await toEntries(db, page, () => timeZone, current);
  const last = page.at(-1);
  return { entries, older: rows.length > TALK_HISTORY_PAGE && last ? { at: last.at, id: last.id } : null };
}

export type ConflictChange = { field: string; label: string; saved: string; yours: string; changedSinceOpened: boolean | null };

/** What the editor is shown when their save was refused because the row moved on. */
export type ConflictView = {
  entity: string;
  savedBy: string | null;
  savedAt: string | null;
  action: string | null;
  version: number;
  deleted: boolean;
  changes: ConflictChange[];
  /** The text as saved now (statements), shown in full. */
  savedText: string | null;
};

/**
 * Compares the editor's attempted content with the row as saved now, field by field, and marks
 * which fields someone else changed since the version the editor started from.
 */
export async function describeConflict(
  type: EntityType,
  error: ConflictError,
  expectedVersion: number,
  timeZone: string | null,
): Promise<ConflictView> {
  const db = await getDb();
  const base = await db.revision
    .findUnique({ where: { entityType_entityId_version: { entityType: type, entityId: error.current.id, version: expectedVersion } }, select: { after: true } })
    .then((r) => asSnapshot(r?.after));
  const baseFromNext =
    base ??
    (await db.revision
      .findUnique({ where: { entityType_entityId_version: { entityType: type, entityId: error.current.id, version: expectedVersion + 1 } }, select: { before: true } })
      .then((r) => asSnapshot(r?.before)));
  const current = error.current.snapshot;
  const yours = error.attempted ?? null;
  const names = await loadNames(db, [current, yours, baseFromNext]);
  const changedByOthers = new Set(baseFromNext ? diffSnapshots(type, baseFromNext, current).map((c) => c.field) : []);
  const differsFromYours = new Set(yours ? diffSnapshots(type, yours, current).map((c) => c.field) : []);
  const changes = Object.entries(FIELD_LABELS[type])
    .filter(([field]) => changedByOthers.has(field) || differsFromYours.has(field))
    .map(([field, label]) => ({
      field,
      label,
      saved: showValue(type, field, current[field], names, timeZone),
      yours: yours ? showValue(type, field, yours[field], names, timeZone) : NONE,
      changedSinceOpened: baseFromNext ? changedByOthers.has(field) : null,
    }));
  const last: ChangeInfo | null = error.lastChange;
  return {
    entity: ENTITY_LABEL[type],
    savedBy: last?.actorName ?? null,
    savedAt: last?.at.toISOString() ?? null,
    action: last?.action ?? null,
    version: error.current.version,
    deleted: error.current.deletedAt !== null,
    changes,
    savedText: typeof current.text === "string" ? current.text : null,
  };
}
