// Writes a validated talk document into the database, all or nothing. Used by the seed and by
// the JSON import. Parties, envoys, issues and sources are shared between talks: found by slug
// or key and reused, created when missing. Ids are made here so that every write can go into
// one batch transaction (the SQLite adapter mishandles a failed interactive BEGIN; see
// docs/notes/prisma-offline.md).
import { randomUUID } from "node:crypto";
import { isPostgres, type Db } from "../db";
import { envoyStore, type EnvoySnapshot } from "../entities/envoy";
import { issueStore, type IssueSnapshot } from "../entities/issue";
import { partyStore, type PartySnapshot } from "../entities/party";
import { seriesStore, type SeriesSnapshot } from "../entities/series";
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
  /** The document's series (decision 025): one slug in one of the lists, or none at all. */
  series: CatalogSummary;
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
type FoundRows = {
  party: { id: string; slug: string }[];
  envoy: { id: string; slug: string }[];
  issue: { id: string; slug: string }[];
  source: { id: string; key: string }[];
  /** The document's series, when the database holds it (none or one). */
  series: { id: string; slug: string }[];
};

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

  const [parties, envoys, issues, sources, series] = await Promise.all([
    db.party.findMany({ where: { slug: { in: doc.parties.map((p) => p.slug) } }, select: { id: true, slug: true } }),
    db.envoy.findMany({ where: { slug: { in: doc.envoys.map((e) => e.slug) } }, select: { id: true, slug: true } }),
    db.issue.findMany({ where: { slug: { in: doc.issues.map((i) => i.slug) } }, select: { id: true, slug: true } }),
    db.source.findMany({ where: { key: { in: doc.sources.map((s) => s.key) } }, select: { id: true, key: true } }),
    doc.series ? db.series.findMany({ where: { slug: doc.series.slug }, select: { id: true, slug: true } }) : Promise.resolve([]),
  ]);
  const actor = { id: null, name: actorName };
  const found = { party: parties, envoy: envoys, issue: issues, source: sources, series };
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
    series: catalog(doc.series ? [doc.series.slug] : [], new Set(series.map((s) => s.slug)), renamed.series),
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

/**
 * Rows go to the database in multi-row INSERTs of at most this many parameters each: well under
 * SQLite's 32,766 and PostgreSQL's 65,535 bind parameters, and large enough that a 20,000-statement
 * talk is a few dozen statements (bench/README.md, "bench:bulk", has the measurements).
 */
const PARAMS_PER_INSERT = 8_000;

/** A table written by plain INSERTs: its name and columns, in the order the values come. */
type Table = { name: string; columns: readonly string[] };
const table = (name: string, columns: readonly string[]): Table => ({ name, columns });
const TABLES = {
  party: table("Party", ["id", "slug", "name", "shortName", "isoCode", "createdAt", "updatedAt"]),
  envoy: table("Envoy", ["id", "slug", "name", "nameOriginal", "title", "partyId", "createdAt", "updatedAt"]),
  issue: table("Issue", ["id", "slug", "name", "description", "createdAt", "updatedAt"]),
  source: table("Source", ["id", "key", "publisher", "title", "url", "publishedOn", "createdAt", "updatedAt"]),
  series: table("Series", ["id", "slug", "name", "description", "createdAt", "updatedAt"]),
  talk: table("Talk", ["id", "slug", "title", "venueCity", "venueTimeZone", "firstDay", "lastDay", "status", "summary", "seriesId", "round", "createdAt", "updatedAt"]),
  talkParty: table("TalkParty", ["talkId", "partyId", "position", "role"]),
  talkEnvoy: table("TalkEnvoy", ["talkId", "envoyId", "role"]),
  talkIssue: table("TalkIssue", ["talkId", "issueId", "position"]),
  session: table("Session", ["id", "talkId", "localDay", "startsAt", "endsAt", "kind", "title", "summary", "outcome", "outcomeNote", "sequence", "createdAt", "updatedAt"]),
  statement: table("Statement", [
    "id", "talkId", "sessionId", "partyId", "envoyId", "capacity", "saidOn", "saidAt", "saidPrecision", "partOfDay", "reportedOn", "setting", "kind", "text", "quotedWords", "sequence", "createdAt", "updatedAt",
  ]),
  assessment: table("Assessment", ["id", "talkId", "issueId", "localDay", "gap", "note", "authorName", "createdAt", "updatedAt"]),
  linkage: table("Linkage", ["id", "talkId", "partyId", "issueId", "conditionIssueId", "text", "statedOn", "droppedOn", "statementId", "createdAt", "updatedAt"]),
  sessionIssue: table("SessionIssue", ["sessionId", "issueId"]),
  sessionSource: table("SessionSource", ["sessionId", "sourceId"]),
  statementIssue: table("StatementIssue", ["statementId", "issueId"]),
  statementSource: table("StatementSource", ["statementId", "sourceId"]),
  revision: table("Revision", ["id", "entityType", "entityId", "talkId", "action", "actorName", "at", "after"]),
} as const;

/**
 * Collects one table's rows as flat parameter lists and turns each full chunk into one
 * multi-row INSERT (portable SQL: quoted identifiers; `?` placeholders for SQLite, `$n` for
 * PostgreSQL, which infers each parameter's type — enum, jsonb, timestamp — from its column).
 * The values are kept once, in the statements' parameter lists, not as row objects beside them.
 */
class Inserts {
  readonly statements: { sql: string; params: unknown[] }[] = [];
  private params: unknown[] = [];
  private rows = 0;
  private readonly perInsert: number;
  constructor(
    readonly table: Table,
    private readonly postgres: boolean,
  ) {
    this.perInsert = Math.max(1, Math.floor(PARAMS_PER_INSERT / table.columns.length));
  }
  add(values: unknown[]): void {
    this.params.push(...values);
    if (++this.rows === this.perInsert) this.flush();
  }
  flush(): this {
    if (this.rows === 0) return this;
    const width = this.table.columns.length;
    const tuples: string[] = [];
    for (let r = 0; r < this.rows; r++) {
      const marks = Array.from({ length: width }, (_, c) => (this.postgres ? `$${r * width + c + 1}` : "?"));
      tuples.push(`(${marks.join(", ")})`);
    }
    const sql = `INSERT INTO "${this.table.name}" (${this.table.columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`;
    this.statements.push({ sql, params: this.params });
    this.params = [];
    this.rows = 0;
    return this;
  }
}

/** Revision ids shaped like Prisma's cuid() (c, time, counter, random), so that they sort after older ones. */
function revisionIds(): () => string {
  const time = Date.now().toString(36).padStart(8, "0");
  const salt = randomUUID().replaceAll("-", "");
  let counter = 0;
  return () => `c${time}${(counter++).toString(36).padStart(6, "0")}${salt.slice(0, 10)}`;
}

/**
 * Writes a prepared document in one transaction; returns the new talk's id.
 *
 * Every row (new shared records, the talk, its lists, sessions, statements, assessments, linkages)
 * and every create revision goes in as multi-row INSERTs through `$executeRawUnsafe`, in one batch
 * `$transaction` after the renames of shared records: Prisma's createMany spent most of a load
 * building and compiling its queries, and a batch of raw statements alone skips its query
 * compiler (docs/decisions/022-bulk-load.md). A batch, not an
 * interactive transaction, for the reasons of decision 005: on SQLite the adapter runs every
 * query of the process on its one connection, so another request's query would land inside an
 * open interactive transaction. So `onProgress` reports the start of the write and its commit;
 * the commit itself sends no events.
 */
export async function writeTalkDocumentLoad(db: Db, prepared: PreparedLoad, options: LoadOptions = {}): Promise<string> {
  const { doc, actorName, found, renames } = prepared;
  const { party: parties, envoy: envoys, issue: issues, source: sources, series } = found;
  const rowCount = doc.sessions.length + doc.statements.length + doc.assessments.length + doc.linkages.length;
  options.onProgress?.({ phase: "writing", done: 0, total: rowCount });
  const postgres = isPostgres(db);
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
  const now = new Date();
  const nextRevisionId = revisionIds();
  const inserts = (t: Table) => new Inserts(t, postgres);
  const revisions = inserts(TABLES.revision);
  // The revision's `after` is the row as created, as JSON (dates as ISO strings), made at once
  // so that no copy of the row is kept beside its INSERT's values.
  // The row's timestamps are not part of it there, as before.
  const insert = (into: Inserts, entityType: string, row: Record<string, unknown> & { id: string }, ofTalk = "talkId" in row) => {
    revisions.add([nextRevisionId(), entityType, row.id, ofTalk ? talkId : null, "create", actorName, now, JSON.stringify(row)]);
    into.add(into.table.columns.map((c) => (c === "createdAt" || c === "updatedAt" ? now : (row[c] ?? null))));
  };

  const newParties = inserts(TABLES.party);
  for (const p of doc.parties.filter((p) => !ids.party.has(p.slug))) {
    const id = randomUUID();
    insert(newParties, "party", { id, slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode ?? null });
    ids.party.set(p.slug, id);
  }
  const newEnvoys = inserts(TABLES.envoy);
  for (const e of doc.envoys.filter((e) => !ids.envoy.has(e.slug))) {
    const id = randomUUID();
    insert(newEnvoys, "envoy", { id, slug: e.slug, name: e.name, nameOriginal: e.nameOriginal ?? null, title: e.title ?? null, partyId: idOf(ids.party, e.party) });
    ids.envoy.set(e.slug, id);
  }
  const newIssues = inserts(TABLES.issue);
  for (const x of doc.issues.filter((x) => !ids.issue.has(x.slug))) {
    const id = randomUUID();
    insert(newIssues, "issue", { id, slug: x.slug, name: x.name, description: x.description ?? null });
    ids.issue.set(x.slug, id);
  }
  const newSources = inserts(TABLES.source);
  for (const x of doc.sources.filter((x) => !ids.source.has(x.key))) {
    const id = randomUUID();
    insert(newSources, "source", { id, key: x.key, publisher: x.publisher, title: x.title, url: x.url ?? null, publishedOn: x.publishedOn ?? null });
    ids.source.set(x.key, id);
  }
  const newSeries = inserts(TABLES.series);
  let seriesId = series[0]?.id ?? null;
  if (doc.series && !seriesId) {
    seriesId = randomUUID();
    insert(newSeries, "series", { id: seriesId, slug: doc.series.slug, name: doc.series.name, description: doc.series.description ?? "" });
  }
  const talk = inserts(TABLES.talk);
  const t = doc.talk;
  insert(
    talk,
    "talk",
    {
      id: talkId,
      slug: t.slug,
      title: t.title,
      venueCity: t.venueCity,
      venueTimeZone: t.venueTimeZone,
      firstDay: t.firstDay,
      lastDay: t.lastDay,
      status: t.status,
      summary: t.summary,
      seriesId,
      round: t.round ?? null,
    },
    true,
  );
  const talkParties = inserts(TABLES.talkParty);
  doc.parties.forEach((p, i) => talkParties.add([talkId, idOf(ids.party, p.slug), i, p.role ?? "principal"]));
  const talkEnvoys = inserts(TABLES.talkEnvoy);
  for (const e of doc.envoys) talkEnvoys.add([talkId, idOf(ids.envoy, e.slug), e.role]);
  const talkIssues = inserts(TABLES.talkIssue);
  doc.issues.forEach((x, i) => talkIssues.add([talkId, idOf(ids.issue, x.slug), i]));

  const sessions = inserts(TABLES.session);
  const sessionIssues = inserts(TABLES.sessionIssue);
  const sessionSources = inserts(TABLES.sessionSource);
  doc.sessions.forEach((s, i) => {
    const id = idOf(ids.session, s.ref);
    insert(sessions, "session", {
      id,
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
    });
    for (const x of s.issues) sessionIssues.add([id, idOf(ids.issue, x)]);
    for (const x of s.sources) sessionSources.add([id, idOf(ids.source, x)]);
  });
  const statements = inserts(TABLES.statement);
  const statementIssues = inserts(TABLES.statementIssue);
  const statementSources = inserts(TABLES.statementSource);
  doc.statements.forEach((s, i) => {
    const id = idOf(ids.statement, s.ref);
    insert(statements, "statement", {
      id,
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
    });
    for (const x of s.issues) statementIssues.add([id, idOf(ids.issue, x)]);
    for (const x of s.sources) statementSources.add([id, idOf(ids.source, x)]);
  });
  const assessments = inserts(TABLES.assessment);
  for (const a of doc.assessments) {
    insert(assessments, "assessment", {
      id: randomUUID(),
      talkId,
      issueId: idOf(ids.issue, a.issue),
      localDay: a.localDay,
      gap: a.gap,
      note: a.note,
      authorName: a.author,
    });
  }
  const linkages = inserts(TABLES.linkage);
  for (const l of doc.linkages) {
    insert(linkages, "linkage", {
      id: randomUUID(),
      talkId,
      partyId: idOf(ids.party, l.party),
      issueId: idOf(ids.issue, l.issue),
      conditionIssueId: idOf(ids.issue, l.conditionIssue),
      text: l.text,
      statedOn: l.statedOn ?? null,
      droppedOn: l.droppedOn ?? null,
      statementId: l.statement ? idOf(ids.statement, l.statement) : null,
    });
  }

  // Sessions before their statements and lists (foreign keys are checked at once on SQLite).
  const statementsToRun = [newParties, newEnvoys, newIssues, newSources, newSeries, talk, talkParties, talkEnvoys, talkIssues, sessions, sessionIssues, sessionSources, statements, statementIssues, statementSources, assessments, linkages, revisions].flatMap(
    (t) => t.flush().statements,
  );
  await db.$transaction(
    [
      ...renames.flatMap((plan) => plan.ops),
      ...statementsToRun.map((s) => db.$executeRawUnsafe(s.sql, ...s.params)),
    ],
    { timeout: LOAD_TIMEOUT_MS },
  );
  options.onProgress?.({ phase: "writing", done: rowCount, total: rowCount });
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
  found: { party: Found; envoy: Found; issue: Found; source: Found; series: Found },
  actor: Actor,
): Promise<{ plans: Plan[]; renamed: Record<"parties" | "envoys" | "issues" | "sources" | "series", Set<string>> }> {
  const problems: string[] = [];
  const plans: Plan[] = [];
  const renamed = { parties: new Set<string>(), envoys: new Set<string>(), issues: new Set<string>(), sources: new Set<string>(), series: new Set<string>() };
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
      // The series is one entry, not a list.
      const where = list === "series" ? "series" : `${list}[${i}]`;
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
  if (doc.series) {
    await agree("series", [doc.series], found.series, seriesStore, (x) => x.slug, (s: SeriesSnapshot) => s.slug, (x) => ({ name: x.name, description: x.description ?? undefined }));
    // Two live talks of one series are not the same round (decision 025).
    const round = doc.talk.round;
    const seriesId = found.series[0]?.id;
    if (round != null && seriesId) {
      const taken = await db.talk.findFirst({ where: { seriesId, round, deletedAt: null }, select: { title: true } });
      if (taken) problems.push(`talk.round: round ${round} of series "${doc.series.slug}" is already “${taken.title}” in this database; give this talk another number, or leave the round out.`);
    }
  }
  if (problems.length) throw new DocumentRefused(problems);
  return { plans, renamed };
}
