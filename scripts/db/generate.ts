// Writes the per-provider schemas and generates both Prisma clients, offline.
// `prisma generate` only checks that PRISMA_SCHEMA_ENGINE_BINARY names a file (it never runs it
// for generate); our stub explains, if anyone runs it, that migrations use our own commands.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { PROVIDERS, ROOT, schemaPath } from "./providers";

execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts/db/schemas.ts")], { stdio: "inherit" });
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(ROOT, "scripts/db/prisma-engine-stub.sh"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const provider of PROVIDERS) {
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", schemaPath(provider)],
    { stdio: "inherit", env, cwd: ROOT },
  );
}
