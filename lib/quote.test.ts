import { describe, expect, it } from "vitest";
import { splitQuote } from "./quote";

describe("splitQuote", () => {
  it("sets the exact words apart and drops the quote marks around them", () => {
    expect(splitQuote('there is still a "huge difference" of opinion', "huge difference")).toEqual({
      before: "there is still a ",
      quote: "huge difference",
      after: " of opinion",
    });
  });

  it("keeps a full stop that sat inside the closing mark", () => {
    expect(splitQuote('That is "very regrettable."', "very regrettable")).toEqual({
      before: "That is ",
      quote: "very regrettable",
      after: ".",
    });
  });

  it("leaves text alone when the words are not in it", () => {
    expect(splitQuote("No quote here.", "huge difference")).toEqual({ before: "No quote here.", quote: null, after: "" });
    expect(splitQuote("No quote here.", null).quote).toBeNull();
  });
});
