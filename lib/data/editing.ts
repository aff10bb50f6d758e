import "server-only";
// Reads for the editing pages: who may open them, the choices a form offers for a talk (its
// speakers, sessions, issues and sources), and a row as its edit form shows it.
import { forbidden, redirect } from "next/navigation";
import { canEdit, getCurrentUser, requireReader, type CurrentUser } from "../auth/permissions";
import { getDb } from "../db";
import { loginPath } from "../auth/redirect-target";
import { assessmentFormValues } from "../inputs/assessment";
import { envoyFormValues, issueFormValues, partyFormValues, sourceFormValues } from "../inputs/catalog";
import { sessionFormValues } from "../inputs/session";
import { newStatementValues, statementFormValues } from "../inputs/statement";
import { talkFormValues } from "../inputs/talk";
import type { FormValues } from "../actions/safe-action";
import { assessmentStore, envoyStore, issueStore, partyStore, sessionStore, sourceStore, statementStore, talkStore } from "../mutations/stores";
import { formatLocalDay, formatLocalDayShort, isLocalDay, localDaysBetween } from "../time/local-day";

/**
 * The signed-in editor for an editing page; anyone else is sent to sign in (and back here) or
 * shown "Not allowed". The actions check again: a page's check only decides what it shows.
 */
export async function requireEditorPage(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(loginPath(path));
  if (!canEdit(user)) forbidden();
  return user;
}

/** Whether the current visitor may edit: decides whether edit links are rendered. */
export async function viewerCanEdit(): Promise<boolean> {
  return canEdit(await getCurrentUser());
}

export type TalkRef = {
  id: string;
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
};

export type Option = { value: string; label: string };

export type StatementFormOptions = {
  talk: TalkRef;
  speakers: { label: string; options: Option[] }[];
  sessions: Option[];
  issues: Option[];
  sources: Option[];
};

const talkRefSelect = { id: true, slug: true, title: true, venueCity: true, venueTimeZone: true, firstDay: true, lastDay: true } as const;

export async function getTalkRef(slug: string): Promise<TalkRef | null> {
  await requireReader();
  const db = await getDb();
  return db.talk.findFirst({ where: { slug, deletedAt: null }, select: talkRefSelect });
}

/** "Day 4 · Tue 7 Feb" or "Day not reported". */
export function dayLabel(talk: Pick<TalkRef, "firstDay">, day: string | null): string {
  return day ? `Day ${localDaysBetween(talk.firstDay, day) + 1} · ${formatLocalDayShort(day)}` : "Day not reported";
}

/**
 * Where a new statement starts, from the day and session it is added to (as a link or the inline
 * form asks for them): a day of the talk's calendar or "unknown", and a session of the talk;
 * anything else is dropped rather than trusted. `back` is the page the editor came from.
 */
export function newStatementStart(options: StatementFormOptions, day: string | undefined, session: string | undefined) {
  const knownDay = day && isLocalDay(day) ? day : null;
  const knownSession = session && options.sessions.some((s) => s.value === session) ? session : null;
  const dated = knownDay !== null || day === "unknown";
  return {
    knownDay,
    /** "Day 4 · Tue 7 Feb 2006", "Day not reported", or null when no day was asked for. */
    label: dated ? dayLabel(options.talk, knownDay) : null,
    back: `/talks/${options.talk.slug}/days/${knownDay ?? (day === "unknown" ? "unknown" : options.talk.firstDay)}`,
    initial: { ...newStatementValues({ day: knownDay, session: knownSession }), talk: options.talk.slug } as FormValues,
  };
}

/** A source as a choice: "Publisher, “Title”, 7 February 2006". */
export function sourceLabel(s: { publisher: string; title: string; publishedOn: string | null }): string {
  return `${s.publisher}, “${s.title}”${s.publishedOn ? `, ${formatLocalDay(s.publishedOn)}` : ""}`;
}

/**
 * What the statement and session forms offer for a talk: its parties with their envoys as
 * speakers, its sessions by day, its agenda issues, and the sources already cited in it (plus any
 * named in `include`, e.g. the ones the row being edited cites).
 */
export async function getTalkFormOptions(slug: string, include: { issues?: string[]; sources?: string[]; sessions?: string[] } = {}): Promise<StatementFormOptions | null> {
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      ...talkRefSelect,
      parties: { orderBy: { position: "asc" }, select: { party: { select: { slug: true, name: true, shortName: true } } } },
      envoys: { select: { role: true, envoy: { select: { slug: true, name: true, title: true, deletedAt: true, party: { select: { slug: true } } } } } },
      issues: { orderBy: { position: "asc" }, select: { issue: { select: { slug: true, name: true } } } },
    },
  });
  if (!talk) return null;
  const [sessions, cited, extraIssues] = await Promise.all([
    db.session.findMany({
      where: { talkId: talk.id, OR: [{ deletedAt: null }, { id: { in: include.sessions ?? [] } }] },
      orderBy: [{ localDay: "asc" }, { sequence: "asc" }],
      select: { id: true, title: true, localDay: true, deletedAt: true },
    }),
    db.source.findMany({
      where: {
        OR: [
          { statements: { some: { statement: { talkId: talk.id } } } },
          { sessions: { some: { session: { talkId: talk.id } } } },
          { id: { in: include.sources ?? [] } },
        ],
      },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: { id: true, publisher: true, title: true, publishedOn: true },
    }),
    db.issue.findMany({ where: { slug: { in: include.issues ?? [] } }, select: { slug: true, name: true } }),
  ]);
  const agenda = talk.issues.map((i) => i.issue);
  const issues = [...agenda, ...extraIssues.filter((x) => !agenda.some((a) => a.slug === x.slug))];
  const { parties, envoys, issues: _issues, ...ref } = talk;
  return {
    talk: ref,
    speakers: parties.map(({ party }) => ({
      label: party.name,
      options: [
        { value: `party:${party.slug}`, label: `${party.shortName} (the party as a whole)` },
        ...envoys
          .filter((e) => e.envoy.party.slug === party.slug && e.envoy.deletedAt === null)
          .sort((a, b) => (a.role === b.role ? a.envoy.name.localeCompare(b.envoy.name) : a.role === "head" ? -1 : 1))
          .map((e) => ({ value: `envoy:${e.envoy.slug}`, label: `${e.envoy.name}${e.envoy.title ? `, ${e.envoy.title}` : ""}` })),
      ],
    })),
    sessions: sessions.map((s) => ({ value: s.id, label: `${dayLabel(talk, s.localDay)} — ${s.title}${s.deletedAt ? " (deleted)" : ""}` })),
    issues: issues.map((i) => ({ value: i.slug, label: i.name })),
    sources: cited.map((s) => ({ value: s.id, label: sourceLabel(s) })),
  };
}

export type StatementForEdit = {
  id: string;
  version: number;
  deleted: boolean;
  day: string | null;
  values: FormValues;
  speaker: string;
  text: string;
};

/** A statement of the talk as its edit form shows it; null when there is none. */
export async function getStatementForEdit(talk: TalkRef, id: string): Promise<StatementForEdit | null> {
  await requireReader();
  const db = await getDb();
  const row = await statementStore.read(db, id);
  if (!row || row.talkId !== talk.id) return null;
  const s = row.snapshot;
  const [envoy, party] = await Promise.all([
    s.envoy ? db.envoy.findUnique({ where: { slug: s.envoy }, select: { name: true } }) : null,
    db.party.findUnique({ where: { slug: s.party }, select: { shortName: true } }),
  ]);
  return {
    id,
    version: row.version,
    deleted: row.deletedAt !== null,
    day: s.saidOn,
    values: { ...statementFormValues(s, talk.venueTimeZone), talk: talk.slug, id, version: String(row.version) },
    speaker: envoy?.name ?? party?.shortName ?? s.party,
    text: s.text,
  };
}

export type CatalogOptions = {
  parties: Option[];
  envoys: { value: string; label: string; party: string }[];
  issues: Option[];
};

/** Every live party, envoy and issue, for the talk form (and the envoy form's party choice). */
export async function getCatalogOptions(): Promise<CatalogOptions> {
  await requireReader();
  const db = await getDb();
  const [parties, envoys, issues] = await Promise.all([
    db.party.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.envoy.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true, title: true, party: { select: { slug: true } } } }),
    db.issue.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return {
    parties: parties.map((p) => ({ value: p.slug, label: p.name })),
    envoys: envoys.map((e) => ({ value: e.slug, label: `${e.name}${e.title ? `, ${e.title}` : ""}`, party: e.party.slug })),
    issues: issues.map((i) => ({ value: i.slug, label: i.name })),
  };
}

export type RowForEdit = { id: string; version: number; deleted: boolean; values: FormValues; title: string };

/** A session of the talk as its edit form shows it. */
export async function getSessionForEdit(talk: TalkRef, id: string): Promise<(RowForEdit & { day: string | null }) | null> {
  await requireReader();
  const db = await getDb();
  const row = await sessionStore.read(db, id);
  if (!row || row.talkId !== talk.id) return null;
  return {
    id,
    version: row.version,
    deleted: row.deletedAt !== null,
    day: row.snapshot.localDay,
    title: row.snapshot.title,
    values: { ...sessionFormValues(row.snapshot, talk.venueTimeZone), talk: talk.slug, id, version: String(row.version) },
  };
}

/** An assessment of the talk as its edit form shows it, with its issue's name. */
export async function getAssessmentForEdit(talk: TalkRef, id: string): Promise<(RowForEdit & { day: string; issueName: string }) | null> {
  await requireReader();
  const db = await getDb();
  const row = await assessmentStore.read(db, id);
  if (!row || row.talkId !== talk.id) return null;
  const issue = await db.issue.findUnique({ where: { slug: row.snapshot.issue }, select: { name: true } });
  const issueName = issue?.name ?? row.snapshot.issue;
  return {
    id,
    version: row.version,
    deleted: row.deletedAt !== null,
    day: row.snapshot.localDay,
    issueName,
    title: `${issueName}, ${formatLocalDay(row.snapshot.localDay)}`,
    values: { ...assessmentFormValues(row.snapshot), issueName, dayName: formatLocalDay(row.snapshot.localDay), talk: talk.slug, id, version: String(row.version) },
  };
}

/** The live-or-deleted assessment of an issue on a day, if any (one per issue per day). */
export async function findAssessmentId(talk: TalkRef, issue: string, day: string): Promise<{ id: string; deleted: boolean } | null> {
  await requireReader();
  const db = await getDb();
  const a = await db.assessment.findFirst({ where: { talkId: talk.id, localDay: day, issue: { slug: issue } }, select: { id: true, deletedAt: true } });
  return a ? { id: a.id, deleted: a.deletedAt !== null } : null;
}

/** The talk (deleted or not) as its edit form shows it. */
export async function getTalkForEdit(slug: string): Promise<RowForEdit | null> {
  await requireReader();
  const db = await getDb();
  const found = await db.talk.findUnique({ where: { slug }, select: { id: true } });
  if (!found) return null;
  const row = (await talkStore.read(db, found.id))!;
  return { id: row.id, version: row.version, deleted: row.deletedAt !== null, title: row.snapshot.title, values: { ...talkFormValues(row.snapshot), id: row.id, version: String(row.version) } };
}

/** A party, envoy or issue (deleted or not) by slug, as its edit form shows it. */
export async function getCatalogRowForEdit(type: "party" | "envoy" | "issue" | "source", slug: string): Promise<RowForEdit | null> {
  await requireReader();
  const db = await getDb();
  const found =
    type === "party"
      ? await db.party.findUnique({ where: { slug }, select: { id: true } })
      : type === "envoy"
        ? await db.envoy.findUnique({ where: { slug }, select: { id: true } })
        : type === "source"
          ? await db.source.findUnique({ where: { key: slug }, select: { id: true } })
          : await db.issue.findUnique({ where: { slug }, select: { id: true } });
  if (!found) return null;
  const base = (row: { id: string; version: number; deletedAt: Date | null }, title: string, values: FormValues): RowForEdit => ({
    id: row.id,
    version: row.version,
    deleted: row.deletedAt !== null,
    title,
    values: { ...values, id: row.id, version: String(row.version) },
  });
  if (type === "party") {
    const row = (await partyStore.read(db, found.id))!;
    return base(row, row.snapshot.name, partyFormValues(row.snapshot));
  }
  if (type === "envoy") {
    const row = (await envoyStore.read(db, found.id))!;
    return base(row, row.snapshot.name, envoyFormValues(row.snapshot));
  }
  if (type === "source") {
    const row = (await sourceStore.read(db, found.id))!;
    return base(row, `${row.snapshot.publisher}, “${row.snapshot.title}”`, sourceFormValues(row.snapshot));
  }
  const row = (await issueStore.read(db, found.id))!;
  return base(row, row.snapshot.name, issueFormValues(row.snapshot));
}
