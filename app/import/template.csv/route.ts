import { importTemplateCsv } from "@/lib/imports/template";
import { statementsCsv } from "@/lib/exports/statements-csv";

// /import/template.csv: the statements CSV's header and one example row, to fill in and import.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(importTemplateCsv(), {
    headers: { "content-type": statementsCsv.contentType, "content-disposition": 'attachment; filename="parley-statements-template.csv"' },
  });
}
