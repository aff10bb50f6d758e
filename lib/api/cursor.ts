// Opaque page cursors: the sort key of the last item a page held, so the next page starts just
// after it wherever it now is (an item added or deleted meanwhile neither repeats nor skips one
// that stayed put). Written as base64url JSON with the list's name, so a cursor of one list is
// refused by another. Pure.
import { z } from "zod";

export type CursorKey = (string | number | null)[];

const KeySchema = z.array(z.union([z.string().max(200), z.number().finite(), z.null()])).min(1).max(6);

export function encodeCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), "utf8").toString("base64url");
}

/** The key a cursor of `list` holds, or null when it is not one this API gave out for that list. */
export function decodeCursor(list: string, cursor: string): CursorKey | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = KeySchema.safeParse(value);
  if (!parsed.success || parsed.data[0] !== list) return null;
  return parsed.data.slice(1);
}

/** Orders two keys item by item: null first, then numbers, then strings by code unit (as the database compares text). */
export function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The page of `items` (sorted by `keyOf`) that follows `after`, and whether more follow it. */
export function pageAfter<T>(items: readonly T[], keyOf: (item: T) => CursorKey, after: CursorKey | null, limit: number): { items: T[]; more: boolean } {
  let lo = 0;
  if (after) {
    // The first item whose key is greater than the cursor's.
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(keyOf(items[mid]!), after) <= 0) lo = mid + 1;
      else hi = mid;
    }
  }
  return { items: items.slice(lo, lo + limit), more: lo + limit < items.length };
}
