// A source's key is its stable name in imports and exports (lib/talk-document). Sources added in
// a form get one made from their title and a random suffix, so two reports with the same
// headline stay apart.
import { randomBytes } from "node:crypto";

export function sourceKey(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${base || "source"}-${randomBytes(3).toString("hex")}`;
}
