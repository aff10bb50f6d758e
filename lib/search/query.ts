// What an analyst types in the search box, read as plain words: words (all of them must match),
// "phrases in quotes" (the words next to each other, in order), and `word*` for every word that
// begins so. Nothing else is syntax: FTS5's and tsquery's operators (NEAR(, AND, OR, NOT, -, ^, :,
// column filters, parentheses) are separators or words like any other, and an unbalanced quote is
// ignored, so no query can fail. The terms are then written for each database with every word
// quoted (lib/search/sql.ts binds them as parameters). See docs/decisions/015-search.md.
import { textWords } from "./tokens";

/** At most this much of the box is read (a pasted page should not cost a page of work). */
export const QUERY_READ_CHARS = 1_000;
/** At most this many words are searched for; more narrow nothing in practice and cost time. */
export const QUERY_MAX_WORDS = 16;
/** A longer word is left out: no word in the index is that long in practice, and PostgreSQL refuses lexemes over 2,046 bytes. */
export const WORD_MAX_CHARS = 100;

export type QueryWord = { word: string; prefix: boolean };
/** One word, or a phrase: several words that must stand next to each other in this order. */
export type QueryTerm = { words: QueryWord[] };

export type ParsedQuery = {
  terms: QueryTerm[];
  /** What was left out of the query, as sentences for the page. */
  notes: string[];
};

/** Quotes that open or close a phrase: straight and typographic. */
const QUOTE = /["“”„]/;

export function parseQuery(input: string): ParsedQuery {
  const notes: string[] = [];
  let text = input;
  if (text.length > QUERY_READ_CHARS) {
    text = text.slice(0, QUERY_READ_CHARS);
    notes.push(`Only the first ${QUERY_READ_CHARS.toLocaleString("en-GB")} characters were read.`);
  }
  // Split at quote marks: pieces at odd places are inside a pair of quotes; a last quote without
  // its pair opens nothing, and what follows it is read as plain words.
  const pieces = text.split(QUOTE);
  const unpaired = pieces.length % 2 === 0;
  const terms: QueryTerm[] = [];
  let tooLong = 0;
  let count = 0;
  let dropped = false;
  const seen = new Set<string>();
  pieces.forEach((piece, i) => {
    const phrase = i % 2 === 1 && !(unpaired && i === pieces.length - 1);
    const words: QueryWord[] = [];
    for (const w of textWords(piece)) {
      if (w.end - w.start > WORD_MAX_CHARS) {
        tooLong++;
        continue;
      }
      words.push({ word: w.word, prefix: piece[w.end] === "*" });
    }
    const groups = phrase ? [words] : words.map((w) => [w]);
    for (const group of groups) {
      if (group.length === 0) continue;
      const key = group.map((w) => `${w.word}${w.prefix ? "*" : ""}`).join(" ");
      if (seen.has(key)) continue;
      if (count + group.length > QUERY_MAX_WORDS) {
        dropped = true;
        continue;
      }
      seen.add(key);
      count += group.length;
      terms.push({ words: group });
    }
  });
  if (unpaired) notes.push("A quote mark without its pair was ignored.");
  if (tooLong > 0) notes.push(`${tooLong === 1 ? "A word" : `${tooLong} words`} longer than ${WORD_MAX_CHARS} characters ${tooLong === 1 ? "was" : "were"} left out.`);
  if (dropped) notes.push(`Only the first ${QUERY_MAX_WORDS} words were searched for.`);
  return { terms, notes };
}

/**
 * An FTS5 MATCH expression: every word a quoted string (so NEAR, AND, OR, NOT are only words),
 * `"w" *` for a prefix, `"a" + "b"` for a phrase, terms joined by AND.
 */
export function toFts5(terms: QueryTerm[]): string {
  return terms
    .map((t) => t.words.map((w) => `"${w.word}"${w.prefix ? " *" : ""}`).join(" + "))
    .join(" AND ");
}

/** A tsquery: `'w'`, `'w':*` for a prefix, `'a' <-> 'b'` for a phrase, terms joined by &. */
export function toTsquery(terms: QueryTerm[]): string {
  return terms
    .map((t) => {
      const phrase = t.words.map((w) => `'${w.word}'${w.prefix ? ":*" : ""}`).join(" <-> ");
      return t.words.length > 1 ? `(${phrase})` : phrase;
    })
    .join(" & ");
}

/** The query as the page repeats it: phrases in quotes, prefixes with their star. */
export function describeTerms(terms: QueryTerm[]): string {
  return terms
    .map((t) => {
      const words = t.words.map((w) => `${w.word}${w.prefix ? "*" : ""}`).join(" ");
      return t.words.length > 1 ? `“${words}”` : words;
    })
    .join(" ");
}
