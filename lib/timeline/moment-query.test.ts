import { describe, expect, it } from "vitest";
import { asOfOnly } from "./moment-query";

describe("asOfOnly", () => {
  it("keeps the moment known as of, and nothing else of the query", () => {
    expect(asOfOnly("?party=japan&asOf=2006-02-06T18%3A00&since=2006-02-05")).toBe("?asOf=2006-02-06T18%3A00");
    expect(asOfOnly("?asOf=2006-02-06")).toBe("?asOf=2006-02-06");
  });

  it("gives nothing when the query holds no moment known as of", () => {
    expect(asOfOnly("")).toBe("");
    expect(asOfOnly("?party=japan&since=2006-02-05")).toBe("");
    expect(asOfOnly("?asOf=")).toBe("");
  });
});
