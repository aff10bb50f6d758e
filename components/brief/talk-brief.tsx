import "./brief.css";
import type { ReactNode } from "react";
import type { Brief, BriefChange, BriefIssue, BriefSessionLine, BriefStatement, BriefStripCell } from "@/lib/brief/build";
import type { Gap } from "@/lib/enums";
import { GAP_LABEL, OUTCOME_LABEL, STATEMENT_KIND_LABEL, TALK_STATUS_LABEL } from "@/lib/labels";
import { splitQuote } from "@/lib/quote";
import { formatDayRange, formatDayRangeShort, formatLocalDayShort } from "@/lib/time/local-day";
import { momentParam } from "@/lib/time/moment";

const n = (x: number) => x.toLocaleString("en-GB");

/** The letter a gap cell shows (colour never carries the meaning alone; the legend spells them out). */
const GAP_LETTER: Record<Gap, string> = { agreed: "A", narrowing: "N", unchanged: "U", widening: "W", deadlocked: "D" };
const GAP_ORDER: Gap[] = ["agreed", "narrowing", "unchanged", "widening", "deadlocked"];

/** "5–6 Feb", or "Sat 4 Feb" for one day (a brief of a past moment may cover only the first). */
const rangeShort = (first: string, last: string) => (first === last ? formatLocalDayShort(first) : formatDayRangeShort(first, last));
const dayLabel = (number: number | null, day: string) => (number !== null ? `Day ${n(number)} · ${formatLocalDayShort(day)}` : formatLocalDayShort(day));
const runLabel = (r: { first: string; last: string; firstNumber: number; count: number }) =>
  r.count === 1 ? dayLabel(r.firstNumber, r.first) : `Days ${n(r.firstNumber)}–${n(r.firstNumber + r.count - 1)} · ${formatDayRangeShort(r.first, r.last)}`;
const whenOf = (s: BriefStatement) => (s.day === null ? "day not reported" : s.number !== null ? `day ${n(s.number)}` : formatLocalDayShort(s.day));

/**
 * The brief of a talk (/talks/<slug>/brief): one or two printed pages an analyst can send on —
 * where each side stands on each issue, whether the gap is closing, each day's outcome, what is
 * not known, and the sources. Server-rendered, no script; prints on A4 and Letter (brief.css).
 */
export function TalkBrief({ brief, asOfFuture = false, sinceIgnored = false }: { brief: Brief; asOfFuture?: boolean; sinceIgnored?: boolean }) {
  const { talk } = brief;
  const span = brief.span;
  const { changes } = brief;
  // The timeline of the same moment: as known then, or with the same changes marked.
  const moment = brief.asOf.past ? `?${new URLSearchParams({ asOf: momentParam(brief.asOf.instant, talk.venueTimeZone) })}` : changes ? `?${new URLSearchParams({ since: momentParam(changes.instant, talk.venueTimeZone) })}` : "";
  return (
    <article className="brief" aria-labelledby="brief-title">
      <p className="brief__back no-print">
        <a href={`/talks/${talk.slug}${moment}`}>Back to the timeline{brief.asOf.past ? " as known then" : changes ? " with these changes" : ""}</a> · Print this page, or save it as PDF, on A4 or Letter paper.
      </p>
      <header className="brief__head">
        <p className="brief__kind">Brief</p>
        <h1 id="brief-title">{talk.title}</h1>
        <p className="brief__meta">
          {TALK_STATUS_LABEL[talk.status]} · {talk.venueCity} · {formatDayRange(talk.firstDay, talk.lastDay)} · this brief covers {span.lastNumber > 1 ? `days 1–${n(span.lastNumber)}` : "day 1"} ({rangeShort(span.firstDay, span.lastDay)}
          {talk.lastDay === null ? ", the latest day recorded" : ""}); days are {talk.venueCity}’s.
        </p>
        <p className="brief__asof">
          <strong>{brief.asOf.past ? "As known on" : "As of"}</strong> {brief.asOf.venue} · {brief.asOf.utc}
        </p>
        {brief.asOf.past ? (
          <p className="brief__moment">
            The record as editors had it then, rebuilt from its history: what was added later is absent, what was corrected later shows its text of then,
            what was deleted later is here. Parties, issues and sources are named as they are now.
            <span className="no-print">
              {" "}
              <a href={`/talks/${talk.slug}/brief`}>See the brief now</a>
            </span>
            {sinceIgnored ? <> Changes since a moment are marked only on the brief now.</> : null}
          </p>
        ) : null}
        {asOfFuture ? <p className="brief__moment">The moment asked for is still to come: this is the brief as the record stands now.</p> : null}
        {changes ? <ChangesLine changes={changes} slug={talk.slug} timelineHref={`/talks/${talk.slug}${moment}`} /> : null}
      </header>

      <section className="brief__section" aria-labelledby="brief-issues">
        <h2 id="brief-issues">Where each side stands</h2>
        {brief.issues.length === 0 ? <p className="muted">No issues are on this talk’s agenda.</p> : null}
        {brief.issues.map((issue) => (
          <IssueBlock key={issue.slug} issue={issue} />
        ))}
        <p className="brief__legend">
          Gap, as editors assessed it each day:{" "}
          {GAP_ORDER.map((g) => (
            <span key={g} className="brief__legend-item">
              <span className={`brief-cell brief-cell--${g}`} aria-hidden="true">
                {GAP_LETTER[g]}
              </span>{" "}
              {GAP_LABEL[g]}
            </span>
          ))}
          <span className="brief__legend-item">
            <span className="brief-cell brief-cell--none" aria-hidden="true">
              ·
            </span>{" "}
            not assessed
          </span>
          {brief.daysLeftOut > 0 ? <> · The strips and the days below start after the first {n(brief.daysLeftOut)} days.</> : null}
        </p>
      </section>

      <section className="brief__section" aria-labelledby="brief-days">
        <h2 id="brief-days">Day by day</h2>
        <table className="brief-days">
          <caption className="visually-hidden">Each day’s sessions and their outcome</caption>
          <tbody>
            {brief.days.map((d) =>
              d.kind === "empty" ? (
                <tr key={d.first} className="brief-days__empty">
                  <th scope="row">{runLabel(d)}</th>
                  <td>Nothing reported.</td>
                </tr>
              ) : (
                <tr key={d.day}>
                  <th scope="row">{dayLabel(d.number, d.day)}</th>
                  <td>
                    {d.sessions.length === 0 ? (
                      <span className="muted">
                        No session recorded{d.statements ? ` · ${n(d.statements)} ${d.statements === 1 ? "statement" : "statements"}` : ""}.
                      </span>
                    ) : (
                      <SessionLines lines={d.sessions} />
                    )}
                  </td>
                </tr>
              ),
            )}
            {brief.undatedSessions.length > 0 ? (
              <tr className="brief-days__undated">
                <th scope="row">Day not reported</th>
                <td>
                  <SessionLines lines={brief.undatedSessions} />
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>

      <section className="brief__section" aria-labelledby="brief-unknowns">
        <h2 id="brief-unknowns">What is not known</h2>
        <ul className="brief-unknowns">
          <li>
            {brief.unknowns.silentDays.length === 0 ? (
              "Every day of the talk has a statement or a session recorded."
            ) : (
              <>
                No report (no statement, no session) for{" "}
                {brief.unknowns.silentDays.map((r, i) => (
                  <span key={r.first}>
                    {i > 0 ? "; " : ""}
                    {r.count === 1 ? `day ${n(r.firstNumber)}` : `days ${n(r.firstNumber)}–${n(r.firstNumber + r.count - 1)}`} ({rangeShort(r.first, r.last)})
                  </span>
                ))}
                .
              </>
            )}
          </li>
          {brief.undatedSessions.length > 0 ? (
            <li>
              {n(brief.undatedSessions.reduce((k, l) => k + l.titles.length, 0))} sessions held on days the sources do not give (under “Day not reported” above).
            </li>
          ) : null}
          <li>
            {brief.unknowns.undatedStatementCount === 0 ? (
              "Every statement has its day."
            ) : (
              <>
                <p className="brief-undated__intro">
                  {n(brief.unknowns.undatedStatementCount)} {brief.unknowns.undatedStatementCount === 1 ? "statement" : "statements"} whose day is not reported
                  {brief.unknowns.undatedStatementCount > brief.unknowns.undatedStatements.length
                    ? ` (the first ${n(brief.unknowns.undatedStatements.length)} recorded; all of them are on the timeline under “Day not reported”)`
                    : ""}
                  :
                </p>
                <ol className="brief-undated">
                  {brief.unknowns.undatedStatements.map((s) => (
                    <li key={s.id}>
                      <b>{s.speaker === s.party ? s.speaker : `${s.speaker} (${s.party})`}</b>, {STATEMENT_KIND_LABEL[s.kind].toLowerCase()}: {shorten(s.text)} <Refs numbers={s.sources} />
                      <Tag change={s.change} />
                    </li>
                  ))}
                </ol>
              </>
            )}
          </li>
          {brief.unknowns.unsourcedStatements > 0 ? (
            <li>
              {n(brief.unknowns.unsourcedStatements)} {brief.unknowns.unsourcedStatements === 1 ? "statement has" : "statements have"} no source.
            </li>
          ) : null}
        </ul>
      </section>

      <section className="brief__section brief-sources" aria-labelledby="brief-sources">
        <h2 id="brief-sources">Sources</h2>
        {brief.sources.length === 0 ? (
          <p className="muted">Nothing in this brief cites a source.</p>
        ) : (
          <ol>
            {brief.sources.map((src) => (
              <li key={src.id} id={`brief-source-${src.number}`} value={src.number}>
                {src.publisher}, “{src.title}”{src.publishedOn ? `, ${formatDayRange(src.publishedOn, src.publishedOn)}` : ""}.{" "}
                {src.url ? <a href={src.url} rel="noopener noreferrer">{src.url}</a> : <span className="muted">No URL recorded.</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="brief__foot">
        From Parley’s record of the talk (/talks/{talk.slug}). Positions are each party’s latest position, demand, denial or direct quote on the issue; gaps are its editors’ assessments.
      </p>
    </article>
  );
}

function IssueBlock({ issue }: { issue: BriefIssue }) {
  return (
    <section className="brief-issue" aria-labelledby={`brief-issue-${issue.slug}`}>
      <div className="brief-issue__head">
        <h3 id={`brief-issue-${issue.slug}`}>{issue.name}</h3>
        <p className="brief-issue__trend">
          Gap: <strong>{issue.trend.text}</strong>
        </p>
      </div>
      <GapStrip issue={issue} />
      <table className="brief-positions">
        <caption className="visually-hidden">Latest position of each party on {issue.name}</caption>
        <tbody>
          {issue.positions.map((p) => (
            <tr key={p.party.slug}>
              <th scope="row">{p.party.shortName}</th>
              <td>
                {p.statement === null ? (
                  <span className="muted">Nothing on record on this issue.</span>
                ) : (
                  <>
                    {p.basis === "remark" ? <span className="muted">No stated position; latest remark: </span> : null}
                    <Said statement={p.statement} />{" "}
                    <span className="brief__when">
                      — {p.statement.speaker !== p.statement.party ? `${p.statement.speaker}, ` : ""}
                      {STATEMENT_KIND_LABEL[p.statement.kind].toLowerCase()}, {whenOf(p.statement)} <Refs numbers={p.statement.sources} />
                    </span>
                    <Tag change={p.statement.change} />
                    {p.undatedOthers > 0 ? (
                      <span className="brief__others">
                        {" "}
                        (+{n(p.undatedOthers)} other {p.undatedOthers === 1 ? (p.basis === "stance" ? "stance" : "remark") : p.basis === "stance" ? "stances" : "remarks"} with no reported day)
                      </span>
                    ) : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {issue.quotes.length > 0 ? (
        <div className="brief-quotes">
          <h4>In their words</h4>
          <ul>
            {issue.quotes.map((q) => (
              <li key={q.id}>
                <q>{q.quotedWords ?? q.text}</q> — {q.speaker}
                {q.speaker !== q.party ? ` (${q.party})` : ""}, {whenOf(q)} <Refs numbers={q.sources} />
                <Tag change={q.change} />
              </li>
            ))}
          </ul>
          {issue.quotesLeftOut > 0 ? (
            <p className="brief__others">
              {n(issue.quotesLeftOut)} more {issue.quotesLeftOut === 1 ? "statement" : "statements"} on this issue quote words (repeats or earlier): see the timeline.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** The gap by day as a row of cells, with the same in words for screen readers. */
function GapStrip({ issue }: { issue: BriefIssue }) {
  const words = issue.strip
    .map((c) =>
      c.kind === "empty" ? `${runLabel(c)}: nothing recorded` : `${dayLabel(c.number, c.day)}: ${c.gap ? GAP_LABEL[c.gap].toLowerCase() : "not assessed"}${c.change ? ` (assessment ${c.change} since)` : ""}`,
    )
    .join("; ");
  const changed = issue.strip.filter((c) => c.kind === "day" && c.change !== null) as Extract<BriefStripCell, { kind: "day" }>[];
  return (
    <div className="brief-strip">
      <p className="visually-hidden">Gap by day on {issue.name}: {words}.</p>
      <ol className="brief-strip__cells" aria-hidden="true">
        {issue.strip.map((c) => (
          <li key={c.kind === "day" ? c.day : c.first} className={c.kind === "empty" ? "brief-strip__run" : undefined}>
            <span className="brief-strip__day">{c.kind === "day" ? n(c.number) : `${n(c.firstNumber)}${c.count > 1 ? `–${n(c.firstNumber + c.count - 1)}` : ""}`}</span>
            <Cell cell={c} />
          </li>
        ))}
      </ol>
      {changed.length > 0 ? (
        <p className="brief-strip__changes" aria-hidden="true">
          Assessment {changed.map((c, i) => (
            <span key={c.day}>
              {i > 0 ? "; " : ""}
              of day {n(c.number)} <Tag change={c.change} />
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function Cell({ cell }: { cell: BriefStripCell }) {
  if (cell.kind === "empty") return <span className="brief-cell brief-cell--run" />;
  // A changed assessment's cell is outlined (a shape, which prints; the line under the strip says how).
  const changed = cell.change ? " brief-cell--changed" : "";
  if (!cell.gap) return <span className={`brief-cell brief-cell--none${changed}`}>·</span>;
  return <span className={`brief-cell brief-cell--${cell.gap}${changed}`}>{GAP_LETTER[cell.gap]}</span>;
}

/** "added" / "corrected" since the moment the brief marks changes from: words in a box, which print as such. */
function Tag({ change }: { change: BriefChange | null }) {
  if (!change) return null;
  return (
    <>
      {/* A no-break space: the tag stays with what it marks (its source numbers) when the line wraps. */}
      {"\u00a0"}
      <span className={`brief-tag brief-tag--${change}`}>{change}</span>
    </>
  );
}

/** "5 changes since Monday 6 February 2006, 18:00 (Beijing)", with what they were. */
function ChangesLine({ changes, slug, timelineHref }: { changes: NonNullable<Brief["changes"]>; slug: string; timelineHref: string }) {
  const kinds = [
    ["statement", "statements", changes.statements],
    ["session", "sessions", changes.sessions],
    ["gap assessment", "gap assessments", changes.assessments],
  ] as const;
  // "2 statements added, 1 corrected; 1 session corrected"
  const parts = kinds.flatMap(([one, many, t]) => {
    const noun = (k: number) => `${n(k)} ${k === 1 ? one : many}`;
    if (t.added && t.corrected) return [`${noun(t.added)} added, ${n(t.corrected)} corrected`];
    if (t.added) return [`${noun(t.added)} added`];
    if (t.corrected) return [`${noun(t.corrected)} corrected`];
    return [];
  });
  return (
    <p className="brief__changes">
      <strong>
        {n(changes.total)} {changes.total === 1 ? "change" : "changes"} since {changes.label}
      </strong>
      {changes.total === 0 ? (
        " to statements, sessions and gap assessments."
      ) : (
        <>
          : {parts.join("; ")}. Each is tagged <Tag change="added" /> or <Tag change="corrected" /> where this brief shows it; the timeline shows them all.
        </>
      )}
      <span className="no-print">
        {" "}
        <a href={timelineHref}>See them on the timeline</a> ·{" "}
        <a href={`/talks/${slug}/brief`}>Hide the changes</a>
      </span>
    </p>
  );
}

function Said({ statement }: { statement: BriefStatement }) {
  const { before, quote, after } = splitQuote(statement.text, statement.quotedWords);
  return (
    <span className="brief__said">
      {before}
      {quote !== null ? <q>{quote}</q> : null}
      {after}
    </span>
  );
}

function SessionLines({ lines }: { lines: BriefSessionLine[] }) {
  return lines.map((l, i): ReactNode => (
    <span key={i} className="brief-days__line">
      {i > 0 ? " " : ""}
      {l.titles.join("; ")}: <strong>{OUTCOME_LABEL[l.outcome].toLowerCase()}</strong>
      {l.outcomeNote ? ` — ${l.outcomeNote}` : ""} <Refs numbers={l.sources} />
      <Tag change={l.change} />
    </span>
  ));
}

function Refs({ numbers }: { numbers: number[] }) {
  if (numbers.length === 0) return <span className="brief__unsourced">[no source]</span>;
  return (
    <span className="brief__refs">
      {numbers.map((k, i) => (
        <span key={k}>
          {i > 0 ? "," : ""}
          <a href={`#brief-source-${k}`} aria-label={`source ${k}`}>
            [{k}]
          </a>
        </span>
      ))}
    </span>
  );
}

/** The first words of a long text, for the list of undated statements. */
function shorten(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20)).replace(/[\s,;:.]+$/, "")}…`;
}
