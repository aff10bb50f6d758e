import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SearchForm, unknownFilters } from "@/components/search/search-form";
import { SearchResultList } from "@/components/search/search-results";
import "@/components/search/search.css";
import { getSearchOptions, RANK_WINDOW, searchRecords, type SearchResults } from "@/lib/data/search";
import { plural } from "@/lib/labels";
import { parseSearchRequest, searchHref, SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, type SearchRequest } from "@/lib/search/filters";
import { describeTerms } from "@/lib/search/query";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchRequest(await searchParams);
  return { title: q.trim() ? `Search: ${q.trim().slice(0, 80)}` : "Search" };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  // The form is a plain GET form, which also sends the fields left empty: answer with the short
  // address an analyst would share (a name given twice keeps its first value). Values that mean
  // nothing stay, and are said to be ignored.
  const sent = Object.entries(params);
  if (sent.some(([, v]) => typeof v !== "string" || v.trim() === "")) {
    const kept = sent.flatMap(([k, v]) => {
      const value = [v ?? []].flat()[0];
      return value !== undefined && value.trim() !== "" ? [[k, value]] : [];
    });
    redirect(kept.length ? `/search?${new URLSearchParams(kept)}` : "/search");
  }
  const request = parseSearchRequest(params);
  const [options, results] = await Promise.all([getSearchOptions(), searchRecords(request)]);
  const unknown = unknownFilters(request.filters, options);
  const notes = [
    ...results.query.notes,
    ...request.problems,
    ...unknown.map(({ label, value }) => `No ${label.toLowerCase()} is called “${value}”: nothing can match it. Choose from the menu or clear the filters.`),
  ];
  return (
    <>
      <h1>Search</h1>
      <SearchForm q={request.q} filters={request.filters} options={options} />
      {notes.length > 0 && (
        <ul className="search-notes" aria-label="About this search">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <Results request={request} results={results} />
    </>
  );
}

function Results({ request, results }: { request: SearchRequest; results: SearchResults }) {
  const { terms } = results.query;
  if (terms.length === 0) {
    return (
      <p className="search-summary muted">
        {request.q.trim() ? "There is no word to search for in what was typed." : "Type the words to find in statements, sessions, talks and sources."}
      </p>
    );
  }
  const searched = describeTerms(terms);
  if (results.total === 0) {
    return (
      <p className="search-summary">
        {request.page > 1 ? (
          <>
            Nothing on page {request.page}. <a href={searchHref(request.q, request.filters)}>Back to the first page</a>.
          </>
        ) : (
          <>Nothing found for {searched}.</>
        )}
      </p>
    );
  }
  const { counts, capped } = results;
  const window = RANK_WINDOW.toLocaleString("en-GB");
  // Past RANK_WINDOW, statements and sessions are "more than 1,000" together.
  const parts = [
    ...(capped ? [`more than ${window} statements and sessions`] : [counts.statement && plural(counts.statement, "statement"), counts.session && plural(counts.session, "session")]),
    counts.talk && plural(counts.talk, "talk"),
    counts.source && plural(counts.source, "source"),
  ].filter(Boolean);
  const start = (results.page - 1) * SEARCH_PAGE_SIZE + 1;
  return (
    <section className="search-found" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <p className="search-summary">
        {capped ? `More than ${plural(RANK_WINDOW + counts.talk + counts.source, "result")}` : plural(results.total, "result")} for {searched}
        {parts.length > 1 || capped ? `: ${parts.join(", ")}` : ""}, best first.
        {results.windowed && ` So many are found that the ${window} statements and sessions recorded last are ranked; add a word, a phrase or a filter to rank them all.`}
        {results.pages > 1 && ` Page ${results.page} of ${results.pages}, results ${start}–${start + results.hits.length - 1}.`}
      </p>
      <SearchResultList hits={results.hits} terms={terms} start={start} />
      {results.pages > 1 && (
        <nav className="pager" aria-label="Pages of results">
          {results.page > 1 ? (
            <a href={searchHref(request.q, request.filters, results.page - 1)} rel="prev">
              ← Previous page
            </a>
          ) : (
            <span />
          )}
          {results.page < Math.min(results.pages, SEARCH_MAX_PAGE) ? (
            <a href={searchHref(request.q, request.filters, results.page + 1)} rel="next">
              Next page →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
