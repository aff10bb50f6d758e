// Loading documents the schema accepts but that are built to collide (issue 9): parties, envoys,
// issues and sources that already exist in the database (with other names, another party),
// lists naming the same issue or source twice, talks whose slug is taken. Each load either
// succeeds, finds the talk already there, or refuses with an Error of its own — never a database
// error — and a refused load writes nothing.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { migratedSqlite } from "../support/sqlite-template";

const PARTIES = ["aurelia", "borealis", "cordia"];
const ENVOYS = ["ann", "bob"];
const ISSUES = ["water", "fish"];
const SOURCES = ["wire-1", "wire-2"];
const DAYS = ["2026-03-02", "2026-03-03", "2026-03-06"];

const pick = <T,>(xs: T[]) => fc.constantFrom(...xs);
/** Names from a list, now and then one twice (the schema refuses a repeat; the loader must never see one). */
const names = (xs: string[]) => fc.oneof({ weight: 5, arbitrary: fc.uniqueArray(pick(xs), { maxLength: xs.length }) }, { weight: 1, arbitrary: fc.array(pick(xs), { maxLength: 3 }) });

/** A document over a few shared names, so that loads collide with each other's rows. */
const hostileDocument = fc
  .record({
    slug: fc.nat(80).map((n) => `round-${n}`),
    parties: fc.shuffledSubarray(PARTIES, { minLength: PARTIES.length }),
    envoys: fc.array(fc.tuple(pick(ENVOYS), pick(PARTIES)), { maxLength: 2 }),
    issues: fc.shuffledSubarray(ISSUES, { minLength: ISSUES.length }),
    sources: fc.shuffledSubarray(SOURCES, { minLength: SOURCES.length }),
    sessions: fc.array(fc.record({ day: fc.option(pick(DAYS)), issues: names(ISSUES), sources: names(SOURCES) }), { maxLength: 3 }),
    statements: fc.array(fc.record({ party: pick(PARTIES), envoy: fc.option(pick(ENVOYS)), session: fc.option(fc.nat(2)), issues: names(ISSUES), sources: names(SOURCES) }), { maxLength: 4 }),
    assessments: fc.array(fc.record({ issue: pick(ISSUES), day: pick(DAYS) }), { maxLength: 3 }),
    linkages: fc.array(fc.record({ party: pick(PARTIES), issue: pick(ISSUES), condition: pick(ISSUES), statement: fc.option(fc.nat(3)) }), { maxLength: 2 }),
    name: fc.constantFrom("First name", "Another name", "ü".repeat(150)),
  })
  .map((g) => ({
    format: "parley.talk/v1",
    talk: { slug: g.slug, title: "Round", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded" },
    parties: g.parties.map((slug) => ({ slug, name: `${g.name} ${slug}`, shortName: slug })),
    envoys: [...new Map(g.envoys).entries()].map(([slug, party]) => ({ slug, name: slug, party })),
    issues: g.issues.map((slug) => ({ slug, name: g.name })),
    sources: g.sources.map((key) => ({ key, publisher: g.name, title: key })),
    sessions: g.sessions.map((s, i) => ({ ref: `s-${i}`, localDay: s.day, kind: null, title: `Session ${i}`, issues: s.issues, sources: s.sources })),
    statements: g.statements.map((s, i) => ({ ref: `st-${i}`, party: s.party, envoy: s.envoy, session: s.session === null || g.sessions.length === 0 ? null : `s-${s.session % g.sessions.length}`, saidOn: null, saidPrecision: "unknown", kind: "position", text: "We stand firm.", issues: s.issues, sources: s.sources })),
    assessments: g.assessments.map((a) => ({ issue: a.issue, localDay: a.day, gap: "unchanged", author: "Analyst" })),
    linkages: g.linkages.map((l) => ({ party: l.party, issue: l.issue, conditionIssue: l.condition, text: "Only if.", statement: l.statement === null || g.statements.length === 0 ? null : `st-${l.statement % g.statements.length}` })),
  }));

const TABLES = ["talk", "party", "envoy", "issue", "source", "session", "statement", "assessment", "linkage", "revision", "talkParty", "talkEnvoy", "talkIssue", "sessionIssue", "sessionSource", "statementIssue", "statementSource"] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const n = await Promise.all(TABLES.map((t) => (db[t] as unknown as { count(): Promise<number> }).count()));
  return Object.fromEntries(TABLES.map((t, i) => [t, n[i]!]));
}

describe("loading hostile but valid talk documents into SQLite", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createDb(await migratedSqlite("load-properties"));
  });
  afterAll(() => db.$disconnect());

  it("loads, finds the talk already there, or refuses with its own sentence; a refusal writes nothing", async () => {
    let valid = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(hostileDocument, async (input) => {
        const parsed = TalkDocumentSchema.safeParse(input);
        if (!parsed.success) {
          if (process.env.DEBUG_PROPS) console.log(parsed.error.issues[0]);
          return; // the schema's refusals are the other file's properties
        }
        valid++;
        const before = await counts(db);
        let outcome: string;
        try {
          const result = await loadTalkDocument(db, parsed.data, "property test");
          outcome = result.status;
          if (result.status === "created") {
            const statements = await db.statement.findMany({ where: { talkId: result.talkId }, select: { id: true } });
            expect(statements).toHaveLength(parsed.data.statements.length);
            expect(await db.revision.count({ where: { entityType: "statement", entityId: { in: statements.map((s) => s.id) } } })).toBe(statements.length);
          } else {
            expect(await counts(db)).toEqual(before);
          }
        } catch (error) {
          // A refusal must be ours, in words, not the database's constraint error.
          outcome = "refused";
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).constructor.name, (error as Error).message).not.toMatch(/^PrismaClient/);
          expect((error as Error).message).not.toMatch(/constraint|prisma|SQLITE/i);
          expect(await counts(db)).toEqual(before);
        }
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }),
      { numRuns: 200 },
    );
    expect(valid).toBeGreaterThan(10);
    console.log(`valid documents: ${valid}; outcomes: ${JSON.stringify(outcomes)}`);
  }, 60_000);
});
