import type { Facets, FilterKey, TimelineFilters } from "@/lib/timeline/filters";
import { hasFilters } from "@/lib/timeline/filters";
import { plural } from "@/lib/labels";

const FIELDS: { key: FilterKey; label: string; all: string }[] = [
  { key: "role", label: "Role in the talk", all: "Any role" },
  { key: "party", label: "Party", all: "All parties" },
  { key: "envoy", label: "Envoy", all: "All envoys" },
  { key: "issue", label: "Issue", all: "All issues" },
  { key: "kind", label: "Statement kind", all: "All kinds" },
  { key: "outcome", label: "Session outcome", all: "Any outcome" },
];

/**
 * A plain GET form: the filters live in the URL, so a view can be shared, bookmarked and
 * reloaded, and it works without JavaScript. Choosing an option does not submit by itself
 * (WCAG 3.2.2); "Apply" does.
 */
export function FilterForm({
  action,
  asOf,
  filters,
  facets,
  shown,
  totals,
}: {
  action: string;
  /** The moment an "as known on" view shows, kept when the filters change. */
  asOf?: string;
  filters: TimelineFilters;
  facets: Facets;
  shown: { sessions: number; statements: number };
  totals: { sessions: number; statements: number };
}) {
  const active = hasFilters(filters);
  // A value in the address that names nothing in this talk (?party=nobody): said as such, and kept
  // in its menu, rather than "Showing 0 of 9" under a menu that reads "All parties".
  const unknown = FIELDS.filter(({ key }) => filters[key] && !facets[key].some((o) => o.value === filters[key]));
  return (
    <form className="filters no-print" method="get" action={action} role="search" aria-label="Filter the timeline">
      {asOf && <input type="hidden" name="asOf" value={asOf} />}
      <div className="filters__fields">
        {FIELDS.map(({ key, label, all }) => {
          const unit = key === "outcome" ? "sessions" : "statements";
          return (
            <label key={key} className="field">
              <span className="field__label">{label}</span>
              <select name={key} defaultValue={filters[key] ?? ""}>
                <option value="">{all}</option>
                {unknown.some((u) => u.key === key) ? <option value={filters[key]}>“{filters[key]}” (not in this talk)</option> : null}
                {facets[key].map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label} ({o.count} {o.count === 1 ? unit.slice(0, -1) : unit})
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
      <div className="filters__actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {active && (
          <a href={action} className="button button--quiet">
            Clear all filters
          </a>
        )}
        <p className="filters__summary" role="status">
          {unknown.length > 0 ? (
            <>
              Not in this talk: {unknown.map(({ key, label }) => `${label.toLowerCase()} “${filters[key]}”`).join(", ")}. Nothing can match{" "}
              {unknown.length === 1 ? "it" : "them"}; choose from the menus or clear the filters.
            </>
          ) : active ? (
            <>
              Showing {shown.statements} of {plural(totals.statements, "statement")} and {shown.sessions} of {plural(totals.sessions, "session")}.
            </>
          ) : (
            <>
              {plural(totals.statements, "statement")} and {plural(totals.sessions, "session")}.
            </>
          )}
        </p>
      </div>
    </form>
  );
}
