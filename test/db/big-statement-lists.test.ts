// The pages that list statements gathered across talks — an issue's, a party's, an envoy's, a
// source's — on a talk with thousands of statements on one issue, by one party and envoy, citing
// one source, on both databases. Read with their issues and sources nested in one select, Prisma
// put every statement's id into one IN (…) it cannot split when the list is ordered (the issues by
// name): about a thousand statements went over SQLite's bound-parameter limit (Prisma P2029), and
// the issue page of the 5,000-statement bench talk's busiest issue (1,598 statements) failed.
// They are now read by chunks of ids (readStatementRefs), with the same rows in the same order as
// the nested select gave, which the last test checks against that select on a part small enough.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { StatementRef } from "../../lib/data/statement-refs";
import { buildTalkDocument, createTalk, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const STATEMENTS = 2_000;
const FIRST_DAY = "2026-03-02";
const DAYS = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

// Every statement is on water rights; some on borders and on an issue deleted after the load
// (left out); most cite one report, some a report deleted after the load (left out) and another.
const issuesOf = (i: number) => ["water-rights", ...(i % 2 === 0 ? ["borders"] : []), ...(i % 5 === 0 ? ["dropped"] : [])];
const sourcesOf = (i: number) => [...(i % 3 !== 0 ? ["src-main"] : []), ...(i % 4 === 0 ? ["src-gone"] : []), ...(i % 7 === 0 ? ["src-other"] : [])];

/** The select the four pages used, nested: the result the chunked reads must give. */
const NESTED_SELECT = {
  id: true,
  issues: { where: { issue: { deletedAt: null } }, orderBy: { issue: { name: "asc" } }, select: { issue: { select: { slug: true, name: true } } } },
  sources: { where: { source: { deletedAt: null } }, select: { source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } } } },
} as const;

// The pages' reads use the app's one client (getDb): each provider's database stands in for it.
const app = globalThis as unknown as { parleyDb?: Promise<Db> };

describe.each(PROVIDERS)("pages listing thousands of statements, on %s", (name, open) => {
  let database: TestDatabase;
  let talk: TestTalk;
  let pages: {
    issues: typeof import("../../lib/data/issues");
    parties: typeof import("../../lib/data/parties");
    envoys: typeof import("../../lib/data/envoys");
    sources: typeof import("../../lib/data/sources");
  };

  beforeAll(async () => {
    database = await open(`big-statement-lists-${name}`);
    process.env.DATABASE_URL ??= database.config.url;
    app.parleyDb = Promise.resolve(database.db);
    const document = buildTalkDocument({
      talk: { firstDay: FIRST_DAY },
      envoys: [{ slug: "ana-ferreira", name: "Ana Ferreira", party: "aurelia", role: "head" }],
      issues: [
        { slug: "water-rights", name: "Water rights" },
        { slug: "borders", name: "Borders" },
        { slug: "dropped", name: "Dropped issue" },
      ],
      sources: [
        { key: "src-main", publisher: "Wire", title: "Main report", url: "https://example.org/main", publishedOn: FIRST_DAY },
        { key: "src-gone", publisher: "Wire", title: "Withdrawn report" },
        { key: "src-other", publisher: "Daily", title: "Other report", publishedOn: null },
      ],
      statements: Array.from({ length: STATEMENTS }, (_, i) => ({
        ref: `s-${i}`,
        party: "aurelia",
        envoy: "ana-ferreira",
        saidOn: DAYS[i % DAYS.length]!,
        saidPrecision: "day" as const,
        kind: "position" as const,
        text: `Position ${i} on water rights.`,
        issues: issuesOf(i),
        sources: sourcesOf(i),
      })),
    });
    talk = await createTalk(database.db, document);
    // Deleted after the load, as the catalogue's delete does: kept, out of every reader's view.
    await database.db.issue.updateMany({ where: { slug: "dropped" }, data: { deletedAt: new Date() } });
    await database.db.source.updateMany({ where: { key: "src-gone" }, data: { deletedAt: new Date() } });
    const [issues, parties, envoys, sources] = await Promise.all([
      import("../../lib/data/issues"),
      import("../../lib/data/parties"),
      import("../../lib/data/envoys"),
      import("../../lib/data/sources"),
    ]);
    pages = { issues, parties, envoys, sources };
  }, 120_000);

  afterAll(async () => {
    app.parleyDb = undefined;
    await database?.close();
  });

  const issueStatements = async (slug: string) => {
    const page = (await pages.issues.getIssuePage(slug, "all"))!;
    const [here] = page.talks.filter((t) => t.talk.slug === talk.slug);
    return { count: here!.statementCount, statements: here!.positions.rows.flatMap((r) => r.cells.flat()) };
  };
  const byText = (statements: StatementRef[]) => new Map(statements.map((s) => [s.text, s]));

  it(`reads the issue page of an issue with ${STATEMENTS.toLocaleString("en")} statements in one talk, each with its live issues by name and its live sources`, async () => {
    const { count, statements } = await issueStatements("water-rights");
    expect(count).toBe(STATEMENTS);
    expect(statements).toHaveLength(STATEMENTS);
    const found = byText(statements);
    for (const i of [0, 1, 2, 3, 4, 5, 7, 12, 20, 28, 35, 84, STATEMENTS - 1]) {
      const s = found.get(`Position ${i} on water rights.`)!;
      expect(s.issues.map((x) => x.slug), `statement ${i}`).toEqual([...(i % 2 === 0 ? ["borders"] : []), "water-rights"]);
      expect(s.sources.map((x) => x.title), `statement ${i}`).toEqual(
        expect.arrayContaining([...(i % 3 !== 0 ? ["Main report"] : []), ...(i % 7 === 0 ? ["Other report"] : [])]),
      );
      expect(s.sources).toHaveLength((i % 3 !== 0 ? 1 : 0) + (i % 7 === 0 ? 1 : 0));
    }
    expect((await issueStatements("borders")).count).toBe(STATEMENTS / 2);
  });

  it("reads the party, envoy and source pages of thousands of statements", async () => {
    const party = (await pages.parties.getPartyPage("aurelia"))!;
    const envoy = (await pages.envoys.getEnvoyPage("ana-ferreira"))!;
    const source = (await pages.sources.getSourcePage("src-main"))!;
    const citing = Array.from({ length: STATEMENTS }, (_, i) => i).filter((i) => i % 3 !== 0).length;
    expect([party.statementCount, envoy.statementCount, source.statementCount]).toEqual([STATEMENTS, STATEMENTS, citing]);
    const listed = (p: { statements: { days: { statements: StatementRef[] }[]; undated: StatementRef[] }[] }) => p.statements.flatMap((t) => [...t.days.flatMap((d) => d.statements), ...t.undated]);
    expect(listed(party)).toHaveLength(STATEMENTS);
    expect(listed(envoy)).toHaveLength(STATEMENTS);
    expect(listed(source)).toHaveLength(citing);
  });

  it("gives each statement the same issues and sources, in the same order, as the nested select did", async () => {
    const { statements } = await issueStatements("water-rights");
    const page = new Map(statements.map((s) => [s.id, s]));
    // A part of the talk small enough for the nested select to read in one query.
    const ids = statements.map((s) => s.id).slice(0, 400);
    const nested = await database.db.statement.findMany({ where: { id: { in: ids } }, select: NESTED_SELECT });
    expect(nested).toHaveLength(ids.length);
    for (const row of nested) {
      const s = page.get(row.id)!;
      expect(s.issues).toEqual(row.issues.map((x) => x.issue));
      expect(s.sources).toEqual(row.sources.map((x) => x.source));
    }
    // The party page and the source page give the same statements the same lists.
    const party = (await pages.parties.getPartyPage("aurelia"))!;
    const onParty = new Map(party.statements.flatMap((t) => t.days.flatMap((d) => d.statements)).map((s) => [s.id, s]));
    for (const row of nested) expect(onParty.get(row.id)).toEqual(page.get(row.id));
  });
});
