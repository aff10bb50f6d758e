// Revisions as people read them: who, when, what changed (field by field, in words), and which
// earlier versions can be restored — for one row, or for everything filed under a talk.
import "server-only";
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { RevisionAction } from "../enums";
import { diffSnapshots, ENTITY_LABEL } from "../entities";
import type { EntityType, JsonValue, RecordedType, Snapshot } from "../entities/types";
import { formatLocalDay } from "../time/local-day";
import { asSnapshot, loadNames, showValue, type Names } from "./snapshot-words";

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
