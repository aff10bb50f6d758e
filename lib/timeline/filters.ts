// Timeline filters: parsed from the URL (so every view can be linked and reloaded), applied to
// sessions and statements, and counted per option (faceted: each option's count is what the
// view would show if that option were chosen, the other filters staying as they are).
import type { Outcome, StatementKind } from "../enums";
import { OUTCOME_LABEL, PARTY_ROLE_LABEL, STATEMENT_KIND_LABEL } from "../labels";
import { isLocalDay } from "../time/local-day";
import { UNDATED_DAY } from "./window";

export const FILTER_KEYS = ["role", "party", "envoy", "issue", "kind", "outcome"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type TimelineFilters = Partial<Record<FilterKey, string>>;

type SearchParams = Record<string, string | string[] | undefined>;

/** The filters in a URL's query; unknown keys and empty values are ignored. */
export function parseFilters(params: SearchParams): TimelineFilters {
  const filters: TimelineFilters = {};
  for (const key of FILTER_KEYS) {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** `?from=` names where the talk page's days start: a day, or "unknown" for the items with no known day. */
export function parseFrom(query: SearchParams): string | null {
  const raw = Array.isArray(query.from) ? query.from[0] : query.from;
  return raw && (raw === UNDATED_DAY || isLocalDay(raw)) ? raw : null;
}

export function filtersToQuery(filters: TimelineFilters): string {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) q.set(key, filters[key]);
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const hasFilters = (f: TimelineFilters) => FILTER_KEYS.some((k) => f[k]);

export type FilterableStatement = {
  sessionId: string | null;
  kind: StatementKind;
  /** `role`: the party's part in the talk (principal, host…); null or absent when not on its list. */
  party: { slug: string; role?: string | null };
  envoy: { slug: string } | null;
  issues: { slug: string }[];
};
export type FilterableSession = { id: string; outcome: Outcome; issues: { slug: string }[] };

const statementFilterActive = (f: TimelineFilters) => !!(f.role || f.party || f.envoy || f.kind);

/**
 * Whether a statement is shown. Party role (the speaking party's part in the talk), party, envoy,
 * kind and issue test the statement itself; an
 * outcome filter keeps only statements made in a session with that outcome.
 */
export function statementMatches(
  s: FilterableStatement,
  f: TimelineFilters,
  sessionOutcome: (id: string) => Outcome | undefined,
): boolean {
  if (f.role && s.party.role !== f.role) return false;
  if (f.party && s.party.slug !== f.party) return false;
  if (f.envoy && s.envoy?.slug !== f.envoy) return false;
  if (f.kind && s.kind !== f.kind) return false;
  if (f.issue && !s.issues.some((i) => i.slug === f.issue)) return false;
  if (f.outcome && (s.sessionId === null || sessionOutcome(s.sessionId) !== f.outcome)) return false;
  return true;
}

/**
 * Whether a session is shown: it must match the outcome and issue filters, and, when a filter on
 * who spoke or how is active, hold at least one statement that matches it.
 */
export function sessionMatches(
  s: FilterableSession,
  f: TimelineFilters,
  matchingStatementCount: number,
): boolean {
  if (f.outcome && s.outcome !== f.outcome) return false;
  if (f.issue && !s.issues.some((i) => i.slug === f.issue) && matchingStatementCount === 0) return false;
  if (statementFilterActive(f) && matchingStatementCount === 0) return false;
  return true;
}

export type FilterResult<S, T> = {
  sessions: S[];
  statements: T[];
  totals: { sessions: number; statements: number };
};

export function applyFilters<S extends FilterableSession, T extends FilterableStatement>(
  sessions: S[],
  statements: T[],
  f: TimelineFilters,
): FilterResult<S, T> {
  const outcomeOf = new Map(sessions.map((s) => [s.id, s.outcome]));
  const keptStatements = statements.filter((s) => statementMatches(s, f, (id) => outcomeOf.get(id)));
  const perSession = new Map<string, number>();
  for (const s of keptStatements) if (s.sessionId) perSession.set(s.sessionId, (perSession.get(s.sessionId) ?? 0) + 1);
  const keptSessions = sessions.filter((s) => sessionMatches(s, f, perSession.get(s.id) ?? 0));
  return { sessions: keptSessions, statements: keptStatements, totals: { sessions: sessions.length, statements: statements.length } };
}

export type FacetOption = { value: string; label: string; count: number };
export type Facets = Record<FilterKey, FacetOption[]>;

/**
 * For each filter, its options with the number of statements (sessions, for outcome) the view
 * would show with that option chosen and the other filters unchanged.
 */
export function countFacets<S extends FilterableSession, T extends FilterableStatement>(
  sessions: S[],
  statements: T[],
  f: TimelineFilters,
  options: { roles?: string[]; parties: { slug: string; label: string }[]; envoys: { slug: string; label: string }[]; issues: { slug: string; label: string }[] },
): Facets {
  const count = (key: FilterKey, value: string, what: "statements" | "sessions") => {
    const r = applyFilters(sessions, statements, { ...f, [key]: value });
    return r[what].length;
  };
  const facet = (key: FilterKey, list: { slug: string; label: string }[], what: "statements" | "sessions" = "statements") =>
    list.map(({ slug, label }) => ({ value: slug, label, count: count(key, slug, what) }));
  return {
    // Only the roles the talk's parties hold: "Observers (0)" in a bilateral round is noise.
    role: facet("role", Object.entries(PARTY_ROLE_LABEL).filter(([slug]) => !options.roles || options.roles.includes(slug)).map(([slug, label]) => ({ slug, label: label.many }))),
    party: facet("party", options.parties),
    envoy: facet("envoy", options.envoys),
    issue: facet("issue", options.issues),
    kind: facet("kind", Object.entries(STATEMENT_KIND_LABEL).map(([slug, label]) => ({ slug, label }))),
    outcome: facet("outcome", Object.entries(OUTCOME_LABEL).map(([slug, label]) => ({ slug, label })), "sessions"),
  };
}
