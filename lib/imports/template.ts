// The file /import/template.csv offers: the statements CSV's columns and one example row, written
// as the export writes (BOM, CRLF, formulas defused), so that a filled-in copy imports as it is.
import { stringify } from "csv-stringify/sync";
import { statementsCsv } from "../exports/statements-csv";

export const TEMPLATE_EXAMPLE: Record<string, string> = {
  statement_id: "",
  talk: "example-talks-geneva-2026",
  day: "2026-03-02",
  day_number: "",
  time: "10:30",
  utc_offset: "UTC+01:00",
  precision: "minute",
  part_of_day: "",
  reported_on: "2026-03-02",
  session_id: "s1",
  session_title: "Opening plenary",
  speaker: "Ana Example (Ruritania)",
  envoy: "ana-example",
  party: "ruritania",
  party_name: "Kingdom of Ruritania",
  capacity: "head_of_delegation",
  setting: "session",
  kind: "position",
  issues: "border-crossings",
  issue_names: "Border crossings",
  text: "Ruritania is ready to reopen two crossings if the monitors stay.",
  quoted_words: "",
  sources: "example-wire-2026-03-02",
  source_citations: "Example Wire, “Talks open in Geneva”, 2026-03-02, https://example.org/talks-open",
  recorded_at: "",
  updated_at: "",
};

export function importTemplateCsv(): string {
  return stringify([statementsCsv.names, statementsCsv.names.map((n) => TEMPLATE_EXAMPLE[n] ?? "")], { bom: true, record_delimiter: "windows", escape_formulas: true });
}
