// A position in a talk's stream of revisions: the revision's instant and id. Revisions are read
// in (at, id) order; the id breaks ties between rows written in the same millisecond. The text
// form is what the event stream sends as each event's `id:`, so the browser hands it back as
// Last-Event-ID when it reconnects (docs/decisions/006-live-updates-and-headers.md).

export type Cursor = { at: number; id: string };

const TEXT = /^([0-9a-z]{1,11})-([A-Za-z0-9_-]{1,64})$/;

/** "mh0x2k3a-cmwzkf95c000cfv7dio10vihk": milliseconds in base 36, a hyphen, the revision id. */
export function formatCursor(cursor: Cursor): string {
  return `${cursor.at.toString(36)}-${cursor.id}`;
}

/** The cursor a client sent back, or null when it is missing or not one of ours. */
export function parseCursor(text: string | null | undefined): Cursor | null {
  const m = text ? TEXT.exec(text.trim()) : null;
  if (!m) return null;
  const at = parseInt(m[1]!, 36);
  return Number.isSafeInteger(at) ? { at, id: m[2]! } : null;
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function cursorOf(row: { at: Date; id: string }): Cursor {
  return { at: row.at.getTime(), id: row.id };
}
