// `npm run db:seed`: loads the talks shipped under prisma/seed/. Idempotent: a talk whose slug
// is already in the database is left as it is (editors may have worked on it since).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db";
import { ConfigError } from "../../lib/env";
import { TalkDocumentSchema, describeIssues } from "../../lib/talk-document/schema";
import { DocumentRefused, loadTalkDocument } from "../../lib/talk-document/load";
import { compactSearchIndex } from "../../lib/search/maintenance";
import { ROOT } from "./providers";

export const SEED_DIR = path.join(ROOT, "prisma/seed");

async function main() {
  const db = await createDb();
  let loaded = 0;
  try {
    for (const name of readdirSync(SEED_DIR).filter((f) => f.endsWith(".json")).sort()) {
      const parsed = TalkDocumentSchema.safeParse(JSON.parse(readFileSync(path.join(SEED_DIR, name), "utf8")));
      if (!parsed.success) {
        throw new ConfigError(`Seed file prisma/seed/${name} is invalid: ${describeIssues(parsed.error).join("; ")}.`);
      }
      const result = await loadTalkDocument(db, parsed.data, "seed").catch((error: unknown) => {
        if (error instanceof DocumentRefused) throw new ConfigError(`Seed file prisma/seed/${name} does not agree with this database:\n${error.problems.join("\n")}`);
        throw error;
      });
      if (result.status === "created") loaded++;
      console.log(
        result.status === "created"
          ? `Loaded ${parsed.data.talk.title}.`
          : `${parsed.data.talk.title} is already loaded; left unchanged (npm run db:reset reloads it).`,
      );
    }
    // Leave the search index compact after loading (lib/search/maintenance.ts).
    if (loaded > 0) await compactSearchIndex(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
