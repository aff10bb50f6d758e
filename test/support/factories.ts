// Test data for database tests: talks, sessions and statements (and the parties and issues they
// name), each with sensible defaults that a test overrides where it cares. Everything is written
// the way production writes it — talks through the talk-document loader (as the seed and the
// import do), sessions and statements through the write core's stores — so every row has its
// version 1 and its "create" revision, and the stores' checks (the parties, envoys, issues and
// sessions named exist and agree) apply to test data too. The rules of the editing forms (a day
// inside the talk, venue clock times) live above the stores and are not applied here.
//
//   const talk = await createTalk(db, { talk: { venueTimeZone: "Asia/Tokyo" } });
//   const session = await createSession(db, talk, { title: "Working group" });
//   await createStatement(db, talk, { session: session.id, text: "We will not move." });
//
// Parties, envoys and issues are shared between talks and matched by slug: a second talk naming
// "aurelia" reuses the first one's party as it is (the loader does not rename it).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { createRow, type Actor } from "../../lib/mutations/core";
import type { TalkRecord } from "../../lib/data/talk-index";
import type { SessionSnapshot } from "../../lib/entities/session";
import type { StatementSnapshot } from "../../lib/entities/statement";
import { sessionStore } from "../../lib/entities/session";
import { statementStore } from "../../lib/entities/statement";
import type { Db } from "../../lib/db";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema, type TalkDocument } from "../../lib/talk-document/schema";

export const TEST_EDITOR: Actor = { id: null, name: "Test Editor" };

/** A talk as written by a factory: its id, and what the next factories default from. */
export type TestTalk = { id: string; slug: string; firstDay: string; lastDay: string | null; venueTimeZone: string; parties: string[]; issues: string[] };

type DocumentInput = z.input<typeof TalkDocumentSchema>;
export type TalkOverrides = Omit<Partial<DocumentInput>, "talk" | "format"> & { talk?: Partial<DocumentInput["talk"]> };

let made = 0;
/** A slug no other factory call of this run, nor of a parallel test file, has used. */
export const uniqueSlug = (prefix: string) => `${prefix}-${process.pid.toString(36)}-${Date.now().toString(36)}-${(++made).toString(36)}`;

/**
 * A valid talk document: a five-day concluded round in Geneva between Aurelia and Borealis on
 * water rights, with no sessions or statements unless given. Lists given replace the defaults.
 */
export function buildTalkDocument(overrides: TalkOverrides = {}): TalkDocument {
  const { talk, ...lists } = overrides;
  return TalkDocumentSchema.parse({
    format: "parley.talk/v1",
    talk: {
      slug: uniqueSlug("test-talk"),
      title: "Test round, Geneva",
      venueCity: "Geneva",
      venueTimeZone: "Europe/Zurich",
      firstDay: "2026-03-02",
      lastDay: "2026-03-06",
      status: "concluded",
      summary: "",
      ...talk,
    },
    parties: [
      { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
      { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
    ],
    issues: [{ slug: "water-rights", name: "Water rights" }],
    ...lists,
  } satisfies DocumentInput);
}

/** Writes a talk (and the parties, envoys, issues and sources its document names) through the loader. */
export async function createTalk(db: Db, overrides: TalkOverrides = {}, actor: Actor = TEST_EDITOR): Promise<TestTalk & { document: TalkDocument }> {
  const document = buildTalkDocument(overrides);
  const result = await loadTalkDocument(db, document, actor.name);
  if (result.status !== "created") throw new Error(`A talk with the slug ${document.talk.slug} already exists.`);
  return { id: result.talkId, ...talkOf(document), document };
}

const talkOf = (d: TalkDocument): Omit<TestTalk, "id"> => ({
  slug: d.talk.slug,
  firstDay: d.talk.firstDay,
  lastDay: d.talk.lastDay,
  venueTimeZone: d.talk.venueTimeZone,
  parties: d.parties.map((p) => p.slug),
  issues: d.issues.map((i) => i.slug),
});

/** The shipped Beijing 2006 talk (prisma/seed), loaded as `npm run db:seed` loads it. */
export async function loadSeedTalk(db: Db, actorName = "seed"): Promise<TestTalk> {
  const file = path.resolve(import.meta.dirname, "../../prisma/seed/japan-dprk-beijing-2006.json");
  const document = TalkDocumentSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const { talkId } = await loadTalkDocument(db, document, actorName);
  return { ...talkOf(document), id: talkId };
}

/**
 * The talk's record as the pages' reads take it, with a fresh stamp at each call: nothing a read
 * kept in memory (under the stamp) is found again by the next one.
 */
export async function talkRecordReader(db: Db, talkId: string): Promise<() => Promise<TalkRecord>> {
  const row = await db.talk.findUniqueOrThrow({
    where: { id: talkId },
    select: { id: true, slug: true, title: true, venueCity: true, venueTimeZone: true, firstDay: true, lastDay: true, status: true, summary: true },
  });
  return () => Promise.resolve({ ...row, stamp: randomUUID() });
}

/** A session of the talk, on its first day by default, through the write core. */
export async function createSession(db: Db, talk: TestTalk, overrides: Partial<SessionSnapshot> = {}, actor: Actor = TEST_EDITOR) {
  const snapshot: SessionSnapshot = {
    talkId: talk.id,
    localDay: talk.firstDay,
    startsAt: null,
    endsAt: null,
    kind: "plenary",
    title: "Plenary session",
    summary: "",
    outcome: "unknown",
    outcomeNote: null,
    sequence: ((await db.session.aggregate({ where: { talkId: talk.id }, _max: { sequence: true } }))._max.sequence ?? -1) + 1,
    issues: [],
    sources: [],
    ...overrides,
  };
  const { id } = await createRow(db, sessionStore, { snapshot, actor });
  return { id, version: 1 as const, snapshot };
}

/** A statement of the talk: its first party's position, dated its first day, through the write core. */
export async function createStatement(db: Db, talk: TestTalk, overrides: Partial<StatementSnapshot> = {}, actor: Actor = TEST_EDITOR) {
  const party = talk.parties[0];
  if (!party) throw new Error("The talk has no party to speak.");
  const snapshot: StatementSnapshot = {
    talkId: talk.id,
    session: null,
    party,
    envoy: null,
    capacity: "government",
    saidOn: talk.firstDay,
    saidAt: null,
    saidPrecision: "day",
    partOfDay: null,
    reportedOn: null,
    setting: "unknown",
    kind: "position",
    text: "Our position is unchanged.",
    quotedWords: null,
    sequence: ((await db.statement.aggregate({ where: { talkId: talk.id }, _max: { sequence: true } }))._max.sequence ?? -1) + 1,
    issues: [],
    sources: [],
    ...overrides,
  };
  const { id } = await createRow(db, statementStore, { snapshot, actor });
  return { id, version: 1 as const, snapshot };
}
