// The statements CSV read back (docs/decisions/021-import.md): csv-parse reads the file (RFC 4180,
// quoted line breaks, the BOM), each record keeps the physical line it starts on, and the rows
// become a `parley.talk/v1` document of one talk, which the loader then checks like any other.
// Pure: what the database already holds (shared records, the talk's details) is given by the caller.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { statementsCsv, CSV_LIST_SEPARATOR } from "../exports/statements-csv";
import { CapacitySchema, PartOfDaySchema, SettingSchema, StatementKindSchema, TALK_DOCUMENT_FORMAT, TimePrecisionSchema, type TalkDocument } from "../talk-document/schema";
import { isLocalDay } from "../time/local-day";

/** One problem with a file, for people: where (line and column, or a document path) and what. */
export type ImportProblem = { line?: number; column?: string; path?: string; message: string };

/** A record of the file: the line it starts on (the header is line 1) and its cells by column. */
export type CsvRecord = { line: number; cells: Record<string, string> };

/** Columns a row cannot do without. */
export const CSV_REQUIRED_COLUMNS = ["talk", "party", "kind", "text"] as const;
/** Columns a row needs only when it names a party, envoy, issue or source Parley does not have yet. */
export const CSV_NEW_RECORD_COLUMNS = ["party_name", "speaker", "issue_names", "source_citations"] as const;
/** Columns the export writes that an import does not read: Parley decides them itself. */
export const CSV_IGNORED_COLUMNS = ["day_number", "recorded_at", "updated_at"] as const;

const KNOWN = new Set(statementsCsv.names);

/** Reads the file into records with their line numbers; the header's problems stop the reading. */
export async function readStatementsCsv(
  input: Buffer | string,
  options: { onProgress?: (bytesRead: number, bytesTotal: number) => void } = {},
): Promise<{ records: CsvRecord[]; problems: ImportProblem[] }> {
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const problems: ImportProblem[] = [];
  if (bytes.length === 0 || bytes.toString("utf8").replace(/^\uFEFF/, "").trim() === "") {
    return { records: [], problems: [{ message: "The file is empty." }] };
  }
  // A record's first line: count the line breaks before the byte where it starts. csv-parse tells
  // where each record ends (info.bytes); its own line count treats a CRLF inside quotes as two.
  const lines = lineCounter(bytes);
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true });
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 1 << 20) chunks.push(bytes.subarray(at, at + (1 << 20)));
  Readable.from(chunks).pipe(parser);

  let header: string[] | null = null;
  let previousEnd = 0;
  const records: CsvRecord[] = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const line = lines.startOf(previousEnd);
      previousEnd = info.bytes;
      if (!header) {
        header = record.map((h) => h.trim());
        const missing = CSV_REQUIRED_COLUMNS.filter((c) => !header!.includes(c));
        const unknown = header.filter((h) => h !== "" && !KNOWN.has(h));
        if (missing.length > 0) {
          problems.push({
            line,
            message: `The header has no ${missing.map((c) => `"${c}"`).join(", ")} column${missing.length > 1 ? "s" : ""}: this is not a statements CSV (the columns are listed on this page and in the template).`,
          });
        }
        for (const name of unknown) problems.push({ line, column: name, message: `Parley does not know the column "${name}"; see the list of columns.` });
        const twice = header.filter((h, i) => h !== "" && header!.indexOf(h) !== i);
        for (const name of new Set(twice)) problems.push({ line, column: name, message: `The column "${name}" appears twice.` });
        if (problems.length > 0) return { records: [], problems };
        continue;
      }
      if (record.length !== header.length) {
        problems.push({ line, message: `This record has ${record.length} field${record.length === 1 ? "" : "s"} but the header has ${header.length}.` });
        continue;
      }
      const cells: Record<string, string> = {};
      header.forEach((name, i) => {
        if (name) cells[name] = statementsCsv.readCell(record[i] ?? "");
      });
      records.push({ line, cells });
      options.onProgress?.(info.bytes, bytes.length);
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number; code?: string };
    // The stream's own refusals (an unclosed quote, a quote inside an unquoted field) name a line.
    return { records: [], problems: [...problems, { line: e.lines, message: `The file cannot be read as CSV: ${csvErrorMessage(e)}` }] };
  }
  if (!header) return { records: [], problems: [{ message: "The file is empty." }] };
  if (records.length === 0 && problems.length === 0) problems.push({ line: 2, message: "The file has a header but no statements." });
  return { records, problems };
}

function csvErrorMessage(e: { message?: string; code?: string }): string {
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted field is never closed (a double quote is missing).";
  if (e.code === "CSV_INVALID_CLOSING_QUOTE" || e.code === "INVALID_OPENING_QUOTE") return "a double quote inside a field that is not quoted as a whole; quote the field and double the quote.";
  return (e.message ?? "unreadable").replace(/^Invalid \w+: /, "");
}

/** The line (from 1) on which the byte at `offset` lies, for offsets asked in increasing order. */
function lineCounter(bytes: Buffer) {
  let at = 0;
  let line = 1;
  return {
    startOf(offset: number): number {
      for (; at < offset && at < bytes.length; at++) if (bytes[at] === 0x0a) line++;
      // Empty lines skipped before a record belong before it.
      let probe = at;
      let extra = 0;
      while (probe < bytes.length && (bytes[probe] === 0x0a || (bytes[probe] === 0x0d && bytes[probe + 1] === 0x0a))) {
        if (bytes[probe] === 0x0a) extra++;
        probe++;
      }
      return line + extra;
    },
  };
}

/** The talk's own details, which a CSV does not carry: asked for on the page when the talk is new. */
export type ImportTalkDetails = Omit<TalkDocument["talk"], "slug">;

/** Stored shared records the rows name, with their details as the database holds them. */
export type KnownCatalog = {
  parties: Map<string, TalkDocument["parties"][number]>;
  envoys: Map<string, TalkDocument["envoys"][number]>;
  issues: Map<string, TalkDocument["issues"][number]>;
  sources: Map<string, TalkDocument["sources"][number]>;
};
export const emptyCatalog = (): KnownCatalog => ({ parties: new Map(), envoys: new Map(), issues: new Map(), sources: new Map() });

/** What the CSV names, before the database is asked: the talk's slug and the shared records' slugs and keys. */
export function csvReferences(records: CsvRecord[]) {
  const set = () => new Set<string>();
  const refs = { talks: set(), parties: set(), envoys: set(), issues: set(), sources: set(), days: set() };
  for (const { cells } of records) {
    if (cells.talk) refs.talks.add(cells.talk.trim());
    if (cells.party) refs.parties.add(cells.party.trim());
    if (cells.envoy) refs.envoys.add(cells.envoy.trim());
    splitList(cells.issues).forEach((x) => refs.issues.add(x));
    splitList(cells.sources).forEach((x) => refs.sources.add(x));
    if (cells.day) refs.days.add(cells.day.trim());
  }
  return refs;
}

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split(CSV_LIST_SEPARATOR.trim())
    .map((v) => v.trim())
    .filter(Boolean);

const CITATION_SEPARATOR = " | ";
const CITATION = /^(.*?), “(.*)”(?:, (\d{4}-\d{2}-\d{2}))?(?:, (https?:\/\/\S+))?$/s;

/** "Publisher, “Title”, 2006-02-07, https://…" (lib/exports/common.ts `citation`) read back. */
export function parseCitation(text: string): { publisher: string; title: string; publishedOn: string | null; url: string | null } | null {
  const m = CITATION.exec(text.trim());
  if (!m) return null;
  return { publisher: m[1]!, title: m[2]!, publishedOn: m[3] ?? null, url: m[4] ?? null };
}

/** "Kunio Umeda (Japan)" → the envoy's name and the party's short name. */
export function parseSpeaker(text: string): { name: string; party: string | null } {
  const m = /^(.*\S) \(([^()]+)\)$/.exec(text.trim());
  return m ? { name: m[1]!, party: m[2]! } : { name: text.trim(), party: null };
}

/** Which CSV column a statement field of the document came from, to point at the cell at fault. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  ref: "statement_id",
  session: "session_title",
  party: "party",
  envoy: "envoy",
  capacity: "capacity",
  saidOn: "day",
  saidAt: "time",
  saidPrecision: "precision",
  partOfDay: "part_of_day",
  reportedOn: "reported_on",
  setting: "setting",
  kind: "kind",
  text: "text",
  quotedWords: "quoted_words",
  issues: "issues",
  sources: "sources",
};

/** A converted CSV: the document, and for each statement, session and shared record the line it came from. */
export type CsvConversion = {
  doc: TalkDocument;
  problems: ImportProblem[];
  /** Line of each statement in `doc.statements`. */
  statementLines: number[];
  /** First line naming each session, party, envoy, issue and source, by its index in the document. */
  firstLines: { sessions: number[]; parties: number[]; envoys: number[]; issues: number[]; sources: number[] };
};

/**
 * The rows as a talk document: parties from `party`/`party_name` (and the short name in `speaker`),
 * envoys from `envoy`/`speaker`, issues from `issues`/`issue_names`, sources from
 * `sources`/`source_citations`, sessions from `session_id`/`session_title`/`day`. A shared record
 * the database holds is taken as stored (`known`); a new one needs its details in the row.
 * Problems a row has on its own (a bad time, a missing name) are reported here with its line; the
 * rest (references, time rules) by the document's schema, mapped back to lines by the caller.
 */
export function csvToTalkDocument(records: CsvRecord[], talk: TalkDocument["talk"], known: KnownCatalog = emptyCatalog()): CsvConversion {
  const problems: ImportProblem[] = [];
  const problem = (line: number, column: string, message: string) => problems.push({ line, column, message });
  const parties = new Map<string, { doc: TalkDocument["parties"][number]; line: number }>();
  const envoys = new Map<string, { doc: TalkDocument["envoys"][number]; line: number }>();
  const issues = new Map<string, { doc: TalkDocument["issues"][number]; line: number }>();
  const sources = new Map<string, { doc: TalkDocument["sources"][number]; line: number }>();
  const sessions = new Map<string, { doc: TalkDocument["sessions"][number]; line: number }>();
  const statements: TalkDocument["statements"] = [];
  const statementLines: number[] = [];
  const shortNames = new Map<string, string>();
  const heads = new Set<string>();

  for (const { line, cells } of records) {
    const cell = (name: string) => (cells[name] ?? "").trim();
    const slug = cell("talk");
    if (slug !== talk.slug) {
      problem(line, "talk", slug ? `names the talk "${slug}", but this file's first row names "${talk.slug}": a CSV holds one talk.` : "is empty; every row names its talk's slug.");
      continue;
    }
    const party = cell("party");
    const envoy = cell("envoy");
    const speaker = parseSpeaker(cell("speaker"));
    if (party && !parties.has(party)) {
      const stored = known.parties.get(party);
      const name = cell("party_name");
      if (stored) parties.set(party, { doc: stored, line });
      else if (!name) problem(line, "party_name", `is empty, and the party "${party}" is not in this database: give its name.`);
      else parties.set(party, { doc: { slug: party, name, shortName: name.slice(0, 60) }, line });
    }
    if (party && envoy && speaker.party) shortNames.set(party, speaker.party);
    if (envoy && !envoys.has(envoy)) {
      const stored = known.envoys.get(envoy);
      if (stored) envoys.set(envoy, { doc: stored, line });
      else if (!speaker.name) problem(line, "speaker", `is empty, and the envoy "${envoy}" is not in this database: give their name, e.g. "Kunio Umeda (Japan)".`);
      else envoys.set(envoy, { doc: { slug: envoy, name: speaker.name, nameOriginal: null, title: null, party, role: "member" }, line });
    }
    if (envoy && cell("capacity") === "head_of_delegation") heads.add(envoy);

    const issueSlugs = splitList(cells.issues);
    const issueNames = splitList(cells.issue_names);
    issueSlugs.forEach((slug, i) => {
      if (issues.has(slug)) return;
      const stored = known.issues.get(slug);
      if (stored) issues.set(slug, { doc: stored, line });
      else if (!issueNames[i] || issueNames.length !== issueSlugs.length) problem(line, "issue_names", `has no name for the issue "${slug}", which is not in this database (one name per slug, in the same order).`);
      else issues.set(slug, { doc: { slug, name: issueNames[i] }, line });
    });
    const sourceKeys = splitList(cells.sources);
    const citations = cell("source_citations") ? cell("source_citations").split(CITATION_SEPARATOR) : [];
    sourceKeys.forEach((key, i) => {
      if (sources.has(key)) return;
      const stored = known.sources.get(key);
      if (stored) return void sources.set(key, { doc: stored, line });
      const cited = citations.length === sourceKeys.length ? parseCitation(citations[i]!) : null;
      if (!cited) problem(line, "source_citations", `has no citation Parley can read for the source "${key}", which is not in this database: write it as Publisher, “Title”, YYYY-MM-DD, https://… (one per key, separated by " | ").`);
      else sources.set(key, { doc: { key, ...cited }, line });
    });

    // A session is found by its id in the file, or else by its title and day.
    const title = cell("session_title");
    let session: string | null = null;
    if (title || cell("session_id")) {
      const key = cell("session_id") || `${cell("day")}\u0000${title}`;
      let entry = sessions.get(key);
      if (!entry) {
        if (!title) {
          problem(line, "session_title", "is empty: a session needs its title.");
        } else {
          entry = { doc: { ref: `session-${sessions.size + 1}`, localDay: cell("day") || null, kind: null, title, summary: "", outcome: "unknown", issues: [], sources: [] }, line };
          sessions.set(key, entry);
        }
      }
      session = entry?.doc.ref ?? null;
    }

    const day = cell("day") || null;
    const time = cell("time");
    const precision = cell("precision") || (time ? "minute" : day ? "day" : "unknown");
    let saidAt: string | null = null;
    if (time) {
      const at = venueInstant(day, time, cell("utc_offset"));
      if (typeof at === "string") saidAt = at;
      else problem(line, at.column, at.message);
    }
    // A cell the row gets wrong on its own is reported here and replaced by a stand-in, so that
    // the document's schema still checks everything else (it stops at the first wrong field).
    const choose = <T extends string>(column: string, options: readonly T[], value: string, fallback: T, what: string): T => {
      if ((options as readonly string[]).includes(value)) return value as T;
      problem(line, column, value ? `"${value}" is not ${what}: use ${options.join(", ")}.` : `is empty: use ${options.join(", ")}.`);
      return fallback;
    };
    const dayCell = (column: string): string | null => {
      const value = cell(column);
      if (value === "" || isLocalDay(value)) return value || null;
      problem(line, column, `"${value}" is not a calendar day written YYYY-MM-DD.`);
      return null;
    };
    const text = (cells.text ?? "").trim();
    if (!text) problem(line, "text", "is empty: a statement needs its text.");
    if (!party) problem(line, "party", "is empty: give the speaking party's slug.");
    statements.push({
      ref: `line-${line}`,
      session,
      party,
      envoy: envoy || null,
      capacity: choose("capacity", CapacitySchema.options, cell("capacity") || "unknown", "unknown", "a capacity"),
      saidOn: day === null ? null : dayCell("day"),
      saidAt,
      saidPrecision: choose("precision", TimePrecisionSchema.options, precision, day ? "day" : "unknown", "a precision"),
      partOfDay: cell("part_of_day") ? choose("part_of_day", PartOfDaySchema.options, cell("part_of_day"), "morning", "a part of the day") : null,
      reportedOn: dayCell("reported_on"),
      setting: choose("setting", SettingSchema.options, cell("setting") || "unknown", "unknown", "a setting"),
      kind: choose("kind", StatementKindSchema.options, cell("kind"), "position", "a kind of statement"),
      text: text || "-",
      quotedWords: cell("quoted_words") || null,
      issues: issueSlugs,
      sources: sourceKeys,
    });
    statementLines.push(line);
  }

  for (const [slug, entry] of parties) {
    const short = shortNames.get(slug);
    if (short && !known.parties.has(slug)) entry.doc = { ...entry.doc, shortName: short };
  }
  for (const [slug, entry] of envoys) if (heads.has(slug) && !known.envoys.has(slug)) entry.doc = { ...entry.doc, role: "head" };
  const doc: TalkDocument = {
    format: TALK_DOCUMENT_FORMAT,
    talk,
    parties: [...parties.values()].map((e) => e.doc),
    envoys: [...envoys.values()].map((e) => e.doc),
    issues: [...issues.values()].map((e) => e.doc),
    sources: [...sources.values()].map((e) => e.doc),
    sessions: [...sessions.values()].map((e) => e.doc),
    statements,
    assessments: [],
    linkages: [],
  };
  const lineList = (m: Map<string, { line: number }>) => [...m.values()].map((e) => e.line);
  return {
    doc,
    problems,
    statementLines,
    firstLines: { sessions: lineList(sessions), parties: lineList(parties), envoys: lineList(envoys), issues: lineList(issues), sources: lineList(sources) },
  };
}

/** The instant of a venue clock time: the day, "HH:MM", and the offset the row gives ("UTC+08:00"). */
export function venueInstant(day: string | null, time: string, offset: string): string | { column: string; message: string } {
  if (!day) return { column: "time", message: "is given without a day; give the day, or leave the time empty." };
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return { column: "time", message: `"${time}" is not a clock time written HH:MM (24-hour).` };
  const o = /^UTC([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(offset);
  if (!o) return { column: "utc_offset", message: offset ? `"${offset}" is not an offset written UTC+HH:MM.` : "is empty: a time needs its offset from UTC, e.g. UTC+08:00." };
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!d) return { column: "day", message: `"${day}" is not a day written YYYY-MM-DD.` };
  const offsetMs = (o[1] === "-" ? -1 : 1) * ((Number(o[2]) * 60 + Number(o[3])) * 60 + Number(o[4] ?? 0)) * 1000;
  const local = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(local)) return { column: "day", message: `"${day}" is not a calendar day.` };
  return new Date(local - offsetMs).toISOString();
}

/** The document path of a schema problem as the CSV's line and column. */
export function locateDocumentProblem(path: (string | number)[], conversion: CsvConversion): Pick<ImportProblem, "line" | "column"> | null {
  const [list, index, field] = path;
  if (typeof index !== "number") return null;
  if (list === "statements") return { line: conversion.statementLines[index], column: COLUMN_OF_FIELD[String(field)] ?? String(field ?? "") };
  const lines = conversion.firstLines[list as keyof CsvConversion["firstLines"]];
  if (!lines) return null;
  const column = { sessions: field === "localDay" ? "day" : "session_title", parties: field === "shortName" ? "speaker" : "party_name", envoys: field === "party" ? "party" : "speaker", issues: "issue_names", sources: "source_citations" }[list as keyof CsvConversion["firstLines"]];
  return { line: lines[index], column };
}
