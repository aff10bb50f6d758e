import type { TimelineStatement } from "@/lib/data/talks";
import { CAPACITY_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL } from "@/lib/labels";
import { splitQuote } from "@/lib/quote";
import { statementDay } from "@/lib/timeline/build";
import { formatLocalDay } from "@/lib/time/local-day";
import { ChangeTag } from "./change-tag";
import { StatementEditLinks } from "./edit-links";
import { IssueLinks } from "./issue-links";
import { SourceList } from "./source-list";
import { WhenSaid } from "../statements/when-said";

export function StatementItem({
  statement: s,
  timeZone,
  partyIndex,
  permalink,
  editBase,
  sessionLink,
  query,
}: {
  /** The page's query ("" or "?…"): its issue links keep an "as known on" moment. */
  query?: string;
  /** Where a session is shown (its day page, at its anchor): for statements listed away from theirs. */
  sessionLink?: (session: { id: string; day: string | null }) => string;
  /** The talk's path, for editors: adds Edit, History and Delete. */
  editBase?: string;
  /** A link to this statement that holds wherever the talk page is long or filtered. */
  permalink: string;
  statement: TimelineStatement;
  timeZone: string;
  partyIndex: number;
}) {
  const { before, quote, after } = splitQuote(s.text, s.quotedWords);
  const speaker = s.envoy ? s.envoy.name : s.party.shortName;
  const text = (
    <>
      {before}
      {quote !== null && <q className="statement__quoted">{quote}</q>}
      {after}
    </>
  );
  return (
    <li id={`statement-${s.id}`} className={s.deletedSince ? "statement statement--deleted" : "statement"} data-party-index={partyIndex}>
      <article aria-label={`${speaker}: ${STATEMENT_KIND_LABEL[s.kind]}${s.deletedSince ? ", deleted since" : ""}`}>
        <p className="statement__who">
          <a className="speaker" href={s.envoy ? `/envoys/${s.envoy.slug}` : `/parties/${s.party.slug}`}>
            {speaker}
          </a>
          <span className="muted">
            {s.envoy ? <a href={`/parties/${s.party.slug}`}>{s.party.shortName}</a> : null}
            {s.envoy ? ", " : ""}
            {CAPACITY_LABEL[s.capacity]}
          </span>
          <span className="badge badge--outline">{STATEMENT_KIND_LABEL[s.kind]}</span>
          <WhenSaid statement={s} timeZone={timeZone} />
          <ChangeTag change={s.change} deletedSince={s.deletedSince} />
        </p>
        {s.session && sessionLink && s.session.day !== statementDay(s, timeZone) ? (
          <p className="statement__session small">
            Said in the session <a href={sessionLink(s.session)}>“{s.session.title}”</a>
            {s.session.day ? <>, which began on {formatLocalDay(s.session.day)}</> : null}.
          </p>
        ) : null}
        {/* Deleted since the moment asked (an editor's "what changed since"): its text as it was, struck through. */}
        <p className="statement__text">{s.deletedSince ? <del>{text}</del> : text}</p>
        <p className="statement__foot">
          {s.setting !== "unknown" && <span>{SETTING_LABEL[s.setting]}</span>}
          <IssueLinks issues={s.issues} query={query} />
          <SourceList sources={s.sources} />
          {s.deletedSince ? (
            // A deleted statement has no place to link to and nothing to edit: its history, where it is restored.
            editBase && (
              <a className="no-print" href={`${editBase}/statements/${s.id}/history`}>
                History and restore<span className="visually-hidden"> of the deleted statement by {speaker}</span>
              </a>
            )
          ) : (
            <>
              <a href={permalink} className="permalink no-print" aria-label={`Link to this statement by ${speaker}`}>
                #
              </a>
              {editBase && <StatementEditLinks base={editBase} id={s.id} />}
            </>
          )}
        </p>
      </article>
    </li>
  );
}
