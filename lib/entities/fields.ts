// Building blocks of the editing forms' zod schemas (lib/inputs/*). A form sends strings: an
// empty box is "" and means "not given"; a group of checkboxes sends one value, several, or
// nothing. Limits and value lists come from the talk document's rules
// (lib/talk-document/schema.ts), so a form and an import accept the same things. Pure.
import { z } from "zod";
import { isLocalDay, isTimeZone } from "../time/local-day";
import { canonicalTimeZone } from "../time/zones";
import { CLOCK } from "../time/venue-clock";

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = (missing = "Enter a short name for addresses.") =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(80, { error: "Use at most 80 characters." })
    // An empty box gets only the "missing" message above. (Not `abort`: that would also skip the
    // forms' cross-field checks, and their messages would only come after a second try.)
    .refine((v) => v === "" || SLUG_PATTERN.test(v), { error: "Use lower-case letters, digits and single hyphens, like abductions or kunio-umeda." });

/** Addresses the app uses itself (/talks/new, /parties/new…), so no row may take them. */
const RESERVED_SLUGS = new Set(["new"]);

/** The slug of a row being created. */
export const newSlug = () => slug().refine((v) => !RESERVED_SLUGS.has(v), { error: "This address is reserved; choose another." });

export const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Use at most ${max.toLocaleString("en")} characters.` });

/** An optional text box: empty means null. */
export const optionalText = (max: number) =>
  z.preprocess(blank, z.string().trim().max(max, { error: `Use at most ${max.toLocaleString("en")} characters.` }).optional()).transform((v) => v ?? null);

/** A text area that may be left empty (stored as ""). */
export const plainText = (max: number) =>
  z.preprocess((v) => (v == null ? "" : v), z.string().trim().max(max, { error: `Use at most ${max.toLocaleString("en")} characters.` }));

export const localDay = (missing = "Enter a day.") =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .refine((v) => v === "" || isLocalDay(v), { error: "Enter a real calendar day, written YYYY-MM-DD." });

export const optionalDay = z
  .preprocess(blank, z.string().trim().refine(isLocalDay, { error: "Enter a real calendar day, written YYYY-MM-DD." }).optional())
  .transform((v) => v ?? null);

export const optionalClock = z
  .preprocess(blank, z.string().trim().regex(CLOCK, { error: "Enter a 24-hour time such as 09:30." }).optional())
  .transform((v) => v ?? null);

export const timeZone = z
  .string({ error: "Enter the venue's time zone." })
  .trim()
  .min(1, { error: "Enter the venue's time zone." })
  .refine((v) => v === "" || isTimeZone(v), { error: "Enter an IANA time zone such as Asia/Shanghai or Europe/Zurich." })
  // Any spelling and case ("asia/calcutta") is kept as the zone database's canonical name ("Asia/Kolkata").
  .transform((v) => canonicalTimeZone(v) ?? v);

export const optionalUrl = z
  .preprocess(blank, z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." }).max(2_000).optional())
  .transform((v) => v ?? null);

/** A refused hidden field or choice the page itself filled in: only a stale or altered page sends one. */
const NOT_LISTED = "This is not one of the choices the page offered; reload the page and choose again.";

export const id = (missing = "Missing identifier.") => z.string({ error: missing }).trim().min(1, { error: missing }).max(100, { error: NOT_LISTED });

export const optionalId = z.preprocess(blank, z.string({ error: NOT_LISTED }).trim().max(100, { error: NOT_LISTED }).optional()).transform((v) => v ?? null);

/**
 * The idempotency key of a new record's form (hidden field, made when the form is drawn): the
 * record is created under it, so the same form sent twice — a retry after a dropped connection —
 * creates one record, not two.
 */
export const saveKey = z
  .preprocess(blank, z.uuid({ error: "The form's key is not valid; reload the page." }).optional())
  .transform((v) => v ?? null);

/** A new form's idempotency key. */
export const newSaveKey = () => crypto.randomUUID();

/** The version a form was loaded at (hidden field). */
/** The form field that carries the editor's confirmation of a warning (ConfirmableError). */
export const CONFIRM_FIELD = "confirmOutside";

/**
 * "Save anyway": the editor saw a warning the write core raised (a statement timed outside its
 * session, a session outside the talk's days) and confirms it. Absent, empty or "false" is no.
 */
export const confirmFlag = z
  .preprocess((v) => v === true || v === "true" || v === "on", z.boolean())
  .default(false);

export const version = z.coerce.number({ error: "The form is missing its version; reload the page." }).int().min(1);

/** The earlier version a restore button brings back (hidden field). */
export const restoreVersion = z.coerce.number({ error: "The form does not say which version to restore; reload the page." }).int().min(1);

/** One of a fixed list, chosen in a select. */
export const choice = <T extends string>(values: readonly T[], missing: string) => z.enum(values as [T, ...T[]], { error: missing });

export const optionalChoice = <T extends string>(values: readonly T[], missing: string) =>
  z.preprocess(blank, z.enum(values as [T, ...T[]], { error: missing }).optional()).transform((v) => v ?? null);

/**
 * Checkboxes sharing a name: none, one or several values, always a list without repeats. A value
 * the page did not offer is refused on the list's own field (where the form shows its message),
 * not on "issues.3", which no field of the form is named.
 */
export const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .preprocess((v): unknown[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.unknown()))
    .transform((xs, ctx): z.output<T>[] => {
      const out: z.output<T>[] = [];
      for (const x of xs) {
        const parsed = item.safeParse(x);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: NOT_LISTED });
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return [...new Set(out)];
    });
