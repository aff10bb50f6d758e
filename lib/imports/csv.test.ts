import { describe, expect, it } from "vitest";
import { statementsCsv } from "../exports/statements-csv";
import { TalkDocumentSchema } from "../talk-document/schema";
import { csvToTalkDocument, locateDocumentProblem, parseCitation, parseSpeaker, readStatementsCsv, venueInstant } from "./csv";

const HEADER = statementsCsv.names.join(",");
/** A row in the export's columns; `cells` overrides by column name. */
function row(cells: Record<string, string>): string {
  const base: Record<string, string> = {
    talk: "geneva-test",
    day: "2024-03-05",
    precision: "day",
    speaker: "Ana Envoy (Ruritania)",
    envoy: "ana-envoy",
    party: "ruritania",
    party_name: "Kingdom of Ruritania",
    capacity: "head_of_delegation",
    setting: "session",
    kind: "position",
    text: "We are ready.",
  };
  const all = { ...base, ...cells };
  return statementsCsv.names.map((n) => csvCell(all[n] ?? "")).join(",");
}
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const TALK = { slug: "geneva-test", title: "Test round", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2024-03-04", lastDay: "2024-03-08", status: "ongoing" as const, summary: "" };

describe("readStatementsCsv", () => {
  it("gives each record the line it starts on, counting a quoted line break and skipping a BOM", async () => {
    const file = `\uFEFF${HEADER}\r\n${row({ text: "First line\r\nsecond line" })}\r\n${row({})}\r\n\r\n${row({ text: "after a blank line" })}\r\n`;
    const { records, problems } = await readStatementsCsv(file);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 4, 6]);
    expect(records[0]!.cells.text).toBe("First line\r\nsecond line");
    expect(records[0]!.cells.statement_id).toBe("");
  });

  it("undoes the export's formula defusing", async () => {
    const { records } = await readStatementsCsv(`${HEADER}\n${row({ text: "'=1+2 was said" })}\n`);
    expect(records[0]!.cells.text).toBe("=1+2 was said");
  });

  it("refuses a file that is not a statements CSV, naming the missing columns", async () => {
    const { problems } = await readStatementsCsv("name,age\nAda,36\n");
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatchObject({ line: 1 });
    expect(problems[0]!.message).toMatch(/"talk", "party", "kind", "text" columns/);
  });

  it("refuses an empty file and a record with too many fields, by line", async () => {
    expect((await readStatementsCsv("")).problems[0]!.message).toBe("The file is empty.");
    const { problems } = await readStatementsCsv(`${HEADER}\n${row({})}\n${row({})},extra\n`);
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/has 27 fields but the header has 26/) as unknown }]);
  });

  it("reports an unclosed quote instead of throwing", async () => {
    const { problems, records } = await readStatementsCsv(`${HEADER}\n${row({})}\n${row({}).replace("We are ready.", '"We are ready.')}\n`);
    expect(records).toEqual([]);
    expect(problems[0]!.message).toMatch(/quoted field is never closed/);
  });
});

describe("csvToTalkDocument", () => {
  it("reports each bad row with its line and column, also after a quoted line break", async () => {
    const file = [
      `\uFEFF${HEADER}`,
      row({ text: "Two\nlines" }), // lines 2–3
      row({ time: "25:00", precision: "minute", utc_offset: "UTC+01:00" }), // line 4
      row({ kind: "rumour" }), // line 5
      row({ party: "freedonia", party_name: "", envoy: "", speaker: "Freedonia" }), // line 6
      row({ day: "2024-03-09" }), // line 7: after the talk's last day
    ].join("\r\n");
    const { records, problems } = await readStatementsCsv(file);
    expect(problems).toEqual([]);
    const conversion = csvToTalkDocument(records, TALK);
    expect(conversion.problems).toEqual([
      { line: 4, column: "time", message: expect.stringMatching(/not a clock time/) as unknown },
      { line: 5, column: "kind", message: expect.stringMatching(/"rumour" is not a kind of statement/) as unknown },
      { line: 6, column: "party_name", message: expect.stringMatching(/freedonia.*not in this database/) as unknown },
    ]);
    // What a row cannot tell on its own (the talk's days, references) the document's schema
    // finds, named back to the line; the bad cells above were replaced so that it checks the rest.
    const parsed = TalkDocumentSchema.safeParse(conversion.doc);
    expect(parsed.success).toBe(false);
    const located = parsed.error!.issues.map((i) => ({ ...locateDocumentProblem(i.path as (string | number)[], conversion), message: i.message }));
    expect(located).toContainEqual({ line: 7, column: "day", message: expect.stringMatching(/outside the talk/) as unknown });
    expect(located).toContainEqual({ line: 6, column: "party", message: expect.stringMatching(/names party "freedonia"/) as unknown });
  });

  it("builds parties, envoys, issues, sources and sessions from the rows", async () => {
    const { records } = await readStatementsCsv(
      [
        HEADER,
        row({ session_id: "s1", session_title: "Opening plenary", issues: "borders; water", issue_names: "Borders; Water rights", sources: "wire-1", source_citations: "Wire, Inc., “Talks open”, 2024-03-05, https://example.org/a" }),
        row({ session_id: "s1", session_title: "Opening plenary", time: "10:30", precision: "minute", utc_offset: "UTC+01:00", sources: "wire-1" }),
      ].join("\n"),
    );
    const { doc, problems } = csvToTalkDocument(records, TALK);
    expect(problems).toEqual([]);
    expect(doc.parties).toEqual([{ slug: "ruritania", name: "Kingdom of Ruritania", shortName: "Ruritania" }]);
    expect(doc.envoys).toEqual([{ slug: "ana-envoy", name: "Ana Envoy", nameOriginal: null, title: null, party: "ruritania", role: "head" }]);
    expect(doc.issues.map((i) => i.name)).toEqual(["Borders", "Water rights"]);
    expect(doc.sources).toEqual([{ key: "wire-1", publisher: "Wire, Inc.", title: "Talks open", publishedOn: "2024-03-05", url: "https://example.org/a" }]);
    expect(doc.sessions).toHaveLength(1);
    expect(doc.statements.map((s) => s.session)).toEqual(["session-1", "session-1"]);
    expect(doc.statements[1]!.saidAt).toBe("2024-03-05T09:30:00.000Z");
    expect(TalkDocumentSchema.safeParse(doc).success).toBe(true);
  });
});

describe("the cells' own formats", () => {
  it("reads citations, speakers and venue times as the export writes them", () => {
    expect(parseCitation("News report, “A “quoted” title”, 2006-02-07")).toEqual({ publisher: "News report", title: "A “quoted” title", publishedOn: "2006-02-07", url: null });
    expect(parseCitation("no title here")).toBeNull();
    expect(parseSpeaker("Song Il Ho (DPRK)")).toEqual({ name: "Song Il Ho", party: "DPRK" });
    expect(venueInstant("1971-06-01", "12:00", "UTC-00:44:30")).toBe("1971-06-01T12:44:30.000Z");
    expect(venueInstant("2024-03-05", "10:30", "")).toMatchObject({ column: "utc_offset" });
  });
});
