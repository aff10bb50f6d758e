// The statements of a talk as CSV, one row per live statement in the talk's order. The columns
// are defined here and nowhere else: the export writes them, docs/statements-csv.md describes them
// (a test checks the two agree), and the CSV import (issue 12) reads the same names.
//
// RFC 4180 (fields with a comma, quote or line break quoted, quotes doubled, CRLF between
// records), UTF-8 with a byte-order mark so that spreadsheet programs read it as UTF-8. Written by
// csv-stringify, whose `escape_formulas` puts an apostrophe before a cell that starts with = + - @,
// a tab or a carriage return (and their full-width forms), as OWASP advises against formula
// injection: a statement's text is whatever a report said, and a spreadsheet must not run it
// (docs/decisions/016-exports.md).
import { stringify } from "csv-stringify/sync";
import type { ExportStatement, TalkExport } from "../talk-document/export";
import { talkDayNumber } from "../time/zone-calendar";
import { citation, exportNames, speakerName, venueReading, type ExportNames } from "./common";

type Row = { s: ExportStatement; x: TalkExport; names: ExportNames; dayNumber: (day: string) => number };

export type StatementCsvColumn = {
  /** The header, in snake_case: what the import will look for. */
  name: string;
  /** One sentence for docs/statements-csv.md. */
  description: string;
  value(row: Row): string;
};

/** Between the values of a list column (issue slugs, source keys): no slug or key holds it. */
export const CSV_LIST_SEPARATOR = "; ";

const list = (values: string[]) => values.join(CSV_LIST_SEPARATOR);
const timed = ({ s, x }: Row) => (s.saidPrecision === "minute" && s.saidAt ? venueReading(s.saidAt, x.talk.venueTimeZone) : null);

export const STATEMENT_CSV_COLUMNS: readonly StatementCsvColumn[] = [
  { name: "statement_id", description: "The statement's id in this Parley database (stable: the same statement keeps it through edits).", value: ({ s }) => s.id },
  { name: "talk", description: "The talk's slug.", value: ({ x }) => x.talk.slug },
  { name: "day", description: "The venue's local day it was said, YYYY-MM-DD; empty when the sources do not give the day.", value: ({ s }) => s.saidOn ?? "" },
  {
    name: "day_number",
    description: "Its day of the talk (1 for the first day, counting only the days the venue's clocks kept); empty when the day is not known.",
    value: ({ s, dayNumber }) => (s.saidOn ? String(dayNumber(s.saidOn)) : ""),
  },
  { name: "time", description: "The venue's clock time, HH:MM, only when it is known to the minute.", value: (r) => timed(r)?.time ?? "" },
  {
    name: "utc_offset",
    description:
      "The venue's offset from UTC at that time, UTC+HH:MM (it says which of two equal clock times was meant on the night the clocks go back; written after \"UTC\" so that no spreadsheet reads it as a sum); empty without a time.",
    value: (r) => {
      const offset = timed(r)?.offset;
      return offset ? `UTC${offset}` : "";
    },
  },
  { name: "precision", description: "How precisely the time is known: unknown (not even the day), day, part_of_day or minute.", value: ({ s }) => s.saidPrecision },
  { name: "part_of_day", description: "morning, afternoon, evening or night, when that is what was reported.", value: ({ s }) => s.partOfDay ?? "" },
  { name: "reported_on", description: "The day it was first reported, as the report dates itself, YYYY-MM-DD.", value: ({ s }) => s.reportedOn ?? "" },
  { name: "session_id", description: "The id of the session it was said in, if any.", value: ({ s, names }) => (s.session ? (names.session.get(s.session)?.id ?? "") : "") },
  { name: "session_title", description: "That session's title.", value: ({ s, names }) => (s.session ? (names.session.get(s.session)?.title ?? "") : "") },
  { name: "speaker", description: "Who said it: the envoy and their party, or the party when it spoke as a whole.", value: ({ s, names }) => speakerName(s, names) },
  { name: "envoy", description: "The envoy's slug; empty when the party spoke as a whole.", value: ({ s }) => s.envoy ?? "" },
  { name: "party", description: "The speaking party's slug.", value: ({ s }) => s.party },
  { name: "party_name", description: "The speaking party's name.", value: ({ s, names }) => names.party.get(s.party)?.name ?? "" },
  {
    name: "capacity",
    description: "In what capacity: head_of_delegation, delegation_member, spokesperson, government or unknown.",
    value: ({ s }) => s.capacity,
  },
  {
    name: "setting",
    description: "Where: session, press_briefing, arrival, departure, state_media, interview, other or unknown.",
    value: ({ s }) => s.setting,
  },
  { name: "kind", description: "direct_quote, paraphrase, position, demand, denial or assessment.", value: ({ s }) => s.kind },
  { name: "issues", description: `The issues it is about, by slug, separated by "${CSV_LIST_SEPARATOR}".`, value: ({ s }) => list(s.issues) },
  { name: "issue_names", description: `The same issues by name, separated by "${CSV_LIST_SEPARATOR}".`, value: ({ s, names }) => list(s.issues.map((i) => names.issue.get(i)?.name ?? i)) },
  { name: "text", description: "What was said, as recorded.", value: ({ s }) => s.text },
  { name: "quoted_words", description: "The speaker's exact words, when the report quotes them (they appear word for word in the text).", value: ({ s }) => s.quotedWords ?? "" },
  { name: "sources", description: `The reports that carry it, by source key, separated by "${CSV_LIST_SEPARATOR}"; empty when it is unsourced.`, value: ({ s }) => list(s.sources) },
  {
    name: "source_citations",
    description: "The same reports as a reader cites them (publisher, “title”, date, address), separated by \" | \".",
    value: ({ s, names }) => s.sources.map((k) => names.source.get(k)).filter((src) => src !== undefined).map(citation).join(" | "),
  },
  { name: "recorded_at", description: "When it was recorded in Parley, an ISO 8601 instant in UTC.", value: ({ s }) => s.createdAt.toISOString() },
  { name: "updated_at", description: "When it was last changed in Parley, an ISO 8601 instant in UTC.", value: ({ s }) => s.updatedAt.toISOString() },
];

const FORMULA_START = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The statements CSV: its columns, how it is written, and how a cell is read back. */
export const statementsCsv = {
  columns: STATEMENT_CSV_COLUMNS,
  names: STATEMENT_CSV_COLUMNS.map((c) => c.name),
  contentType: "text/csv; charset=utf-8; header=present",
  filename: (slug: string) => `${slug}-statements.csv`,

  /** The records, header first, as plain strings (before any escaping). */
  records(x: TalkExport): string[][] {
    const names = exportNames(x);
    // A long talk has many statements on each of its days: each day is numbered once.
    const numbers = new Map<string, number>();
    const dayNumber = (day: string) => {
      let n = numbers.get(day);
      if (n === undefined) numbers.set(day, (n = talkDayNumber(x.talk, day)));
      return n;
    };
    return [STATEMENT_CSV_COLUMNS.map((c) => c.name), ...x.statements.map((s) => STATEMENT_CSV_COLUMNS.map((c) => c.value({ s, x, names, dayNumber })))];
  },

  /** The file: BOM, CRLF, RFC 4180 quoting, formulas defused. */
  write(x: TalkExport): string {
    return stringify(statementsCsv.records(x), { bom: true, record_delimiter: "windows", escape_formulas: true });
  },

  /**
   * A cell as it was before `escape_formulas`: the import's inverse. Only an apostrophe the export
   * added is taken off (one followed by a character that starts a formula).
   */
  readCell(cell: string): string {
    return FORMULA_START.test(cell) ? cell.slice(1) : cell;
  },
};
