import "server-only";
// What the editing forms offer: a talk's speakers, sessions, issues and sources for the session
// and statement forms; every live party, envoy and issue for the talk and envoy forms.
import { requireReader } from "../auth/permissions";
import { getDb } from "../db";
import { capacityForSpeaker } from "../editing/defaults";
import type { Capacity } from "../enums";
import { newStatementValues } from "../entities/statement";
import type { CatalogOptions, FormValues, Option } from "../entities/types";
import { dayLabel } from "../editing/day-label";
import { formatLocalDay, isLocalDay } from "../time/local-day";

export type { CatalogOptions, Option } from "../entities/types";

export type TalkRef = {
  id: string;
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
};


/** A source the forms offer; `citedHere`: this talk already cites it. */
export type SourceOption = Option & { citedHere: boolean };

/** A speaker as a choice, with the capacity a statement of theirs starts with (lib/editing/defaults.ts). */
export type SpeakerOption = Option & { capacity: Capacity };

/** A session as a choice, with what a statement said in it starts with: its day, issues and sources. */
export type SessionOption = Option & { day: string | null; issues: string[]; sources: string[] };

export type StatementFormOptions = {
  talk: TalkRef;
  speakers: { label: string; options: SpeakerOption[] }[];
  sessions: SessionOption[];
  issues: Option[];
  sources: SourceOption[];
};

const talkRefSelect = { id: true, slug: true, title: true, venueCity: true, venueTimeZone: true, firstDay: true, lastDay: true } as const;

export async function getTalkRef(slug: string): Promise<TalkRef | null> {
  await requireReader();
  const db = await getDb();
  return db.talk.findFirst({ where: { slug, deletedAt: null }, select: talkRefSelect });
}

export { dayLabel } from "../editing/day-label";

/**
 * Where a new statement starts, from the day and session it is added to (as a link or the inline
 * form asks for them): a day of the talk's calendar or "unknown", and a session of the talk;
 * anything else is dropped rather than trusted. `back` is the page the editor came from.
 */
export function newStatementStart(options: StatementFormOptions, day: string | undefined, session: string | undefined) {
  const inSession = session ? options.sessions.find((s) => s.value === session) : undefined;
  // Said in a session: its day, issues and sources, unless a day was asked for (issue 12).
  const knownDay = day && isLocalDay(day) ? day : (inSession?.day ?? null);
  const dated = knownDay !== null || day === "unknown";
  return {
    knownDay,
    /** "Day 4 · Tue 7 Feb 2006", "Day not reported", or null when no day was asked for. */
    label: dated ? dayLabel(options.talk, knownDay) : null,
    back: `/talks/${options.talk.slug}/days/${knownDay ?? (day === "unknown" ? "unknown" : options.talk.firstDay)}`,
    initial: {
      ...newStatementValues({ day: knownDay, session: inSession?.value ?? null }),
      ...(inSession ? { issues: inSession.issues, sources: inSession.sources } : {}),
      talk: options.talk.slug,
    } as FormValues,
  };
}

/** A source as a choice: "Publisher, “Title”, 7 February 2006". */
export function sourceLabel(s: { publisher: string; title: string; publishedOn: string | null }): string {
  return `${s.publisher}, “${s.title}”${s.publishedOn ? `, ${formatLocalDay(s.publishedOn)}` : ""}`;
}

/**
 * What the statement and session forms offer for a talk: its parties with their envoys as
 * speakers, its sessions by day, its agenda issues, and every live source, those it already cites
 * first (plus any named in `include`, e.g. the deleted ones the row being edited cites).
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
  const [sessions, offered, citedHere, extraIssues] = await Promise.all([
    db.session.findMany({
      where: { talkId: talk.id, OR: [{ deletedAt: null }, { id: { in: include.sessions ?? [] } }] },
      orderBy: [{ localDay: "asc" }, { sequence: "asc" }],
      select: { id: true, title: true, localDay: true, deletedAt: true, issues: { select: { issue: { select: { slug: true } } } }, sources: { select: { sourceId: true } } },
    }),
    // Every live source, wherever it was made (at /sources/new, or cited in another talk); a
    // deleted one only to a row that already cites it (saves refuse it otherwise).
    db.source.findMany({
      where: { OR: [{ deletedAt: null }, { id: { in: include.sources ?? [] } }] },
      orderBy: [{ publishedOn: "asc" }, { title: "asc" }],
      select: { id: true, publisher: true, title: true, publishedOn: true, deletedAt: true },
    }),
    db.source.findMany({
      where: { OR: [{ statements: { some: { statement: { talkId: talk.id } } } }, { sessions: { some: { session: { talkId: talk.id } } } }] },
      select: { id: true },
    }),
    db.issue.findMany({ where: { slug: { in: include.issues ?? [] } }, select: { slug: true, name: true } }),
  ]);
  const here = new Set(citedHere.map((s) => s.id));
  const agenda = talk.issues.map((i) => i.issue);
  const issues = [...agenda, ...extraIssues.filter((x) => !agenda.some((a) => a.slug === x.slug))];
  const { parties, envoys, issues: _issues, ...ref } = talk;
  return {
    talk: ref,
    speakers: parties.map(({ party }) => ({
      label: party.name,
      options: [
        { value: `party:${party.slug}`, label: `${party.shortName} (the party as a whole)`, capacity: capacityForSpeaker({ kind: "party" }) },
        ...envoys
          .filter((e) => e.envoy.party.slug === party.slug && e.envoy.deletedAt === null)
          .sort((a, b) => (a.role === b.role ? a.envoy.name.localeCompare(b.envoy.name) : a.role === "head" ? -1 : 1))
          .map((e) => ({
            value: `envoy:${e.envoy.slug}`,
            label: `${e.envoy.name}${e.envoy.title ? `, ${e.envoy.title}` : ""}`,
            capacity: capacityForSpeaker({ kind: "envoy", role: e.role, title: e.envoy.title }),
          })),
      ],
    })),
    sessions: sessions.map((s) => ({
      value: s.id,
      label: `${dayLabel(talk, s.localDay)} — ${s.title}${s.deletedAt ? " (deleted)" : ""}`,
      day: s.localDay,
      issues: s.issues.map((i) => i.issue.slug).filter((slug) => issues.some((i) => i.slug === slug)),
      // Live sources only: a new statement may not cite a deleted one.
      sources: s.sources.map((x) => x.sourceId).filter((id) => offered.some((o) => o.id === id && o.deletedAt === null)),
    })),
    issues: issues.map((i) => ({ value: i.slug, label: i.name })),
    // Those this talk already cites first, then the others.
    sources: [...offered]
      .sort((a, b) => Number(!here.has(a.id)) - Number(!here.has(b.id)))
      .map((s) => ({ value: s.id, label: `${sourceLabel(s)}${s.deletedAt ? " (deleted)" : ""}`, citedHere: here.has(s.id) })),
  };
}


/** Every live party, envoy and issue, for the talk form (and the envoy form's party choice). */
export async function getCatalogOptions(): Promise<CatalogOptions> {
  await requireReader();
  const db = await getDb();
  const [parties, envoys, issues, series] = await Promise.all([
    db.party.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.envoy.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true, title: true, party: { select: { slug: true } } } }),
    db.issue.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.series.findMany({ where: { deletedAt: null }, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return {
    parties: parties.map((p) => ({ value: p.slug, label: p.name })),
    envoys: envoys.map((e) => ({ value: e.slug, label: `${e.name}${e.title ? `, ${e.title}` : ""}`, party: e.party.slug })),
    issues: issues.map((i) => ({ value: i.slug, label: i.name })),
    series: series.map((s) => ({ value: s.slug, label: s.name })),
  };
}

