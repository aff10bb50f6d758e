import "server-only";
// The read API's reads (app/api/v1/**, docs/decisions/017-read-api.md). A talk's records come from
// the same index the talk page filters in memory (lib/data/talk-index.ts, kept until the talk
// changes), so the API filters exactly as the page does; only a page's worth of rows is then read
// in full. Shared records (parties, envoys, issues, sources, series) are read a page at a time by slug.
// Every read answers first with a version — the talk's stamp, or a count of revisions — from
// which the route makes the ETag, and reads the rest only if the caller lacks that version.
import { requireReader } from "../auth/permissions";
import { compareKeys, decodeCursor, encodeCursor, pageAfter, type CursorKey } from "../api/cursor";
import { ApiProblem } from "../api/errors";
import type { ApiAnswer } from "../api/route";
import {
  DEFAULT_LIMIT,
  type AssessmentBody,
  type DayBody,
  type EnvoyBody,
  type IssueBody,
  type Paged,
  type PageQuery,
  type PartyBody,
  type SearchQueryInput,
  type SearchResultBody,
  type SearchResultsBody,
  type SeriesBody,
  type SeriesSummaryBody,
  type SessionBody,
  type SourceBody,
  type SourceRefBody,
  type StatementBody,
  type TalkBody,
  type TalkItemsFilter,
  type TalkSummaryBody,
  type VenueTimeBody,
} from "../api/schemas";
import { getDb, type Db } from "../db";
import type { TalkStatus } from "../enums";
import { statementDay } from "../timeline/build";
import { applyFilters, FILTER_KEYS, type TimelineFilters } from "../timeline/filters";
import { UNDATED_DAY } from "../timeline/window";
import { venueClock } from "../time/venue-clock";
import { talkDayNumber, zoneOffsetMs } from "../time/zone-calendar";
import { cachedTalkRead } from "./talk-cache";
import { findInChunks, getTalkIndex, getTalkView, type LightSession, type LightStatement, type TalkIndex, type TalkRecord } from "./talk-index";
import { SHARED_TYPES } from "./talk-revisions";
import { searchRecords, type SearchHit } from "./search";
import { getTalk } from "./talks";
import { compareRounds, spanOf } from "../series/build";

const V1 = "/api/v1";

// ---------------------------------------------------------------------------------------------
// Versions: what an ETag is made of.

type Stamp = { count: number | bigint; last: string | null };

/** Every revision: any write anywhere changes it (the list of talks counts every talk's rows). */
async function siteVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Stamp[]>`SELECT COUNT(*) AS "count", MAX("id") AS "last" FROM "Revision"`;
  return `a${Number(row!.count)}.${row!.last ?? "0"}`;
}

/** The revisions of shared records: a party, envoy, issue or source changes only with one of them. */
async function sharedVersion(db: Db): Promise<string> {
  const [party, envoy, issue, source] = SHARED_TYPES as [string, string, string, string];
  const [row] = await db.$queryRaw<Stamp[]>`
    SELECT COUNT(*) AS "count", MAX("id") AS "last" FROM "Revision"
    WHERE "talkId" IS NULL AND "entityType" IN (${party}, ${envoy}, ${issue}, ${source})`;
  return `s${Number(row!.count)}.${row!.last ?? "0"}`;
}

/**
 * The revisions of series (decision 025): a talk's answer names its series, whose revisions are
 * not among the shared records' that make a talk's stamp, so renaming one must change it too.
 */
async function seriesVersion(db: Db): Promise<string> {
  const [row] = await db.$queryRaw<Stamp[]>`SELECT COUNT(*) AS "count", MAX("id") AS "last" FROM "Revision" WHERE "talkId" IS NULL AND "entityType" = ${"series"}`;
  return `r${Number(row!.count)}.${row!.last ?? "0"}`;
}

/** A talk's version: its id (a database reset makes new ones) and its stamp (lib/data/talks.ts). */
const talkVersion = (talk: TalkRecord) => `t${talk.id}.${talk.stamp}`;

// ---------------------------------------------------------------------------------------------
// Pages.

type Keyed<T> = { key: CursorKey; item: T };

function cursorOf(list: string, query: PageQuery): CursorKey | null {
  if (query.cursor === undefined) return null;
  const key = decodeCursor(list, query.cursor);
  if (!key) throw new ApiProblem(400, "bad_parameter", "This cursor is not one the API gave out for this list; follow the `next` link of a page.", "cursor");
  return key;
}

/** The address of the page after one that ended at `key`: the same query with its cursor. */
function nextLink(url: URL, list: string, key: CursorKey): string {
  const params = new URLSearchParams(url.searchParams);
  params.set("cursor", encodeCursor(list, key));
  return `${url.pathname}?${params}`;
}

function pageOf<T, B>(url: URL, list: string, query: PageQuery, sorted: readonly Keyed<T>[], compare = compareKeys): { items: T[]; finish: (data: B[]) => Paged<B> } {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const { items, more } = pageAfterWith(sorted, cursorOf(list, query), limit, compare);
  const last = items.at(-1);
  return {
    items: items.map((k) => k.item),
    finish: (data) => ({ data, next: more && last ? nextLink(url, list, last.key) : null, limit }),
  };
}

function pageAfterWith<T>(sorted: readonly Keyed<T>[], after: CursorKey | null, limit: number, compare: (a: CursorKey, b: CursorKey) => number) {
  if (compare === compareKeys) return pageAfter(sorted, (k) => k.key, after, limit);
  const start = after ? sorted.findIndex((k) => compare(k.key, after) > 0) : 0;
  const from = start < 0 ? sorted.length : start;
  return { items: sorted.slice(from, from + limit), more: from + limit < sorted.length };
}

// ---------------------------------------------------------------------------------------------
// Talks.

type TalkRow = Omit<TalkSummaryBody, "links">;

/** The list of talks: the latest first (first day, then title, then slug). */
export async function readApiTalks(url: URL, query: PageQuery & { status?: TalkStatus }): Promise<ApiAnswer<Paged<TalkSummaryBody>>> {
  await requireReader();
  const db = await getDb();
  const version = await siteVersion(db);
  return {
    version,
    read: async () => {
      const all = await cachedTalkRead("(api talks)", version, "list", () => readTalkRows(db));
      const rows = query.status ? all.filter((t) => t.status === query.status) : all;
      const keyed = rows.map((t) => ({ key: [t.firstDay, t.title, t.slug], item: t }));
      const page = pageOf<TalkRow, TalkSummaryBody>(url, "talks", query, keyed, latestFirst);
      return page.finish(page.items.map((t) => ({ ...t, links: talkLinks(t.slug) })));
    },
  };
}

/** First day descending, then title and slug ascending. */
const latestFirst = (a: CursorKey, b: CursorKey) => compareKeys([b[0]!], [a[0]!]) || compareKeys(a.slice(1), b.slice(1));

async function readTalkRows(db: Db): Promise<TalkRow[]> {
  const talks = await db.talk.findMany({
    where: { deletedAt: null },
    select: {
      slug: true,
      title: true,
      venueCity: true,
      venueTimeZone: true,
      firstDay: true,
      lastDay: true,
      status: true,
      parties: { orderBy: { position: "asc" }, select: { party: { select: { slug: true, shortName: true } } } },
      _count: { select: { sessions: { where: { deletedAt: null } }, statements: { where: { deletedAt: null } } } },
      ...seriesPlaceSelect,
    },
  });
  return talks
    .map(({ parties, _count, series, round, ...t }) => ({
      ...t,
      parties: parties.map((p) => p.party),
      counts: { sessions: _count.sessions, statements: _count.statements },
      ...seriesPlace(series, round),
    }))
    .sort((a, b) => latestFirst([a.firstDay, a.title, a.slug], [b.firstDay, b.title, b.slug]));
}

const seriesPlaceSelect = { round: true, series: { select: { slug: true, name: true, deletedAt: true } } } as const;

/** A talk's series (live) and round, as the API names them; a round only with a series. */
function seriesPlace(series: { slug: string; name: string; deletedAt: Date | null } | null, round: number | null): Pick<TalkBody, "series" | "round"> {
  return series && series.deletedAt === null ? { series: { slug: series.slug, name: series.name }, round } : { series: null, round: null };
}

function talkLinks(slug: string) {
  const self = `${V1}/talks/${slug}`;
  return { self, page: `/talks/${slug}`, days: `${self}/days`, sessions: `${self}/sessions`, statements: `${self}/statements`, assessments: `${self}/assessments` };
}

/** A talk, before it is read: its version, or null when there is no such talk. */
async function openTalk(slug: string): Promise<{ talk: TalkRecord; db: Db; version: string } | null> {
  const talk = await getTalk(slug);
  if (!talk) return null;
  return { talk, db: await getDb(), version: talkVersion(talk) };
}

export async function readApiTalk(slug: string): Promise<ApiAnswer<{ data: TalkBody }> | null> {
  const answer = await talkAnswer(slug, async ({ talk, db, index }) => {
    const [view, place] = await Promise.all([getTalkView(db, talk, {}), db.talk.findUnique({ where: { id: talk.id }, select: seriesPlaceSelect })]);
    const dated = view.sizes.filter((d) => d.day !== UNDATED_DAY);
    const { id: _, ...head } = index.talk;
    return {
      data: {
        ...head,
        parties: index.parties.map(({ heads, ...p }) => ({ ...p, heads: heads.map(({ slug, name }) => ({ slug, name })) })),
        envoys: index.envoys.map(({ partySlug, ...e }) => ({ slug: e.slug, name: e.name, title: e.title, party: partySlug, role: e.role })),
        issues: index.issues,
        counts: { sessions: index.sessions.length, statements: index.statements.length, assessments: index.assessments.length },
        recordedDays: { first: dated[0]?.day ?? null, last: dated.at(-1)?.day ?? null, undated: view.index.undated },
        ...seriesPlace(place?.series ?? null, place?.round ?? null),
        links: talkLinks(talk.slug),
      },
    };
  });
  // Its series' name is in the answer: a renamed series is a new version of it.
  return answer && { ...answer, version: `${answer.version}.${await seriesVersion(await getDb())}` };
}

// ---------------------------------------------------------------------------------------------
// A talk's days, sessions, statements and assessments.

const timelineFilters = (query: TalkItemsFilter): TimelineFilters => {
  const filters: TimelineFilters = {};
  for (const key of FILTER_KEYS) if (query[key]) filters[key] = query[key];
  return filters;
};

/** Whether a day key ("unknown" sorts after every day, as it does as text) lies in the asked range. */
const inRange = (day: string, query: { from?: string; to?: string }) => (!query.from || day >= query.from) && (!query.to || day <= query.to);

/** The filters and range of a list, as a query string for links to the other lists. */
function rangeQuery(query: TalkItemsFilter, day: string): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (query[key]) params.set(key, query[key]);
  params.set("from", day);
  params.set("to", day);
  return `?${params}`;
}

const dayPage = (slug: string, day: string | null) => `/talks/${slug}/days/${day ?? UNDATED_DAY}`;

export async function readApiDays(slug: string, url: URL, query: TalkItemsFilter): Promise<ApiAnswer<Paged<DayBody>> | null> {
  const open = await openTalk(slug);
  if (!open) return null;
  const { talk, db, version } = open;
  return {
    version,
    read: async () => {
      const view = await getTalkView(db, talk, timelineFilters(query));
      const days = view.sizes.filter((d) => inRange(d.day, query)).map((d) => ({ key: [d.day], item: d.day }));
      const page = pageOf<string, DayBody>(url, "days", query, days);
      return page.finish(
        page.items.map((day) => {
          const groups = day === UNDATED_DAY ? view.timeline.undated.sessions : (view.dayOf.get(day)?.sessions ?? []);
          const outside = day === UNDATED_DAY ? view.timeline.undated.statements : (view.dayOf.get(day)?.outside ?? []);
          const range = rangeQuery(query, day);
          return {
            day,
            number: day === UNDATED_DAY ? null : (view.dayOf.get(day)?.number ?? talkDayNumber(talk, day)),
            counts: {
              sessions: groups.length,
              statements: groups.reduce((n, g) => n + g.statements.length, outside.length),
              assessments: view.assessmentsOn.get(day)?.length ?? 0,
            },
            links: { page: dayPage(talk.slug, day), sessions: `${V1}/talks/${talk.slug}/sessions${range}`, statements: `${V1}/talks/${talk.slug}/statements${range}` },
          };
        }),
      );
    },
  };
}

/** The timeline's order within a day: a known time first, by that time; then as recorded. */
const itemKey = (day: string | null, at: Date | null, sequence: number, id: string): CursorKey => [day ?? UNDATED_DAY, at ? 0 : 1, at?.getTime() ?? 0, sequence, id];

type Ordered<T> = { sorted: Keyed<T>[]; byId: Map<string, T> };

/** The talk's statements that pass the filters, in the API's order: read once per talk version and filters. */
function orderedStatements(talk: TalkRecord, index: TalkIndex, filters: TimelineFilters): Promise<Ordered<LightStatement & { day: string | null }>> {
  return cachedTalkRead(talk.id, talk.stamp, `api statements ${JSON.stringify(filters)}`, () => {
    const kept = applyFilters(index.sessions, index.statements, filters).statements;
    const sorted = kept
      .map((s) => {
        const day = statementDay(s, talk.venueTimeZone);
        return { key: itemKey(day, s.saidAt, s.sequence, s.id), item: { ...s, day } };
      })
      .sort((a, b) => compareKeys(a.key, b.key));
    return Promise.resolve({ sorted, byId: new Map(sorted.map((k) => [k.item.id, k.item])) });
  });
}

function orderedSessions(talk: TalkRecord, index: TalkIndex, filters: TimelineFilters): Promise<Ordered<LightSession & { day: string | null }>> {
  return cachedTalkRead(talk.id, talk.stamp, `api sessions ${JSON.stringify(filters)}`, () => {
    const kept = applyFilters(index.sessions, index.statements, filters).sessions;
    const sorted = kept
      .map((s) => {
        const day = index.sessionDayById.get(s.id) ?? null;
        return { key: itemKey(day, s.startsAt, s.sequence, s.id), item: { ...s, day } };
      })
      .sort((a, b) => compareKeys(a.key, b.key));
    return Promise.resolve({ sorted, byId: new Map(sorted.map((k) => [k.item.id, k.item])) });
  });
}

/** The deleted records a talk's rows may still point at (a statement keeps its deleted session or source): never shown. */
function deletedRefs(db: Db, talk: TalkRecord) {
  return cachedTalkRead(talk.id, talk.stamp, "api deleted", async () => {
    const gone = { deletedAt: { not: null } };
    const [sessions, sources, issues] = await Promise.all([
      db.session.findMany({ where: { talkId: talk.id, ...gone }, select: { id: true } }),
      db.source.findMany({ where: gone, select: { id: true } }),
      db.issue.findMany({ where: gone, select: { slug: true } }),
    ]);
    return { sessions: new Set(sessions.map((s) => s.id)), sources: new Set(sources.map((s) => s.id)), issues: new Set(issues.map((i) => i.slug)) };
  });
}

type Refs = { index: TalkIndex; deleted: Awaited<ReturnType<typeof deletedRefs>> };

const sourcesOf = ({ index, deleted }: Refs, ids: string[]): SourceRefBody[] =>
  ids.flatMap((id) => {
    const s = index.sourceById.get(id);
    return s && !deleted.sources.has(id) ? [{ key: s.key, publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn }] : [];
  });
const issuesOf = ({ deleted }: Refs, issues: { slug: string; name: string }[]) => issues.filter((i) => !deleted.issues.has(i.slug)).map(({ slug, name }) => ({ slug, name }));

/** "+08:00"; with seconds where the zone's offset had them (Monrovia, −00:44:30). */
function formatOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const total = Math.round(Math.abs(ms) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ""}`;
}

function venueTime(at: Date, timeZone: string): VenueTimeBody {
  const { day, time } = venueClock(at, timeZone);
  return { at: at.toISOString(), day, time, utcOffset: formatOffset(zoneOffsetMs(timeZone, at.getTime())) };
}

/** A read of one talk's records: null when there is no such talk; its version first, its index read only when the answer is. */
async function talkAnswer<T>(slug: string, read: (open: { talk: TalkRecord; db: Db; index: TalkIndex }) => Promise<T | null>): Promise<ApiAnswer<T> | null> {
  const open = await openTalk(slug);
  if (!open) return null;
  const { talk, db, version } = open;
  return { version, read: async () => read({ talk, db, index: await getTalkIndex(db, talk) }) };
}

const dayNumber = (talk: TalkRecord, day: string | null) => (day === null ? null : talkDayNumber(talk, day));

export async function readApiStatements(slug: string, url: URL, query: TalkItemsFilter): Promise<ApiAnswer<Paged<StatementBody>> | null> {
  return talkAnswer(slug, async ({ talk, db, index }) => {
    const { sorted } = await orderedStatements(talk, index, timelineFilters(query));
    const page = pageOf<LightStatement & { day: string | null }, StatementBody>(url, "statements", query, rangeOf(sorted, query));
    return page.finish(await fullStatements(db, talk, index, page.items));
  });
}

export async function readApiStatement(slug: string, id: string): Promise<ApiAnswer<{ data: StatementBody }> | null> {
  return talkAnswer(slug, async ({ talk, db, index }) => {
    const statement = (await orderedStatements(talk, index, {})).byId.get(id);
    if (!statement) return null;
    const [data] = await fullStatements(db, talk, index, [statement]);
    return data ? { data } : null;
  });
}

/** The items from `from` to `to`: a slice of the sorted list, found by binary search (its first key is the day). */
function rangeOf<T>(sorted: Keyed<T>[], query: { from?: string; to?: string }): Keyed<T>[] {
  if (!query.from && !query.to) return sorted;
  const firstAt = (day: string) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid]!.key[0] as string) < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = query.from ? firstAt(query.from) : 0;
  // The first item after `to`: past every key whose day is `to` ("to" + a character above any).
  const end = query.to ? firstAt(`${query.to}\uffff`) : sorted.length;
  return sorted.slice(start, Math.max(start, end));
}

async function fullStatements(db: Db, talk: TalkRecord, index: TalkIndex, items: (LightStatement & { day: string | null })[]): Promise<StatementBody[]> {
  const refs: Refs = { index, deleted: await deletedRefs(db, talk) };
  const rows = await findInChunks(
    items.map((s) => s.id),
    (ids) =>
      db.statement.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          saidPrecision: true,
          partOfDay: true,
          reportedOn: true,
          setting: true,
          capacity: true,
          text: true,
          quotedWords: true,
          session: { select: { id: true, title: true, deletedAt: true } },
        },
      }),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tz = talk.venueTimeZone;
  return items.flatMap((s) => {
    const row = byId.get(s.id);
    if (!row) return [];
    const session = row.session && row.session.deletedAt === null ? { id: row.session.id, title: row.session.title, day: index.sessionDayById.get(row.session.id) ?? null } : null;
    // Never more precise than recorded (DESIGN.md, "Time"): an instant only when known to the minute.
    const minute = row.saidPrecision === "minute" && s.saidAt ? venueTime(s.saidAt, tz) : null;
    return [
      {
        id: s.id,
        day: s.day,
        dayNumber: dayNumber(talk, s.day),
        said: {
          precision: row.saidPrecision,
          day: s.day,
          partOfDay: row.saidPrecision === "part_of_day" ? row.partOfDay : null,
          at: minute,
          timeZone: tz,
        },
        reportedOn: row.reportedOn,
        setting: row.setting,
        kind: s.kind,
        capacity: row.capacity,
        party: { slug: s.party.slug, shortName: s.party.shortName },
        envoy: s.envoy,
        session,
        text: row.text,
        quotedWords: row.quotedWords,
        issues: issuesOf(refs, s.issues),
        sources: sourcesOf(refs, s.sourceIds),
        links: { self: `${V1}/talks/${talk.slug}/statements/${s.id}`, page: `${dayPage(talk.slug, s.day)}#statement-${s.id}` },
      },
    ];
  });
}

export async function readApiSessions(slug: string, url: URL, query: TalkItemsFilter): Promise<ApiAnswer<Paged<SessionBody>> | null> {
  return talkAnswer(slug, async ({ talk, db, index }) => {
    const { sorted } = await orderedSessions(talk, index, timelineFilters(query));
    const page = pageOf<LightSession & { day: string | null }, SessionBody>(url, "sessions", query, rangeOf(sorted, query));
    return page.finish(await fullSessions(db, talk, index, page.items));
  });
}

export async function readApiSession(slug: string, id: string): Promise<ApiAnswer<{ data: SessionBody }> | null> {
  return talkAnswer(slug, async ({ talk, db, index }) => {
    const session = (await orderedSessions(talk, index, {})).byId.get(id);
    if (!session) return null;
    const [data] = await fullSessions(db, talk, index, [session]);
    return data ? { data } : null;
  });
}

async function fullSessions(db: Db, talk: TalkRecord, index: TalkIndex, items: (LightSession & { day: string | null })[]): Promise<SessionBody[]> {
  const refs: Refs = { index, deleted: await deletedRefs(db, talk) };
  const rows = await findInChunks(
    items.map((s) => s.id),
    (ids) => db.session.findMany({ where: { id: { in: ids } }, select: { id: true, endsAt: true, kind: true, title: true, summary: true, outcomeNote: true } }),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tz = talk.venueTimeZone;
  return items.flatMap((s) => {
    const row = byId.get(s.id);
    if (!row) return [];
    return [
      {
        id: s.id,
        day: s.day,
        dayNumber: dayNumber(talk, s.day),
        timeZone: tz,
        startsAt: s.startsAt ? venueTime(s.startsAt, tz) : null,
        endsAt: row.endsAt ? venueTime(row.endsAt, tz) : null,
        kind: row.kind,
        title: row.title,
        summary: row.summary,
        outcome: s.outcome,
        outcomeNote: row.outcomeNote,
        issues: issuesOf(refs, s.issues),
        sources: sourcesOf(refs, s.sourceIds),
        links: { self: `${V1}/talks/${talk.slug}/sessions/${s.id}`, page: `${dayPage(talk.slug, s.day)}#session-${s.id}` },
      },
    ];
  });
}

export async function readApiAssessments(slug: string, url: URL, query: PageQuery & { issue?: string; from?: string; to?: string }): Promise<ApiAnswer<Paged<AssessmentBody>> | null> {
  const open = await openTalk(slug);
  if (!open) return null;
  const { talk, db, version } = open;
  return {
    version,
    read: async () => {
      const all = await cachedTalkRead(talk.id, talk.stamp, "api assessments", async () => {
        const rows = await db.assessment.findMany({
          where: { talkId: talk.id, deletedAt: null, issue: { deletedAt: null } },
          select: { id: true, localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true, name: true } } },
        });
        return rows.map((a) => ({ key: [a.localDay, a.issue.slug, a.id], item: a })).sort((a, b) => compareKeys(a.key, b.key));
      });
      const kept = rangeOf(query.issue ? all.filter((a) => a.item.issue.slug === query.issue) : all, query);
      const page = pageOf<(typeof all)[number]["item"], AssessmentBody>(url, "assessments", query, kept);
      return page.finish(
        page.items.map((a) => ({
          id: a.id,
          day: a.localDay,
          dayNumber: talkDayNumber(talk, a.localDay),
          issue: a.issue,
          gap: a.gap,
          note: a.note,
          author: a.authorName,
          links: { page: `${dayPage(talk.slug, a.localDay)}` },
        })),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Shared records, a page at a time by slug (key, for sources) straight from the database.

type CatalogList<T> = (db: Db, where: { deletedAt: null; slug?: { gt: string } }, take: number) => Promise<T[]>;

async function catalogPage<T extends { slug: string }, B>(
  url: URL,
  list: string,
  query: PageQuery,
  find: CatalogList<T>,
  shape: (row: T) => B,
  versionOf: (db: Db) => Promise<string> = sharedVersion,
): Promise<ApiAnswer<Paged<B>>> {
  await requireReader();
  const db = await getDb();
  return {
    version: await versionOf(db),
    read: async () => {
      const after = cursorOf(list, query);
      const limit = query.limit ?? DEFAULT_LIMIT;
      const rows = await find(db, { deletedAt: null, ...(after ? { slug: { gt: String(after[0]) } } : {}) }, limit + 1);
      const items = rows.slice(0, limit);
      return { data: items.map(shape), next: rows.length > limit ? nextLink(url, list, [items.at(-1)!.slug]) : null, limit };
    },
  };
}

async function catalogOne<T, B>(find: (db: Db) => Promise<T | null>, shape: (row: T) => B, versionOf: (db: Db) => Promise<string> = sharedVersion): Promise<ApiAnswer<{ data: B }>> {
  await requireReader();
  const db = await getDb();
  return {
    version: await versionOf(db),
    read: async () => {
      const row = await find(db);
      return row ? { data: shape(row) } : null;
    },
  };
}

const partySelect = { slug: true, name: true, shortName: true, isoCode: true } as const;
type PartyRow = { slug: string; name: string; shortName: string; isoCode: string | null };
const partyBody = (p: PartyRow): PartyBody => ({ ...p, links: { self: `${V1}/parties/${p.slug}`, page: `/parties/${p.slug}`, envoys: `${V1}/envoys?party=${p.slug}` } });

export const readApiParties = (url: URL, query: PageQuery) =>
  catalogPage(url, "parties", query, (db, where, take) => db.party.findMany({ where, orderBy: { slug: "asc" }, take, select: partySelect }), partyBody);
export const readApiParty = (slug: string) => catalogOne((db) => db.party.findFirst({ where: { slug, deletedAt: null }, select: partySelect }), partyBody);

const envoySelect = { slug: true, name: true, nameOriginal: true, title: true, party: { select: { slug: true, shortName: true } } } as const;
type EnvoyRow = Omit<EnvoyBody, "links">;
const envoyBody = (e: EnvoyRow): EnvoyBody => ({ ...e, links: { self: `${V1}/envoys/${e.slug}`, page: `/envoys/${e.slug}` } });

export const readApiEnvoys = (url: URL, query: PageQuery & { party?: string }) =>
  catalogPage(
    url,
    "envoys",
    query,
    (db, where, take) => db.envoy.findMany({ where: { ...where, ...(query.party ? { party: { slug: query.party } } : {}) }, orderBy: { slug: "asc" }, take, select: envoySelect }),
    envoyBody,
  );
export const readApiEnvoy = (slug: string) => catalogOne((db) => db.envoy.findFirst({ where: { slug, deletedAt: null }, select: envoySelect }), envoyBody);

const issueSelect = { slug: true, name: true, description: true } as const;
const issueBody = (i: Omit<IssueBody, "links">): IssueBody => ({ ...i, links: { self: `${V1}/issues/${i.slug}`, page: `/issues/${i.slug}` } });

export const readApiIssues = (url: URL, query: PageQuery) =>
  catalogPage(url, "issues", query, (db, where, take) => db.issue.findMany({ where, orderBy: { slug: "asc" }, take, select: issueSelect }), issueBody);
export const readApiIssue = (slug: string) => catalogOne((db) => db.issue.findFirst({ where: { slug, deletedAt: null }, select: issueSelect }), issueBody);

// A source is named by its key, which follows the same rules as a slug.
const sourceSelect = { key: true, publisher: true, title: true, url: true, publishedOn: true } as const;
type SourceRow = Omit<SourceBody, "links">;
const sourceBody = ({ slug: _, ...s }: SourceRow & { slug: string }): SourceBody => ({ ...s, links: { self: `${V1}/sources/${s.key}`, page: `/sources/${s.key}` } });
const withSlug = (rows: SourceRow[]) => rows.map((s) => ({ ...s, slug: s.key }));

export const readApiSources = (url: URL, query: PageQuery) =>
  catalogPage(
    url,
    "sources",
    query,
    async (db, { slug, ...where }, take) => withSlug(await db.source.findMany({ where: { ...where, ...(slug ? { key: slug } : {}) }, orderBy: { key: "asc" }, take, select: sourceSelect })),
    sourceBody,
  );
export const readApiSource = (key: string) =>
  catalogOne(async (db) => withSlug(await db.source.findMany({ where: { key, deletedAt: null }, select: sourceSelect, take: 1 }))[0] ?? null, sourceBody);

// Series (decision 025): a series' rounds, their count and span change with any talk's revision
// (a talk joins or leaves it, its days move), so their version is the site's, as for the talks.
const seriesLinks = (slug: string) => ({ self: `${V1}/series/${slug}`, page: `/series/${slug}` });
const liveRounds = { where: { deletedAt: null }, select: { slug: true, title: true, round: true, firstDay: true, lastDay: true, status: true } } as const;
type SeriesRow = { slug: string; name: string; description: string; talks: Omit<SeriesBody["rounds"][number], "links">[] };

const seriesSummaryBody = ({ talks, ...s }: SeriesRow): SeriesSummaryBody => ({ ...s, rounds: talks.length, span: spanOf(talks), links: seriesLinks(s.slug) });
const seriesBody = ({ talks, ...s }: SeriesRow): SeriesBody => ({
  ...s,
  span: spanOf(talks),
  rounds: [...talks].sort(compareRounds).map((t) => ({ ...t, links: { self: `${V1}/talks/${t.slug}`, page: `/talks/${t.slug}` } })),
  links: seriesLinks(s.slug),
});
const seriesSelect = { slug: true, name: true, description: true, talks: liveRounds } as const;

export const readApiSeriesList = (url: URL, query: PageQuery) =>
  catalogPage(url, "series", query, (db, where, take) => db.series.findMany({ where, orderBy: { slug: "asc" }, take, select: seriesSelect }), seriesSummaryBody, siteVersion);
export const readApiSeries = (slug: string) =>
  catalogOne((db) => db.series.findFirst({ where: { slug, deletedAt: null }, select: seriesSelect }), seriesBody, siteVersion);

// ---------------------------------------------------------------------------------------------
// Search: the search page's own read (lib/data/search.ts), answered in the API's shapes. Any write
// anywhere may change what is found, so its version is the site's.

export async function readApiSearch(url: URL, query: SearchQueryInput): Promise<ApiAnswer<SearchResultsBody>> {
  await requireReader();
  const db = await getDb();
  return {
    version: await siteVersion(db),
    read: async () => {
      const { q, page = 1, ...filters } = query;
      const found = await searchRecords({ q, filters, page, problems: [] });
      const next = found.page < found.pages ? (() => {
        const params = new URLSearchParams(url.searchParams);
        params.set("page", String(found.page + 1));
        return `${url.pathname}?${params}`;
      })() : null;
      return { data: found.hits.map(searchResultBody), counts: found.counts, capped: found.capped, page: found.page, pages: found.pages, next };
    },
  };
}

function searchResultBody(hit: SearchHit): SearchResultBody {
  switch (hit.kind) {
    case "statement": {
      const s = hit.statement;
      return {
        kind: "statement",
        id: hit.id,
        talk: { slug: hit.talk.slug, title: hit.talk.title },
        day: hit.day,
        text: s.text,
        quotedWords: s.quotedWords,
        statementKind: s.kind,
        party: { slug: s.party.slug, shortName: s.party.shortName },
        envoy: s.envoy,
        links: { self: `${V1}/talks/${hit.talk.slug}/statements/${hit.id}`, page: hit.href },
      };
    }
    case "session":
      return {
        kind: "session",
        id: hit.id,
        talk: { slug: hit.talk.slug, title: hit.talk.title },
        day: hit.day,
        title: hit.session.title,
        summary: hit.session.summary,
        outcome: hit.session.outcome,
        links: { self: `${V1}/talks/${hit.talk.slug}/sessions/${hit.id}`, page: hit.href },
      };
    case "talk":
      return { kind: "talk", slug: hit.talk.slug, title: hit.talk.title, summary: hit.talk.summary, links: { self: `${V1}/talks/${hit.talk.slug}`, page: hit.href } };
    case "source":
      return { kind: "source", ...hit.source, links: { self: `${V1}/sources/${hit.source.key}`, page: hit.href } };
  }
}
