// `npm run db:load -- <file.json>…`: loads talk documents (parley.talk/v1) into the database.
// Every problem in a document is listed with where it is, and nothing of that document is written.
import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db";
import { ConfigError } from "../../lib/env";
import { TalkDocumentSchema, describeIssues } from "../../lib/talk-document/schema";
import { DocumentRefused, loadTalkDocument } from "../../lib/talk-document/load";
import { compactSearchIndex } from "../../lib/search/maintenance";

async function main(files: string[]) {
  if (files.length === 0) throw new ConfigError("Name at least one talk document: npm run db:load -- talk.json");
  const db = await createDb();
  let failed = false;
  let loaded = 0;
  try {
    for (const file of files) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        console.error(`${file}: cannot be read as JSON (${(error as Error).message}).`);
        failed = true;
        continue;
      }
      const parsed = TalkDocumentSchema.safeParse(json);
      if (!parsed.success) {
        console.error(`${file} was not loaded:\n${describeIssues(parsed.error).map((p) => `  ${p}`).join("\n")}`);
        failed = true;
        continue;
      }
      let result;
      try {
        result = await loadTalkDocument(db, parsed.data, "import");
      } catch (error) {
        if (!(error instanceof DocumentRefused)) throw error;
        console.error(`${file} was not loaded:\n${error.problems.map((p) => `  ${p}`).join("\n")}`);
        failed = true;
        continue;
      }
      if (result.status === "created") loaded++;
      console.log(result.status === "created" ? `${file}: loaded ${parsed.data.talk.title}.` : `${file}: ${parsed.data.talk.title} is already loaded; left unchanged.`);
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
