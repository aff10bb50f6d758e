import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { WordDiff } from "@/components/editing/word-diff";
import { sharesWords, wordDiff } from "./word-diff";

const render = (before: string, after: string, show?: "both" | "before" | "after") => renderToStaticMarkup(createElement(WordDiff, { before, after, show }));

describe("wordDiff", () => {
  it("keeps unchanged words and marks the word replaced", () => {
    expect(wordDiff("The talks resumd on Tuesday.", "The talks resumed on Tuesday.")).toEqual([
      { kind: "same", text: "The talks " },
      { kind: "deleted", text: "resumd" },
      { kind: "inserted", text: "resumed" },
      { kind: "same", text: " on Tuesday." },
    ]);
  });

  it("says when two texts share no words", () => {
    expect(sharesWords(wordDiff("Paraphrase", "Quote"))).toBe(false);
    expect(sharesWords(wordDiff("a b", "a c"))).toBe(true);
    expect(sharesWords(wordDiff("a b", "c b"))).toBe(true);
  });
});

describe("WordDiff", () => {
  it("marks inserted and deleted words with ins and del, and leaves the rest as text", () => {
    const html = render("Japan will not normalise relations.", "Japan will never normalise relations with Pyongyang.");
    expect(html).toContain("<del>not</del><ins>never</ins>");
    expect(html).toContain("<ins> with Pyongyang</ins>");
    expect(html).toContain("<span>Japan will </span>");
    // Unchanged words are never marked.
    expect(html).not.toMatch(/<(ins|del)>[^<]*Japan/);
  });

  it("shows only deletions on the old side and only insertions on the new side", () => {
    const before = render("a quick fox", "a slow fox", "before");
    const after = render("a quick fox", "a slow fox", "after");
    expect(before).toContain("quick");
    expect(before).not.toContain("slow");
    expect(before).not.toContain("<ins>");
    expect(after).toContain("slow");
    expect(after).not.toContain("quick");
    expect(after).not.toContain("<del>");
  });

  it("escapes text that looks like HTML instead of rendering it", () => {
    const html = render("He said <b>no</b>.", 'He said <img src=x onerror="alert(1)">.');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("He said &lt;");
    expect(html).toContain("img src=x onerror=&quot;alert(1)&quot;");
    expect(html).toContain("no&lt;/b&gt;");
  });

  it("shows an unchanged text without any marks", () => {
    const html = render("No change here.", "No change here.");
    expect(html).toBe("<span class=\"word-diff\"><span>No change here.</span></span>");
  });
});
