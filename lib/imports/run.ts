// The import behind /import and `npm run db:load` (docs/decisions/021-import.md): a file — a
// `parley.talk/v1` document or a statements CSV — is read, checked against the database and either
// described (a dry run, which writes nothing) or written all or nothing by the talk-document
// loader. Every refusal is a list of problems a person can act on, each with where it is.
import "server-only";
import { z } from "zod";
import type { Db } from "../db";
import { compactSearchIndex } from "../search/maintenance";
import { DocumentRefused, planTalkDocumentLoad, writeTalkDocumentLoad, type LoadSummary } from "../talk-document/load";
import { TalkDocumentSchema, TalkStatusSchema, describeIssues, SUMMARY_MAX, TITLE_MAX, type TalkDocument } from "../talk-document/schema";
import { isLocalDay, isTimeZone } from "../time/local-day";
import { canonicalTimeZone } from "../time/zones";
import { commitAppend, planAppend } from "./append";
import { csvReferences, csvToTalkDocument, locateDocumentProblem, readStatementsCsv, type CsvRecord, type ImportProblem, type KnownCatalog } from "./csv";

export type { ImportProblem } from "./csv";

/** The largest file the page takes: a talk of 100,000 statements is about 40 MB of CSV. */
export const IMPORT_FILE_LIMIT = 50 * 1024 * 1024;

export type ImportPhase = "reading" | "checking" | "writing" | "done";
export type ImportProgress = { phase: ImportPhase; done: number; total: number };

export type ImportResult =
  /** Problems: nothing was (or would be) written. `talkFields` are the talk details' own errors. */
  | { status: "refused"; format: "json" | "csv" | null; problems: ImportProblem[]; talkFields?: Record<string, string[]> }
  /** A CSV of a talk this database does not have: the page asks for the talk's details. */
  | { status: "needs-talk"; format: "csv"; slug: string; firstDay: string | null; lastDay: string | null; statements: number }
  /** The talk is there and holds everything in the file: nothing changes. */
  | { status: "exists"; format: "json" | "csv"; slug: string; title: string }
  /** A dry run: what would be written. */
  | { status: "planned"; format: "json" | "csv"; summary: LoadSummary; added?: Added }
  /** Written. */
  | { status: "created"; format: "json" | "csv"; summary: LoadSummary; added?: Added };

/** A CSV's rows added to a talk Parley has: `matched` rows were there already and are skipped. */
export type Added = { matched: number };

const optionalDay = z.preprocess((v) => (v === "" || v == null ? null : v), z.string().refine(isLocalDay, "must be a calendar day written YYYY-MM-DD").nullable());

/** The talk's own details for a CSV of a new talk: the document's talk fields but its slug (the CSV's `talk`). */
export const ImportTalkInput = z.object({
  title: z.string().trim().min(1, "Give the talk's title.").max(TITLE_MAX, `At most ${TITLE_MAX} characters.`),
  venueCity: z.string().trim().min(1, "Give the city where the talk is held.").max(TITLE_MAX, `At most ${TITLE_MAX} characters.`),
  venueTimeZone: z
    .string()
    .trim()
    .refine(isTimeZone, "Choose the venue's time zone, e.g. Asia/Shanghai.")
    .transform((v) => canonicalTimeZone(v) ?? v),
  firstDay: z.string().refine(isLocalDay, "Give the first day, YYYY-MM-DD."),
  lastDay: optionalDay,
  status: TalkStatusSchema.catch("ongoing"),
  summary: z.string().max(SUMMARY_MAX, `At most ${SUMMARY_MAX} characters.`).default(""),
});
export type ImportTalkInput = z.infer<typeof ImportTalkInput>;

export type ImportRequest = { bytes: Buffer; talk?: Record<string, unknown> | null };
export type ImportOptions = {
  mode: "check" | "import";
  actorName: string;
  /** The signed-in editor's id, for the revisions the write core makes (rows added to a talk). */
  actorId?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /** Whether to compact the search index after writing (a script loading many files does it once at the end). */
  compact?: boolean;
};

const refused = (format: "json" | "csv" | null, problems: ImportProblem[], talkFields?: Record<string, string[]>): ImportResult => ({ status: "refused", format, problems, talkFields });

/** Reads, checks and (mode "import") writes one file. Throws only on a fault of Parley's own. */
export async function runImport(db: Db, request: ImportRequest, options: ImportOptions): Promise<ImportResult> {
  const { bytes } = request;
  const progress = options.onProgress ?? (() => {});
  if (bytes.length > IMPORT_FILE_LIMIT) return refused(null, [{ message: `The file is larger than Parley imports (${IMPORT_FILE_LIMIT / 1024 / 1024} MB); nothing was saved. Split it into talks.` }]);
  progress({ phase: "reading", done: 0, total: bytes.length });
  const text = bytes.toString("utf8");
  if (text.includes("\uFFFD") && !isUtf8(bytes)) return refused(null, [{ message: "The file is not text in UTF-8: neither a talk document (JSON) nor a statements CSV." }]);
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return refused(null, [{ message: "The file is empty." }]);

  let prepared: Prepared | ImportResult;
  if (/^\s*[[{]/.test(body)) prepared = readJson(body);
  else prepared = await readCsv(db, bytes, request.talk ?? null, progress);
  if ("status" in prepared) return prepared;
  const { format, doc, locate, problems: rowProblems = [] } = prepared;
  progress({ phase: "reading", done: bytes.length, total: bytes.length });

  // A document's lists are checked below; until then they may be missing or not lists at all.
  const rows = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  const total = rows(doc.statements) + rows(doc.sessions) + rows(doc.assessments) + rows(doc.linkages);
  progress({ phase: "checking", done: 0, total });
  const parsed = TalkDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): ImportProblem => {
      const where = locate?.(issue.path as (string | number)[]);
      if (where?.line) return { ...where, message: issue.message };
      return splitPathProblem(describeIssues(new z.ZodError([issue]))[0] ?? issue.message);
    });
    return refused(format, merged(rowProblems, problems));
  }
  if (rowProblems.length > 0) return refused(format, sortProblems(rowProblems));
  if (prepared.append) return appendRows(db, prepared.doc, prepared.append, options, progress);
  let plan;
  try {
    plan = await planTalkDocumentLoad(db, parsed.data, options.actorName);
  } catch (error) {
    if (!(error instanceof DocumentRefused)) throw error;
    return refused(format, error.problems.map((p) => splitPathProblem(p, locate)));
  }
  if (plan.status === "exists") return { status: "exists", format, slug: doc.talk.slug, title: doc.talk.title };
  progress({ phase: "checking", done: total, total });
  if (options.mode === "check") return { status: "planned", format, summary: plan.prepared.summary };

  await writeTalkDocumentLoad(db, plan.prepared, {
    onProgress: (p) => progress({ phase: p.phase === "done" ? "writing" : p.phase, done: p.done, total: p.total }),
  });
  // Many records at once: leave the search index compact, as `npm run db:load` does.
  if (options.compact !== false) await compactSearchIndex(db);
  progress({ phase: "done", done: total, total });
  return { status: "created", format, summary: plan.prepared.summary };
}

/** Adds a CSV's new rows to its talk through the write core, all or nothing. */
async function appendRows(
  db: Db,
  doc: TalkDocument,
  append: NonNullable<Prepared["append"]>,
  options: ImportOptions,
  progress: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const total = append.rows.length;
  const plan = await planAppend(db, doc, append.records, append.rows, { id: options.actorId ?? null, name: options.actorName });
  if (plan.problems.length > 0) return refused("csv", sortProblems(plan.problems));
  progress({ phase: "checking", done: total, total });
  const added = { matched: append.matched };
  if (options.mode === "check") return { status: "planned", format: "csv", summary: plan.summary, added };
  progress({ phase: "writing", done: 0, total });
  await commitAppend(db, plan);
  progress({ phase: "done", done: total, total });
  return { status: "created", format: "csv", summary: plan.summary, added };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function readJson(body: string): { format: "json"; doc: TalkDocument } | ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return refused("json", [{ message: `The file starts like JSON but cannot be read as JSON: ${(error as Error).message}.` }]);
  }
  if (!json || typeof json !== "object" || Array.isArray(json) || (json as { format?: unknown }).format !== "parley.talk/v1") {
    return refused("json", [{ path: "format", message: 'is not "parley.talk/v1": this JSON is not a Parley talk document (export one from a talk page: Export → JSON).' }]);
  }
  // The schema checks every field below, with paths; here only that it is a document at all.
  return { format: "json", doc: json as TalkDocument };
}

/** "statements[2].party: names party …" → its path and message (a CSV's path becomes its line and column). */
function splitPathProblem(problem: string, locate?: (path: (string | number)[]) => Pick<ImportProblem, "line" | "column"> | null): ImportProblem {
  const m = /^([\w.[\]]+): (.*)$/s.exec(problem);
  if (!m) return { message: problem };
  const path = m[1]!.split(/[.[\]]+/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const where = locate?.(path);
  return where?.line ? { ...where, message: m[2]! } : { path: m[1], message: m[2]! };
}

/**
 * A document to check: with a CSV, the problems its rows have on their own (their cells replaced
 * by stand-ins so that the schema checks the rest) and how a document path maps to a line.
 */
type Prepared = {
  format: "json" | "csv";
  doc: TalkDocument;
  /** A CSV of a talk Parley has: the rows (indexes into `doc.statements`) it does not hold yet. */
  append?: { records: CsvRecord[]; rows: number[]; matched: number };
  problems?: ImportProblem[];
  locate?: (path: (string | number)[]) => Pick<ImportProblem, "line" | "column"> | null;
};

/** The rows' own problems and the schema's, once per line and column (a stand-in's may repeat one). */
function merged(first: ImportProblem[], second: ImportProblem[]): ImportProblem[] {
  const seen = new Set(first.filter((p) => p.line).map((p) => `${p.line}:${p.column}`));
  return sortProblems([...first, ...second.filter((p) => !p.line || !seen.has(`${p.line}:${p.column}`))]);
}

const sortProblems = (problems: ImportProblem[]) => [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

async function readCsv(db: Db, bytes: Buffer, talkInput: Record<string, unknown> | null, progress: (p: ImportProgress) => void): Promise<Prepared | ImportResult> {
  const read = await readStatementsCsv(bytes, { onProgress: (done, total) => progress({ phase: "reading", done, total }) });
  if (read.problems.length > 0 && read.records.length === 0) return refused("csv", read.problems);
  const slug = read.records[0]?.cells.talk?.trim() ?? "";
  if (!slug) return refused("csv", sortProblems([...read.problems, { line: read.records[0]?.line, column: "talk", message: "is empty; every row names its talk's slug." }]));
  const refs = csvReferences(read.records);
  const known = await knownCatalog(db, refs);
  const existing = await db.talk.findUnique({ where: { slug }, select: { id: true, title: true, venueCity: true, venueTimeZone: true, firstDay: true, lastDay: true, status: true, summary: true, deletedAt: true } });

  if (existing) {
    if (existing.deletedAt) return refused("csv", [{ line: read.records[0]!.line, column: "talk", message: `The talk "${slug}" was deleted in this database; undo its deletion first, or give the rows another talk slug.` }]);
    const talk = { slug, title: existing.title, venueCity: existing.venueCity, venueTimeZone: existing.venueTimeZone, firstDay: existing.firstDay, lastDay: existing.lastDay, status: existing.status, summary: existing.summary };
    const conversion = csvToTalkDocument(read.records, talk, known);
    const problems = [...read.problems, ...conversion.problems];
    if (problems.length > 0) return refused("csv", sortProblems(problems));
    const missing = await rowsNotInTalk(db, existing.id, read.records, conversion.doc);
    if (missing.length === 0) return { status: "exists", format: "csv", slug, title: existing.title };
    // The rows the talk lacks are added through the write core (lib/imports/append.ts).
    return { format: "csv", doc: conversion.doc, locate: (path) => locateDocumentProblem(path, conversion), append: { records: read.records, rows: missing.map((m) => m.index), matched: read.records.length - missing.length } };
  }

  if (!talkInput) {
    const days = [...refs.days].filter(isLocalDay).sort();
    if (read.problems.length > 0) return refused("csv", read.problems);
    return { status: "needs-talk", format: "csv", slug, firstDay: days[0] ?? null, lastDay: days.at(-1) ?? null, statements: read.records.length };
  }
  const talkParsed = ImportTalkInput.safeParse(talkInput);
  if (!talkParsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of talkParsed.error.issues) (fields[String(issue.path[0] ?? "_form")] ??= []).push(issue.message);
    return refused("csv", [{ message: "The talk's details need attention (below)." }], fields);
  }
  const conversion = csvToTalkDocument(read.records, { slug, ...talkParsed.data }, known);
  return { format: "csv", doc: conversion.doc, locate: (path) => locateDocumentProblem(path, conversion), problems: [...read.problems, ...conversion.problems] };
}

/** The stored shared records a CSV names, as a document would give them (so that they match). */
async function knownCatalog(db: Db, refs: ReturnType<typeof csvReferences>): Promise<KnownCatalog> {
  const [parties, envoys, issues, sources] = await Promise.all([
    db.party.findMany({ where: { slug: { in: [...refs.parties] } }, select: { slug: true, name: true, shortName: true, isoCode: true } }),
    db.envoy.findMany({ where: { slug: { in: [...refs.envoys] } }, select: { slug: true, name: true, nameOriginal: true, title: true, party: { select: { slug: true } } } }),
    db.issue.findMany({ where: { slug: { in: [...refs.issues] } }, select: { slug: true, name: true, description: true } }),
    db.source.findMany({ where: { key: { in: [...refs.sources] } }, select: { key: true, publisher: true, title: true, url: true, publishedOn: true } }),
  ]);
  return {
    parties: new Map(parties.map((p) => [p.slug, p])),
    envoys: new Map(envoys.map((e) => [e.slug, { slug: e.slug, name: e.name, nameOriginal: e.nameOriginal, title: e.title, party: e.party.slug, role: "member" as const }])),
    issues: new Map(issues.map((i) => [i.slug, i])),
    sources: new Map(sources.map((s) => [s.key, s])),
  };
}

/**
 * The lines of rows the talk does not hold yet. A row is there when the talk has a live statement
 * with its `statement_id`, or one said on the same day and at the same instant, by the same party
 * and envoy, with the same text.
 */
async function rowsNotInTalk(db: Db, talkId: string, records: CsvRecord[], doc: TalkDocument): Promise<{ index: number; line: number }[]> {
  const stored = await db.statement.findMany({
    where: { talkId, deletedAt: null },
    select: { id: true, saidOn: true, saidAt: true, text: true, party: { select: { slug: true } }, envoy: { select: { slug: true } } },
  });
  const ids = new Set(stored.map((s) => s.id));
  const key = (s: { saidOn: string | null; saidAt: string | null; party: string; envoy: string | null; text: string }) =>
    JSON.stringify([s.saidOn, s.saidAt, s.party, s.envoy, s.text.trim()]);
  const keys = new Set(stored.map((s) => key({ saidOn: s.saidOn, saidAt: s.saidAt?.toISOString() ?? null, party: s.party.slug, envoy: s.envoy?.slug ?? null, text: s.text })));
  const missing: { index: number; line: number }[] = [];
  records.forEach((record, i) => {
    const s = doc.statements[i];
    if (ids.has(record.cells.statement_id?.trim() ?? "")) return;
    if (s && keys.has(key({ saidOn: s.saidOn, saidAt: s.saidAt ? new Date(s.saidAt).toISOString() : null, party: s.party, envoy: s.envoy ?? null, text: s.text }))) return;
    missing.push({ index: i, line: record.line });
  });
  return missing;
}
