import "server-only";
// Reads of a talk kept in memory between requests, for as long as the talk does not change.
//
// What invalidates them is what drives live updates: the Revision table, which every write fills
// in the same transaction as the change itself (docs/decisions/005, 006). A talk's "stamp" is the
// number of revisions filed under it and the number of revisions of shared records (parties,
// envoys, issues, sources), read with the talk on every request. Revisions are only ever added,
// so any committed change, by this process or another app instance on the same database, moves
// the stamp and the next request reads afresh; a change whose transaction stamped its revision
// earlier than another's but committed later moves it too (a newest-revision cursor would not).
//
// Entries are promises, so readers arriving together share one read; a failed read is not kept.
// Bounded: the stamps of at most MAX_TALKS talks, and MAX_ENTRIES reads for each.

const MAX_TALKS = 24;
const MAX_ENTRIES = 160;

type TalkEntries = { stamp: string; entries: Map<string, Promise<unknown>> };

const globalForCache = globalThis as unknown as { parleyTalkCache?: Map<string, TalkEntries> };
const talks = (globalForCache.parleyTalkCache ??= new Map<string, TalkEntries>());

/** The value of `read()` for this talk at this stamp under `key`, read once and then kept. */
export function cachedTalkRead<T>(talkId: string, stamp: string, key: string, read: () => Promise<T>): Promise<T> {
  let talk = talks.get(talkId);
  if (!talk || talk.stamp !== stamp) {
    talk = { stamp, entries: new Map() };
  }
  // Most recently used last, for both maps.
  talks.delete(talkId);
  talks.set(talkId, talk);
  if (talks.size > MAX_TALKS) talks.delete(talks.keys().next().value!);

  const found = talk.entries.get(key) as Promise<T> | undefined;
  if (found) {
    talk.entries.delete(key);
    talk.entries.set(key, found);
    return found;
  }
  const entries = talk.entries;
  const value = read();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  value.catch(() => {
    if (entries.get(key) === value) entries.delete(key);
  });
  return value;
}

/** Forgets everything (tests). */
export function clearTalkCache(): void {
  talks.clear();
}
