// The part of a page's query that a link to another kind of page keeps
// (docs/decisions/026-as-known-on-days-and-issues.md): an issue page takes the moment a view is
// known as of (`?asOf=`), but neither the talk's filters nor "what changed since".

/** "?asOf=…" when the query ("" or "?…") holds a moment known as of, else "". */
export function asOfOnly(query: string): string {
  const asOf = new URLSearchParams(query).get("asOf");
  return asOf ? `?${new URLSearchParams({ asOf })}` : "";
}
