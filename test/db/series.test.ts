// Series (docs/decisions/025-series.md) on migrated SQLite and PostgreSQL: a series with two
// rounds read for its page (the final gap per issue per round, each party's position per round,
// the rounds' order, a deleted talk left out, unknowns said); the talk form's series and round
// (one live talk per round, a clear field error); the series as a shared record with revisions;
// the talk document carrying it; the Beijing seed in its series.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSeriesOn, readSeriesPage } from "../../lib/data/series";
import { assessmentStore } from "../../lib/entities/assessment";
import { series as seriesEntity } from "../../lib/entities/series";
import { statementStore } from "../../lib/entities/statement";
import { TalkInput, TalkUpdateInput, talkStore } from "../../lib/entities/talk";
import { createCatalogRow, deleteCatalogRow, updateCatalogRow } from "../../lib/mutations/catalog";
import { deleteRow, MutationError, restoreVersion } from "../../lib/mutations/core";
import { createTalk as createTalkByForm, deleteTalk, undoDeleteTalk, updateTalk } from "../../lib/mutations/talks";
import type { RoundPosition, SeriesPage } from "../../lib/series/build";
import { exportTalkDocument } from "../../lib/talk-document/export";
import { DocumentRefused, loadTalkDocument } from "../../lib/talk-document/load";
import { PROVIDERS, type TestDatabase } from "../support/databases";
import { buildTalkDocument, createStatement, createTalk, loadSeedTalk, TEST_EDITOR, uniqueSlug, type TestTalk } from "../support/factories";

const PARTIES = [
  { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
  { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
];
const CANTOR = { slug: "cantor", name: "Cantor Confederation", shortName: "Cantor", role: "host" as const };
const WATER = { slug: "water-rights", name: "Water rights" };
const FISHERIES = { slug: "fisheries", name: "Fisheries" };
const BORDER = { slug: "border", name: "Border demarcation" };

/** The text of a position cell, or its kind when nothing was said. */
const said = (cell: RoundPosition) => (cell.kind === "stated" ? `${cell.basis}: ${cell.statement.text} (${cell.statement.day})` : cell.kind);

/** Form values for the talk form, as a browser sends them. */
const form = (t: TestTalk & { document: { talk: { title: string; venueCity: string } } }, over: Record<string, unknown>) => ({
  title: t.document.talk.title,
  venueCity: t.document.talk.venueCity,
  venueTimeZone: t.venueTimeZone,
  firstDay: t.firstDay,
  lastDay: t.lastDay ?? "",
  status: "concluded",
  summary: "",
  parties: t.parties,
  issues: t.issues,
  ...over,
});

describe.each(PROVIDERS)("series on %s", (name, open) => {
  let database: TestDatabase;
  const seriesSlug = uniqueSlug("water-talks");
  const series = { slug: seriesSlug, name: "Aurelia–Borealis water talks" };
  let round1: Awaited<ReturnType<typeof createTalk>>;
  let round2: Awaited<ReturnType<typeof createTalk>>;
  let page: SeriesPage;

  beforeAll(async () => {
    database = await open(`series-${name}`);
    const { db } = database;
    // Round 2 is loaded first: the page orders rounds by when they were held, not by when recorded.
    round2 = await createTalk(db, {
      talk: { title: "Water talks, second round", venueCity: "Vienna", venueTimeZone: "Europe/Vienna", firstDay: "2026-03-02", lastDay: "2026-03-06", round: 2 },
      series,
      parties: [...PARTIES, CANTOR],
      issues: [WATER, BORDER],
      assessments: [
        { issue: "water-rights", localDay: "2026-03-02", gap: "unchanged", author: "Ann" },
        { issue: "water-rights", localDay: "2026-03-05", gap: "narrowing", note: "Both sides moved on quotas.", author: "Ann" },
        // Deleted below: the round's final gap is then day 4's.
        { issue: "water-rights", localDay: "2026-03-06", gap: "agreed", author: "Ann" },
      ],
    });
    round1 = await createTalk(db, {
      talk: { title: "Water talks, first round", firstDay: "2024-03-04", lastDay: "2024-03-08", round: 1 },
      series,
      parties: PARTIES,
      issues: [WATER, FISHERIES],
      assessments: [
        { issue: "water-rights", localDay: "2024-03-04", gap: "widening", author: "Ann" },
        { issue: "water-rights", localDay: "2024-03-06", gap: "deadlocked", author: "Ann" },
      ],
    });
    // Round 1: Aurelia's latest stance is its day-2 demand (a later paraphrase is no stance);
    // Borealis only remarked on the water.
    await createStatement(db, round1, { party: "aurelia", kind: "position", saidOn: "2024-03-04", text: "Aurelia holds the upstream rights.", issues: ["water-rights"] });
    await createStatement(db, round1, { party: "aurelia", kind: "demand", saidOn: "2024-03-05", text: "Aurelia demands a fixed quota.", issues: ["water-rights"] });
    await createStatement(db, round1, { party: "aurelia", kind: "paraphrase", saidOn: "2024-03-07", text: "Aurelia called the day long.", issues: ["water-rights"] });
    await createStatement(db, round1, { party: "borealis", kind: "paraphrase", saidOn: "2024-03-05", text: "Borealis said the talks were useful.", issues: ["water-rights"] });
    // Round 2: Aurelia moves; Borealis's only statement is deleted, so it has said nothing.
    await createStatement(db, round2, { party: "aurelia", kind: "position", saidOn: "2026-03-03", text: "Aurelia would accept a sliding quota.", issues: ["water-rights"] });
    const gone = await createStatement(db, round2, { party: "borealis", kind: "position", saidOn: "2026-03-03", text: "Withdrawn words.", issues: ["water-rights"] });
    await deleteRow(db, statementStore, gone.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const agreed = await db.assessment.findFirstOrThrow({ where: { talkId: round2.id, localDay: "2026-03-06" }, select: { id: true } });
    await deleteRow(db, assessmentStore, agreed.id, { expectedVersion: 1, actor: TEST_EDITOR });
    // A third round, deleted: it is no round of the series any more.
    const deleted = await createTalk(db, { talk: { title: "Water talks, abandoned round", firstDay: "2025-01-06", lastDay: "2025-01-07", round: 3 }, series, parties: PARTIES, issues: [WATER] });
    await deleteTalk(db, { id: deleted.id, version: 1 }, TEST_EDITOR);

    page = (await readSeriesPage(db, seriesSlug))!;
  });

  afterAll(async () => {
    await database?.close();
  });

  it("lists its live rounds in the order they were held, the deleted one left out", () => {
    expect(page.series).toEqual({ slug: seriesSlug, name: "Aurelia–Borealis water talks", description: "" });
    expect(page.rounds.map((r) => [r.round, r.title, r.firstDay, r.venueCity, r.status])).toEqual([
      [1, "Water talks, first round", "2024-03-04", "Geneva", "concluded"],
      [2, "Water talks, second round", "2026-03-02", "Vienna", "concluded"],
    ]);
    expect(page.parties.map((p) => p.slug)).toEqual(["aurelia", "borealis", "cantor"]);
  });

  it("gives each round's final gap on each issue, and says which were never assessed or not on the agenda", () => {
    expect(page.issues.map((i) => i.slug)).toEqual(["water-rights", "fisheries", "border"]);
    const [water, fisheries, border] = page.issues;
    expect(water!.gaps).toEqual([
      { kind: "assessed", gap: "deadlocked", day: "2024-03-06", number: 3, note: "" },
      // Day 5's "agreed" was deleted: the round ended "narrowing", as assessed on day 4.
      { kind: "assessed", gap: "narrowing", day: "2026-03-05", number: 4, note: "Both sides moved on quotas." },
    ]);
    expect(fisheries!.gaps).toEqual([{ kind: "none" }, { kind: "off-agenda" }]);
    expect(border!.gaps).toEqual([{ kind: "off-agenda" }, { kind: "none" }]);
  });

  it("gives each party's latest position on each issue in each round, by the brief's rule", () => {
    const water = page.issues[0]!;
    expect(water.positions.map((p) => [p.party.slug, p.cells.map(said)])).toEqual([
      ["aurelia", ["stance: Aurelia demands a fixed quota. (2024-03-05)", "stance: Aurelia would accept a sliding quota. (2026-03-03)"]],
      ["borealis", ["remark: Borealis said the talks were useful. (2024-03-05)", "silent"]],
      ["cantor", ["absent", "silent"]],
    ]);
    const cell = water.positions[0]!.cells[0]!;
    expect(cell).toMatchObject({ kind: "stated", statement: { kind: "demand", number: 2, speaker: "Aurelia" }, undatedOthers: 0 });
    expect(page.issues[1]!.positions.map((p) => p.cells.map((c) => c.kind))).toEqual([
      ["silent", "silent"],
      ["silent", "silent"],
      ["absent", "silent"],
    ]);
  });

  it("counts its rounds and their span in the index", async () => {
    const all = await listSeriesOn(database.db);
    expect(all.find((s) => s.slug === seriesSlug)).toEqual({
      slug: seriesSlug,
      name: "Aurelia–Borealis water talks",
      description: "",
      rounds: 2,
      span: { firstDay: "2024-03-04", lastDay: "2026-03-06", open: false },
    });
  });

  it("refuses a round number another live talk of the series has, on the round field; a deleted one's is free", async () => {
    const { db } = database;
    const third = await createTalk(db, { talk: { title: "Water talks, third round", firstDay: "2026-09-07", lastDay: "2026-09-09" }, parties: PARTIES, issues: [WATER] });
    const update = (round: string) => TalkUpdateInput.parse({ ...form(third, { series: seriesSlug, round }), id: third.id, version: 1 });
    const refusal = await updateTalk(db, update("2"), TEST_EDITOR).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MutationError);
    expect(refusal).toMatchObject({ field: "round", message: "Round 2 of this series is already “Water talks, second round”; give this talk another number, or leave the round empty." });
    expect((await talkStore.read(db, third.id))!.snapshot).not.toHaveProperty("series");
    // Round 3 belonged to the deleted talk only.
    await updateTalk(db, update("3"), TEST_EDITOR);
    const saved = await talkStore.read(db, third.id);
    expect(saved!.snapshot).toMatchObject({ series: seriesSlug, round: 3 });
    expect((await readSeriesPage(db, seriesSlug))!.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
    // Its revision records the series and round; restoring version 1 takes it out of the series again.
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "talk", entityId: third.id, version: 2 }, select: { before: true, after: true } });
    expect(revision.before).not.toHaveProperty("series");
    expect(revision.after).toMatchObject({ series: seriesSlug, round: 3 });
    await restoreVersion(db, talkStore, third.id, { version: 1, expectedVersion: 2, actor: TEST_EDITOR });
    expect(await db.talk.findUniqueOrThrow({ where: { id: third.id }, select: { seriesId: true, round: true } })).toEqual({ seriesId: null, round: null });
  });

  it("will not bring a deleted round back onto a number taken since", async () => {
    const { db } = database;
    const a = await createTalk(db, { talk: { title: "Round seven", firstDay: "2027-01-04", lastDay: "2027-01-05", round: 7 }, series, parties: PARTIES, issues: [WATER] });
    await deleteTalk(db, { id: a.id, version: 1 }, TEST_EDITOR);
    await createTalk(db, { talk: { title: "Round seven again", firstDay: "2027-02-01", lastDay: "2027-02-02", round: 7 }, series, parties: PARTIES, issues: [WATER] });
    const refusal = await undoDeleteTalk(db, { id: a.id, version: 2 }, TEST_EDITOR).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MutationError);
    expect((refusal as MutationError).field).toBe("round");
    expect((refusal as MutationError).message).toMatch(/^Round 7 of this series is already “Round seven again”/);
    expect((await db.talk.findUniqueOrThrow({ where: { id: a.id }, select: { deletedAt: true } })).deletedAt).not.toBeNull();
  });

  it("creates a talk in a series through the form's checks, and refuses a series that is gone", async () => {
    const { db } = database;
    const base = form(round1, { series: seriesSlug, round: "", firstDay: "2028-05-01", lastDay: "2028-05-02" });
    const made = await createTalkByForm(db, TalkInput.parse({ ...base, slug: uniqueSlug("unnumbered") }), TEST_EDITOR);
    expect((await talkStore.read(db, made.id))!.snapshot).toMatchObject({ series: seriesSlug });
    expect((await talkStore.read(db, made.id))!.snapshot).not.toHaveProperty("round");
    await expect(createTalkByForm(db, TalkInput.parse({ ...base, slug: uniqueSlug("nowhere"), series: "no-such-series" }), TEST_EDITOR)).rejects.toMatchObject({ field: "series", message: "This series no longer exists; choose another, or none." });
  });

  it("keeps a series with revisions, and refuses to delete it while live talks are its rounds", async () => {
    const { db } = database;
    const made = await createCatalogRow(db, seriesEntity, { slug: uniqueSlug("empty-series"), name: "Empty series", description: "" }, TEST_EDITOR);
    await updateCatalogRow(db, seriesEntity, { id: made.id, version: 1, name: "Renamed series", description: "Now described." }, TEST_EDITOR);
    const revisions = await db.revision.findMany({ where: { entityType: "series", entityId: made.id }, orderBy: { version: "asc" }, select: { action: true, after: true } });
    expect(revisions.map((r) => [r.action, r.after])).toEqual([
      ["create", { slug: made.slug, name: "Empty series", description: "" }],
      ["update", { slug: made.slug, name: "Renamed series", description: "Now described." }],
    ]);
    await deleteCatalogRow(db, "series", { id: made.id, version: 2 }, TEST_EDITOR);
    const used = await db.series.findUniqueOrThrow({ where: { slug: seriesSlug }, select: { id: true, version: true } });
    await expect(deleteCatalogRow(db, "series", { id: used.id, version: used.version }, TEST_EDITOR)).rejects.toThrow(/^Still used by \d+ talks: remove it from those first\.$/);
  });

  it("carries the series and round in the talk document, and refuses a document whose round is taken", async () => {
    const { db } = database;
    const doc = (await exportTalkDocument(db, round2.slug))!;
    expect(doc.series).toEqual({ slug: seriesSlug, name: "Aurelia–Borealis water talks" });
    expect(doc.talk.round).toBe(2);
    const clash = buildTalkDocument({ talk: { title: "Another second round", round: 2 }, series, parties: PARTIES, issues: [WATER] });
    const refusal = await loadTalkDocument(db, clash, "import").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DocumentRefused);
    expect((refusal as DocumentRefused).problems).toEqual([
      `talk.round: round 2 of series "${seriesSlug}" is already “Water talks, second round” in this database; give this talk another number, or leave the round out.`,
    ]);
    const renamed = buildTalkDocument({ talk: { title: "Another round" }, series: { ...series, name: "Water talks" }, parties: PARTIES, issues: [WATER] });
    await expect(loadTalkDocument(db, renamed, "import")).rejects.toThrow(/series\.name: is "Water talks" here but "Aurelia–Borealis water talks" in this database/);
  });

  it("puts the Beijing seed in the Japan–DPRK normalization talks, its round not numbered", async () => {
    const { db } = database;
    await loadSeedTalk(db);
    const beijing = (await readSeriesPage(db, "japan-dprk-normalization-talks"))!;
    expect(beijing.series.name).toBe("Japan–DPRK normalization talks");
    expect(beijing.rounds.map((r) => [r.slug, r.round])).toEqual([["japan-dprk-beijing-2006", null]]);
    expect(beijing.issues.map((i) => [i.slug, i.gaps[0]!.kind])).toEqual([
      ["abductions", "assessed"],
      ["normalization", "none"],
    ]);
  });
});
