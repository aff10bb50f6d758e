// Words as search sees them: cut and folded exactly as SQLite's FTS5 tokenizer "unicode61
// remove_diacritics 2" cuts and folds them (and PostgreSQL's parley_search_words, written from the
// same table): anything but a letter, digit or mark separates words; case and accents are folded
// ("Éclair" → "eclair"); nothing is stemmed. Queries are cut with it, and matched words are marked
// with it, so a page marks the words the database matched. See docs/decisions/015-search.md.
import { DROPPED, FOLD_PAIRS, SEPARATOR_RANGES } from "./unicode61";

const u = (c: number) => `\\u{${c.toString(16)}}`;
const ranges: string[] = [];
for (let i = 0; i < SEPARATOR_RANGES.length; i += 2) {
  const [a, b] = [SEPARATOR_RANGES[i]!, SEPARATOR_RANGES[i + 1]!];
  ranges.push(a === b ? u(a) : `${u(a)}-${u(b)}`);
}
// Also NUL and lone surrogates, which a JavaScript string may hold and neither database can (a
// driver writes a lone surrogate as U+FFFD, a separator; PostgreSQL refuses NUL).
ranges.push(u(0), `${u(0xd800)}-${u(0xdfff)}`);
/** One or more separators. */
const SEPARATORS = new RegExp(`[${ranges.join("")}]+`, "gu");

const FOLD = new Map<number, string>();
for (let i = 0; i < FOLD_PAIRS.length; i += 2) FOLD.set(FOLD_PAIRS[i]!, String.fromCodePoint(FOLD_PAIRS[i + 1]!));
for (const c of DROPPED) FOLD.set(c, "");

/** A word of a text: folded, and where it stands in the text (UTF-16 offsets, end exclusive). */
export type TextWord = { word: string; start: number; end: number };

/** A word's characters folded as FTS5 folds them (the word holds no separator). */
export function foldWord(raw: string): string {
  let out = "";
  for (const ch of raw) out += FOLD.get(ch.codePointAt(0)!) ?? ch;
  return out;
}

/** The words of a text in order; a run of dropped marks alone is no word (FTS5 skips it too). */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  let start = 0;
  const push = (end: number) => {
    if (end > start) {
      const word = foldWord(text.slice(start, end));
      if (word) words.push({ word, start, end });
    }
  };
  for (const m of text.matchAll(SEPARATORS)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(text.length);
  return words;
}
