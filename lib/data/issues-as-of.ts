import "server-only";
// The issue page as known on a moment (issue 13, docs/decisions/026-as-known-on-days-and-issues.md):
// each talk's statements and gap assessments on the issue as they stood then, rebuilt from their
// revisions by the talk page's rebuild (readRowsAt, lib/data/as-of.ts) — but only for the rows
// that can have been on the issue, not the whole talk:
//   - the rows on it now (the join rows, deleted statements included; an assessment's issue), and
//   - every row the write core ever changed (its revisions carry a version).
// A row neither on the issue now nor ever changed is a loaded row as loaded, whose issues are its
// join rows today: it was never on the issue. Parties, envoys, issues and sources are named as
// they are now, deleted ones included, as on the talk page (decision 023).
import type { Db } from "../db";
import type { Capacity, Gap, PartOfDay, StatementKind, StatementSetting, TimePrecision } from "../enums";
import type { JsonValue, Snapshot } from "../entities/types";
import { readRowsAt, type RowAt } from "./as-of";
import type { SourceCitation, StatementRef } from "./statement-refs";
import { cachedTalkRead } from "./talk-cache";
import { findInChunks, unique } from "./talk-index";
import type { IssueRef } from "./talks";

export type IssueAssessmentAt = { talkId: string; localDay: string; gap: Gap; note: string; authorName: string };
export type IssueRowsAt = { statements: (StatementRef & { talkId: string })[]; assessments: IssueAssessmentAt[] };

/** Above this many rows to rebuild, the talk's statements and assessments are read whole rather than by lists of ids. */
const BY_IDS_MAX = 2_000;

/**
 * The statements and assessments on the issue in each talk as they stood at `at`. Each talk's
 * rows are kept under its stamp (lib/data/talk-cache.ts): any change to the talk, or to a shared
 * record, reads them again.
 */
export async function readIssueRowsAt(db: Db, talks: { id: string; stamp: string }[], issue: { id: string; slug: string }, at: Date): Promise<IssueRowsAt> {
  const perTalk = await Promise.all(
    talks.map(async (talk) => ({
      talkId: talk.id,
      rows: await cachedTalkRead(talk.id, talk.stamp, `issue ${issue.id} at ${at.toISOString()}`, () => readTalkIssueRowsAt(db, talk.id, issue, at)),
    })),
  );
  const statementRows = perTalk.flatMap(({ talkId, rows }) => rows.filter((r) => r.type === "statement").map((r) => ({ talkId, ...r })));
  const names = await readNames(db, statementRows.map((r) => r.snapshot));
  return {
    statements: statementRows.map(({ talkId, id, snapshot }) => ({ talkId, ...statementRef(id, snapshot, names) })),
    assessments: perTalk.flatMap(({ talkId, rows }) =>
      rows
        .filter((r) => r.type === "assessment")
        .map(({ snapshot: a }) => ({ talkId, localDay: str(a.localDay) ?? "", gap: str(a.gap) as Gap, note: str(a.note) ?? "", authorName: str(a.authorName) ?? "" })),
    ),
  };
}

/** One talk's rows on the issue at `at`: those that can have been on it, rebuilt, then those that were. */
async function readTalkIssueRowsAt(db: Db, talkId: string, issue: { id: string; slug: string }, at: Date): Promise<RowAt[]> {
  const [joined, assessed, changed] = await Promise.all([
    db.statementIssue.findMany({ where: { issueId: issue.id, statement: { talkId } }, select: { statementId: true } }),
    db.assessment.findMany({ where: { issueId: issue.id, talkId }, select: { id: true } }),
    db.revision.findMany({
      where: { talkId, entityType: { in: ["statement", "assessment"] }, version: { not: null } },
      select: { entityId: true },
      distinct: ["entityId"],
    }),
  ]);
  const ids = unique([...joined.map((j) => j.statementId), ...assessed.map((a) => a.id), ...changed.map((r) => r.entityId)]);
  if (ids.length === 0) return [];
  const rows = await readRowsAt(db, talkId, at, { kinds: ["statement", "assessment"], ids: ids.length <= BY_IDS_MAX ? ids : undefined });
  return rows.filter((r) => (r.type === "statement" ? list(r.snapshot.issues).includes(issue.slug) : str(r.snapshot.issue) === issue.slug));
}

type Names = {
  parties: Map<string, { slug: string; shortName: string }>;
  envoys: Map<string, { slug: string; name: string }>;
  issues: Map<string, IssueRef>;
  sources: Map<string, SourceCitation>;
};

/** The parties, envoys, issues and sources the statements name, as they are now (deleted ones included). */
async function readNames(db: Db, statements: Snapshot[]): Promise<Names> {
  const partySlugs = unique(statements.flatMap((s) => list([s.party ?? null])));
  const envoySlugs = unique(statements.flatMap((s) => list([s.envoy ?? null])));
  const issueSlugs = unique(statements.flatMap((s) => list(s.issues)));
  const sourceIds = unique(statements.flatMap((s) => list(s.sources)));
  const [parties, envoys, issues, sources] = await Promise.all([
    db.party.findMany({ where: { slug: { in: partySlugs } }, select: { slug: true, shortName: true } }),
    db.envoy.findMany({ where: { slug: { in: envoySlugs } }, select: { slug: true, name: true } }),
    db.issue.findMany({ where: { slug: { in: issueSlugs } }, select: { slug: true, name: true } }),
    findInChunks(sourceIds, (ids) => db.source.findMany({ where: { id: { in: ids } }, select: { id: true, publisher: true, title: true, url: true, publishedOn: true } })),
  ]);
  const bySlug = <T extends { slug: string }>(xs: T[]) => new Map(xs.map((x) => [x.slug, x]));
  return { parties: bySlug(parties), envoys: bySlug(envoys), issues: bySlug(issues), sources: new Map(sources.map((s) => [s.id, s])) };
}

/** A statement's snapshot as the issue page shows it (lib/data/statement-refs.ts): its issues by name, as today's read orders them. */
function statementRef(id: string, s: Snapshot, names: Names): StatementRef {
  const partySlug = str(s.party) ?? "";
  const envoySlug = str(s.envoy);
  return {
    id,
    saidOn: str(s.saidOn),
    saidAt: typeof s.saidAt === "string" ? new Date(s.saidAt) : null,
    saidPrecision: (str(s.saidPrecision) ?? "unknown") as TimePrecision,
    partOfDay: str(s.partOfDay) as PartOfDay | null,
    reportedOn: str(s.reportedOn),
    setting: str(s.setting) as StatementSetting,
    kind: str(s.kind) as StatementKind,
    capacity: str(s.capacity) as Capacity,
    text: str(s.text) ?? "",
    quotedWords: str(s.quotedWords),
    sequence: Number(s.sequence ?? 0),
    party: names.parties.get(partySlug) ?? { slug: partySlug, shortName: partySlug },
    envoy: envoySlug ? (names.envoys.get(envoySlug) ?? { slug: envoySlug, name: envoySlug }) : null,
    issues: list(s.issues)
      .map((slug) => names.issues.get(slug) ?? { slug, name: slug })
      .sort((a, b) => a.name.localeCompare(b.name)),
    sources: list(s.sources).flatMap((sourceId) => names.sources.get(sourceId) ?? []),
  };
}

const str = (v: JsonValue | undefined): string | null => (typeof v === "string" ? v : null);
const list = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
