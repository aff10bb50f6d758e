// `npm run db:load -- <file>… [--talk details.json]`: loads talk documents (parley.talk/v1, .json)
// and statements CSVs into the database — the command-line twin of the /import page, through the
// same code (lib/imports/run.ts). A CSV of a talk the database does not have needs the talk's own
// details: `--talk` names a JSON file holding them (title, venueCity, venueTimeZone, firstDay,
// lastDay, status, summary). Every problem in a file is listed with where it is, and nothing of
// that file is written.
import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db";
import { ConfigError } from "../../lib/env";
import { runImport, type ImportProblem } from "../../lib/imports/run";
import { compactSearchIndex } from "../../lib/search/maintenance";

const where = (p: ImportProblem) => (p.line ? `line ${p.line}${p.column ? `, column ${p.column}` : ""}: ` : p.path ? `${p.path}: ` : "");

function readDetails(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read as JSON (${(error as Error).message}).`);
  }
  throw new ConfigError(`${file}: must hold one JSON object of the talk's details.`);
}

async function main(args: string[]) {
  const at = args.indexOf("--talk");
  const talk = at >= 0 ? readDetails(args[at + 1] ?? "") : null;
  const files = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  if (files.length === 0) throw new ConfigError("Name at least one file: npm run db:load -- talk.json, or npm run db:load -- statements.csv --talk talk-details.json");
  const db = await createDb();
  let failed = false;
  let loaded = 0;
  try {
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        console.error(`${file}: cannot be read (${(error as Error).message}).`);
        failed = true;
        continue;
      }
      const result = await runImport(db, { bytes, talk }, { mode: "import", actorName: "import", compact: false });
      switch (result.status) {
        case "refused":
          console.error(`${file} was not loaded:\n${result.problems.map((p) => `  ${where(p)}${p.message}`).join("\n")}`);
          for (const [field, messages] of Object.entries(result.talkFields ?? {})) console.error(`  --talk ${field}: ${messages.join(" ")}`);
          failed = true;
          break;
        case "needs-talk":
          console.error(`${file} was not loaded: the talk "${result.slug}" is not in this database; give its details with --talk details.json (see README.md).`);
          failed = true;
          break;
        case "exists":
          console.log(`${file}: ${result.title} is already loaded; left unchanged.`);
          break;
        case "created":
        case "planned":
          loaded++;
          console.log(`${file}: loaded ${result.summary.talk.title} (${result.summary.statements} statements).`);
      }
    }
    // Many records at once: leave the search index compact (lib/search/maintenance.ts).
    if (loaded > 0) await compactSearchIndex(db);
  } finally {
    await db.$disconnect();
  }
  if (failed) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
