// Writes a validated talk document into the database, all or nothing. Used by the seed and by
// the JSON import. Parties, envoys, issues and sources are shared between talks: found by slug
// or key and reused, created when missing. Ids are made here so that every write can go into
// one batch transaction (the SQLite adapter mishandles a failed interactive BEGIN; see
// docs/notes/prisma-offline.md).
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { envoyStore, type EnvoySnapshot } from "../entities/envoy";
import { issueStore, type IssueSnapshot } from "../entities/issue";
import { partyStore, type PartySnapshot } from "../entities/party";
import { sourceStore, type SourceSnapshot } from "../entities/source";
import type { EntityStore } from "../entities/store";
import type { Snapshot } from "../entities/types";
import { planUpdate, type Actor, type Plan } from "../mutations/core";
import type { TalkDocument } from "./schema";

/**
 * A whole talk is one batch transaction: the 5,000-statement bench talk takes longer than Prisma's
 * default 5 s on PostgreSQL on a busy machine (then nothing is written), so a load may take this
 * long. On SQLite a call with a time limit commits alone, outside the write gate's groups.
 */
const LOAD_TIMEOUT_MS = 120_000;

export type LoadResult = { status: "created"; talkId: string } | { status: "exists"; talkId: string };

/** A document that agrees with itself but not with the database: each problem names where it is. */
export class DocumentRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`The document cannot be loaded into this database:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "DocumentRefused";
  }
}

/** Where a load has got to, for a progress bar: `done` of `total` rows written. */
export type LoadProgress = { phase: "checking" | "writing" | "done"; done: number; total: number };
export type LoadOptions = { onProgress?: (progress: LoadProgress) => void };

/** What a document would create in this database and what it would match (by slug or key). */
export type LoadSummary = {
  talk: { slug: string; title: string };
  parties: CatalogSummary;
  envoys: CatalogSummary;
  issues: CatalogSummary;
  sources: CatalogSummary;
  sessions: number;
  statements: number;
  assessments: number;
  linkages: number;
  /** Statements per venue day, in day order; `day: null` for those whose day is unknown. */
  statementsByDay: { day: string | null; statements: number; sessions: number }[];
};
/** Slugs (keys, for sources) of the shared records the document creates, finds, or renames. */
export type CatalogSummary = { created: string[]; matched: string[]; renamed: string[] };

type Found = { id: string }[];
type FoundRows = { party: { id: string; slug: string }[]; envoy: { id: string; slug: string }[]; issue: { id: string; slug: string }[]; source: { id: string; key: string }[] };

/** A checked document, ready to write: what `writeTalkDocumentLoad` needs. */
export type PreparedLoad = { doc: TalkDocument; actorName: string; found: FoundRows; renames: Plan[]; summary: LoadSummary };
export type LoadPlan = { status: "exists"; talkId: string } | { status: "new"; prepared: PreparedLoad };

/**
 * Checks a document against the database without writing anything: the talk already there (a
 * re-import, which changes nothing), or what would be created and matched. Throws
 * DocumentRefused when a shared record disagrees with the stored one.
 */
export async function planTalkDocumentLoad(db: Db, doc: TalkDocument, actorName: string): Promise<LoadPlan> {
  const existing = await db.talk.findUnique({ where: { slug: doc.talk.slug }, select: { id: true } });
  if (existing) return { status: "exists", talkId: existing.id };

  const [parties, envoys, issues, sources] = await Promise.all([
    db.party.findMany({ where: { slug: { in: doc.parties.map((p) => p.slug) } }, select: { id: true, slug: true } }),
    db.envoy.findMany({ where: { slug: { in: doc.envoys.map((e) => e.slug) } }, select: { id: true, slug: true } }),
    db.issue.findMany({ where: { slug: { in: doc.issues.map((i) => i.slug) } }, select: { id: true, slug: true } }),
    db.source.findMany({ where: { key: { in: doc.sources.map((s) => s.key) } }, select: { id: true, key: true } }),
  ]);
  const actor = { id: null, name: actorName };
  const found = { party: parties, envoy: envoys, issue: issues, source: sources };
  const { plans: renames, renamed } = await catalogAgreement(db, doc, found, actor);
  const catalog = (keys: string[], stored: Set<string>, renamedKeys: Set<string>): CatalogSummary => ({
    created: keys.filter((k) => !stored.has(k)),
    matched: keys.filter((k) => stored.has(k) && !renamedKeys.has(k)),
    renamed: keys.filter((k) => renamedKeys.has(k)),
  });
  const byDay = new Map<string | null, { statements: number; sessions: number }>();
  const dayEntry = (day: string | null) => byDay.get(day) ?? byDay.set(day, { statements: 0, sessions: 0 }).get(day)!;
  for (const s of doc.sessions) dayEntry(s.localDay ?? null).sessions++;
  for (const s of doc.statements) dayEntry(s.saidOn ?? null).statements++;
  const summary: LoadSummary = {
    talk: { slug: doc.talk.slug, title: doc.talk.title },
    parties: catalog(doc.parties.map((p) => p.slug), new Set(parties.map((p) => p.slug)), renamed.parties),
    envoys: catalog(doc.envoys.map((e) => e.slug), new Set(envoys.map((e) => e.slug)), renamed.envoys),
    issues: catalog(doc.issues.map((i) => i.slug), new Set(issues.map((i) => i.slug)), renamed.issues),
    sources: catalog(doc.sources.map((s) => s.key), new Set(sources.map((s) => s.key)), renamed.sources),
    sessions: doc.sessions.length,
    statements: doc.statements.length,
    assessments: doc.assessments.length,
    linkages: doc.linkages.length,
    statementsByDay: [...byDay.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([day, counts]) => ({ day, ...counts })),
  };
  return { status: "new", prepared: { doc, actorName, found, renames, summary } };
}

/** Checks, then writes a document all or nothing (a talk already there is left unchanged). */
export async function loadTalkDocument(db: Db, doc: TalkDocument, actorName: string, options: LoadOptions = {}): Promise<LoadResult> {
  const plan = await planTalkDocumentLoad(db, doc, actorName);
  if (plan.status === "exists") return plan;
  return { status: "created", talkId: await writeTalkDocumentLoad(db, plan.prepared, options) };
}

/** Writes a prepared document in one transaction; returns the new talk's id. */
export async function writeTalkDocumentLoad(db: Db, prepared: PreparedLoad, options: LoadOptions = {}): Promise<string> {
  const { doc, actorName, found, renames } = prepared;
  const { party: parties, envoy: envoys, issue: issues, source: sources } = found;
  const rowCount = doc.sessions.length + doc.statements.length + doc.assessments.length + doc.linkages.length;
  options.onProgress?.({ phase: "writing", done: 0, total: rowCount });
  const ids = {
    party: new Map(parties.map((p) => [p.slug, p.id])),
    envoy: new Map(envoys.map((e) => [e.slug, e.id])),
    issue: new Map(issues.map((i) => [i.slug, i.id])),
    source: new Map(sources.map((s) => [s.key, s.id])),
    session: new Map(doc.sessions.map((s) => [s.ref, randomUUID()])),
    statement: new Map(doc.statements.map((s) => [s.ref, randomUUID()])),
  };
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Unresolved reference "${key}" (the document was not validated).`);
    return id;
  };
  const talkId = randomUUID();
  const revisions: { entityType: string; entityId: string; after: object }[] = [];
  const record = <T extends { id: string }>(entityType: string, row: T) => {
    revisions.push({ entityType, entityId: row.id, after: row });
    return row;
  };

  const newParties = doc.parties
    .filter((p) => !ids.party.has(p.slug))
    .map((p) => record("party", { id: randomUUID(), slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode ?? null }));
  newParties.forEach((p) => ids.party.set(p.slug, p.id));
  const newEnvoys = doc.envoys
    .filter((e) => !ids.envoy.has(e.slug))
    .map((e) =>
      record("envoy", {
        id: randomUUID(),
        slug: e.slug,
        name: e.name,
        nameOriginal: e.nameOriginal ?? null,
        title: e.title ?? null,
        partyId: idOf(ids.party, e.party),
      }),
    );
  newEnvoys.forEach((e) => ids.envoy.set(e.slug, e.id));
  const newIssues = doc.issues
    .filter((i) => !ids.issue.has(i.slug))
    .map((i) => record("issue", { id: randomUUID(), slug: i.slug, name: i.name, description: i.description ?? null }));
  newIssues.forEach((i) => ids.issue.set(i.slug, i.id));
  const newSources = doc.sources
    .filter((s) => !ids.source.has(s.key))
    .map((s) =>
      record("source", {
        id: randomUUID(),
        key: s.key,
        publisher: s.publisher,
        title: s.title,
        url: s.url ?? null,
        publishedOn: s.publishedOn ?? null,
      }),
    );
  newSources.forEach((s) => ids.source.set(s.key, s.id));

  const talk = record("talk", { id: talkId, ...doc.talk });
  const sessions = doc.sessions.map((s, i) =>
    record("session", {
      id: idOf(ids.session, s.ref),
      talkId,
      localDay: s.localDay,
      startsAt: s.startsAt ? new Date(s.startsAt) : null,
      endsAt: s.endsAt ? new Date(s.endsAt) : null,
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      outcome: s.outcome,
      outcomeNote: s.outcomeNote ?? null,
      sequence: i,
    }),
  );
  const statements = doc.statements.map((s, i) =>
    record("statement", {
      id: idOf(ids.statement, s.ref),
      talkId,
      sessionId: s.session ? idOf(ids.session, s.session) : null,
      partyId: idOf(ids.party, s.party),
      envoyId: s.envoy ? idOf(ids.envoy, s.envoy) : null,
      capacity: s.capacity,
      saidOn: s.saidOn,
      saidAt: s.saidAt ? new Date(s.saidAt) : null,
      saidPrecision: s.saidPrecision,
      partOfDay: s.partOfDay ?? null,
      reportedOn: s.reportedOn ?? null,
      setting: s.setting,
      kind: s.kind,
      text: s.text,
      quotedWords: s.quotedWords ?? null,
      sequence: i,
    }),
  );
  const assessments = doc.assessments.map((a) =>
    record("assessment", {
      id: randomUUID(),
      talkId,
      issueId: idOf(ids.issue, a.issue),
      localDay: a.localDay,
      gap: a.gap,
      note: a.note,
      authorName: a.author,
    }),
  );
  const linkages = doc.linkages.map((l) =>
    record("linkage", {
      id: randomUUID(),
      talkId,
      partyId: idOf(ids.party, l.party),
      issueId: idOf(ids.issue, l.issue),
      conditionIssueId: idOf(ids.issue, l.conditionIssue),
      text: l.text,
      statedOn: l.statedOn ?? null,
      droppedOn: l.droppedOn ?? null,
      statementId: l.statement ? idOf(ids.statement, l.statement) : null,
    }),
  );

  await db.$transaction([
    ...renames.flatMap((plan) => plan.ops),
    db.party.createMany({ data: newParties }),
    db.envoy.createMany({ data: newEnvoys }),
    db.issue.createMany({ data: newIssues }),
    db.source.createMany({ data: newSources }),
    db.talk.create({ data: talk }),
    db.talkParty.createMany({ data: doc.parties.map((p, i) => ({ talkId, partyId: idOf(ids.party, p.slug), position: i })) }),
    db.talkEnvoy.createMany({ data: doc.envoys.map((e) => ({ talkId, envoyId: idOf(ids.envoy, e.slug), role: e.role })) }),
    db.talkIssue.createMany({ data: doc.issues.map((x, i) => ({ talkId, issueId: idOf(ids.issue, x.slug), position: i })) }),
    db.session.createMany({ data: sessions }),
    db.sessionIssue.createMany({
      data: doc.sessions.flatMap((s) => s.issues.map((x) => ({ sessionId: idOf(ids.session, s.ref), issueId: idOf(ids.issue, x) }))),
    }),
    db.sessionSource.createMany({
      data: doc.sessions.flatMap((s) => s.sources.map((x) => ({ sessionId: idOf(ids.session, s.ref), sourceId: idOf(ids.source, x) }))),
    }),
    db.statement.createMany({ data: statements }),
    db.statementIssue.createMany({
      data: doc.statements.flatMap((s) => s.issues.map((x) => ({ statementId: idOf(ids.statement, s.ref), issueId: idOf(ids.issue, x) }))),
    }),
    db.statementSource.createMany({
      data: doc.statements.flatMap((s) => s.sources.map((x) => ({ statementId: idOf(ids.statement, s.ref), sourceId: idOf(ids.source, x) }))),
    }),
    db.assessment.createMany({ data: assessments }),
    db.linkage.createMany({ data: linkages }),
    db.revision.createMany({
      data: revisions.map((r) => ({
        entityType: r.entityType,
        entityId: r.entityId,
        talkId: r.entityType === "talk" || "talkId" in r.after ? talkId : null,
        action: "create" as const,
        actorName,
        after: JSON.parse(JSON.stringify(r.after)) as Prisma.InputJsonValue,
      })),
    }),
  ], { timeout: LOAD_TIMEOUT_MS });
  options.onProgress?.({ phase: "done", done: rowCount, total: rowCount });
  return talkId;
}

/**
 * Parties, envoys, issues and sources are shared between talks: one the document names that the
 * database holds already must be the same record. A name (or other detail) that differs from the
 * stored one is refused, naming both, unless the document's entry says `"rename": true` — then the
 * stored record takes the document's details, with a revision, in the same transaction as the
 * talk. A deleted record is refused; an envoy cannot move to another party. A detail the document
 * leaves out is not a difference.
 */
async function catalogAgreement(
  db: Db,
  doc: TalkDocument,
  found: { party: Found; envoy: Found; issue: Found; source: Found },
  actor: Actor,
): Promise<{ plans: Plan[]; renamed: Record<"parties" | "envoys" | "issues" | "sources", Set<string>> }> {
  const problems: string[] = [];
  const plans: Plan[] = [];
  const renamed = { parties: new Set<string>(), envoys: new Set<string>(), issues: new Set<string>(), sources: new Set<string>() };
  async function agree<S extends Snapshot, E extends { rename?: boolean }>(
    list: keyof typeof renamed,
    entries: E[],
    rows: Found,
    store: EntityStore<S>,
    keyOf: (e: E) => string,
    keyOfSnapshot: (s: S) => string,
    details: (e: E) => Partial<S>,
    fixed: (keyof S & string)[] = [],
  ) {
    const stored = (await Promise.all(rows.map((r) => store.read(db, r.id)))).filter((r) => r !== null);
    const byKey = new Map(stored.map((r) => [keyOfSnapshot(r.snapshot), r]));
    for (const [i, entry] of entries.entries()) {
      const row = byKey.get(keyOf(entry));
      if (!row) continue;
      const where = `${list}[${i}]`;
      if (row.deletedAt) {
        problems.push(`${where}: "${keyOf(entry)}" was deleted in this database; undo its deletion there first, or give this one another ${list === "sources" ? "key" : "slug"}.`);
        continue;
      }
      const given = Object.entries(details(entry)).filter(([, v]) => v !== undefined) as [keyof S & string, unknown][];
      const differing = given.filter(([field, value]) => (row.snapshot[field] ?? null) !== (value ?? null));
      for (const [field, value] of differing) {
        const says = `is ${JSON.stringify(value ?? null)} here but ${JSON.stringify(row.snapshot[field] ?? null)} in this database`;
        if (fixed.includes(field)) problems.push(`${where}.${field}: ${says}, and a shared record cannot move; use the stored value, or another slug.`);
        else if (!entry.rename) problems.push(`${where}.${field}: ${says}; use the stored value, or add "rename": true to this entry to change the stored record.`);
      }
      if (entry.rename && differing.length > 0 && differing.every(([field]) => !fixed.includes(field))) {
        const snapshot = { ...row.snapshot, ...Object.fromEntries(given) };
        plans.push(await planUpdate(db, store, row.id, { expectedVersion: row.version, snapshot, actor, note: "Renamed by a talk document" }));
        renamed[list].add(keyOf(entry));
      }
    }
  }
  await agree("parties", doc.parties, found.party, partyStore, (p) => p.slug, (s: PartySnapshot) => s.slug, (p) => ({ name: p.name, shortName: p.shortName, isoCode: p.isoCode }));
  await agree(
    "envoys",
    doc.envoys,
    found.envoy,
    envoyStore,
    (e) => e.slug,
    (s: EnvoySnapshot) => s.slug,
    (e) => ({ name: e.name, nameOriginal: e.nameOriginal, title: e.title, party: e.party }),
    ["party"],
  );
  await agree("issues", doc.issues, found.issue, issueStore, (x) => x.slug, (s: IssueSnapshot) => s.slug, (x) => ({ name: x.name, description: x.description }));
  await agree(
    "sources",
    doc.sources,
    found.source,
    sourceStore,
    (x) => x.key,
    (s: SourceSnapshot) => s.key,
    (x) => ({ publisher: x.publisher, title: x.title, url: x.url, publishedOn: x.publishedOn }),
  );
  if (problems.length) throw new DocumentRefused(problems);
  return { plans, renamed };
}
