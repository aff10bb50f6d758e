// Writes one Prisma schema per provider from prisma/schema.base.prisma.
// Run by `npm run db:schemas`, and before generate/migrate so the files never go stale.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, renderSchema, schemaPath, ROOT } from "./providers";

const base = readFileSync(path.join(ROOT, "prisma/schema.base.prisma"), "utf8");
for (const provider of PROVIDERS) {
  const file = schemaPath(provider);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderSchema(base, provider));
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
