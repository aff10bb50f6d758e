// Talks as editors write them (lib/actions/talks.ts): what, where, when, who takes part and the
// agenda. Refuses what would leave the talk's own records pointing at nothing: dropping a party
// that still speaks in it, or an issue its statements, sessions or assessments are about — and
// days that would leave its dated rows outside the talk (lib/time/talk-span.ts).
import "server-only";
import type { Db } from "../db";
import { listInWords, lowerFirst, plural } from "../labels";
import { rolesOf, seriesOf, talk as talkEntity, type TalkInputData, type TalkSnapshot, type TalkUpdateData } from "../entities/talk";
import { formatLocalDayDate, formatLocalDayInYear } from "../time/local-day";
import { sessionTimingProblems, statementTimingProblems } from "../time/row-rules";
import { venueClock } from "../time/venue-clock";
import { countRows, lastAllowedDay, strandedRowsProblem, talkDaysProblem, type DatedRowCounts, type TalkDays } from "../time/talk-span";
import { skippedDayProblem, skippedDays } from "../time/zone-calendar";
import { MutationError, createAt, deleteRow, restoreVersion, saveUpdate, snapshotAt, undoDelete, type Actor } from "./core";

const talkStore = talkEntity.store;

/**
 * How many of the talk's live rows are dated before (`lt`), after (`gt`) or on (`in`) days, and on
 * which days; local days compare as text.
 */
async function countDatedRows(db: Db, talkId: string, side: { lt: string } | { gt: string } | { in: string[] }): Promise<DatedRowCounts> {
  const live = { talkId, deletedAt: null };
  const [sessions, statements, assessments, stated, dropped] = await Promise.all([
    db.session.groupBy({ by: ["localDay"], where: { ...live, localDay: side }, _count: { _all: true } }),
    db.statement.groupBy({ by: ["saidOn"], where: { ...live, saidOn: side }, _count: { _all: true } }),
    db.assessment.groupBy({ by: ["localDay"], where: { ...live, localDay: side }, _count: { _all: true } }),
    db.linkage.findMany({ where: { ...live, statedOn: side }, select: { id: true, statedOn: true } }),
    db.linkage.findMany({ where: { ...live, droppedOn: side }, select: { id: true, droppedOn: true } }),
  ]);
  const total = (groups: { _count: { _all: number } }[]) => groups.reduce((n, g) => n + g._count._all, 0);
  const days = new Set<string>([
    ...sessions.map((g) => g.localDay),
    ...statements.map((g) => g.saidOn),
    ...assessments.map((g) => g.localDay),
    ...stated.map((l) => l.statedOn),
    ...dropped.map((l) => l.droppedOn),
  ].filter((d): d is string => d !== null));
  return {
    sessions: total(sessions),
    statements: total(statements),
    assessments: total(assessments),
    linkages: new Set([...stated, ...dropped].map((l) => l.id)).size,
    days: [...days].sort(),
  };
}

/**
 * The form's schema checks the span too; a write that comes another way must not skip it. With
 * the venue's zone, neither end may be a date its clocks jumped over (lib/time/zone-calendar.ts).
 */
function checkSpan(days: TalkDays & { venueTimeZone?: string; venueCity?: string }): void {
  const problem = talkDaysProblem(days);
  if (problem) throw new MutationError(problem.message, problem.field);
  if (!days.venueTimeZone) return;
  for (const field of ["firstDay", "lastDay"] as const) {
    const day = days[field];
    const skipped = day ? skippedDayProblem(days.venueTimeZone, day, days.venueCity || days.venueTimeZone) : null;
    if (skipped) throw new MutationError(skipped, field);
  }
}

/**
 * Refuses days a talk cannot have: a span over the limit, or one that would leave some of its
 * live rows dated outside it (the editor moves or deletes those first, so none is hidden or left
 * where a page would have to reach for it).
 */
async function checkTalkDays(db: Db, talkId: string, days: TalkDays & { venueTimeZone?: string; venueCity?: string }): Promise<void> {
  checkSpan(days);
  const [before, after] = await Promise.all([
    countDatedRows(db, talkId, { lt: days.firstDay }),
    countDatedRows(db, talkId, { gt: lastAllowedDay(days) }),
  ]);
  const stranded = strandedRowsProblem(days, { before, after });
  if (stranded) throw new MutationError(stranded.message, stranded.field);
}

/**
 * Refuses a new venue zone under which the talk's recorded times would contradict their days:
 * times are kept as instants, so on another zone's clock a session's start or a statement's time
 * can fall on another date than the one it is filed under — or on a date that zone skipped. Names
 * what would move (up to five), for the editor to correct first (lib/time/row-rules.ts).
 */
async function checkZoneChange(db: Db, talkId: string, next: TalkSnapshot): Promise<void> {
  const zone = next.venueTimeZone;
  const live = { talkId, deletedAt: null };
  const [sessions, statements] = await Promise.all([
    db.session.findMany({
      where: { ...live, OR: [{ startsAt: { not: null } }, { endsAt: { not: null } }] },
      select: { title: true, localDay: true, startsAt: true, endsAt: true },
      orderBy: [{ localDay: "asc" }, { startsAt: "asc" }],
    }),
    db.statement.findMany({
      where: { ...live, saidAt: { not: null } },
      select: { saidOn: true, saidAt: true, saidPrecision: true, partOfDay: true, party: { select: { shortName: true } }, envoy: { select: { name: true } } },
      orderBy: [{ saidAt: "asc" }],
    }),
  ]);
  const there = (instant: Date) => {
    const clock = venueClock(instant, zone);
    return `${clock.time} on ${formatLocalDayInYear(clock.day)}`;
  };
  const moved: string[] = [];
  for (const s of sessions) {
    const [problem] = sessionTimingProblems(s, zone);
    if (!problem || !s.localDay) continue;
    const at = problem.field === "endsAt" ? s.endsAt! : s.startsAt!;
    moved.push(`“${s.title}” would ${problem.field === "endsAt" ? "end" : "start"} at ${there(at)} (it is filed under ${formatLocalDayInYear(s.localDay)})`);
  }
  for (const st of statements) {
    const [problem] = statementTimingProblems({ ...st, saidPrecision: st.saidPrecision, partOfDay: st.partOfDay }, zone);
    if (!problem || !st.saidOn) continue;
    moved.push(`${st.envoy?.name ?? st.party.shortName}’s statement would be at ${there(st.saidAt!)} (it is filed under ${formatLocalDayInYear(st.saidOn)})`);
  }
  // Dated rows on a date the new zone's clocks jumped over (a venue across the date line).
  const skipped = skippedDays(zone, next.firstDay, lastAllowedDay(next));
  if (skipped.length) {
    const onSkipped = await countDatedRows(db, talkId, { in: skipped });
    const count = countRows(onSkipped);
    if (count) moved.push(`${count} on ${listInWords(skipped.map(formatLocalDayDate))}, which did not happen in ${zone}`);
  }
  if (moved.length === 0) return;
  const shown = moved.length > 5 ? [...moved.slice(0, 5), `${plural(moved.length - 5, "other")}`] : moved;
  throw new MutationError(
    `On ${zone}’s clocks, recorded times would fall on other days than their own: ${shown.join("; ")}. Correct or remove those times first, or keep the zone.`,
    "venueTimeZone",
  );
}

async function talkSnapshotOf(db: Db, input: TalkInputData | TalkUpdateData, slug: string): Promise<TalkSnapshot> {
  const envoys = input.envoys.length
    ? await db.envoy.findMany({ where: { slug: { in: input.envoys.map((e) => e.envoy) } }, select: { slug: true, name: true, party: { select: { slug: true } } } })
    : [];
  for (const e of envoys) {
    if (!input.parties.includes(e.party.slug)) throw new MutationError(`${e.name} speaks for a party not taking part; add the party or leave the envoy out.`, "envoys");
  }
  return {
    slug,
    title: input.title,
    venueCity: input.venueCity,
    venueTimeZone: input.venueTimeZone,
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    status: input.status,
    summary: input.summary,
    parties: input.parties,
    ...rolesOf(input.roles ?? []),
    envoys: [...input.envoys].sort((a, b) => a.envoy.localeCompare(b.envoy)),
    issues: input.issues,
    ...seriesOf(input.series, input.round),
  };
}

/**
 * Two live talks of one series cannot be the same round (decision 025). Checked here rather than
 * by a unique index, which would also count deleted talks and so block reusing a deleted round's
 * number. `talkId`: the talk being saved, which may keep its own number.
 */
async function checkRound(db: Db, talkId: string | null, t: Pick<TalkSnapshot, "series" | "round">): Promise<void> {
  if (!t.series || t.round == null) return;
  const taken = await db.talk.findFirst({
    where: { series: { slug: t.series }, round: t.round, deletedAt: null, ...(talkId ? { id: { not: talkId } } : {}) },
    select: { title: true },
  });
  if (taken) throw new MutationError(`Round ${t.round} of this series is already “${taken.title}”; give this talk another number, or leave the round empty.`, "round");
}

export async function createTalk(db: Db, input: TalkInputData, actor: Actor): Promise<{ id: string; slug: string }> {
  const taken = () => new MutationError("Another talk already has this address; choose another.", "slug");
  if (await db.talk.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw taken();
  checkSpan(input);
  const snapshot = await talkSnapshotOf(db, input, input.slug);
  await checkRound(db, null, snapshot);
  const { id } = await createAt(db, talkStore, { snapshot, actor, exists: false, taken });
  return { id, slug: input.slug };
}

export async function updateTalk(db: Db, input: TalkUpdateData, actor: Actor): Promise<{ slug: string }> {
  const current = await talkStore.read(db, input.id);
  if (!current) throw new MutationError("This talk no longer exists.");
  const snapshot = await talkSnapshotOf(db, input, current.snapshot.slug);
  const [speaking, discussed] = await Promise.all([
    db.statement.findMany({ where: { talkId: input.id, deletedAt: null }, distinct: ["partyId"], select: { party: { select: { slug: true, shortName: true } } } }),
    db.issue.findMany({
      where: {
        OR: [
          { statements: { some: { statement: { talkId: input.id, deletedAt: null } } } },
          { sessions: { some: { session: { talkId: input.id, deletedAt: null } } } },
          { assessments: { some: { talkId: input.id, deletedAt: null } } },
        ],
      },
      select: { slug: true, name: true },
    }),
  ]);
  const droppedParty = speaking.find((s) => !snapshot.parties.includes(s.party.slug));
  if (droppedParty) throw new MutationError(`${droppedParty.party.shortName} speaks in this talk's statements, so it must stay among its parties.`, "parties");
  const droppedIssue = discussed.find((i) => !snapshot.issues.includes(i.slug));
  if (droppedIssue) throw new MutationError(`“${droppedIssue.name}” is what some of this talk's records are about, so it must stay on the agenda.`, "issues");
  await checkTalkDays(db, input.id, snapshot);
  await checkRound(db, input.id, snapshot);
  if (snapshot.venueTimeZone !== current.snapshot.venueTimeZone) await checkZoneChange(db, input.id, snapshot);
  await saveUpdate(db, talkStore, input.id, { expectedVersion: input.version, snapshot, actor });
  return { slug: snapshot.slug };
}

/** Deleting a talk hides it and everything in it; undoing brings it all back. */
export const deleteTalk = (db: Db, input: { id: string; version: number }, actor: Actor) =>
  deleteRow(db, talkStore, input.id, { expectedVersion: input.version, actor });

/** A deleted round's number may have been given to another talk since: then it cannot come back as it was. */
export async function undoDeleteTalk(db: Db, input: { id: string; version: number }, actor: Actor) {
  const current = await talkStore.read(db, input.id);
  if (current) await checkRound(db, input.id, current.snapshot);
  return undoDelete(db, talkStore, input.id, { expectedVersion: input.version, actor });
}

/** An earlier version's days must still hold the talk's rows as they are now. */
export async function restoreTalkVersion(db: Db, input: { id: string; version: number; restore: number }, actor: Actor) {
  const earlier = await snapshotAt(db, talkStore, input.id, input.restore);
  if (earlier) {
    try {
      await checkTalkDays(db, input.id, earlier);
      await checkZoneChange(db, input.id, earlier);
      await checkRound(db, input.id, earlier);
    } catch (error) {
      if (error instanceof MutationError) throw new MutationError(`Version ${input.restore} cannot be restored: ${lowerFirst(error.message)}`);
      throw error;
    }
  }
  return restoreVersion(db, talkStore, input.id, { version: input.restore, expectedVersion: input.version, actor });
}
