// The talks the peer bench measures, and one SQLite database holding all of them, cached:
// loading 20,000 statements through the app's loader takes about a minute, so a loaded database
// is kept under bench/results/cache/, named by a hash of what made it (the documents, the
// migrations, the loader), and copied for each run.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { TalkDocumentSchema, describeIssues, type TalkDocument } from "../../lib/talk-document/schema";
import { prepareDatabase, removeDatabase } from "../timeline/database";
import { generateTalkDocument, LARGE_TALK } from "../timeline/generate";
import { statementDays } from "./static-pages";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The peer data set, beside the repository (shared/ is laid out next to each checkout). */
export const PEER_EVENTS = path.resolve(ROOT, "../shared/bench/peer-events.mjs");
const SEED_FILE = path.join(ROOT, "prisma/seed/japan-dprk-beijing-2006.json");
export const CACHE_DIR = path.join(ROOT, "bench/results/cache");
/** Cached databases kept (the most recently used); older ones are deleted. */
const CACHE_KEEP = 3;

/** One column of the printout: a talk measured beside its static list. */
export type Subject = {
  /** "1,000", "5,000", "20,000", "30 days" */
  label: string;
  /** Statements (peer N, or the 30-day talk's 5,000). */
  n: number;
  /** The peer data set at N, or the generated 30-day talk. */
  kind: "peer" | "30-day";
  doc: TalkDocument;
  slug: string;
  /** First and last day with statements; the middle one (the day page measured). */
  firstDay: string;
  lastDay: string;
  middleDay: string;
  /** Calendar days the talk spans (first to last day of the talk). */
  spanDays: number;
};

function parseDocument(json: unknown, from: string): TalkDocument {
  const parsed = TalkDocumentSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${from} is not a valid talk document: ${describeIssues(parsed.error).slice(0, 5).join("; ")}`);
  return parsed.data;
}

function subject(label: string, n: number, kind: Subject["kind"], doc: TalkDocument): Subject {
  const days = statementDays(doc);
  const span = (Date.parse(`${doc.talk.lastDay ?? days.at(-1)}T00:00:00Z`) - Date.parse(`${doc.talk.firstDay}T00:00:00Z`)) / 86_400_000 + 1;
  return { label, n, kind, doc, slug: doc.talk.slug, firstDay: days[0]!, lastDay: days.at(-1)!, middleDay: days[Math.floor(days.length / 2)]!, spanDays: span };
}

/** The peer data set at each N (from ../shared/bench/peer-events.mjs) and the 30-day generated talk. */
export async function loadSubjects(ns: number[]): Promise<Subject[]> {
  if (!existsSync(PEER_EVENTS)) {
    throw new Error(`The peer data set is missing: ${PEER_EVENTS} does not exist (the bench reads ../shared/bench/peer-events.mjs beside the repository root).`);
  }
  const peer = (await import(pathToFileURL(PEER_EVENTS).href)) as { parleyDocument?: (n: number) => unknown };
  if (typeof peer.parleyDocument !== "function") throw new Error(`${PEER_EVENTS} does not export parleyDocument(n).`);
  const subjects = ns.map((n) => subject(n.toLocaleString("en-US"), n, "peer", parseDocument(peer.parleyDocument!(n), `parleyDocument(${n})`)));
  const thirty = generateTalkDocument(LARGE_TALK);
  subjects.push(subject("30 days", thirty.statements.length, "30-day", thirty));
  return subjects;
}

export function loadSeed(): TalkDocument {
  return parseDocument(JSON.parse(readFileSync(SEED_FILE, "utf8")), SEED_FILE);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((rel) => statSync(path.join(dir, rel)).isFile())
    .sort();
}

/** What the database's content depends on: the documents in load order, the SQLite migrations, the loader. */
export function databaseKey(docs: TalkDocument[]): string {
  const hash = createHash("sha256");
  for (const doc of docs) hash.update(JSON.stringify(doc)).update("\0");
  const migrations = path.join(ROOT, "prisma/sqlite/migrations");
  for (const rel of filesUnder(migrations)) hash.update(rel).update("\0").update(readFileSync(path.join(migrations, rel))).update("\0");
  hash.update(readFileSync(path.join(ROOT, "lib/talk-document/load.ts")));
  return hash.digest("hex").slice(0, 20);
}

/**
 * A database with `docs` loaded, at `target`: copied from the cache, or loaded (migrate + the
 * app's loadTalkDocument) into the cache first. The cached file is a single SQLite file (journal
 * mode DELETE), written under a temporary name and renamed, so two runs at once never copy a
 * half-written one.
 */
export async function cachedDatabase(docs: TalkDocument[], target: string, log: (line: string) => void): Promise<{ hit: boolean; key: string; loadMs: number[] }> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = databaseKey(docs);
  const cached = path.join(CACHE_DIR, `parley-${key}.db`);
  let loadMs: number[] = [];
  const hit = existsSync(cached);
  if (!hit) {
    log(`Loading ${docs.length} talks into a new database (cached afterwards as ${path.relative(ROOT, cached)})…`);
    const tmp = path.join(CACHE_DIR, `parley-${key}.db.tmp-${process.pid}`);
    try {
      const db = await prepareDatabase(tmp, docs);
      loadMs = db.loadMs;
      const sqlite = new Database(tmp);
      try {
        sqlite.pragma("wal_checkpoint(TRUNCATE)");
        sqlite.pragma("journal_mode = DELETE");
      } finally {
        sqlite.close();
      }
      renameSync(tmp, cached);
    } finally {
      removeDatabase(tmp);
    }
  }
  const now = new Date();
  utimesSync(cached, now, now);
  removeDatabase(target);
  copyFileSync(cached, target);
  pruneCache(log);
  return { hit, key, loadMs };
}

function pruneCache(log: (line: string) => void): void {
  const dbs = readdirSync(CACHE_DIR)
    .filter((f) => /^parley-[0-9a-f]+\.db$/.test(f))
    .map((f) => ({ f, t: statSync(path.join(CACHE_DIR, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of dbs.slice(CACHE_KEEP)) {
    rmSync(path.join(CACHE_DIR, f), { force: true });
    log(`Removed an older cached database: ${f}`);
  }
}
