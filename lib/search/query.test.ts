import { describe, expect, it } from "vitest";
import { describeTerms, parseQuery, QUERY_MAX_WORDS, toFts5, toTsquery } from "./query";
import { foldWord, textWords } from "./tokens";

const words = (q: string) => parseQuery(q).terms.map((t) => t.words.map((w) => `${w.word}${w.prefix ? "*" : ""}`).join(" "));

describe("words as the index cuts and folds them", () => {
  it("folds case and accents as FTS5 does, and stems nothing", () => {
    expect(textWords("Éclair Normalisation NORMALIZATION Łódź Straße talks").map((w) => w.word)).toEqual([
      "eclair",
      "normalisation",
      "normalization",
      "łodz",
      "straße",
      "talks",
    ]);
    expect(foldWord("José")).toBe("jose");
  });

  it("cuts at anything but letters, digits and marks, and keeps where each word stands", () => {
    const text = "Song Il-ho: “huge difference”, 1.5e3 — <b>x</b>";
    expect(textWords(text).map((w) => [w.word, text.slice(w.start, w.end)])).toEqual([
      ["song", "Song"],
      ["il", "Il"],
      ["ho", "ho"],
      ["huge", "huge"],
      ["difference", "difference"],
      ["1", "1"],
      ["5e3", "5e3"],
      ["b", "b"],
      ["x", "x"],
      ["b", "b"],
    ]);
  });

  it("drops combining accents inside a word, as FTS5 does (e + U+0301 is e)", () => {
    expect(textWords("cafe\u0301 e\u0301cole").map((w) => w.word)).toEqual(["cafe", "ecole"]);
  });
});

describe("a query", () => {
  it("is words, all of which must match", () => {
    expect(words("Song Il Ho")).toEqual(["song", "il", "ho"]);
  });

  it("reads a phrase in straight or typographic quotes", () => {
    expect(words('"huge difference" regrettable')).toEqual(["huge difference", "regrettable"]);
    expect(words("“Huge Difference”")).toEqual(["huge difference"]);
  });

  it("reads word* as every word beginning so, in a phrase too", () => {
    expect(words("normaliz* abduct")).toEqual(["normaliz*", "abduct"]);
    expect(words('"huge diff*"')).toEqual(["huge diff*"]);
  });

  it("reads an unbalanced quote as nothing, and says so", () => {
    const q = parseQuery('"huge difference');
    expect(words('"huge difference')).toEqual(["huge", "difference"]);
    expect(q.notes).toContain("A quote mark without its pair was ignored.");
    expect(words('a "b c" "d e')).toEqual(["a", "b c", "d", "e"]);
  });

  it("reads FTS and tsquery syntax as plain words or nothing", () => {
    expect(words('NEAR(huge difference, 2) AND talks OR -abduction NOT ^title:foo {body}: bar')).toEqual([
      "near",
      "huge",
      "difference",
      "2",
      "and",
      "talks",
      "or",
      "abduction",
      "not",
      "title",
      "foo",
      "body",
      "bar",
    ]);
    expect(words("*")).toEqual([]);
    expect(words("-")).toEqual([]);
    expect(words(":")).toEqual([]);
    expect(words("^")).toEqual([]);
    expect(words("'a' & !b | c <-> d:*")).toEqual(["a", "b", "c", "d"]);
    expect(words("")).toEqual([]);
    expect(words("\u0000\u0001\u001f\u007f \uD800")).toEqual([]);
  });

  it("reads at most the first words of a very long query, and says so", () => {
    const q = parseQuery("word ".repeat(2_000));
    expect(q.terms).toEqual([{ words: [{ word: "word", prefix: false }] }]);
    const many = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
    expect(many.terms).toHaveLength(QUERY_MAX_WORDS);
    expect(many.notes.join(" ")).toMatch(/first 1,000 characters|first 16 words/);
    expect(parseQuery("x".repeat(10_000)).notes).toEqual(["Only the first 1,000 characters were read.", "A word longer than 100 characters was left out."]);
  });

  it("asks each database the same thing, every word quoted", () => {
    const { terms } = parseQuery('"huge difference" normaliz* NEAR');
    expect(toFts5(terms)).toBe('"huge" + "difference" AND "normaliz" * AND "near"');
    expect(toTsquery(terms)).toBe("('huge' <-> 'difference') & 'normaliz':* & 'near'");
    expect(describeTerms(terms)).toBe("“huge difference” normaliz* near");
  });
});
