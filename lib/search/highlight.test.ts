import { describe, expect, it } from "vitest";
import { excerpt, highlight, type Segment } from "./highlight";
import { parseQuery } from "./query";

/** Segments written with [brackets] around the marked ones. */
const show = (segments: Segment[]) => segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");
const mark = (text: string, q: string) => show(highlight(text, parseQuery(q).terms));

describe("highlighting", () => {
  it("marks each matched word, whatever its case and accents", () => {
    expect(mark("Japan and North Korea: the Japanese side", "japan")).toBe("[Japan] and North Korea: the Japanese side");
    expect(mark("Talks in Zürich, ZURICH and zurich", "Zurich")).toBe("Talks in [Zürich], [ZURICH] and [zurich]");
  });

  it("marks a phrase's words side by side as one run, and not the words apart", () => {
    expect(mark('there is still a "huge difference" of opinion; a huge gap, a difference', '"huge difference"')).toBe(
      'there is still a "[huge difference]" of opinion; a huge gap, a difference',
    );
  });

  it("marks every word a prefix begins", () => {
    expect(mark("normalization, normalisation and normal relations", "normali*")).toBe("[normalization], [normalisation] and normal relations");
  });

  it("leaves every character of the text as it was: markup in the text is text", () => {
    const text = 'Hostile <script>window.__xss=1</script> <img src=x onerror="x">';
    const segments = highlight(text, parseQuery("script img").terms);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(show(segments)).toBe('Hostile <[script]>window.__xss=1</[script]> <[img] src=x onerror="x">');
  });

  it("cuts a long text around its first match, at word boundaries", () => {
    const text = `${"Opening words of the summary. ".repeat(20)}Here the envoy spoke of a huge difference between the sides. ${"Closing words. ".repeat(30)}`;
    const cut = excerpt(text, parseQuery('"huge difference"').terms, 160);
    const shown = show(cut);
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown).toContain("[huge difference]");
    expect(shown.length).toBeLessThan(200);
    expect(show(excerpt("Short text.", parseQuery("text").terms))).toBe("Short [text].");
    // Nothing matched in this field: its start.
    expect(show(excerpt(text, parseQuery("absent").terms, 40)).startsWith("Opening words")).toBe(true);
  });
});
