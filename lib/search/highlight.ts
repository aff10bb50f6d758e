// The words of a text that a query matched, as segments the page wraps in <mark> (React escapes
// every segment: no text is ever written as HTML). Matching uses the same words as the index
// (lib/search/tokens.ts), so what is marked is what the database found: a word, a word beginning
// with a prefix, or a phrase's words side by side (marked as one run, the space between included).
import type { QueryTerm, QueryWord } from "./query";
import { textWords, type TextWord } from "./tokens";

export type Segment = { text: string; mark: boolean };

const matches = (w: TextWord, q: QueryWord) => (q.prefix ? w.word.startsWith(q.word) : w.word === q.word);

/** The [start, end) spans of `text` the terms match, in order, overlapping ones merged. */
export function matchedSpans(text: string, terms: QueryTerm[]): [number, number][] {
  const words = textWords(text);
  const spans: [number, number][] = [];
  for (const term of terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      if (term.words.every((q, k) => matches(words[i + k]!, q))) spans.push([words[i]!.start, words[i + n - 1]!.end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** The whole text in segments, the matched words marked. */
export function highlight(text: string, terms: QueryTerm[]): Segment[] {
  return segmentsOf(text, matchedSpans(text, terms), 0, text.length);
}

/**
 * A text cut to about `chars` characters around its first match (the start when nothing matched),
 * at word boundaries, with "…" where it was cut; short texts whole.
 */
export function excerpt(text: string, terms: QueryTerm[], chars = 320): Segment[] {
  const spans = matchedSpans(text, terms);
  if (text.length <= chars) return segmentsOf(text, spans, 0, text.length);
  const words = textWords(text);
  const first = spans[0]?.[0] ?? 0;
  // Some words of context before the first match, then as much as fits after it.
  let from = Math.max(0, first - Math.floor(chars / 4));
  from = from === 0 ? 0 : (words.find((w) => w.start >= from)?.start ?? first);
  if (from > first) from = first;
  let to = Math.min(text.length, from + chars);
  if (to < text.length) to = [...words].reverse().find((w) => w.end <= to && w.end > from)?.end ?? to;
  const segments = segmentsOf(text, spans, from, to);
  if (from > 0) segments.unshift({ text: "…", mark: false });
  if (to < text.length) segments.push({ text: "…", mark: false });
  return segments;
}

function segmentsOf(text: string, spans: [number, number][], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const [start, end] of spans) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) segments.push({ text: text.slice(at, s), mark: false });
    segments.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false });
  return segments;
}
