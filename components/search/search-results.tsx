import { Fragment } from "react";
import { OutcomeBadge } from "@/components/badges";
import type { SearchHit } from "@/lib/data/search";
import { CAPACITY_LABEL, STATEMENT_KIND_LABEL } from "@/lib/labels";
import { excerpt, highlight, type Segment } from "@/lib/search/highlight";
import type { QueryTerm } from "@/lib/search/query";
import { dayNumberIn } from "@/lib/timeline/day-runs";
import { formatDayRange, formatLocalDay, formatLocalDayDate } from "@/lib/time/local-day";

/** Text with the matched words in <mark>; every segment is text, escaped by React. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>));
}

const KIND_LABEL: Record<SearchHit["kind"], string> = { statement: "Statement", session: "Session", talk: "Talk", source: "Source" };

/** Where in its talk a statement or session lies: its local day and number, or that the day is not reported. */
function DayOf({ talk, day }: { talk: { firstDay: string; venueTimeZone: string }; day: string | null }) {
  if (!day) return <span>day not reported</span>;
  return (
    <span>
      day {dayNumberIn(talk, day).toLocaleString("en-GB")}, {formatLocalDay(day)}
    </span>
  );
}

function StatementResult({ hit, terms }: { hit: Extract<SearchHit, { kind: "statement" }>; terms: QueryTerm[] }) {
  const s = hit.statement;
  const speaker = s.envoy ? s.envoy.name : s.party.shortName;
  const kind = STATEMENT_KIND_LABEL[s.kind];
  return (
    <>
      <h3 className="search-result__title">
        {speaker}{" "}
        <span className="muted small">
          {s.envoy ? `${s.party.shortName}, ` : ""}
          {CAPACITY_LABEL[s.capacity]}
        </span>{" "}
        <span className="badge badge--outline">{kind}</span>
      </h3>
      <p className="search-result__text">
        <Highlighted segments={excerpt(s.text, terms, 600)} />
      </p>
      {s.quotedWords && (
        <p className="search-result__quote small">
          Quoted words: <q>{<Highlighted segments={highlight(s.quotedWords, terms)} />}</q>
        </p>
      )}
      <p className="search-result__where small">
        <a href={`/talks/${hit.talk.slug}`}>{hit.talk.title}</a>, <DayOf talk={hit.talk} day={hit.day} />.{" "}
        <a href={hit.href} aria-label={`Open in its day: ${speaker}, ${kind.toLowerCase()}`}>
          Open in its day
        </a>
      </p>
    </>
  );
}

function SessionResult({ hit, terms }: { hit: Extract<SearchHit, { kind: "session" }>; terms: QueryTerm[] }) {
  const s = hit.session;
  return (
    <>
      <h3 className="search-result__title">
        <a href={hit.href}>
          <Highlighted segments={highlight(s.title, terms)} />
        </a>{" "}
        <OutcomeBadge outcome={s.outcome} />
      </h3>
      {s.summary && (
        <p className="search-result__text">
          <Highlighted segments={excerpt(s.summary, terms)} />
        </p>
      )}
      {s.outcomeNote && (
        <p className="search-result__text small">
          Outcome: <Highlighted segments={excerpt(s.outcomeNote, terms)} />
        </p>
      )}
      <p className="search-result__where small">
        <a href={`/talks/${hit.talk.slug}`}>{hit.talk.title}</a>, <DayOf talk={hit.talk} day={hit.day} />.
      </p>
    </>
  );
}

function TalkResult({ hit, terms }: { hit: Extract<SearchHit, { kind: "talk" }>; terms: QueryTerm[] }) {
  const t = hit.talk;
  return (
    <>
      <h3 className="search-result__title">
        <a href={hit.href}>
          <Highlighted segments={highlight(t.title, terms)} />
        </a>
      </h3>
      {t.summary && (
        <p className="search-result__text">
          <Highlighted segments={excerpt(t.summary, terms)} />
        </p>
      )}
      <p className="search-result__where small">
        {t.venueCity}, {formatDayRange(t.firstDay, t.lastDay)}.
      </p>
    </>
  );
}

function SourceResult({ hit, terms }: { hit: Extract<SearchHit, { kind: "source" }>; terms: QueryTerm[] }) {
  const s = hit.source;
  return (
    <>
      <h3 className="search-result__title">
        <a href={hit.href}>
          <Highlighted segments={highlight(s.title, terms)} />
        </a>
      </h3>
      <p className="search-result__where small">
        <Highlighted segments={highlight(s.publisher, terms)} />
        {s.publishedOn ? <>, {formatLocalDayDate(s.publishedOn)}</> : null}.
      </p>
    </>
  );
}

/** The page's results, best first: each with what it is, its matched words marked, and where it lies. */
export function SearchResultList({ hits, terms, start }: { hits: SearchHit[]; terms: QueryTerm[]; start: number }) {
  return (
    <ol className="search-results" start={start} aria-label="Results">
      {hits.map((hit) => (
        <li key={`${hit.kind}-${hit.id}`} className={`search-result search-result--${hit.kind}`}>
          <article>
            <p className="search-result__kind">
              <span className="badge">{KIND_LABEL[hit.kind]}</span>
            </p>
            {hit.kind === "statement" ? (
              <StatementResult hit={hit} terms={terms} />
            ) : hit.kind === "session" ? (
              <SessionResult hit={hit} terms={terms} />
            ) : hit.kind === "talk" ? (
              <TalkResult hit={hit} terms={terms} />
            ) : (
              <SourceResult hit={hit} terms={terms} />
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
