import type { Metadata } from "next";
import { ImportForm } from "@/components/editing/import-form";
import { requireEditorPage } from "@/lib/data/editing";
import { STATEMENT_CSV_COLUMNS } from "@/lib/exports/statements-csv";
import { CSV_IGNORED_COLUMNS, CSV_NEW_RECORD_COLUMNS, CSV_REQUIRED_COLUMNS } from "@/lib/imports/csv";
import { IMPORT_FILE_LIMIT } from "@/lib/imports/run";

export const metadata: Metadata = { title: "Import a talk" };
export const dynamic = "force-dynamic";

const use = (name: string) =>
  (CSV_REQUIRED_COLUMNS as readonly string[]).includes(name)
    ? "Required"
    : (CSV_IGNORED_COLUMNS as readonly string[]).includes(name)
      ? "Ignored"
      : (CSV_NEW_RECORD_COLUMNS as readonly string[]).includes(name)
        ? "Needed for a new one"
        : "Optional";

export default async function ImportPage() {
  await requireEditorPage("/import");
  return (
    <div className="edit-page">
      <h1>Import a talk</h1>
      <p className="muted">
        From a talk document (JSON, as a talk page’s Export → JSON writes it) or a statements CSV (as Export → CSV writes it, or a spreadsheet kept in the same
        columns: <a href="/import/template.csv">download the template</a>). Parley first checks the file and shows what it would create; nothing is saved until
        you import, and then everything is saved or nothing.
      </p>
      <ImportForm maxBytes={IMPORT_FILE_LIMIT} />

      <h2 className="section-heading">How a CSV is read</h2>
      <ul className="muted">
        <li>One file is one talk: every row names the same talk in <code>talk</code>. If Parley does not have the talk yet, you give its details here and it is created with the rows.</li>
        <li>
          If Parley has the talk, rows it already holds (the same <code>statement_id</code>, or the same day, time, party, envoy and text) are matched and skipped: importing
          the same file again changes nothing. The other rows are added to the talk, each checked as the statement form checks it: their party must take part in the
          talk, their envoy, issues, sources and session must be in Parley already.
        </li>
        <li>
          Parties, envoys, issues and sources are shared by all talks and found by slug or key. One Parley has needs only its slug; a new one takes its name from{" "}
          <code>party_name</code>, <code>speaker</code> (“Name (Party)”), <code>issue_names</code> and <code>source_citations</code> (Publisher, “Title”, YYYY-MM-DD, address).
        </li>
        <li>Sessions are made from <code>session_id</code> (or, without one, the title and day) and <code>session_title</code>, on the row’s day.</li>
        <li>
          A time needs its day and offset (<code>UTC+08:00</code>). An empty <code>precision</code> is <code>minute</code> with a time, else <code>day</code> with a day, else{" "}
          <code>unknown</code>. A cell starting with an apostrophe before <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> is read without it (the export adds it).
        </li>
        <li>
          The file: UTF-8 (a byte-order mark is fine), comma-separated, a header row, fields with commas, quotes or line breaks in double quotes. At most{" "}
          {IMPORT_FILE_LIMIT / 1024 / 1024} MB. Problems are reported by line in the file (the header is line 1) and column.
        </li>
      </ul>
      <div className="table-scroll">
        <table className="diff-table import-columns">
          <caption>The columns (docs/statements-csv.md)</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">On import</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {STATEMENT_CSV_COLUMNS.map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{use(c.name)}</td>
                <td>{c.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        From the command line: <code>npm run db:load -- talk.json</code>; a CSV of a new talk needs its details, see README.md.
      </p>
    </div>
  );
}
