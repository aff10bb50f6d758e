// The sources a statement or session save cites (lib/mutations/talk-rows.ts checkSources): an id
// no source has, or a source deleted since, is a form error on the sources field and writes
// nothing (before: the foreign key failed the save with a 500, and a deleted source was cited).
// A source the row already cites stays cited when the row is edited, even if it was deleted since.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attempt } from "../../lib/actions/edit-support";
import { createActionWrappers } from "../../lib/actions/safe-action";
import type { CurrentUser } from "../../lib/auth/roles";
import { createDb, type Db } from "../../lib/db";
import { SessionInput, SessionUpdateInput } from "../../lib/entities/session";
import { StatementInput, StatementUpdateInput } from "../../lib/entities/statement";
import { createSource, deleteCatalogRow } from "../../lib/mutations/catalog";
import { MutationError, type Actor } from "../../lib/mutations/core";
import { createSession, updateSession } from "../../lib/mutations/sessions";
import { createStatement, deleteStatement, undoDeleteStatement, updateStatement } from "../../lib/mutations/statements";
import { loadSeedTalk, uniqueSlug } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "japan-dprk-beijing-2006";
const ERIN: Actor = { id: null, name: "Erin Editor" };

let db: Db;

beforeAll(async () => {
  const config = await migratedSqlite("cited-sources");
  db = await createDb(config);
  await loadSeedTalk(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

const statementRaw = (over: Record<string, unknown> = {}) => ({
  talk: SLUG,
  speaker: "party:japan",
  capacity: "government",
  kind: "position",
  saidPrecision: "day",
  saidOn: "2006-02-06",
  setting: "unknown",
  text: "Japan's position is unchanged.",
  ...over,
});
const sessionRaw = (over: Record<string, unknown> = {}) => ({ talk: SLUG, title: "Working group", localDay: "2006-02-06", outcome: "unknown", ...over });

/** Rows of every table a save writes to, to show a refused save wrote nothing. */
const footprint = async () =>
  Promise.all([db.statement.count(), db.statementSource.count(), db.session.count(), db.sessionSource.count(), db.source.count(), db.revision.count()]);

async function newSource(title: string): Promise<string> {
  return (await createSource(db, { slug: uniqueSlug("source"), publisher: "Kyodo", title, url: null, publishedOn: null }, ERIN)).id;
}

async function deletedSource(title: string): Promise<string> {
  const id = await newSource(title);
  await deleteCatalogRow(db, "source", { id, version: 1 }, ERIN);
  return id;
}

describe("an unknown source id", () => {
  it("is refused on the sources field when a statement is added or changed, and nothing is written", async () => {
    const before = await footprint();
    const refusal = new MutationError("No such source: no-such-source. Choose one of the sources listed, or add a new one.", "sources");
    await expect(createStatement(db, StatementInput.parse(statementRaw({ sources: ["no-such-source"] })), ERIN)).rejects.toThrow(refusal);
    await expect(createStatement(db, StatementInput.parse(statementRaw({ sources: ["no-such-source"] })), ERIN)).rejects.toMatchObject({ field: "sources" });
    const { id } = await createStatement(db, StatementInput.parse(statementRaw()), ERIN);
    const after = await footprint();
    await expect(updateStatement(db, StatementUpdateInput.parse(statementRaw({ id, version: 1, sources: ["no-such-source"] })), ERIN)).rejects.toMatchObject({ message: refusal.message, field: "sources" });
    expect(await footprint()).toEqual(after);
    expect(after).not.toEqual(before);
  });

  it("is refused when a session is added or changed, even beside a source typed into the same form", async () => {
    const before = await footprint();
    const typed = { newSourcePublisher: "Xinhua", newSourceTitle: "Talks resume" };
    await expect(createSession(db, SessionInput.parse(sessionRaw({ sources: ["no-such-source"], ...typed })), ERIN)).rejects.toMatchObject({ message: "No such source: no-such-source. Choose one of the sources listed, or add a new one.", field: "sources" });
    expect(await footprint()).toEqual(before);
    const { id } = await createSession(db, SessionInput.parse(sessionRaw()), ERIN);
    const after = await footprint();
    await expect(updateSession(db, SessionUpdateInput.parse(sessionRaw({ id, version: 1, sources: ["gone-1", "gone-2"] })), ERIN)).rejects.toMatchObject({ message: "No such source: gone-1, gone-2. Choose one of the sources listed, or add a new one.", field: "sources" });
    expect(await footprint()).toEqual(after);
  });

  it("reaches the form as a message next to the sources field, with what the editor typed", async () => {
    const editor: CurrentUser = { id: "editor", name: "Erin Editor", email: "erin@example.org", role: "editor" };
    const { editorAction } = createActionWrappers({ loadUser: () => Promise.resolve(editor) });
    // As lib/actions/statements.ts does it, without the redirect that follows a save.
    const action = editorAction(StatementInput, async (input) => {
      await attempt(() => createStatement(db, input, ERIN));
      return { ok: true };
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(statementRaw({ sources: "no-such-source" }))) form.append(k, v);
    const message = "No such source: no-such-source. Choose one of the sources listed, or add a new one.";
    await expect(action(null, form)).resolves.toMatchObject({ ok: false, message, fieldErrors: { sources: [message] }, values: { text: "Japan's position is unchanged.", sources: "no-such-source" } });
  });
});

describe("a deleted source", () => {
  it("cannot be cited by a new statement or session, or added to one", async () => {
    const gone = await deletedSource("Withdrawn report");
    const live = await newSource("Standing report");
    const before = await footprint();
    const refusal = { message: "This source was deleted and can no longer be cited: Kyodo, “Withdrawn report”.", field: "sources" };
    await expect(createStatement(db, StatementInput.parse(statementRaw({ sources: [live, gone] })), ERIN)).rejects.toMatchObject(refusal);
    await expect(createSession(db, SessionInput.parse(sessionRaw({ sources: [gone] })), ERIN)).rejects.toMatchObject(refusal);
    expect(await footprint()).toEqual(before);

    const { id } = await createStatement(db, StatementInput.parse(statementRaw({ sources: [live] })), ERIN);
    await expect(updateStatement(db, StatementUpdateInput.parse(statementRaw({ id, version: 1, sources: [live, gone] })), ERIN)).rejects.toMatchObject(refusal);
    const session = await createSession(db, SessionInput.parse(sessionRaw({ sources: [live] })), ERIN);
    await expect(updateSession(db, SessionUpdateInput.parse(sessionRaw({ id: session.id, version: 1, sources: [gone] })), ERIN)).rejects.toMatchObject(refusal);
    expect(await db.statementSource.findMany({ where: { statementId: id }, select: { sourceId: true } })).toEqual([{ sourceId: live }]);
  });

  it("stays cited by a row that cited it before it was deleted, when that row is edited", async () => {
    const cited = await newSource("Report later withdrawn");
    const { id } = await createStatement(db, StatementInput.parse(statementRaw({ sources: [cited] })), ERIN);
    // A source still cited cannot be deleted: its statement goes first, and comes back after.
    const { version } = await deleteStatement(db, { talk: SLUG, id, version: 1 }, ERIN);
    await deleteCatalogRow(db, "source", { id: cited, version: 1 }, ERIN);
    const undone = await undoDeleteStatement(db, { talk: SLUG, id, version }, ERIN);

    const saved = await updateStatement(db, StatementUpdateInput.parse(statementRaw({ id, version: undone.version, sources: [cited], text: "Japan's position is unchanged, it said again." })), ERIN);
    expect(await db.statementSource.findMany({ where: { statementId: id }, select: { sourceId: true } })).toEqual([{ sourceId: cited }]);
    // Dropping it is allowed, and once dropped it cannot be chosen again.
    const dropped = await updateStatement(db, StatementUpdateInput.parse(statementRaw({ id, version: saved.version, sources: [] })), ERIN);
    await expect(updateStatement(db, StatementUpdateInput.parse(statementRaw({ id, version: dropped.version, sources: [cited] })), ERIN)).rejects.toMatchObject({ field: "sources" });
  });
});
