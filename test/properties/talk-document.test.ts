// Property tests over the talk document's schema (parley.talk/v1, issue 9): any JSON value, and
// valid documents with one part replaced by something hostile, are answered by safeParse without
// a throw, and every refusal reads as a line naming where the problem is.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TalkDocumentSchema, describeIssues } from "../../lib/talk-document/schema";
import { hostileValue } from "../support/hostile";

/** A valid document, as an import would send it. */
export const VALID_DOCUMENT = {
  format: "parley.talk/v1",
  talk: { slug: "test-round", title: "Test round", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded", summary: "" },
  parties: [
    { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
    { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "BOR" },
  ],
  envoys: [{ slug: "ann-envoy", name: "Ann Envoy", party: "aurelia", role: "head" }],
  issues: [{ slug: "water-rights", name: "Water rights" }],
  sources: [{ key: "wire-1", publisher: "Wire", title: "Talks open", url: "https://example.org/1", publishedOn: "2026-03-02" }],
  sessions: [{ ref: "plenary-1", localDay: "2026-03-02", startsAt: "2026-03-02T09:30:00+01:00", endsAt: "2026-03-02T12:00:00+01:00", kind: "plenary", title: "Plenary", issues: ["water-rights"], sources: ["wire-1"] }],
  statements: [
    { ref: "st-1", session: "plenary-1", party: "aurelia", envoy: "ann-envoy", saidOn: "2026-03-02", saidPrecision: "day", kind: "position", text: "A huge gap remains.", quotedWords: "huge gap", issues: ["water-rights"], sources: ["wire-1"] },
  ],
  assessments: [{ issue: "water-rights", localDay: "2026-03-02", gap: "unchanged", author: "Analyst" }],
  linkages: [{ party: "aurelia", issue: "water-rights", conditionIssue: "water-rights", text: "Only with a treaty.", statedOn: "2026-03-02", statement: "st-1" }],
};

type Json = unknown;

/** Every path into a JSON value, objects and arrays alike. */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

/** A deep copy of `doc` with the value at `path` replaced (or the key removed when `remove`). */
function replaced(doc: Json, path: (string | number)[], value: unknown, remove: boolean): Json {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (remove && !Array.isArray(parent)) delete parent[last];
  // Defined as an own property, so "__proto__" would be a key like any other.
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const PATHS = pathsOf(VALID_DOCUMENT);

/** The valid document with one to three of its parts replaced by hostile values, or removed. */
export const mutatedDocument = fc
  .array(fc.tuple(fc.constantFrom(...PATHS), hostileValue, fc.boolean()), { minLength: 1, maxLength: 3 })
  .map((changes) => changes.reduce<Json>((doc, [path, value, remove]) => {
    try {
      return replaced(doc, path, value, remove);
    } catch {
      return doc; // an earlier change removed the path's parent
    }
  }, VALID_DOCUMENT));

function expectAnswered(input: unknown) {
  const result = TalkDocumentSchema.safeParse(input);
  if (result.success) return;
  const lines = describeIssues(result.error);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line.trim().length).toBeGreaterThan(0);
}

describe("the talk document's schema", () => {
  it("accepts the valid document the mutations start from", () => {
    expect(TalkDocumentSchema.safeParse(VALID_DOCUMENT).success).toBe(true);
  });

  it("refuses a talk whose first or last day is not a calendar day with a line naming it (it threw a RangeError)", () => {
    for (const talk of [{ firstDay: "x".repeat(300) }, { lastDay: "2026-13-45" }, { firstDay: "2026-02-30", lastDay: null }]) {
      const result = TalkDocumentSchema.safeParse({ ...VALID_DOCUMENT, talk: { ...VALID_DOCUMENT.talk, ...talk } });
      expect(result.success).toBe(false);
      expect(describeIssues(result.error!)).toContainEqual(expect.stringMatching(/^talk\.(first|last)Day: must be a calendar day/));
    }
  });

  it("answers any JSON value without throwing", () => {
    fc.assert(fc.property(fc.jsonValue(), expectAnswered), { numRuns: 300 });
  });

  it("answers a valid document with parts replaced by hostile values or removed, without throwing, each problem a line", () => {
    fc.assert(fc.property(mutatedDocument, expectAnswered), { numRuns: 500 });
  });

  it("answers documents with long lists and huge strings", () => {
    const many = fc.integer({ min: 0, max: 2_000 }).map((n) => ({ ...VALID_DOCUMENT, issues: Array.from({ length: n }, (_, i) => ({ slug: `issue-${i % 1_500}`, name: "x".repeat(i % 5_000) })) }));
    fc.assert(fc.property(many, expectAnswered), { numRuns: 20 });
  });
});
