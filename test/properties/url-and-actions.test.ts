// Property tests over what a URL or a form post can carry (issue 9). The talk page's query
// (filters, `?from=`), the live stream's cursor and the day-window: never a throw, an unknown
// value ignored. And every form's schema through the real action wrapper (lib/actions/safe-action.ts)
// with arbitrary FormData: a refusal `{ ok: false, message, fieldErrors }`, never a throw, and the
// handler not run.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "../../lib/auth/roles";
import { INVALID_INPUT_MESSAGE, createActionWrappers } from "../../lib/actions/safe-action";
import { parseCursor } from "../../lib/live/cursor";
import { FILTER_KEYS, filtersToQuery, parseFilters, parseFrom } from "../../lib/timeline/filters";
import { UNDATED_DAY, windowAt } from "../../lib/timeline/window";
import { isLocalDay } from "../../lib/time/local-day";
import { FORMS } from "../support/form-models";
import { hostileValue, oddString, trickyKey } from "../support/hostile";

/** A query as Next.js hands a page its searchParams: each name once (a string) or repeated (an array). */
const queryValue = fc.oneof(oddString, fc.array(oddString, { minLength: 2, maxLength: 3 }), fc.constantFrom("2006-02-04", "unknown", "9999-12-31", "0001-01-01", "jpn", "all", " "));
const query = fc.dictionary(fc.oneof(fc.constantFrom(...FILTER_KEYS, "from", "before", "since"), trickyKey, fc.string({ maxLength: 6 })), queryValue, { maxKeys: 8 });

describe("the talk page's query", () => {
  it("parses filters and ?from= without throwing; only known keys, non-empty trimmed strings, and a from that is a day or unknown", () => {
    fc.assert(
      fc.property(query, (q) => {
        const filters = parseFilters(q);
        for (const [key, value] of Object.entries(filters)) {
          expect((FILTER_KEYS as readonly string[]).includes(key)).toBe(true);
          expect(typeof value === "string" && value.length > 0 && value === value.trim()).toBe(true);
        }
        // The canonical query round-trips: what the page redirects to parses to the same filters
        // (a lone surrogate, which no URL can carry, comes back as U+FFFD).
        const encodable = Object.values(filters).every((v) => !/[\uD800-\uDFFF]/.test(v.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));
        if (encodable) expect(parseFilters(Object.fromEntries(new URLSearchParams(filtersToQuery(filters))))).toEqual(filters);
        const from = parseFrom(q);
        expect(from === null || from === UNDATED_DAY || isLocalDay(from)).toBe(true);
        // The page compares the query as given with its canonical form; that must not throw either.
        void `?${new URLSearchParams(q as Record<string, string>)}`;
      }),
      { numRuns: 500 },
    );
  });

  it("places a window of days at any ?from= without throwing", () => {
    const days = fc.uniqueArray(fc.constantFrom("2006-02-04", "2006-02-05", "2006-02-08", "2007-01-01", UNDATED_DAY), { maxLength: 5 }).map((ds) => ds.sort().map((day) => ({ day, items: 3 })));
    fc.assert(
      fc.property(days, fc.oneof(fc.constant(null), fc.constantFrom("0100-01-01", "9999-12-31", "2006-02-06", UNDATED_DAY), oddString), (ds, from) => {
        windowAt(ds, parseFrom({ from: from ?? undefined }));
      }),
      { numRuns: 300 },
    );
  });

  it("reads a live stream's cursor (?since=, Last-Event-ID) without throwing; anything not ours is null", () => {
    fc.assert(
      fc.property(fc.oneof(oddString, fc.constantFrom("zzzzzzzzzzz-x", "mh0x2k3a-cmw", "0-a", `1-${"a".repeat(65)}`)), (text) => {
        const cursor = parseCursor(text);
        if (cursor) expect(Number.isSafeInteger(cursor.at) && cursor.id.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

const editor: CurrentUser = { id: "u-editor", name: "An editor", email: "editor@example.org", role: "editor" };
const { adminAction } = createActionWrappers({ loadUser: () => Promise.resolve({ ...editor, role: "admin" }) });

/** FormData with any names (React's own $ACTION fields too) and string or file values, names repeated at times. */
const formData = (fields: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...fields), fc.constantFrom(...fields).map((f) => `${f}[]`), trickyKey, fc.constantFrom("$ACTION_ID_1", "$ACTION_REF_1"), fc.string({ maxLength: 6 })), fc.oneof({ weight: 6, arbitrary: fc.oneof(oddString, fc.constantFrom("x".repeat(5_001))) }, { weight: 1, arbitrary: fc.constant("file") })), { maxLength: 12 })
    .map((entries) => {
      const form = new FormData();
      for (const [name, value] of entries) {
        if (value === "file") form.append(name, new Blob(["%PDF"], { type: "application/pdf" }), "x.pdf");
        else form.append(name, value);
      }
      return form;
    });

describe.each(FORMS)("$name through the action wrapper", ({ schema, model }) => {
  it("answers arbitrary FormData or a plain object with a result, never a throw; a refusal carries the message and field errors, and the handler does not run", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(formData(Object.keys(model)), fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(model)), trickyKey), hostileValue, { maxKeys: 6 })), async (input) => {
        const handler = vi.fn(() => Promise.resolve({ ok: true as const }));
        const result = await adminAction(schema, handler)(null, input);
        if (result.ok) {
          expect(handler).toHaveBeenCalledTimes(1);
          return;
        }
        expect(handler).not.toHaveBeenCalled();
        expect(result.message).toBe(INVALID_INPUT_MESSAGE);
        const errors = Object.entries(result.fieldErrors ?? {});
        expect(errors.length).toBeGreaterThan(0);
        for (const [, messages] of errors) expect(messages!.every((m) => m.trim().length > 0)).toBe(true);
        // What is put back in the form is text only, and never a password.
        for (const [key, value] of Object.entries(result.values ?? {})) {
          expect(key).not.toMatch(/password/i);
          expect(typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
