// A talk: one negotiation round — what, where (the venue and its time zone), when, who takes
// part (parties, and envoys with their role in it), and its agenda. Its slug is chosen once.
import { z } from "zod";
import type { DelegationRole, PartyRole } from "../enums";
import { DelegationRoleSchema, PartyRoleSchema, ROUND_MAX, SUMMARY_MAX, TalkStatusSchema, TITLE_MAX } from "../talk-document/schema";
import { isLocalDay } from "../time/local-day";
import { talkDaysProblem } from "../time/talk-span";
import { choice, id, list, localDay, newSlug, optionalDay, plainText, requiredText, SLUG_PATTERN, timeZone, version } from "./fields";
import { defineStore, envoyIds, issueIds, MutationError, partyIds, type EntityStore } from "./store";
import type { EntityNames, FormValues } from "./types";

export type TalkSnapshot = {
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
  status: string;
  summary: string;
  parties: string[];
  /**
   * The parties that are not principals, with their role, by party slug. Absent when every party
   * is a principal, so revisions made before roles existed (decision 024) compare equal.
   */
  roles?: { party: string; role: string }[];
  envoys: { envoy: string; role: string }[];
  issues: string[];
  /**
   * The series it is a round of (slug), and its round's number there. Each absent when not set, so
   * revisions made before series existed (decision 025) compare equal.
   */
  series?: string;
  round?: number;
};

export const PARTY_ROLE_PATTERN = new RegExp(`^([a-z0-9]+(?:-[a-z0-9]+)*):(${PartyRoleSchema.options.join("|")})$`);

export const ENVOY_ROLE_PATTERN = new RegExp(`^([a-z0-9]+(?:-[a-z0-9]+)*):(${DelegationRoleSchema.options.join("|")})$`);

const ROUND_MESSAGE = `Enter the round’s number as a whole number from 1 to ${ROUND_MAX.toLocaleString("en")}, or leave it empty.`;

function blankToUndefined(v: unknown) {
  return v == null || (typeof v === "string" && v.trim() === "") ? undefined : v;
}

const talkFields = {
  title: requiredText(TITLE_MAX, "Enter the talk’s title."),
  venueCity: requiredText(TITLE_MAX, "Enter the city where the talk is held."),
  venueTimeZone: timeZone,
  firstDay: localDay("Enter the talk’s first day."),
  lastDay: optionalDay,
  status: choice(TalkStatusSchema.options, "Choose the talk’s status."),
  summary: plainText(SUMMARY_MAX),
  parties: list(z.string().regex(/^[a-z0-9-]+$/)),
  /** One select per party: "<slug>:<role>"; a party not chosen keeps its select but is ignored. */
  roles: list(z.string().regex(PARTY_ROLE_PATTERN, { error: "Choose each party’s role from the list." })),
  /** One select per envoy: "<slug>:head", "<slug>:member", or "" for not taking part. */
  envoys: z
    .preprocess((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.string()))
    .transform((xs) => xs.filter((x) => x !== ""))
    .pipe(z.array(z.string().regex(ENVOY_ROLE_PATTERN, { error: "Choose each envoy’s role from the list." }))),
  issues: list(z.string().regex(/^[a-z0-9-]+$/)),
  series: z
    .preprocess(blankToUndefined, z.string().trim().regex(SLUG_PATTERN, { error: "Choose the series from the list." }).optional())
    .transform((v) => v ?? null),
  round: z
    .preprocess(
      (v) => (typeof v === "number" ? String(v) : blankToUndefined(v)),
      z
        .string()
        .trim()
        .regex(/^\d+$/, { error: ROUND_MESSAGE })
        .transform(Number)
        .refine((n) => n >= 1 && n <= ROUND_MAX, { error: ROUND_MESSAGE })
        .optional(),
    )
    .transform((v) => v ?? null),
};

type Fields = z.output<z.ZodObject<typeof talkFields>>;

function checkTalk(t: Fields, ctx: z.RefinementCtx) {
  // An unreadable first day has its own message already; the span needs a real one.
  const days = t.firstDay && isLocalDay(t.firstDay) ? talkDaysProblem({ firstDay: t.firstDay, lastDay: t.lastDay }) : null;
  if (days) ctx.addIssue({ code: "custom", path: [days.field], message: days.message });
  if (t.parties.length === 0) ctx.addIssue({ code: "custom", path: ["parties"], message: "Choose at least one party." });
  if (t.round !== null && t.series === null) ctx.addIssue({ code: "custom", path: ["round"], message: "Choose the series this talk is a round of, or leave the round empty." });
}

/** The roles worth recording: of chosen parties, not principal (the default), by party slug. */
export function partyRoles(parties: string[], roles: string[]): { party: string; role: PartyRole }[] | undefined {
  const chosen = new Map<string, PartyRole>();
  for (const r of roles) {
    const m = PARTY_ROLE_PATTERN.exec(r);
    if (m && parties.includes(m[1]!) && m[2] !== "principal") chosen.set(m[1]!, m[2] as PartyRole);
  }
  const list = [...chosen].map(([party, role]) => ({ party, role })).sort((a, b) => a.party.localeCompare(b.party));
  return list.length ? list : undefined;
}

function normalize<T extends Fields>(t: T) {
  const { roles: chosenRoles, envoys, series, round, ...rest } = t;
  const roles = partyRoles(t.parties, chosenRoles);
  return {
    ...rest,
    ...(roles ? { roles } : {}),
    ...seriesOf(series, round),
    envoys: envoys.map((e) => {
      const m = ENVOY_ROLE_PATTERN.exec(e)!;
      return { envoy: m[1]!, role: m[2] as "head" | "member" };
    }),
  };
}

export const TalkInput = z.object({ ...talkFields, slug: newSlug() }).superRefine(checkTalk).transform(normalize);
export const TalkUpdateInput = z.object({ ...talkFields, id: id(), version }).superRefine(checkTalk).transform(normalize);
export type TalkInputData = z.output<typeof TalkInput>;
export type TalkUpdateData = z.output<typeof TalkUpdateInput>;

/** The talk form's values for a saved talk (edit), or as the editor submitted them (after a refusal). */
export function talkFormValues(t: TalkSnapshot | TalkInputData | TalkUpdateData): FormValues {
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
    roles: (t.roles ?? []).map((r) => `${r.party}:${r.role}`),
    envoys: t.envoys.map((e) => `${e.envoy}:${e.role}`),
    issues: t.issues,
    series: t.series ?? "",
    round: t.round != null ? String(t.round) : "",
  };
}

export const NEW_TALK_VALUES: FormValues = { slug: "", title: "", venueCity: "", venueTimeZone: "", firstDay: "", lastDay: "", status: "scheduled", summary: "", parties: [], roles: [], envoys: [], issues: [], series: "", round: "" };

/** A snapshot's `series` and `round` keys: each only when set. */
export function seriesOf(series: string | null | undefined, round: number | null | undefined): { series?: string; round?: number } {
  return { ...(series ? { series } : {}), ...(round != null ? { round } : {}) };
}

type Row = Omit<TalkSnapshot, "parties" | "roles" | "envoys" | "issues" | "series" | "round"> & {
  parties: { role: string; party: { slug: string } }[];
  envoys: { role: string; envoy: { slug: string } }[];
  issues: { issue: { slug: string } }[];
  series: { slug: string } | null;
  round: number | null;
};

export const talkStore: EntityStore<TalkSnapshot> = defineStore<TalkSnapshot, Row>({
  type: "talk",
  model: (db) => db.talk,
  select: {
    slug: true,
    title: true,
    venueCity: true,
    venueTimeZone: true,
    firstDay: true,
    lastDay: true,
    status: true,
    summary: true,
    parties: { orderBy: { position: "asc" }, select: { role: true, party: { select: { slug: true } } } },
    envoys: { select: { role: true, envoy: { select: { slug: true } } } },
    issues: { orderBy: { position: "asc" }, select: { issue: { select: { slug: true } } } },
    series: { select: { slug: true } },
    round: true,
  },
  snapshotOf: (t) => ({
    slug: t.slug,
    title: t.title,
    venueCity: t.venueCity,
    venueTimeZone: t.venueTimeZone,
    firstDay: t.firstDay,
    lastDay: t.lastDay,
    status: t.status,
    summary: t.summary,
    parties: t.parties.map((p) => p.party.slug),
    ...rolesOf(t.parties.map((p) => ({ party: p.party.slug, role: p.role }))),
    envoys: t.envoys.map((e) => ({ envoy: e.envoy.slug, role: e.role })).sort((a, b) => a.envoy.localeCompare(b.envoy)),
    issues: t.issues.map((i) => i.issue.slug),
    ...seriesOf(t.series?.slug, t.round),
  }),
  talkIdOf: (_, id) => id,
  fixed: (t) => ({ slug: t.slug }),
  columns: async (db, t) => ({
    title: t.title,
    venueCity: t.venueCity,
    venueTimeZone: t.venueTimeZone,
    firstDay: t.firstDay,
    lastDay: t.lastDay,
    status: t.status,
    summary: t.summary,
    seriesId: t.series ? await seriesIdOf(db, t.series) : null,
    round: t.round ?? null,
  }),
  links: {
    clear: (db, talkId) => [db.talkParty.deleteMany({ where: { talkId } }), db.talkEnvoy.deleteMany({ where: { talkId } }), db.talkIssue.deleteMany({ where: { talkId } })],
    async add(db, talkId, t) {
      const roleOf = new Map((t.roles ?? []).map((r) => [r.party, r.role]));
      const [parties, envoys, issues] = await Promise.all([partyIds(db, t.parties, "parties"), envoyIds(db, t.envoys.map((e) => e.envoy), "envoys"), issueIds(db, t.issues)]);
      return [
        // A snapshot recorded before roles existed has none: every party is then a principal.
        db.talkParty.createMany({ data: parties.map((partyId, position) => ({ talkId, partyId, position, role: (roleOf.get(t.parties[position]!) ?? "principal") as PartyRole })) }),
        db.talkEnvoy.createMany({ data: envoys.map((envoyId, i) => ({ talkId, envoyId, role: t.envoys[i]!.role as DelegationRole })) }),
        db.talkIssue.createMany({ data: issues.map((issueId, position) => ({ talkId, issueId, position })) }),
      ];
    },
  },
});

/** The series' id by slug; a series that no longer exists (or was deleted) is refused on the form's field. */
async function seriesIdOf(db: Parameters<EntityStore<TalkSnapshot>["read"]>[0], slug: string): Promise<string> {
  const row = await db.series.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
  if (!row || row.deletedAt) throw new MutationError("This series no longer exists; choose another, or none.", "series");
  return row.id;
}

/** A snapshot's `roles` key: the non-principal parties, sorted; no key at all when there are none. */
export function rolesOf(parties: { party: string; role: string }[]): { roles?: { party: string; role: string }[] } {
  const roles = parties.filter((p) => p.role !== "principal").sort((a, b) => a.party.localeCompare(b.party));
  return roles.length ? { roles } : {};
}

/** The talk's fields as people see them named, in diffs and in its form. */
export const TALK_LABELS: Record<string, string> = {
  title: "Title",
  venueCity: "Venue city",
  venueTimeZone: "Venue time zone",
  firstDay: "First day",
  lastDay: "Last day",
  status: "Status",
  summary: "Summary",
  parties: "Parties",
  roles: "Party roles",
  envoys: "Envoys",
  issues: "Agenda",
  series: "Series",
  round: "Round",
};

export const talk = {
  type: "talk" as const,
  names: { one: "talk", a: "a talk", word: "talk" } satisfies EntityNames,
  labels: TALK_LABELS,
  store: talkStore,
};
