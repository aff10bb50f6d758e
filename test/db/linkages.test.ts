// Linkages between a talk's issues (decision 024) on migrated SQLite and PostgreSQL: added,
// corrected and deleted with revisions, and the write rules' refusals, each on its form field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { LinkageInput, LinkageUpdateInput, linkageStore } from "../../lib/entities/linkage";
import { MutationError, type Actor } from "../../lib/mutations/core";
import { createLinkage, deleteLinkage, undoDeleteLinkage, updateLinkage } from "../../lib/mutations/linkages";
import { listTalkLinkages } from "../../lib/data/linkages";
import { applyMigrations } from "../../scripts/db/engine";
import { createStatement, createTalk, type TestTalk } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const ERIN: Actor = { id: null, name: "Erin Editor" };

let cluster: PostgresCluster | undefined;
const providers: [string, { open(): Promise<Db>; stop(): Promise<void> }][] = [
  ["SQLite", { open: async () => createDb(await migratedSqlite("linkages")), stop: async () => {} }],
  [
    "PostgreSQL",
    {
      async open() {
        cluster ??= await startPostgres();
        const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_linkages") };
        await applyMigrations(config);
        return createDb(config);
      },
      async stop() {
        await cluster?.stop();
        cluster = undefined;
      },
    },
  ],
];

/** The refusal a write makes, with the form field it names. */
async function refusal(write: Promise<unknown>): Promise<{ message: string; field: string | undefined }> {
  try {
    await write;
  } catch (error) {
    if (error instanceof MutationError) return { message: error.message, field: error.field };
    throw error;
  }
  throw new Error("The write was not refused.");
}

describe.each(providers)("linkages on %s", (_name, provider) => {
  let db: Db;
  let talk: TestTalk;
  let statementId: string;
  const form = (over: Record<string, unknown> = {}) => ({
    talk: talk.slug,
    party: "aurelia",
    issue: "water-rights",
    conditionIssue: "fisheries",
    text: "No water treaty until the fisheries quota is agreed.",
    statedOn: "2026-03-03",
    droppedOn: "",
    statement: statementId,
    ...over,
  });

  beforeAll(async () => {
    db = await provider.open();
    talk = await createTalk(db, {
      issues: [
        { slug: "water-rights", name: "Water rights" },
        { slug: "fisheries", name: "Fisheries" },
      ],
    });
    await db.party.create({ data: { slug: "cantor", name: "Cantor Confederation", shortName: "Cantor" } });
    statementId = (await createStatement(db, talk, { saidOn: "2026-03-03" })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await provider.stop();
  });

  it("adds, corrects and deletes a linkage, each with a revision, and shows it on the talk page", async () => {
    const { id } = await createLinkage(db, LinkageInput.parse(form()), ERIN);
    let shown = await listTalkLinkages(db, talk.id);
    expect(shown.map((l) => [l.party.shortName, l.issue.name, l.conditionIssue.name, l.statedOn, l.statement?.id])).toEqual([["Aurelia", "Water rights", "Fisheries", "2026-03-03", statementId]]);

    await updateLinkage(db, LinkageUpdateInput.parse({ ...form({ droppedOn: "2026-03-05" }), id, version: 1 }), ERIN);
    const saved = (await linkageStore.read(db, id))!;
    expect(saved.version).toBe(2);
    expect(saved.snapshot).toMatchObject({ party: "aurelia", issue: "water-rights", conditionIssue: "fisheries", droppedOn: "2026-03-05", statement: statementId });
    shown = await listTalkLinkages(db, talk.id);
    expect(shown[0]!.droppedOn).toBe("2026-03-05");

    // A form opened at version 1 is refused now.
    await expect(updateLinkage(db, LinkageUpdateInput.parse({ ...form({ text: "Stale." }), id, version: 1 }), ERIN)).rejects.toThrow(/changed/);

    await deleteLinkage(db, { talk: talk.slug, id, version: 2 }, ERIN);
    expect(await listTalkLinkages(db, talk.id)).toEqual([]);
    await undoDeleteLinkage(db, { talk: talk.slug, id, version: 3 }, ERIN);
    expect(await listTalkLinkages(db, talk.id)).toHaveLength(1);

    const revisions = await db.revision.findMany({ where: { entityType: "linkage", entityId: id }, orderBy: { version: "asc" }, select: { action: true, version: true, actorName: true, talkId: true } });
    expect(revisions.map((r) => [r.version, r.action])).toEqual([
      [1, "create"],
      [2, "update"],
      [3, "delete"],
      [4, "restore"],
    ]);
    expect(revisions.every((r) => r.actorName === "Erin Editor" && r.talkId === talk.id)).toBe(true);
  });

  it("refuses an issue conditional on itself, and a drop before it was stated, in the form's schema", () => {
    const same = LinkageInput.safeParse(form({ conditionIssue: "water-rights" }));
    expect(same.success).toBe(false);
    expect(same.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["conditionIssue", "An issue cannot be conditional on itself; choose another issue."]]);
    const early = LinkageInput.safeParse(form({ droppedOn: "2026-03-02" }));
    expect(early.error!.issues.map((i) => i.path.join("."))).toEqual(["droppedOn"]);
  });

  it("refuses a party not in the talk, an issue off its agenda, days outside it and a statement of another talk", async () => {
    const count = await db.linkage.count();
    expect(await refusal(createLinkage(db, LinkageInput.parse(form({ party: "cantor" })), ERIN))).toEqual({
      message: "That party does not take part in this talk; add it to the talk first.",
      field: "party",
    });
    expect((await refusal(createLinkage(db, LinkageInput.parse(form({ statedOn: "2026-02-27" })), ERIN))).field).toBe("statedOn");
    expect((await refusal(createLinkage(db, LinkageInput.parse(form({ droppedOn: "2026-03-09" })), ERIN))).field).toBe("droppedOn");
    const other = await createTalk(db, { issues: [{ slug: "water-rights", name: "Water rights" }] });
    const elsewhere = await createStatement(db, other);
    expect((await refusal(createLinkage(db, LinkageInput.parse(form({ statement: elsewhere.id })), ERIN))).field).toBe("statement");
    expect((await refusal(createLinkage(db, LinkageInput.parse({ ...form(), talk: other.slug, statement: "" }), ERIN))).field).toBe("conditionIssue");
    expect(await db.linkage.count()).toBe(count);
  });
});
