// RFC 5545's text rules as the calendar export applies them: escaping, and folding at 75 octets
// without cutting a character in two (CJK is 3 octets a character in UTF-8, emoji 4).
import { describe, expect, it } from "vitest";
import { escapeText, foldLine } from "./sessions-ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("calendar text", () => {
  it("escapes backslashes, semicolons, commas and line breaks, and drops other control characters", () => {
    expect(escapeText("a\\b;c,d\r\ne\rf\ng\u0007h\ti")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
  });

  it("folds long lines at 75 octets or fewer, whole characters only, and unfolds to the same line", () => {
    for (const line of [`SUMMARY:${"x".repeat(200)}`, `SUMMARY:${"北京会谈".repeat(30)}`, `DESCRIPTION:${"🇯🇵🇰🇵 é".repeat(40)}`, `SUMMARY:${"a".repeat(74)}北`]) {
      const folded = foldLine(line);
      const parts = folded.split("\r\n");
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
      for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
      expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
      expect(folded).not.toContain("\uFFFD");
    }
    expect(foldLine(`SUMMARY:${"y".repeat(67)}`)).toBe(`SUMMARY:${"y".repeat(67)}`);
  });
});
