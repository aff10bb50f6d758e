// Two versions of a text as words kept, deleted and inserted, for a history's inline diff. The
// diffing is jsdiff's (diffWordsWithSpace: whitespace counts as a token, so a changed line break
// or double space shows too); this only names the parts.
import { diffWordsWithSpace } from "diff";

export type WordPart = { kind: "same" | "deleted" | "inserted"; text: string };

export function wordDiff(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? "inserted" : c.removed ? "deleted" : "same", text: c.value }));
}

/** Whether the two texts share any words: if not, an inline diff is noise and old → new says it better. */
export function sharesWords(parts: WordPart[]): boolean {
  return parts.some((p) => p.kind === "same" && p.text.trim() !== "");
}
