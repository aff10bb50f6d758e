// The print view of a talk as one plain HTML document: every day in full, written as text and
// streamed a window of days at a time (app/talks/[slug]/print/route.ts). A document, not an app
// page: no React payload to repeat the content for hydration, no script but the print button's,
// so a 20,000-statement talk costs the browser about what a static list of it would
// (docs/decisions/008-talk-page-windows.md). Pure: data in, HTML out; every value is escaped by
// lib/html.ts. It shows what the timeline shows, in the timeline's words (lib/labels.ts,
// lib/statements/when-said.ts) and with the same ids, so links to days and statements hold.
import type { CitedSource, SessionGroup, TalkFrame, TimelineSession, TimelineStatement, WindowContent } from "../data/talks";
import type { ConvergenceRow } from "../timeline/convergence";
import { Html, html, safeHref } from "../html";
import { talkExportLinks } from "../exports/links";
import { CAPACITY_LABEL, GAP_LABEL, OUTCOME_LABEL, SESSION_KIND_LABEL, SETTING_LABEL, STATEMENT_KIND_LABEL, TALK_STATUS_LABEL } from "../labels";
import { splitQuote } from "../quote";
import { statementDay } from "../timeline/build";
import { whenSaid } from "../statements/when-said";
import { formatDayRange, formatLocalDay } from "../time/local-day";
import { sessionSpan } from "../time/session-times";
import { zoneNamesDuring } from "../time/zones";

export type PrintContext = { frame: TalkFrame; query: string; nonce: string; filterNote: string | null };

const n = (x: number) => x.toLocaleString("en-GB");
const dayNumbers = (first: number, count: number) => (count === 1 ? `Day ${n(first)}` : `Days ${n(first)}–${n(first + count - 1)}`);

/** Everything before the days: the document's head, the talk, the gap strip; opens the list of days. */
export function printHead(ctx: PrintContext, convergence: ConvergenceRow[]): Html {
  const { talk, parties, issues } = ctx.frame;
  // The offsets the round used, as the talk page's header names them ("CET/CEST").
  const zone = zoneNamesDuring(talk.venueTimeZone, talk.firstDay, talk.lastDay).join("/");
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${talk.title} (for printing) · Parley</title>
<style nonce="${ctx.nonce}">${new Html(PRINT_CSS)}</style></head>
<body><main class="print-view" id="main">
<p class="bar no-print"><a href="/talks/${talk.slug}${ctx.query}">Back to the timeline</a><button type="button" id="print-button" hidden>Print or save as PDF</button></p>
<nav class="exports no-print" aria-label="Export this talk">Export: ${joinWith(
    talkExportLinks(talk.slug).map((l) => html`<a href="${l.href}" title="${l.description}">${l.label}</a>`),
    " · ",
  )}</nav>
<header class="talk-header"><h1>${talk.title}</h1>
<p class="meta"><span class="badge">${TALK_STATUS_LABEL[talk.status]}</span> ${talk.venueCity} · ${formatDayRange(talk.firstDay, talk.lastDay)}</p>
${talk.summary ? html`<p class="summary">${talk.summary}</p>` : null}
<dl class="facts"><dt>Parties</dt><dd>${joinWith(
    parties.map((p) => html`${p.name}${p.heads.length ? html` <span class="muted">— head of delegation: ${p.heads.map((h) => h.name).join(", ")}</span>` : null}`),
    " · ",
  )}</dd>
<dt>Agenda</dt><dd>${issues.length ? issues.map((i) => i.name).join(" · ") : html`<span class="muted">No issues recorded</span>`}</dd>
<dt>Time</dt><dd>Days and clock times are ${talk.venueCity}’s (${talk.venueTimeZone}, ${zone}).</dd></dl></header>
${ctx.filterNote ? html`<p class="muted">${ctx.filterNote}</p>` : null}
${strip(convergence)}
<ol class="timeline" aria-label="Days of the talk">
`;
}

/** A window of days, as list items of the timeline. */
export function printDays(ctx: PrintContext, content: WindowContent): Html {
  const tz = ctx.frame.talk.venueTimeZone;
  const parties = ctx.frame.parties.map((p) => p.slug);
  const issueName = new Map(ctx.frame.issues.map((i) => [i.slug, i.name]));
  const filtered = Object.keys(ctx.frame.filters).length > 0;
  const statements = (list: TimelineStatement[]) => html`<div class="statements">${list.map((s) => statement(s, tz, parties))}</div>`;
  const body = (sessions: SessionGroup[], outside: TimelineStatement[], outsideLabel: string) => html`${
    sessions.length ? html`<h3>Sessions</h3>${sessions.map((g) => session(g.session, g.statements.length ? statements(g.statements) : null, tz))}` : null
  }${outside.length ? html`<h3>${outsideLabel}</h3>${statements(outside)}` : null}`;
  return html`${content.slots.map((slot) =>
    slot.kind === "empty"
      ? html`<li class="day-run">${dayNumbers(slot.firstNumber, slot.count)} · ${slot.count === 1 ? formatLocalDay(slot.first) : formatDayRange(slot.first, slot.last)} — <i>${filtered ? "nothing matches the filters" : "nothing recorded"}</i></li>
`
      : html`<li id="day-${slot.day}" class="day"><h2>Day ${n(slot.number)} · ${formatLocalDay(slot.day)}</h2>${body(
          slot.value.sessions,
          slot.value.outside,
          slot.value.sessions.length ? "Outside the sessions" : "Statements",
        )}${
          slot.value.assessments.length
            ? html`<h3>Gap assessments</h3><ul class="assessments">${slot.value.assessments.map(
                (a) => html`<li class="gap--${a.gap}"><b>${issueName.get(a.issueSlug) ?? a.issueSlug}</b>: ${GAP_LABEL[a.gap]}${a.note ? html` — ${a.note}` : null} <span class="muted">(${a.authorName})</span></li>`,
              )}</ul>`
            : null
        }</li>
`,
  )}${
    content.undated
      ? html`<li id="day-unknown" class="day undated"><h2>Day not reported</h2><p class="muted">Recorded for this talk, but the sources do not say on which day.</p>${body(content.undated.sessions, content.undated.statements, "Statements")}</li>
`
      : null
  }`;
}

/** Closes the list of days; the sources; the print button's script. */
export function printTail(ctx: PrintContext, sources: CitedSource[], nothing: boolean): Html {
  return html`</ol>
${nothing ? html`<p class="muted">Nothing is recorded for this talk yet.</p>` : null}
<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2>${
    sources.length === 0
      ? html`<p class="muted">Nothing on this timeline cites a source yet.</p>`
      : html`<ol>${sources.map(
          (src) =>
            html`<li id="source-${src.number}" value="${src.number}">${src.publisher}, ${src.url ? html`<a href="${safeHref(src.url)}" rel="noopener noreferrer">“${src.title}”</a> <span class="url">${src.url}</span>` : html`<cite>“${src.title}”</cite>`}${
              src.publishedOn ? html`, ${formatLocalDay(src.publishedOn)}` : null
            } <span class="muted">— cited ${src.citations} ${src.citations === 1 ? "time" : "times"} in this talk</span></li>`,
        )}</ol>`
  }</section>
</main>
<script nonce="${ctx.nonce}">(function(){var b=document.getElementById("print-button");b.hidden=false;b.addEventListener("click",function(){window.print()})})()</script>
</body></html>
`;
}

// A document for reading and printing, lean on purpose: a statement is an article of three
// paragraphs (who and when, what, on what and from where), its labels written as text, so the
// browser builds about as little as for a plain list of the same words.
function session(s: TimelineSession, statements: Html | null, tz: string): Html {
  const facts = [s.startsAt ? sessionTime(s.startsAt, s.endsAt, tz) : null, s.kind ? SESSION_KIND_LABEL[s.kind] : "Kind not reported", OUTCOME_LABEL[s.outcome]];
  return html`<section id="session-${s.id}" class="session"><h4>${s.title}</h4> <span class="muted">${facts.filter((f) => f !== null).join(" · ")}</span>${
    s.summary ? html`<p>${s.summary}</p>` : null
  }${s.outcomeNote ? html`<p>${s.outcomeNote}</p>` : null}<p class="foot">${foot(null, s.issues, s.sources)}</p>${statements}</section>`;
}

/** "10:00–12:30 CET", or with the end's day and zone when they differ from the start's. */
function sessionTime(startsAt: Date, endsAt: Date | null, tz: string): string {
  const span = sessionSpan(startsAt, endsAt, tz);
  const end = span.end;
  if (!end) return `${span.start.time} ${span.start.zone}`;
  if (end.dayOffset === 0 && end.zone === span.start.zone) return `${span.start.time}–${end.time} ${span.start.zone}`;
  return `${span.start.time} ${span.start.zone} – ${end.time}${end.zone !== span.start.zone ? ` ${end.zone}` : ""}${end.dayLabel ? ` ${end.dayLabel}` : ""}`;
}

function statement(s: TimelineStatement, tz: string, parties: string[]): Html {
  const speaker = s.envoy ? s.envoy.name : s.party.shortName;
  const { before, quote, after } = splitQuote(s.text, s.quotedWords);
  const when = whenSaid(s, tz);
  const whenText =
    when.kind === "time"
      ? `${when.clock} ${when.zone}`
      : when.kind === "part"
        ? when.label
        : when.kind === "unknown"
          ? `day not reported${when.reportedOn ? ` · reported ${formatLocalDay(when.reportedOn)}` : ""}`
          : null;
  const who = [`${s.envoy ? `${s.party.shortName}, ` : ""}${CAPACITY_LABEL[s.capacity]}`, STATEMENT_KIND_LABEL[s.kind], whenText].filter((x) => x !== null).join(" · ");
  const away = s.session && s.session.day !== statementDay(s, tz);
  return html`<article id="statement-${s.id}" class="statement" data-party-index="${Math.max(0, parties.indexOf(s.party.slug))}" aria-label="${speaker}: ${STATEMENT_KIND_LABEL[s.kind]}"><p class="who"><b>${speaker}</b> ${who}${
    away && s.session ? html`<br>Said in the session “${s.session.title}”${s.session.day ? `, which began on ${formatLocalDay(s.session.day)}` : ""}.` : null
  }</p><p>${before}${quote !== null ? html`<q>${quote}</q>` : null}${after}</p><p class="foot">${foot(s.setting !== "unknown" ? SETTING_LABEL[s.setting] : null, s.issues, s.sources)}</p></article>`;
}

function foot(setting: string | null, issues: { name: string }[], sources: { number: number; href: string }[]): Html {
  const words = [setting, issues.length ? `On: ${issues.map((i) => i.name).join(", ")}` : null].filter((x) => x !== null).join(" · ");
  return html`${words}${words ? " · " : ""}${
    sources.length
      ? html`${sources.length === 1 ? "Source" : "Sources"} ${joinWith(
          sources.map((src) => html`<a href="#source-${src.number}">[${src.number}]</a>`),
          ", ",
        )}`
      : html`<span class="unsourced">Unsourced</span>`
  }`;
}

function strip(rows: ConvergenceRow[]): Html | null {
  if (rows.length === 0 || rows[0]!.cells.length === 0) return null;
  if (!rows.some((r) => r.cells.some((c) => c.kind === "day" && c.assessment))) {
    return html`<section class="convergence"><h2>Is the gap closing?</h2><p class="muted">No day of this talk has been assessed yet.</p></section>`;
  }
  const columns = rows[0]!.cells;
  return html`<section class="convergence" aria-labelledby="convergence-heading"><h2 id="convergence-heading">Is the gap closing?</h2><p class="muted">Editors’ assessment of the gap between the parties on each issue, day by day.</p>
<table><caption class="visually-hidden">Gap between the parties by issue (rows) and day of the talk (columns)</caption><thead><tr><th scope="col">Issue</th>${columns.map((c) =>
    c.kind === "day" ? html`<th scope="col">Day ${n(c.number)}<br><span class="muted">${formatLocalDay(c.day)}</span></th>` : html`<th scope="col" class="muted">${dayNumbers(c.firstNumber, c.count)}<br>nothing recorded</th>`,
  )}</tr></thead><tbody>${rows.map(
    (row) =>
      html`<tr><th scope="row">${row.issue.name}</th>${row.cells.map((c) =>
        c.kind === "empty" ? html`<td class="run"></td>` : c.assessment ? html`<td class="gap--${c.assessment.gap}">${GAP_LABEL[c.assessment.gap]}</td>` : html`<td><span class="visually-hidden">Not assessed</span></td>`,
      )}</tr>`,
  )}</tbody></table></section>`;
}

function joinWith(parts: Html[], separator: string): Html[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [html`${separator}`, p]));
}

// The timeline's look, condensed for a document (app/globals.css holds the app's). A constant of
// ours, written into the page as it is: <style> content is not HTML, so it must not be escaped.
// As on the talk page, days off screen are laid out only when scrolled near (content-visibility),
// and all of them when printed.
const PRINT_CSS = `
:root{--ink:#1c2126;--ink-2:#4a535c;--ink-3:#66707a;--rule:#dfe2e5;--accent:#1f4f8a}
*{box-sizing:border-box}body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",sans-serif}
a{color:var(--accent)}h1,h2,h3,h4,p{margin:0}h1{font-size:1.6rem}h2{font-size:1.15rem}h4{font-size:1rem;display:inline}ol,ul{margin:0;padding:0;list-style:none}
.print-view{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem}
.bar{display:flex;justify-content:space-between;align-items:center;margin-bottom:1rem}
.exports{margin:-.5rem 0 1rem;font-size:.88rem;color:var(--ink-2)}
.bar button{font:inherit;padding:.35rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
.muted{color:var(--ink-3)}.meta{margin:.4rem 0;color:var(--ink-2)}.summary{max-width:48rem;color:var(--ink-2)}
.facts{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem;margin:.6rem 0 0;font-size:.92rem}.facts dt{color:var(--ink-3)}.facts dd{margin:0}
.badge{display:inline-block;font-size:.75rem;border:1px solid var(--rule);border-radius:999px;padding:0 .45rem;color:var(--ink-2)}
.convergence{margin-top:1.25rem}.convergence table{border-collapse:collapse;font-size:.8rem;margin-top:.4rem}.convergence th,.convergence td{border:1px solid var(--rule);padding:.2rem .4rem;text-align:center}
.convergence tbody th{text-align:left}.run{background:#f4f5f6}
.gap--agreed,.gap--narrowing{background:#e6f2ea}.gap--widening{background:#fbf1dc}.gap--deadlocked{background:#f9e5e5}
.timeline{margin-top:1.25rem}.day{border-top:2px solid var(--ink);padding-top:.5rem;margin-top:1.1rem;content-visibility:auto;contain-intrinsic-block-size:auto 30rem}.undated{border-top-style:dashed}
.day-run{border-top:1px dashed var(--rule);margin-top:.8rem;padding-top:.3rem;color:var(--ink-3);font-size:.9rem}
h3{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--ink-3);margin:.8rem 0 .3rem}
.session{border:1px solid var(--rule);border-radius:4px;padding:.6rem .8rem;margin-top:.5rem}.session>p{color:var(--ink-2);margin-top:.25rem}
.statements{margin-top:.45rem}.statement{border-left:3px solid var(--rule);padding-left:.7rem;margin-top:.45rem}
.statement[data-party-index="0"]{border-left-color:#5b7fa8}.statement[data-party-index="1"]{border-left-color:#a8745b}
.who{font-size:.9rem;color:var(--ink-3)}.who b{color:var(--ink)}q{font-family:Georgia,"DejaVu Serif",serif;font-style:italic}
.foot{font-size:.82rem;color:var(--ink-3);margin-top:.15rem}.unsourced{color:#9b2c2c;font-weight:600}
.assessments li{margin-top:.2rem;padding:.2rem .4rem;border-radius:4px}.assessments .muted{color:var(--ink-2)}
.sources{margin-top:2rem;border-top:1px solid var(--rule);padding-top:.8rem;font-size:.9rem}.sources ol{list-style:decimal;padding-left:1.75rem}.url{color:var(--ink-3);word-break:break-all}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{.no-print{display:none!important}.day{content-visibility:visible}body{font-size:10pt}.print-view{max-width:none;padding:0}a{color:inherit;text-decoration:none}.day h2{break-after:avoid}.session,.statement{break-inside:avoid}.gap--agreed,.gap--narrowing,.gap--widening,.gap--deadlocked,.run{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
`;

/**
 * The embeddable timeline (/embed/talks/<slug>): a window of days in the print view's compact
 * markup, for another site's iframe — the talk's name and dates, the days, the sources they cite,
 * pages of earlier and later days inside the frame, and links out to Parley in a new tab. No
 * script. `site` is Parley's own address, for the links out.
 */
export function embedDocument(
  ctx: PrintContext,
  page: { window: WindowContent; sources: CitedSource[]; site: string; pageHref: (from: string) => string },
): Html {
  const { talk } = ctx.frame;
  const zone = zoneNamesDuring(talk.venueTimeZone, talk.firstDay, talk.lastDay).join("/");
  const full = `${page.site}/talks/${talk.slug}${ctx.query}`;
  const out = (href: string, text: string) => html`<a href="${href}" target="_blank" rel="noopener">${text}</a>`;
  const { window } = page;
  const nothing = !window.slots.some((s) => s.kind === "day") && !window.undated;
  return html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${talk.title} · Parley</title>
<style nonce="${ctx.nonce}">${new Html(PRINT_CSS)}${new Html(EMBED_CSS)}</style></head>
<body><main class="print-view embed" id="main">
<header class="talk-header"><h1>${out(full, talk.title)}</h1>
<p class="meta"><span class="badge">${TALK_STATUS_LABEL[talk.status]}</span> ${talk.venueCity} · ${formatDayRange(talk.firstDay, talk.lastDay)} · <span class="muted">days and times are ${talk.venueCity}’s (${zone})</span></p></header>
${ctx.filterNote ? html`<p class="muted">${ctx.filterNote}</p>` : null}
${nothing ? html`<p class="muted">Nothing is recorded for this talk yet.</p>` : html`<ol class="timeline" aria-label="Days of the talk">${printDays(ctx, window)}</ol>`}
${
  window.previous || window.next
    ? html`<nav class="pager" aria-label="Earlier and later days">${window.previous ? html`<a href="${page.pageHref(window.previous)}" rel="prev">← Earlier days</a>` : html`<span></span>`}${
        window.next ? html`<a href="${page.pageHref(window.next)}" rel="next">Later days →</a>` : html`<span></span>`
      }</nav>`
    : null
}
${
  page.sources.length
    ? html`<section class="sources" aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2><ol>${page.sources.map(
        (src) =>
          html`<li id="source-${src.number}" value="${src.number}">${src.publisher}, ${src.url ? html`<a href="${safeHref(src.url)}" target="_blank" rel="noopener noreferrer">“${src.title}”</a>` : html`<cite>“${src.title}”</cite>`}${
            src.publishedOn ? html`, ${formatLocalDay(src.publishedOn)}` : null
          }</li>`,
      )}</ol></section>`
    : null
}
<p class="credit">From ${out(page.site, "Parley")} · ${out(full, "the full record, with search, filters and history")}</p>
</main></body></html>
`;
}

const EMBED_CSS = `
body{font-size:14px}.embed{padding:.75rem .9rem 1rem;max-width:none}.embed h1{font-size:1.2rem}.embed h1 a{color:inherit;text-decoration:none}.embed h1 a:hover{text-decoration:underline}
.embed .timeline{margin-top:.6rem}.embed .day{margin-top:.8rem}
.pager{display:flex;justify-content:space-between;margin-top:1rem;font-size:.9rem}.credit{margin-top:1rem;font-size:.8rem;color:var(--ink-3);border-top:1px solid var(--rule);padding-top:.5rem}
`;
