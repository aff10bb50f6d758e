// How each kind of domain row is read into a snapshot and written back from one, for the write
// core (./core.ts). A snapshot holds the row's editable content and its relation lists (a
// statement's issues and sources, a talk's parties, envoys and agenda), so a revision shows, and
// a restore brings back, the whole of what an editor saw.
import "server-only";
import type { Db } from "../db";
import type { Capacity, DelegationRole, Gap, Outcome, PartOfDay, SessionKind, StatementKind, StatementSetting, TalkStatus, TimePrecision } from "../enums";
import { MutationError, type EntityStore, type Op } from "./core";
import type {
  AssessmentSnapshot,
  EnvoySnapshot,
  IssueSnapshot,
  PartySnapshot,
  SessionSnapshot,
  SourceSnapshot,
  StatementSnapshot,
  TalkSnapshot,
} from "./snapshot";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null) => (s ? new Date(s) : null);
const sorted = (xs: string[]) => [...xs].sort();

/** Ids of named things by slug, in the order given; a slug that no longer exists is refused. */
async function idsOf(
  find: (slugs: string[]) => Promise<{ id: string; slug: string }[]>,
  slugs: string[],
  what: string,
  field: string,
): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await find([...new Set(slugs)]);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length) throw new MutationError(`No such ${what}: ${missing.join(", ")}.`, field);
  return slugs.map((s) => bySlug.get(s)!);
}

const issueIds = (db: Db, slugs: string[]) =>
  idsOf((s) => db.issue.findMany({ where: { slug: { in: s } }, select: { id: true, slug: true } }), slugs, "issue", "issues");
const partyIds = (db: Db, slugs: string[], field = "party") =>
  idsOf((s) => db.party.findMany({ where: { slug: { in: s } }, select: { id: true, slug: true } }), slugs, "party", field);
const envoyIds = (db: Db, slugs: string[], field = "envoy") =>
  idsOf((s) => db.envoy.findMany({ where: { slug: { in: s } }, select: { id: true, slug: true } }), slugs, "envoy", field);

// ---- statement ----

export const statementStore: EntityStore<StatementSnapshot> = {
  type: "statement",
  async read(db, id) {
    const s = await db.statement.findUnique({
      where: { id },
      select: {
        id: true,
        talkId: true,
        sessionId: true,
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
        sequence: true,
        version: true,
        deletedAt: true,
        party: { select: { slug: true } },
        envoy: { select: { slug: true } },
        issues: { select: { issue: { select: { slug: true } } } },
        sources: { select: { sourceId: true } },
      },
    });
    if (!s) return null;
    return {
      id: s.id,
      version: s.version,
      deletedAt: s.deletedAt,
      talkId: s.talkId,
      snapshot: {
        talkId: s.talkId,
        session: s.sessionId,
        party: s.party.slug,
        envoy: s.envoy?.slug ?? null,
        capacity: s.capacity,
        saidOn: s.saidOn,
        saidAt: iso(s.saidAt),
        saidPrecision: s.saidPrecision,
        partOfDay: s.partOfDay,
        reportedOn: s.reportedOn,
        setting: s.setting,
        kind: s.kind,
        text: s.text,
        quotedWords: s.quotedWords,
        sequence: s.sequence,
        issues: sorted(s.issues.map((i) => i.issue.slug)),
        sources: sorted(s.sources.map((x) => x.sourceId)),
      },
    };
  },
  talkIdOf: (s) => s.talkId,
  async create(db, id, s) {
    const data = await statementData(db, s);
    return [
      db.statement.create({ data: { id, talkId: s.talkId, ...data.row }, select: { id: true } }),
      db.statementIssue.createMany({ data: data.issueIds.map((issueId) => ({ statementId: id, issueId })) }),
      db.statementSource.createMany({ data: s.sources.map((sourceId) => ({ statementId: id, sourceId })) }),
    ];
  },
  async write(db, id, s, { expected, next }) {
    const data = await statementData(db, s);
    return [
      db.statement.update({ where: { id, version: expected }, data: { ...data.row, version: next }, select: { id: true } }),
      db.statementIssue.deleteMany({ where: { statementId: id } }),
      db.statementIssue.createMany({ data: data.issueIds.map((issueId) => ({ statementId: id, issueId })) }),
      db.statementSource.deleteMany({ where: { statementId: id } }),
      db.statementSource.createMany({ data: s.sources.map((sourceId) => ({ statementId: id, sourceId })) }),
    ];
  },
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.statement.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

async function statementData(db: Db, s: StatementSnapshot) {
  const [[partyId], envoy, issueIdList] = await Promise.all([
    partyIds(db, [s.party], "speaker"),
    s.envoy
      ? db.envoy.findUnique({ where: { slug: s.envoy }, select: { id: true, party: { select: { slug: true } } } })
      : Promise.resolve(null),
    issueIds(db, s.issues),
    s.session ? checkSession(db, s.session, s.talkId) : Promise.resolve(),
  ]);
  if (s.envoy && !envoy) throw new MutationError(`No such envoy: ${s.envoy}.`, "speaker");
  if (envoy && envoy.party.slug !== s.party) throw new MutationError(`${s.envoy} speaks for ${envoy.party.slug}, not ${s.party}.`, "speaker");
  return {
    row: {
      sessionId: s.session,
      partyId: partyId!,
      envoyId: envoy?.id ?? null,
      capacity: s.capacity as Capacity,
      saidOn: s.saidOn,
      saidAt: date(s.saidAt),
      saidPrecision: s.saidPrecision as TimePrecision,
      partOfDay: s.partOfDay as PartOfDay | null,
      reportedOn: s.reportedOn,
      setting: s.setting as StatementSetting,
      kind: s.kind as StatementKind,
      text: s.text,
      quotedWords: s.quotedWords,
      sequence: s.sequence,
    },
    issueIds: issueIdList,
  };
}

async function checkSession(db: Db, sessionId: string, talkId: string): Promise<void> {
  // A deleted session still counts: its statements keep it, so undoing its deletion regroups them.
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { talkId: true } });
  if (!session || session.talkId !== talkId) throw new MutationError("That session is not part of this talk.", "session");
}

// ---- session ----

export const sessionStore: EntityStore<SessionSnapshot> = {
  type: "session",
  async read(db, id) {
    const s = await db.session.findUnique({
      where: { id },
      select: {
        id: true,
        talkId: true,
        localDay: true,
        startsAt: true,
        endsAt: true,
        kind: true,
        title: true,
        summary: true,
        outcome: true,
        outcomeNote: true,
        sequence: true,
        version: true,
        deletedAt: true,
        issues: { select: { issue: { select: { slug: true } } } },
        sources: { select: { sourceId: true } },
      },
    });
    if (!s) return null;
    return {
      id: s.id,
      version: s.version,
      deletedAt: s.deletedAt,
      talkId: s.talkId,
      snapshot: {
        talkId: s.talkId,
        localDay: s.localDay,
        startsAt: iso(s.startsAt),
        endsAt: iso(s.endsAt),
        kind: s.kind,
        title: s.title,
        summary: s.summary,
        outcome: s.outcome,
        outcomeNote: s.outcomeNote,
        sequence: s.sequence,
        issues: sorted(s.issues.map((i) => i.issue.slug)),
        sources: sorted(s.sources.map((x) => x.sourceId)),
      },
    };
  },
  talkIdOf: (s) => s.talkId,
  async create(db, id, s) {
    // Source ids are checked by the foreign key: a new source may be created in the same batch.
    const ids = await issueIds(db, s.issues);
    return [
      db.session.create({ data: { id, talkId: s.talkId, ...sessionRow(s) }, select: { id: true } }),
      db.sessionIssue.createMany({ data: ids.map((issueId) => ({ sessionId: id, issueId })) }),
      db.sessionSource.createMany({ data: s.sources.map((sourceId) => ({ sessionId: id, sourceId })) }),
    ];
  },
  async write(db, id, s, { expected, next }) {
    // Source ids are checked by the foreign key: a new source may be created in the same batch.
    const ids = await issueIds(db, s.issues);
    return [
      db.session.update({ where: { id, version: expected }, data: { ...sessionRow(s), version: next }, select: { id: true } }),
      db.sessionIssue.deleteMany({ where: { sessionId: id } }),
      db.sessionIssue.createMany({ data: ids.map((issueId) => ({ sessionId: id, issueId })) }),
      db.sessionSource.deleteMany({ where: { sessionId: id } }),
      db.sessionSource.createMany({ data: s.sources.map((sourceId) => ({ sessionId: id, sourceId })) }),
    ];
  },
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.session.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

function sessionRow(s: SessionSnapshot) {
  return {
    localDay: s.localDay,
    startsAt: date(s.startsAt),
    endsAt: date(s.endsAt),
    kind: s.kind as SessionKind | null,
    title: s.title,
    summary: s.summary,
    outcome: s.outcome as Outcome,
    outcomeNote: s.outcomeNote,
    sequence: s.sequence,
  };
}

// ---- assessment ----

export const assessmentStore: EntityStore<AssessmentSnapshot> = {
  type: "assessment",
  async read(db, id) {
    const a = await db.assessment.findUnique({
      where: { id },
      select: {
        id: true,
        talkId: true,
        localDay: true,
        gap: true,
        note: true,
        authorId: true,
        authorName: true,
        version: true,
        deletedAt: true,
        issue: { select: { slug: true } },
      },
    });
    if (!a) return null;
    return {
      id: a.id,
      version: a.version,
      deletedAt: a.deletedAt,
      talkId: a.talkId,
      snapshot: { talkId: a.talkId, issue: a.issue.slug, localDay: a.localDay, gap: a.gap, note: a.note, authorId: a.authorId, authorName: a.authorName },
    };
  },
  talkIdOf: (a) => a.talkId,
  async create(db, id, a) {
    const [issueId] = await issueIds(db, [a.issue]);
    return [db.assessment.create({ data: { id, talkId: a.talkId, issueId: issueId!, ...assessmentRow(a) }, select: { id: true } })];
  },
  async write(db, id, a, { expected, next }) {
    const [issueId] = await issueIds(db, [a.issue]);
    return [
      db.assessment.update({ where: { id, version: expected }, data: { issueId: issueId!, ...assessmentRow(a), version: next }, select: { id: true } }),
    ];
  },
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.assessment.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

function assessmentRow(a: AssessmentSnapshot) {
  return { localDay: a.localDay, gap: a.gap as Gap, note: a.note, authorId: a.authorId, authorName: a.authorName };
}

// ---- talk ----

export const talkStore: EntityStore<TalkSnapshot> = {
  type: "talk",
  async read(db, id) {
    const t = await db.talk.findUnique({
      where: { id },
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
        version: true,
        deletedAt: true,
        parties: { orderBy: { position: "asc" }, select: { party: { select: { slug: true } } } },
        envoys: { select: { role: true, envoy: { select: { slug: true } } } },
        issues: { orderBy: { position: "asc" }, select: { issue: { select: { slug: true } } } },
      },
    });
    if (!t) return null;
    return {
      id: t.id,
      version: t.version,
      deletedAt: t.deletedAt,
      talkId: t.id,
      snapshot: {
        slug: t.slug,
        title: t.title,
        venueCity: t.venueCity,
        venueTimeZone: t.venueTimeZone,
        firstDay: t.firstDay,
        lastDay: t.lastDay,
        status: t.status,
        summary: t.summary,
        parties: t.parties.map((p) => p.party.slug),
        envoys: t.envoys.map((e) => ({ envoy: e.envoy.slug, role: e.role as string })).sort((a, b) => a.envoy.localeCompare(b.envoy)),
        issues: t.issues.map((i) => i.issue.slug),
      },
    };
  },
  talkIdOf: (_, id) => id,
  async create(db, id, t) {
    const links = await talkLinks(db, id, t);
    return [db.talk.create({ data: { id, ...talkRow(t), slug: t.slug }, select: { id: true } }), ...links];
  },
  async write(db, id, t, { expected, next }) {
    const links = await talkLinks(db, id, t);
    return [
      db.talk.update({ where: { id, version: expected }, data: { ...talkRow(t), version: next }, select: { id: true } }),
      db.talkParty.deleteMany({ where: { talkId: id } }),
      db.talkEnvoy.deleteMany({ where: { talkId: id } }),
      db.talkIssue.deleteMany({ where: { talkId: id } }),
      ...links,
    ];
  },
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.talk.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

function talkRow(t: TalkSnapshot) {
  return {
    title: t.title,
    venueCity: t.venueCity,
    venueTimeZone: t.venueTimeZone,
    firstDay: t.firstDay,
    lastDay: t.lastDay,
    status: t.status as TalkStatus,
    summary: t.summary,
  };
}

async function talkLinks(db: Db, talkId: string, t: TalkSnapshot): Promise<Op[]> {
  const [parties, envoys, issues] = await Promise.all([
    partyIds(db, t.parties, "parties"),
    envoyIds(db, t.envoys.map((e) => e.envoy), "envoys"),
    issueIds(db, t.issues),
  ]);
  return [
    db.talkParty.createMany({ data: parties.map((partyId, position) => ({ talkId, partyId, position })) }),
    db.talkEnvoy.createMany({ data: envoys.map((envoyId, i) => ({ talkId, envoyId, role: t.envoys[i]!.role as DelegationRole })) }),
    db.talkIssue.createMany({ data: issues.map((issueId, position) => ({ talkId, issueId, position })) }),
  ];
}

// ---- party, envoy, issue, source: shared across talks ----

export const partyStore: EntityStore<PartySnapshot> = {
  type: "party",
  async read(db, id) {
    const p = await db.party.findUnique({
      where: { id },
      select: { id: true, slug: true, name: true, shortName: true, isoCode: true, version: true, deletedAt: true },
    });
    if (!p) return null;
    return { id: p.id, version: p.version, deletedAt: p.deletedAt, talkId: null, snapshot: { slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode } };
  },
  talkIdOf: () => null,
  create: async (db, id, p) => [db.party.create({ data: { id, ...p }, select: { id: true } })],
  write: async (db, id, p, { expected, next }) => [
    db.party.update({ where: { id, version: expected }, data: { name: p.name, shortName: p.shortName, isoCode: p.isoCode, version: next }, select: { id: true } }),
  ],
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.party.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

export const envoyStore: EntityStore<EnvoySnapshot> = {
  type: "envoy",
  async read(db, id) {
    const e = await db.envoy.findUnique({
      where: { id },
      select: { id: true, slug: true, name: true, nameOriginal: true, title: true, version: true, deletedAt: true, party: { select: { slug: true } } },
    });
    if (!e) return null;
    return {
      id: e.id,
      version: e.version,
      deletedAt: e.deletedAt,
      talkId: null,
      snapshot: { slug: e.slug, name: e.name, nameOriginal: e.nameOriginal, title: e.title, party: e.party.slug },
    };
  },
  talkIdOf: () => null,
  async create(db, id, e) {
    const [partyId] = await partyIds(db, [e.party]);
    return [db.envoy.create({ data: { id, slug: e.slug, name: e.name, nameOriginal: e.nameOriginal, title: e.title, partyId: partyId! }, select: { id: true } })];
  },
  async write(db, id, e, { expected, next }) {
    const [partyId] = await partyIds(db, [e.party]);
    return [
      db.envoy.update({
        where: { id, version: expected },
        data: { name: e.name, nameOriginal: e.nameOriginal, title: e.title, partyId: partyId!, version: next },
        select: { id: true },
      }),
    ];
  },
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.envoy.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

export const issueStore: EntityStore<IssueSnapshot> = {
  type: "issue",
  async read(db, id) {
    const i = await db.issue.findUnique({ where: { id }, select: { id: true, slug: true, name: true, description: true, version: true, deletedAt: true } });
    if (!i) return null;
    return { id: i.id, version: i.version, deletedAt: i.deletedAt, talkId: null, snapshot: { slug: i.slug, name: i.name, description: i.description } };
  },
  talkIdOf: () => null,
  create: async (db, id, i) => [db.issue.create({ data: { id, ...i }, select: { id: true } })],
  write: async (db, id, i, { expected, next }) => [
    db.issue.update({ where: { id, version: expected }, data: { name: i.name, description: i.description, version: next }, select: { id: true } }),
  ],
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.issue.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};

export const sourceStore: EntityStore<SourceSnapshot> = {
  type: "source",
  async read(db, id) {
    const s = await db.source.findUnique({
      where: { id },
      select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true, version: true, deletedAt: true },
    });
    if (!s) return null;
    return {
      id: s.id,
      version: s.version,
      deletedAt: s.deletedAt,
      talkId: null,
      snapshot: { key: s.key, publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn },
    };
  },
  talkIdOf: () => null,
  create: async (db, id, s) => [db.source.create({ data: { id, ...s }, select: { id: true } })],
  write: async (db, id, s, { expected, next }) => [
    db.source.update({
      where: { id, version: expected },
      data: { publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn, version: next },
      select: { id: true },
    }),
  ],
  setDeleted: (db, id, deletedAt, { expected, next }) =>
    db.source.update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
};
