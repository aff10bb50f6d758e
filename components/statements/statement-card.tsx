import Link from "next/link";
import type { StatementRef } from "@/lib/data/statement-refs";
import { CAPACITY_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL } from "@/lib/labels";
import { splitQuote } from "@/lib/quote";
import { IssueLinks } from "../timeline/issue-links";
import { SourceCitations } from "./source-citations";
import { statementDay } from "@/lib/timeline/build";
import { WhenSaid } from "./when-said";

/**
 * A statement shown away from its talk's timeline (envoy, party and issue pages), with a link to
 * its place there. The day is given by the heading it sits under, so only a clock time or part of
 * day is shown here, and only as precisely as it was recorded.
 */
export function StatementCard({
  statement: s,
  talk,
  linkEnvoy = true,
  omitIssue,
  partyIndex,
  query = "",
}: {
  statement: StatementRef;
  talk: { slug: string; venueTimeZone: string };
  /** False on the envoy's own page, where every statement is theirs. */
  linkEnvoy?: boolean;
  /** The issue whose page this is: not repeated under each statement. */
  omitIssue?: string;
  /** The party's place in the talk, for the same colour as on the timeline. */
  partyIndex?: number;
  /** The moment the page shows ("?asOf=…", or ""): its links to the timeline and to issues keep it. */
  query?: string;
}) {
  const { before, quote, after } = splitQuote(s.text, s.quotedWords);
  const speaker = s.envoy ? s.envoy.name : s.party.shortName;
  const kind = STATEMENT_KIND_LABEL[s.kind];
  const issues = omitIssue ? s.issues.filter((i) => i.slug !== omitIssue) : s.issues;
  return (
    <li className="statement" data-party-index={partyIndex}>
      <article aria-label={`${speaker}: ${kind}`}>
        <p className="statement__who">
          {s.envoy && linkEnvoy ? (
            <Link className="speaker" href={`/envoys/${s.envoy.slug}`}>
              {speaker}
            </Link>
          ) : (
            <strong>{speaker}</strong>
          )}
          <span className="muted">{CAPACITY_LABEL[s.capacity]}</span>
          <span className="badge badge--outline">{kind}</span>
          <WhenSaid statement={s} timeZone={talk.venueTimeZone} underUndatedHeading citedOn={s.sources.map((src) => src.publishedOn)} />
          <Link
            href={`/talks/${talk.slug}/days/${statementDay(s, talk.venueTimeZone) ?? "unknown"}${query}#statement-${s.id}`}
            className="statement__open no-print"
          >
            Open in timeline<span className="visually-hidden">: {speaker}, {kind.toLowerCase()}</span>
          </Link>
        </p>
        <p className="statement__text">
          {before}
          {quote !== null && <q className="statement__quoted">{quote}</q>}
          {after}
        </p>
        <p className="statement__foot">
          {s.setting !== "unknown" && <span>{SETTING_LABEL[s.setting]}</span>}
          <IssueLinks issues={issues} query={query} />
          <SourceCitations sources={s.sources} />
        </p>
      </article>
    </li>
  );
}
