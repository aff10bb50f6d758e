import type { SearchOption, SearchOptions } from "@/lib/data/search";
import { hasSearchFilters, STATEMENT_KIND_OPTIONS, type SearchFilters } from "@/lib/search/filters";

type MenuKey = keyof SearchOptions | "kind";

const MENUS: { key: MenuKey; label: string; all: string }[] = [
  { key: "talk", label: "Talk", all: "All talks" },
  { key: "party", label: "Party", all: "All parties" },
  { key: "envoy", label: "Envoy", all: "All envoys" },
  { key: "issue", label: "Issue", all: "All issues" },
  { key: "kind", label: "Statement kind", all: "All kinds" },
];

/** The menus' words for a value the address names but nothing in Parley is (shown, and kept, as such). */
export function unknownFilters(filters: SearchFilters, options: SearchOptions): { key: MenuKey; label: string; value: string }[] {
  return MENUS.flatMap(({ key, label }) => {
    const value = filters[key];
    const list: SearchOption[] = key === "kind" ? STATEMENT_KIND_OPTIONS : options[key];
    return value && !list.some((o) => o.value === value) ? [{ key, label, value }] : [];
  });
}

/**
 * The search box and its filters: a plain GET form, so every search is an address that can be
 * shared, bookmarked and reloaded, and it works without JavaScript (like the talk page's filters).
 */
export function SearchForm({ q, filters, options }: { q: string; filters: SearchFilters; options: SearchOptions }) {
  const unknown = unknownFilters(filters, options);
  return (
    <form className="filters search-form" method="get" action="/search" role="search" aria-label="Search Parley">
      <div className="search-form__query">
        <label className="field" htmlFor="search-q">
          <span className="field__label">Words to find</span>
        </label>
        <div className="search-form__box">
          <input id="search-q" type="search" name="q" defaultValue={q} aria-describedby="search-q-hint" autoComplete="off" spellCheck={false} />
          <button type="submit" className="button">
            Search
          </button>
        </div>
        <p id="search-q-hint" className="field__hint">
          Every word must appear. Put a phrase in quotes (“huge difference”); end a word with * to find every word it begins (normaliz*). Case and
          accents do not matter.
        </p>
      </div>
      <fieldset className="search-form__filters">
        <legend className="field__label">Only</legend>
        <div className="filters__fields">
          {MENUS.map(({ key, label, all }) => {
            const list: SearchOption[] = key === "kind" ? STATEMENT_KIND_OPTIONS : options[key];
            const missing = unknown.find((u) => u.key === key);
            return (
              <label key={key} className="field">
                <span className="field__label">{label}</span>
                <select name={key} defaultValue={filters[key] ?? ""}>
                  <option value="">{all}</option>
                  {missing ? <option value={missing.value}>“{missing.value}” (not found)</option> : null}
                  {list.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
          <label className="field">
            <span className="field__label">From day</span>
            <input type="date" name="from" defaultValue={filters.from ?? ""} />
          </label>
          <label className="field">
            <span className="field__label">To day</span>
            <input type="date" name="to" defaultValue={filters.to ?? ""} />
          </label>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--quiet">
            Apply filters
          </button>
          {hasSearchFilters(filters) && (
            <a href={q.trim() ? `/search?${new URLSearchParams({ q })}` : "/search"} className="button button--quiet">
              Clear filters
            </a>
          )}
          <p className="filters__summary">Days are the venue’s local days. Party, envoy and kind find statements only; an issue, statements and sessions.</p>
        </div>
      </fieldset>
    </form>
  );
}
