import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

export const schemaPath = (p: Provider) => path.join(ROOT, "prisma", p, "schema.prisma");
export const migrationsDir = (p: Provider) => path.join(ROOT, "prisma", p, "migrations");

const ONLY = /\/\/\s*@only\s+(sqlite|postgresql)\s*$/;

/** The provider's schema: placeholders filled, lines marked for the other provider dropped. */
export function renderSchema(base: string, provider: Provider): string {
  const header = "// GENERATED from prisma/schema.base.prisma by `npm run db:schemas`. Do not edit.\n";
  const lines = base.split("\n").flatMap((line) => {
    const only = ONLY.exec(line);
    if (!only) return [line];
    return only[1] === provider ? [line.replace(ONLY, "").trimEnd()] : [];
  });
  return (
    header +
    lines
      .join("\n")
      .replace("__PROVIDER__", provider)
      .replace("__OUTPUT__", `../../lib/generated/${provider}`)
  );
}
