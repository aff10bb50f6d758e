import { statementsCsv } from "@/lib/exports/statements-csv";
import { fromRows, talkExportResponse } from "@/lib/exports/respond";

// /talks/<slug>/statements.csv: the talk's statements, one row each (columns: docs/statements-csv.md).
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return talkExportResponse(request, slug, "csv", fromRows((rows) => ({
    body: statementsCsv.write(rows),
    contentType: statementsCsv.contentType,
    filename: statementsCsv.filename(rows.talk.slug),
    disposition: "attachment",
  })));
}
