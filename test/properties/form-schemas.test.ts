// Property tests over every form's zod schema (issue 9): whatever a form post carries — strings
// of any kind, arrays, nulls, numbers, huge text, keys such as __proto__ — parsing answers and
// never throws; a refusal names a field of the form with a sentence; and an accepted input holds
// what the write core relies on (trimmed, within limits, days real, lists without repeats, the
// cross-field rules kept). Seeds are printed by fast-check when a property fails.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FORMS, NUM_RUNS, type Data } from "../support/form-models";
import { formObject, hostileValue } from "../support/hostile";

/** A message a person can act on: a sentence of our own, not zod's "Invalid input: expected string, received array". */
export const isSentence = (message: string) => message.trim().length > 0 && !/^Invalid\b|expected .* received|^Too (small|big)|^Unrecognized/i.test(message);

/** The checkbox groups: the only fields a browser's form sends several values for. */
const LIST_FIELDS = new Set(["parties", "envoys", "issues", "sources"]);

/** What a browser's own form can send for a field: a string, or for a checkbox group several. */
const browserValue = (field: string, v: unknown) => typeof v === "string" || (LIST_FIELDS.has(field) && Array.isArray(v) && v.every((x) => typeof x === "string"));

/** Inputs for a form: anything shaped like it, or a valid one with a few fields changed (random fields rarely fill a long form correctly). */
function inputsOf(model: Record<string, fc.Arbitrary<unknown>>, base: Data): fc.Arbitrary<Record<string, unknown>> {
  const changed = fc.tuple(fc.subarray(Object.keys(model), { maxLength: Math.min(3, Object.keys(model).length) }), fc.record(model)).map(([keys, values]) => ({ ...base, ...Object.fromEntries(keys.filter((k) => k in values).map((k) => [k, values[k]])) }));
  return fc.oneof(formObject(model), changed);
}

describe.each(FORMS)("$name", ({ schema, model, invariant, base }) => {
  const fields = new Set(Object.keys(model));

  it("never throws; a refusal names a field of the form with a message; an acceptance holds the form's invariants", () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputsOf(model, base), (input) => {
        const result = schema.safeParse(input);
        if (result.success) {
          accepted++;
          invariant(result.data as Data);
          return;
        }
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          expect(issue.path.length, `an issue with no field: ${issue.message}`).toBeGreaterThan(0);
          expect(fields.has(String(issue.path[0])), `an issue on an unknown field ${String(issue.path[0])}`).toBe(true);
          expect(typeof issue.message === "string" && issue.message.trim().length > 0).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    // A test that cannot fail is a defect: the generators must reach the accepting side too.
    expect(accepted).toBeGreaterThan(0);
  });

  it("answers what a browser's form can send (strings and repeated strings) with a sentence on each field", () => {
    fc.assert(
      fc.property(inputsOf(model, base).map((o) => Object.fromEntries(Object.entries(o).filter(([k, v]) => fields.has(k) && browserValue(k, v)))), (input) => {
        const result = schema.safeParse(input);
        if (result.success) return;
        for (const issue of result.error.issues) expect(isSentence(issue.message), `${issue.path.join(".")}: ${issue.message}`).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never throws on a value that is not an object at all", () => {
    fc.assert(fc.property(hostileValue, (input) => void schema.safeParse(input)), { numRuns: 50 });
  });
});
