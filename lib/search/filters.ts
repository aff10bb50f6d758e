// The search page's address: the query and its filters live in the URL, like the talk page's
// (lib/timeline/filters.ts), with the same names for the same things (party, envoy, issue, kind =
// the statement's kind) plus the talk and a range of the venue's local days (from, to).
// Pure: parsed from the search params, written back in one canonical order.
import { StatementKind } from "../enums";
import { STATEMENT_KIND_LABEL } from "../labels";
import { isLocalDay } from "../time/local-day";

export const SEARCH_FILTER_KEYS = ["talk", "party", "envoy", "issue", "kind", "from", "to"] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];
export type SearchFilters = Partial<Record<SearchFilterKey, string>>;

/** Results per page, and the last page one may ask for (past it, narrow the search). */
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 50;

export type SearchRequest = {
  q: string;
  filters: SearchFilters;
  page: number;
  /** Values in the address that mean nothing, each said in a sentence; they are ignored. */
  problems: string[];
};

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function parseSearchRequest(params: Params): SearchRequest {
  const problems: string[] = [];
  const filters: SearchFilters = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const value = first(params[key]).trim();
    if (value) filters[key] = value;
  }
  if (filters.kind && !Object.hasOwn(StatementKind, filters.kind)) {
    problems.push(`There is no statement kind “${filters.kind}”; all kinds are shown.`);
    delete filters.kind;
  }
  for (const key of ["from", "to"] as const) {
    const day = filters[key];
    if (day && !isLocalDay(day)) {
      problems.push(`“${day}” is not a day (YYYY-MM-DD); the ${key === "from" ? "first" : "last"} day is left open.`);
      delete filters[key];
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    problems.push(`The range ran backwards (${filters.from} to ${filters.to}); it is read the other way round.`);
    [filters.from, filters.to] = [filters.to, filters.from];
  }
  const rawPage = first(params.page).trim();
  let page = 1;
  if (rawPage) {
    const n = Number(rawPage);
    if (!Number.isInteger(n) || n < 1) problems.push(`“${rawPage}” is not a page number; the first page is shown.`);
    else if (n > SEARCH_MAX_PAGE) {
      problems.push(`Results go to page ${SEARCH_MAX_PAGE} at most; narrow the search to see more.`);
      page = SEARCH_MAX_PAGE;
    } else page = n;
  }
  return { q: first(params.q), filters, page, problems };
}

/** The address of a search: `q` first, then the filters in a fixed order, then the page. */
export function searchHref(q: string, filters: SearchFilters, page = 1): string {
  const params = new URLSearchParams();
  if (q.trim()) params.set("q", q);
  for (const key of SEARCH_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/search?${s}` : "/search";
}

export const hasSearchFilters = (f: SearchFilters) => SEARCH_FILTER_KEYS.some((k) => f[k]);

export const STATEMENT_KIND_OPTIONS = Object.entries(STATEMENT_KIND_LABEL).map(([value, label]) => ({ value, label }));
