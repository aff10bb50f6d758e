// What the session and statement forms offer as sources: every live source — also one made at
// /sources/new and cited nowhere yet — those the talk already cites first; a deleted one only to
// a row that cites it (issue 10).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { SourceInput } from "../../lib/entities/source";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "japan-dprk-beijing-2006";
let db: Db;
let getTalkFormOptions: typeof import("../../lib/data/form-options").getTalkFormOptions;

beforeAll(async () => {
  const { url } = await migratedSqlite("form-options");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../../lib/db");
  db = await getDb();
  await loadSeedTalk(db, "test");
  ({ getTalkFormOptions } = await import("../../lib/data/form-options"));
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("the sources the statement and session forms offer", () => {
  it("offers a source made on its own page, after those the talk cites, and no deleted one", async () => {
    const { createSource } = await import("../../lib/mutations/catalog");
    const made = await createSource(db, SourceInput.parse({ slug: "kyodo-talks-resume", publisher: "Kyodo", title: "Talks resume in Beijing", publishedOn: "2006-02-08" }), { id: null, name: "Erin" });
    const gone = await createSource(db, SourceInput.parse({ slug: "yonhap-retracted", publisher: "Yonhap", title: "A retracted report", publishedOn: "2006-02-08" }), { id: null, name: "Erin" });
    await db.source.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const options = (await getTalkFormOptions(SLUG))!;
    expect(options.sources.map((s) => [s.label, s.citedHere])).toEqual([
      [expect.stringContaining("North Korea, Japan Still far Apart"), true],
      [expect.stringContaining("Talks resume in Beijing"), false],
    ]);
    // A row that already cites the deleted one still has it offered, marked.
    const editing = (await getTalkFormOptions(SLUG, { sources: [gone.id] }))!;
    expect(editing.sources.find((s) => s.value === gone.id)?.label).toMatch(/\(deleted\)$/);
    expect(options.sources.some((s) => s.value === made.id)).toBe(true);
  });
});

describe("what a new statement starts with (issue 12)", () => {
  it("gives each speaker the capacity of their role in the talk, and each session its day, issues and sources", async () => {
    const { newStatementStart } = await import("../../lib/data/form-options");
    const options = (await getTalkFormOptions(SLUG))!;
    const talk = await db.talk.findUniqueOrThrow({
      where: { slug: SLUG },
      select: { envoys: { select: { role: true, envoy: { select: { slug: true, title: true } } } } },
    });
    const speakers = options.speakers.flatMap((g) => g.options);
    expect(speakers.filter((o) => o.value.startsWith("party:")).every((o) => o.capacity === "government")).toBe(true);
    expect(talk.envoys.length).toBeGreaterThan(0);
    for (const { role, envoy } of talk.envoys) {
      const offered = speakers.find((o) => o.value === `envoy:${envoy.slug}`);
      const expected = /\bspokes(person|man|woman)\b/i.test(envoy.title ?? "") ? "spokesperson" : role === "head" ? "head_of_delegation" : "delegation_member";
      expect(offered?.capacity, envoy.slug).toBe(expected);
    }

    const { createSession } = await import("../../lib/mutations/sessions");
    const { SessionInput } = await import("../../lib/entities/session");
    const cited = options.sources[0]!.value;
    const made = await createSession(
      db,
      SessionInput.parse({ talk: SLUG, title: "Working lunch", kind: "bilateral", outcome: "unknown", localDay: "2006-02-07", issues: ["abductions"], sources: [cited] }),
      { id: null, name: "Erin" },
    );
    const session = { id: made.id, localDay: "2006-02-07", issues: [{ issue: { slug: "abductions" } }], sources: [{ sourceId: cited }] };
    const withSession = (await getTalkFormOptions(SLUG))!;
    const start = newStatementStart(withSession, undefined, session.id);
    expect(start.knownDay).toBe(session.localDay);
    expect(start.initial).toMatchObject({
      session: session.id,
      saidOn: session.localDay,
      setting: "session",
      issues: session.issues.map((i) => i.issue.slug),
      sources: session.sources.map((s) => s.sourceId),
    });
    // A day asked for wins over the session's; an unknown session is dropped.
    expect(newStatementStart(withSession, "2006-02-08", session.id).initial).toMatchObject({ saidOn: "2006-02-08", session: session.id });
    expect(newStatementStart(withSession, "2006-02-08", "no-such-session").initial).toMatchObject({ session: "", issues: [], sources: [] });
  });
});
