// A linkage in words (decision 024): "Japan: no Normalization of relations until Abductions of
// Japanese nationals is settled" — the issue held back first, the condition after "until", so the
// direction reads one way only (arrows "⟵ conditional on ⟶" read both ways). Pure: the talk
// page links each part, the editing pages and labels use the plain text.

/** The sentence's parts in order, the party's and issues' names as given (text or links). */
export function linkageParts<T>({ party, issue, condition }: { party: T; issue: T; condition: T }): (T | string)[] {
  return [party, ": no ", issue, " until ", condition, " is settled"];
}

/** The sentence as plain text. */
export function linkageSentence(party: string, issue: string, condition: string): string {
  return linkageParts({ party, issue, condition }).join("");
}
