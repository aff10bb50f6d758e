// The talk form's input: what the talk is, where and when, who takes part (parties, and envoys
// with their role in this talk), and its agenda. The slug is chosen once, at creation. Pure.
import { z } from "zod";
import type { FormValues } from "../actions/safe-action";
import type { TalkSnapshot } from "../mutations/snapshot";
import { DelegationRoleSchema, SUMMARY_MAX, TalkStatusSchema, TITLE_MAX } from "../talk-document/schema";
import { isLocalDay } from "../time/local-day";
import { talkDaysProblem } from "../time/talk-span";
import { choice, id, list, localDay, newSlug, optionalDay, plainText, requiredText, timeZone, version } from "./fields";

export const ENVOY_ROLE_PATTERN = new RegExp(`^([a-z0-9]+(?:-[a-z0-9]+)*):(${DelegationRoleSchema.options.join("|")})$`);

const talkFields = {
  title: requiredText(TITLE_MAX, "Enter the talk’s title."),
  venueCity: requiredText(TITLE_MAX, "Enter the city where the talk is held."),
  venueTimeZone: timeZone,
  firstDay: localDay("Enter the talk’s first day."),
  lastDay: optionalDay,
  status: choice(TalkStatusSchema.options, "Choose the talk’s status."),
  summary: plainText(SUMMARY_MAX),
  parties: list(z.string().regex(/^[a-z0-9-]+$/)),
  /** One select per envoy: "<slug>:head", "<slug>:member", or "" for not taking part. */
  envoys: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .transform((xs) => xs.filter((x) => x !== ""))
    .pipe(z.array(z.string().regex(ENVOY_ROLE_PATTERN, { error: "Choose each envoy’s role from the list." }))),
  issues: list(z.string().regex(/^[a-z0-9-]+$/)),
};

type Fields = z.output<z.ZodObject<typeof talkFields>>;

function checkTalk(t: Fields, ctx: z.RefinementCtx) {
  // An unreadable first day has its own message already; the span needs a real one.
  const days = t.firstDay && isLocalDay(t.firstDay) ? talkDaysProblem({ firstDay: t.firstDay, lastDay: t.lastDay }) : null;
  if (days) ctx.addIssue({ code: "custom", path: [days.field], message: days.message });
  if (t.parties.length === 0) ctx.addIssue({ code: "custom", path: ["parties"], message: "Choose at least one party." });
}

const normalize = <T extends Fields>(t: T): Omit<T, "envoys"> & { envoys: { envoy: string; role: "head" | "member" }[] } => ({
  ...t,
  envoys: t.envoys.map((e) => {
    const m = ENVOY_ROLE_PATTERN.exec(e)!;
    return { envoy: m[1]!, role: m[2] as "head" | "member" };
  }),
});

export const TalkInput = z.object({ ...talkFields, slug: newSlug() }).superRefine(checkTalk).transform(normalize);
export const TalkUpdateInput = z.object({ ...talkFields, id: id(), version }).superRefine(checkTalk).transform(normalize);
export type TalkInputData = z.output<typeof TalkInput>;
export type TalkUpdateData = z.output<typeof TalkUpdateInput>;

export function talkFormValues(t: TalkSnapshot): FormValues {
  return {
    slug: t.slug,
    title: t.title,
    venueCity: t.venueCity,
    venueTimeZone: t.venueTimeZone,
    firstDay: t.firstDay,
    lastDay: t.lastDay ?? "",
    status: t.status,
    summary: t.summary,
    parties: t.parties,
    envoys: t.envoys.map((e) => `${e.envoy}:${e.role}`),
    issues: t.issues,
  };
}

export function talkInputValues(t: TalkInputData | TalkUpdateData): FormValues {
  return {
    ...("slug" in t ? { slug: t.slug } : {}),
    title: t.title,
    venueCity: t.venueCity,
    venueTimeZone: t.venueTimeZone,
    firstDay: t.firstDay,
    lastDay: t.lastDay ?? "",
    status: t.status,
    summary: t.summary,
    parties: t.parties,
    envoys: t.envoys.map((e) => `${e.envoy}:${e.role}`),
    issues: t.issues,
  };
}
