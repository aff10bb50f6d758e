// fast-check arbitraries for the property tests: what a form, an import or a URL may be sent
// by someone who is not using Parley's own pages — wrong types, huge and odd strings, keys that
// mean something to JavaScript — mixed with the well-formed values a field expects, so that
// some inputs pass and the properties about a success are tested too.
import fc from "fast-check";

/** A string too long for any field (every limit is at most a few thousand characters). */
export const hugeString = fc.constantFrom("x".repeat(5_001), "é".repeat(20_000), "\u{1F600}".repeat(3_000), " ".repeat(10_000));

/** Strings of every kind: ASCII, any Unicode (lone surrogates too), blanks and control characters. */
export const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", " ", "\t\n", "\u0000", "\u200b", "\uFEFF", "\uD800", "null", "undefined", "NaN", "[object Object]", "__proto__", "constructor", "../..", "%00", "<script>"),
);

/** Keys that change an object's behaviour when assigned naively. */
export const trickyKey = fc.constantFrom("__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then");

/** An object as JSON could decode it, with keys such as __proto__ as own properties. */
const trickyObject = fc.oneof(
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant(JSON.parse('{"valueOf": 1, "toString": 1}') as unknown),
  fc.dictionary(fc.oneof(trickyKey, fc.string()), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
);

/** Anything but a well-formed value: wrong types, numbers at their edges, nested arrays, tricky objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  hugeString,
  fc.constantFrom(null, undefined, true, false, 0, -0, -1, 1.5, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 10n ** 30n),
  fc.integer(),
  fc.double(),
  fc.array(oddString, { maxLength: 4 }),
  fc.array(fc.array(fc.string(), { maxLength: 2 }), { maxLength: 2 }),
  fc.constant(new Date(Number.NaN)),
  fc.date(),
  trickyObject,
);

/** A field's value: usually one of the given well-formed (or nearly well-formed) strings, padded with blanks at times; sometimes hostile. */
export function fieldValue(good: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const padded = good.chain((v) => (typeof v === "string" ? fc.constantFrom(v, ` ${v} `, `\t${v}`) : fc.constant(v)));
  return fc.oneof({ weight: 8, arbitrary: padded }, { weight: 1, arbitrary: hostileValue });
}

/** Checkbox values: none, one, several (with repeats), as FormData or a plain object gives them. */
export function listValue(item: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: fc.array(item, { maxLength: 5 }) }, { weight: 2, arbitrary: item }, { weight: 1, arbitrary: fc.constant("") }, { weight: 1, arbitrary: hostileValue });
}

/**
 * An object with some of the given fields (each possibly missing) plus a few unknown or tricky
 * keys. The model's fields are built as own properties, so "__proto__" becomes a real key.
 */
export function formObject(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), fc.array(fc.tuple(fc.oneof(trickyKey, fc.string({ maxLength: 8 })), hostileValue), { maxLength: 3 }))
    .map(([fields, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of extra) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      for (const [k, v] of Object.entries(fields)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

// Well-formed values and near misses, by kind of field.
export const slugs = fc.constantFrom("abductions", "jpn", "dprk", "kunio-umeda", "beijing-2006", "a", "new", "Abductions", "two--hyphens", "-lead", "trail-", "ünïcode", "a b", "x".repeat(81));
export const days = fc.constantFrom("2006-02-04", "2006-02-08", "2026-03-02", "2024-02-29", "2023-02-29", "2006-13-01", "0099-12-31", "0100-01-01", "9999-12-31", "2006-2-4", "20060204", "2006-02-04T00:00", "");
export const clocks = fc.constantFrom("09:30", "00:00", "23:59", "02:30", "24:00", "9:30", "09:60", "09:30:00", "");
export const urls = fc.constantFrom("https://example.org/a", "http://kyodo.example/x?y=1", "javascript:alert(1)", "ftp://example.org", "https://", "not a url", `https://example.org/${"a".repeat(2_100)}`, "");
export const ids = fc.constantFrom("cmw0abc123", "c1", "00000000-0000-0000-0000-000000000000", "", " ", "x".repeat(101));
export const versions = fc.constantFrom("1", "2", "17", "0", "-1", "1.5", "1e3", "", "abc", "9007199254740993", "Infinity", " 3 ");
export const texts = fc.oneof(fc.constantFrom("We will not move.", "huge difference", "The gap is huge difference, he said.", "", "   "), fc.string({ maxLength: 40 }), hugeString);
