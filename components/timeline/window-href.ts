/** The talk page from a window of days on: its path, the filters ("" or "?…"), `from`, and the day to scroll to. */
export function windowHref(talkPath: string, query: string, from: string): string {
  const q = new URLSearchParams(query);
  q.set("from", from);
  return `${talkPath}?${q}#day-${from}`;
}
