// `npm run db:check`: every live row of an existing database that breaks a rule the write core now
// enforces (issue 10). A database filled before a rule existed — or written around the write core —
// may hold rows no form would accept today: a statement dated on a day its venue skipped, a time on
// another day than its own, a statement outside its session, a day outside its talk, a retired zone
// name. The same rule functions as the write core and the talk document (lib/time/row-rules.ts,
// talk-span.ts, zone-calendar.ts); each finding names the row, where to edit it, and the sentence
// the form would show. Reads only. What the write core only warns of and an editor confirmed (a
// statement timed outside its session's times, issue 12) is listed apart, as a notice, and does
// not fail the check.
import type { Db } from "../db";
import { formatLocalDay, isLocalDay, isTimeZone } from "../time/local-day";
import { sessionTimingProblems, statementInSessionProblem, statementTimingProblems, type SessionTiming } from "../time/row-rules";
import { dayOutsideTalk, talkDaysProblem } from "../time/talk-span";
import { skippedDayProblem } from "../time/zone-calendar";
import { canonicalTimeZone } from "../time/zones";

export type Finding = { talk: string; row: string; address: string; problem: string };
export type CheckReport = {
  talks: number;
  rows: { sessions: number; statements: number; assessments: number; linkages: number };
  findings: Finding[];
  /** Rows the write core saves only when an editor confirms a warning: worth a look, not wrong. */
  notices: Finding[];
};

/** A day the rules can read (a stored day that is not one is reported on its own). */
const readable = (day: string | null) => day === null || isLocalDay(day);

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

export async function checkRecord(db: Db): Promise<CheckReport> {
  const talks = await db.talk.findMany({
    where: { deletedAt: null },
    select: { id: true, slug: true, venueTimeZone: true, venueCity: true, firstDay: true, lastDay: true, parties: { select: { partyId: true } } },
    orderBy: { slug: "asc" },
  });
  const report: CheckReport = { talks: talks.length, rows: { sessions: 0, statements: 0, assessments: 0, linkages: 0 }, findings: [], notices: [] };
  for (const talk of talks) {
    const where = { talkId: talk.id };
    const [sessions, statements, assessments, linkages] = await Promise.all([
      // Deleted sessions too: a statement may still be filed under one.
      db.session.findMany({ where, select: { id: true, title: true, localDay: true, startsAt: true, endsAt: true, deletedAt: true }, orderBy: { sequence: "asc" } }),
      db.statement.findMany({
        where: { ...where, deletedAt: null },
        select: {
          id: true,
          sessionId: true,
          partyId: true,
          saidOn: true,
          saidAt: true,
          saidPrecision: true,
          partOfDay: true,
          text: true,
          quotedWords: true,
          party: { select: { shortName: true } },
          envoy: { select: { name: true, partyId: true } },
        },
        orderBy: { sequence: "asc" },
      }),
      db.assessment.findMany({ where: { ...where, deletedAt: null }, select: { id: true, localDay: true, issue: { select: { name: true } } }, orderBy: { localDay: "asc" } }),
      db.linkage.findMany({ where: { ...where, deletedAt: null }, select: { id: true, statedOn: true, droppedOn: true, text: true } }),
    ]);
    const live = sessions.filter((s) => !s.deletedAt);
    report.rows.sessions += live.length;
    report.rows.statements += statements.length;
    report.rows.assessments += assessments.length;
    report.rows.linkages += linkages.length;

    const found = (row: string, address: string, problem: string) => report.findings.push({ talk: talk.slug, row, address: `/talks/${talk.slug}${address}`, problem });
    const canonical = canonicalTimeZone(talk.venueTimeZone);
    if (!isTimeZone(talk.venueTimeZone)) {
      found("the talk", "/edit", `Its venue’s zone, “${talk.venueTimeZone}”, is not a time zone this server knows; choose the venue’s zone again.`);
      continue; // Nothing about its days and times can be read without it.
    }
    if (canonical !== talk.venueTimeZone) {
      found("the talk", "/edit", `Its venue’s zone is stored under the retired name ${talk.venueTimeZone}; the current name is ${canonical}. Saving the talk’s form stores it.`);
    }
    const zone = talk.venueTimeZone;
    const place = talk.venueCity || zone;
    const daysProblem = talkDaysProblem(talk);
    if (daysProblem) found("the talk", "/edit", daysProblem.message);
    for (const field of ["firstDay", "lastDay"] as const) {
      const day = talk[field];
      const skipped = day ? skippedDayProblem(zone, day, place) : null;
      if (skipped) found("the talk", "/edit", skipped);
    }
    /** Outside the talk, skipped at the venue, or not a calendar day at all. */
    const dayProblem = (day: string | null) => {
      if (day === null) return null;
      if (!isLocalDay(day)) return `Its day, “${day}”, is not a calendar day.`;
      return dayOutsideTalk(talk, day, `Its day, ${formatLocalDay(day)},`) ?? skippedDayProblem(zone, day, place);
    };

    const timingOf = new Map<string, SessionTiming & { title: string }>(sessions.map((s) => [s.id, s]));
    for (const s of live) {
      const row = `session “${s.title}”${s.localDay && isLocalDay(s.localDay) ? ` on ${formatLocalDay(s.localDay)}` : ""}`;
      const address = `/sessions/${s.id}/edit`;
      const day = dayProblem(s.localDay);
      if (day) found(row, address, day);
      if (readable(s.localDay)) for (const p of sessionTimingProblems(s, zone)) found(row, address, p.message);
    }
    for (const st of statements) {
      const row = `statement by ${st.envoy?.name ?? st.party.shortName}, “${excerpt(st.text)}”`;
      const address = `/statements/${st.id}/edit`;
      const day = dayProblem(st.saidOn);
      if (day) found(row, address, day);
      const timing = { saidOn: st.saidOn, saidAt: st.saidAt, saidPrecision: st.saidPrecision, partOfDay: st.partOfDay };
      const problems = readable(st.saidOn) ? statementTimingProblems(timing, zone) : [];
      for (const p of problems) found(row, address, p.message);
      const session = st.sessionId ? timingOf.get(st.sessionId) : undefined;
      if (st.sessionId && !session) found(row, address, "It is filed under a session of another talk.");
      const outside = session && readable(session.localDay) && readable(st.saidOn) && problems.length === 0 ? statementInSessionProblem({ saidOn: st.saidOn, saidAt: st.saidPrecision === "minute" ? st.saidAt : null }, session, zone) : null;
      if (outside?.confirmable) report.notices.push({ talk: talk.slug, row, address: `/talks/${talk.slug}${address}`, problem: outside.message });
      else if (outside) found(row, address, outside.message);
      if (st.envoy && st.envoy.partyId !== st.partyId) found(row, address, `Its speaker, ${st.envoy.name}, belongs to another party than the one it is filed under (${st.party.shortName}).`);
      if (!talk.parties.some((p) => p.partyId === st.partyId)) found(row, address, `Its party, ${st.party.shortName}, does not take part in the talk.`);
      if (st.quotedWords && !st.text.includes(st.quotedWords)) found(row, address, `Its quoted words, “${excerpt(st.quotedWords)}”, are not in its text word for word.`);
    }
    for (const a of assessments) {
      const day = dayProblem(a.localDay);
      if (day) found(`gap assessment of “${a.issue.name}”`, `/assessments/${a.id}/edit`, day);
    }
    for (const l of linkages) {
      for (const d of [l.statedOn, l.droppedOn]) {
        const day = dayProblem(d);
        if (day) found(`linkage “${excerpt(l.text)}”`, "", day);
      }
    }
  }
  return report;
}
