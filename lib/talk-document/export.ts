// A talk as it stands, read whole for its exports: the `parley.talk/v1` document (the same shape
// the loader reads, lib/talk-document/load.ts), and the rows every other export is written from
// (CSV, iCalendar, TimelineJS; lib/exports/). Live rows only: a deleted session, statement,
// assessment or linkage is not exported, and a reference to a deleted session is dropped.
//
// Byte for byte the same document after a round trip (export → load into an empty database →
// export), which takes (docs/decisions/016-exports.md):
// - an order that does not depend on ids: sessions and statements by their place in the talk
//   (`sequence`), which the loader writes back as 0, 1, 2…; parties and issues in the talk's order,
//   then any other one a row names by slug; envoys by slug; sources by key; a row's issues by slug
//   and sources by key; assessments by day and issue;
// - refs made from that order (`session-3`, `statement-12`), never from database ids;
// - instants in one form: the venue's clock and offset (`2006-02-04T09:30:00+08:00`), with
//   milliseconds only when there are some, in UTC (`Z`) when the offset has seconds;
// - a field that may be left out is left out when it is null, every time; one that may not
//   (`localDay`, `kind`, `saidOn`, `lastDay`) is written as null.
import type { Db } from "../db";
import type { IssueSnapshot } from "../entities/issue";
import type { PartySnapshot } from "../entities/party";
import type { SourceSnapshot } from "../entities/source";
import type { Capacity, DelegationRole, Gap, PartyRole, Outcome, PartOfDay, SessionKind, StatementKind, StatementSetting, TalkStatus, TimePrecision } from "../enums";
import { zoneOffsetMs } from "../time/zone-calendar";
import { TALK_DOCUMENT_FORMAT, type TalkDocument } from "./schema";

export type ExportTalk = {
  id: string;
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
  status: TalkStatus;
  summary: string;
  /** Its round's number in its series, when numbered. */
  round: number | null;
  updatedAt: Date;
};
/** The series a talk is a round of (decision 025). */
export type ExportSeries = { slug: string; name: string; description: string };
// The shared records as documents carry them: their snapshots, field for field.
/** `role`: the party's part in the talk; null for a party the rows name that is not on the talk's list. */
export type ExportParty = PartySnapshot & { role: PartyRole | null };
export type ExportEnvoy = { slug: string; name: string; nameOriginal: string | null; title: string | null; party: string; role: DelegationRole };
export type ExportIssue = IssueSnapshot;
export type ExportSource = SourceSnapshot;
export type ExportSession = {
  id: string;
  ref: string;
  localDay: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  kind: SessionKind | null;
  title: string;
  summary: string;
  outcome: Outcome;
  outcomeNote: string | null;
  /** Slugs, sorted. */
  issues: string[];
  /** Keys, sorted. */
  sources: string[];
  createdAt: Date;
  updatedAt: Date;
};
export type ExportStatement = {
  id: string;
  ref: string;
  /** The live session it was said in, by its ref. */
  session: string | null;
  party: string;
  envoy: string | null;
  capacity: Capacity;
  saidOn: string | null;
  saidAt: Date | null;
  saidPrecision: TimePrecision;
  partOfDay: PartOfDay | null;
  reportedOn: string | null;
  setting: StatementSetting;
  kind: StatementKind;
  text: string;
  quotedWords: string | null;
  issues: string[];
  sources: string[];
  createdAt: Date;
  updatedAt: Date;
};
export type ExportAssessment = { issue: string; localDay: string; gap: Gap; note: string; author: string };
export type ExportLinkage = { party: string; issue: string; conditionIssue: string; text: string; statedOn: string | null; droppedOn: string | null; statement: string | null };

/** A talk's live rows, in the export's order, referring to each other by slug, key and ref. */
export type TalkExport = {
  talk: ExportTalk;
  /** Null when the talk is in no series (or its series was deleted). */
  series: ExportSeries | null;
  parties: ExportParty[];
  envoys: ExportEnvoy[];
  issues: ExportIssue[];
  sources: ExportSource[];
  sessions: ExportSession[];
  statements: ExportStatement[];
  assessments: ExportAssessment[];
  linkages: ExportLinkage[];
};

const bySlug = <T extends { slug: string }>(a: T, b: T) => compareText(a.slug, b.slug);
/** Code-unit order: the same on every machine and in every locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const unique = <T,>(values: T[]) => [...new Set(values)];

/** The talk's live rows for its exports; null when there is no such (live) talk. */
export async function readTalkExport(db: Db, slug: string): Promise<TalkExport | null> {
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      venueCity: true,
      venueTimeZone: true,
      firstDay: true,
      lastDay: true,
      status: true,
      summary: true,
      round: true,
      updatedAt: true,
      series: { select: { slug: true, name: true, description: true, deletedAt: true } },
    },
  });
  if (!talk) return null;
  const live = { talkId: talk.id, deletedAt: null };
  const partySelect = { id: true, slug: true, name: true, shortName: true, isoCode: true } as const;
  const envoySelect = { id: true, slug: true, name: true, nameOriginal: true, title: true, party: { select: partySelect } } as const;
  const issueSelect = { id: true, slug: true, name: true, description: true } as const;
  const [members, sessionRows, sessionIssues, sessionSources, statementRows, statementIssues, statementSources, assessmentRows, linkageRows] = await Promise.all([
    db.talk.findUnique({
      where: { id: talk.id },
      select: {
        parties: { orderBy: [{ position: "asc" }, { party: { slug: "asc" } }], select: { role: true, party: { select: partySelect } } },
        envoys: { select: { role: true, envoy: { select: envoySelect } } },
        issues: { orderBy: [{ position: "asc" }, { issue: { slug: "asc" } }], select: { issue: { select: issueSelect } } },
      },
    }),
    db.session.findMany({
      where: live,
      orderBy: [{ sequence: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, localDay: true, startsAt: true, endsAt: true, kind: true, title: true, summary: true, outcome: true, outcomeNote: true, createdAt: true, updatedAt: true },
    }),
    db.sessionIssue.findMany({ where: { session: live }, select: { sessionId: true, issueId: true } }),
    db.sessionSource.findMany({ where: { session: live }, select: { sessionId: true, sourceId: true } }),
    db.statement.findMany({
      where: live,
      orderBy: [{ sequence: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        sessionId: true,
        partyId: true,
        envoyId: true,
        capacity: true,
        saidOn: true,
        saidAt: true,
        saidPrecision: true,
        partOfDay: true,
        reportedOn: true,
        setting: true,
        kind: true,
        text: true,
        quotedWords: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    db.statementIssue.findMany({ where: { statement: live }, select: { statementId: true, issueId: true } }),
    db.statementSource.findMany({ where: { statement: live }, select: { statementId: true, sourceId: true } }),
    db.assessment.findMany({ where: live, select: { issueId: true, localDay: true, gap: true, note: true, authorName: true } }),
    db.linkage.findMany({
      where: live,
      select: { id: true, partyId: true, issueId: true, conditionIssueId: true, text: true, statedOn: true, droppedOn: true, statementId: true },
    }),
  ]);

  // The shared records the rows name, whether or not the talk lists them (a row may name a party
  // or issue that is not, or no longer, on the talk's lists): a document must define them all.
  const talkParties = (members?.parties ?? []).map((p) => ({ ...p.party, role: p.role }));
  const talkEnvoys = (members?.envoys ?? []).map((e) => ({ ...e.envoy, role: e.role }));
  const talkIssues = (members?.issues ?? []).map((i) => i.issue);
  const knownEnvoys = new Set(talkEnvoys.map((e) => e.id));
  const otherEnvoyIds = unique(statementRows.flatMap((s) => (s.envoyId && !knownEnvoys.has(s.envoyId) ? [s.envoyId] : [])));
  const otherEnvoys = otherEnvoyIds.length ? await inChunks(otherEnvoyIds, (ids) => db.envoy.findMany({ where: { id: { in: ids } }, select: envoySelect })) : [];
  const envoyRows = [...talkEnvoys, ...otherEnvoys.map((e) => ({ ...e, role: "member" as const }))];

  const knownParties = new Set(talkParties.map((p) => p.id));
  const otherPartyIds = unique([...statementRows.map((s) => s.partyId), ...linkageRows.map((l) => l.partyId)]).filter((id) => !knownParties.has(id));
  const partiesOfEnvoys = envoyRows.map((e) => e.party).filter((p) => !knownParties.has(p.id));
  const otherParties = [
    ...partiesOfEnvoys,
    ...(otherPartyIds.length ? await inChunks(otherPartyIds, (ids) => db.party.findMany({ where: { id: { in: ids } }, select: partySelect })) : []),
  ].map((p) => ({ ...p, role: null }));
  const partyRows = [...talkParties, ...uniqueById(otherParties).filter((p) => !knownParties.has(p.id)).sort(bySlug)];

  const knownIssues = new Set(talkIssues.map((i) => i.id));
  const otherIssueIds = unique([
    ...sessionIssues.map((x) => x.issueId),
    ...statementIssues.map((x) => x.issueId),
    ...assessmentRows.map((a) => a.issueId),
    ...linkageRows.flatMap((l) => [l.issueId, l.conditionIssueId]),
  ]).filter((id) => !knownIssues.has(id));
  const otherIssues = otherIssueIds.length ? await inChunks(otherIssueIds, (ids) => db.issue.findMany({ where: { id: { in: ids } }, select: issueSelect })) : [];
  const issueRows = [...talkIssues, ...otherIssues.sort(bySlug)];

  const sourceIds = unique([...sessionSources.map((x) => x.sourceId), ...statementSources.map((x) => x.sourceId)]);
  const sourceRows = sourceIds.length
    ? await inChunks(sourceIds, (ids) => db.source.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true } }))
    : [];
  sourceRows.sort((a, b) => compareText(a.key, b.key));

  const partySlug = new Map(partyRows.map((p) => [p.id, p.slug]));
  const envoySlug = new Map(envoyRows.map((e) => [e.id, e.slug]));
  const issueSlug = new Map(issueRows.map((i) => [i.id, i.slug]));
  const sourceKey = new Map(sourceRows.map((s) => [s.id, s.key]));
  const listed = <L,>(links: L[], owner: (l: L) => string, target: (l: L) => string, name: Map<string, string>) => {
    const map = new Map<string, string[]>();
    for (const link of links) {
      const value = name.get(target(link));
      if (value === undefined) continue;
      const list = map.get(owner(link));
      if (list) list.push(value);
      else map.set(owner(link), [value]);
    }
    for (const list of map.values()) list.sort(compareText);
    return (id: string) => map.get(id) ?? [];
  };
  const issuesOfSession = listed(sessionIssues, (x) => x.sessionId, (x) => x.issueId, issueSlug);
  const sourcesOfSession = listed(sessionSources, (x) => x.sessionId, (x) => x.sourceId, sourceKey);
  const issuesOfStatement = listed(statementIssues, (x) => x.statementId, (x) => x.issueId, issueSlug);
  const sourcesOfStatement = listed(statementSources, (x) => x.statementId, (x) => x.sourceId, sourceKey);

  const sessions: ExportSession[] = sessionRows.map((s, i) => ({ ...s, ref: `session-${i + 1}`, issues: issuesOfSession(s.id), sources: sourcesOfSession(s.id) }));
  const sessionRef = new Map(sessions.map((s) => [s.id, s.ref]));
  const statements: ExportStatement[] = statementRows.map(({ sessionId, partyId, envoyId, ...s }, i) => ({
    ...s,
    ref: `statement-${i + 1}`,
    session: sessionId ? (sessionRef.get(sessionId) ?? null) : null,
    party: partySlug.get(partyId)!,
    envoy: envoyId ? envoySlug.get(envoyId)! : null,
    issues: issuesOfStatement(s.id),
    sources: sourcesOfStatement(s.id),
  }));
  const statementRef = new Map(statements.map((s) => [s.id, s.ref]));

  const { series: seriesRow, ...talkRow } = talk;
  return {
    talk: talkRow,
    series: seriesRow && seriesRow.deletedAt === null ? { slug: seriesRow.slug, name: seriesRow.name, description: seriesRow.description } : null,
    parties: partyRows.map(({ slug, name, shortName, isoCode, role }) => ({ slug, name, shortName, isoCode, role })),
    envoys: envoyRows
      .map(({ slug, name, nameOriginal, title, party, role }) => ({ slug, name, nameOriginal, title, party: party.slug, role }))
      .sort(bySlug),
    issues: issueRows.map(({ slug, name, description }) => ({ slug, name, description })),
    sources: sourceRows.map(({ key, publisher, title, url, publishedOn }) => ({ key, publisher, title, url, publishedOn })),
    sessions,
    statements,
    assessments: assessmentRows
      .map((a) => ({ issue: issueSlug.get(a.issueId)!, localDay: a.localDay, gap: a.gap, note: a.note, author: a.authorName }))
      .sort((a, b) => compareText(a.localDay, b.localDay) || compareText(a.issue, b.issue)),
    linkages: linkageRows
      .map((l) => ({
        party: partySlug.get(l.partyId)!,
        issue: issueSlug.get(l.issueId)!,
        conditionIssue: issueSlug.get(l.conditionIssueId)!,
        text: l.text,
        statedOn: l.statedOn,
        droppedOn: l.droppedOn,
        statement: l.statementId ? (statementRef.get(l.statementId) ?? null) : null,
      }))
      .sort(
        (a, b) =>
          compareText(a.statedOn ?? "", b.statedOn ?? "") ||
          compareText(a.party, b.party) ||
          compareText(a.issue, b.issue) ||
          compareText(a.conditionIssue, b.conditionIssue) ||
          compareText(a.text, b.text) ||
          compareText(a.droppedOn ?? "", b.droppedOn ?? "") ||
          compareText(a.statement ?? "", b.statement ?? ""),
      ),
  };
}

/** The talk's `parley.talk/v1` document; null when there is no such talk. */
export async function exportTalkDocument(db: Db, slug: string): Promise<TalkDocument | null> {
  const rows = await readTalkExport(db, slug);
  return rows && talkDocumentOf(rows);
}

/** The document of a talk's rows (pure). */
export function talkDocumentOf(x: TalkExport): TalkDocument {
  const zone = x.talk.venueTimeZone;
  const at = (d: Date | null) => (d ? documentInstant(d, zone) : null);
  const { id: _id, updatedAt: _u, round, ...talk } = x.talk;
  return {
    format: TALK_DOCUMENT_FORMAT,
    // A talk in no series exports as it did before series existed.
    talk: { ...talk, ...given({ round: x.series ? round : null }) },
    ...(x.series ? { series: { slug: x.series.slug, name: x.series.name, ...given({ description: x.series.description || null }) } } : {}),
    // A principal's role is the default and left out, so documents without roles export unchanged.
    parties: x.parties.map((p) => ({ slug: p.slug, name: p.name, shortName: p.shortName, ...given({ isoCode: p.isoCode, role: p.role === "principal" ? null : p.role }) })),
    envoys: x.envoys.map((e) => ({ slug: e.slug, name: e.name, ...given({ nameOriginal: e.nameOriginal, title: e.title }), party: e.party, role: e.role })),
    issues: x.issues.map((i) => ({ slug: i.slug, name: i.name, ...given({ description: i.description }) })),
    sources: x.sources.map((s) => ({ key: s.key, publisher: s.publisher, title: s.title, ...given({ url: s.url, publishedOn: s.publishedOn }) })),
    sessions: x.sessions.map((s) => ({
      ref: s.ref,
      localDay: s.localDay,
      ...given({ startsAt: at(s.startsAt), endsAt: at(s.endsAt) }),
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      outcome: s.outcome,
      ...given({ outcomeNote: s.outcomeNote }),
      issues: s.issues,
      sources: s.sources,
    })),
    statements: x.statements.map((s) => ({
      ref: s.ref,
      ...given({ session: s.session }),
      party: s.party,
      ...given({ envoy: s.envoy }),
      capacity: s.capacity,
      saidOn: s.saidOn,
      ...given({ saidAt: at(s.saidAt) }),
      saidPrecision: s.saidPrecision,
      ...given({ partOfDay: s.partOfDay, reportedOn: s.reportedOn }),
      setting: s.setting,
      kind: s.kind,
      text: s.text,
      ...given({ quotedWords: s.quotedWords }),
      issues: s.issues,
      sources: s.sources,
    })),
    assessments: x.assessments.map((a) => ({ ...a })),
    linkages: x.linkages.map((l) => ({
      party: l.party,
      issue: l.issue,
      conditionIssue: l.conditionIssue,
      text: l.text,
      ...given({ statedOn: l.statedOn, droppedOn: l.droppedOn, statement: l.statement }),
    })),
  };
}

/** The document as a file: two-space JSON and a final newline, the seed's layout. */
export function serializeTalkDocument(doc: TalkDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The fields whose value is not null (a null optional field is left out, always). */
function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/**
 * An instant as the document writes it: the venue's clock with its offset then,
 * "2006-02-04T09:30:00+08:00" (what a reader of the file expects, and what the seed does), with
 * ".sss" only when there are milliseconds. An offset with seconds (Monrovia until 1972) cannot be
 * written as ±HH:MM, so such an instant is written in UTC ("…Z").
 */
export function documentInstant(instant: Date, timeZone: string): string {
  const t = instant.getTime();
  const offset = zoneOffsetMs(timeZone, t);
  const trim = (iso: string) => iso.replace(/\.000Z$/, "Z");
  if (offset % 60_000 !== 0) return trim(instant.toISOString());
  const local = trim(new Date(t + offset).toISOString()).slice(0, -1);
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

/** Reads by id in chunks, well under the databases' bound-parameter limits. */
async function inChunks<T>(ids: string[], find: (ids: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await find(ids.slice(i, i + size))));
  return out;
}
