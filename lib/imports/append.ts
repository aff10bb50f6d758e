// A CSV's rows added to a talk Parley has (docs/decisions/021-import.md): each row that the talk
// does not hold yet becomes a statement through the write core — the speaker's party must take
// part in the talk, the day lie inside it, the time rules of lib/time/row-rules.ts hold, cited
// sources be live — with a "create" revision each, all committed in one transaction. Shared
// records and sessions are not made here: a row naming one the talk lacks is refused, by line.
import "server-only";
import type { Db } from "../db";
import { statement, type StatementSnapshot } from "../entities/statement";
import { commit, MutationError, planCreate, type Actor, type Plan } from "../mutations/core";
import { statementSnapshotOf } from "../mutations/statements";
import { checkTalkDay, nextSequence, talkForWrite } from "../mutations/talk-rows";
import type { LoadSummary } from "../talk-document/load";
import type { TalkDocument } from "../talk-document/schema";
import type { CsvRecord, ImportProblem } from "./csv";

/** The write core's form fields, as the CSV's columns. */
const COLUMN_OF_FORM_FIELD: Record<string, string> = { saidOn: "day", saidTime: "time", saidPrecision: "precision", partOfDay: "part_of_day", session: "session_title", sources: "sources", speaker: "party" };

export type AppendPlan = { plans: Plan[]; problems: ImportProblem[]; summary: LoadSummary };

/**
 * Plans the rows at `rows` (indexes into `records` and `doc.statements`, which are aligned) as new
 * statements of the talk `doc.talk.slug`. Writes nothing; `commitAppend` writes the plans.
 */
export async function planAppend(db: Db, doc: TalkDocument, records: CsvRecord[], rows: number[], actor: Actor): Promise<AppendPlan> {
  const talk = await talkForWrite(db, doc.talk.slug);
  const wanted = rows.map((i) => ({ record: records[i]!, s: doc.statements[i]! }));
  const slugs = (pick: (s: TalkDocument["statements"][number]) => string[]) => [...new Set(wanted.flatMap(({ s }) => pick(s)))];
  const [talkRow, envoys, issues, sources, sessions, first] = await Promise.all([
    db.talk.findUnique({ where: { id: talk.id }, select: { title: true, parties: { select: { party: { select: { slug: true } } } } } }),
    db.envoy.findMany({ where: { slug: { in: slugs((s) => (s.envoy ? [s.envoy] : [])) } }, select: { slug: true, deletedAt: true, party: { select: { slug: true } } } }),
    db.issue.findMany({ where: { slug: { in: slugs((s) => s.issues) } }, select: { slug: true, deletedAt: true } }),
    db.source.findMany({ where: { key: { in: slugs((s) => s.sources) } }, select: { id: true, key: true, deletedAt: true } }),
    db.session.findMany({ where: { talkId: talk.id, deletedAt: null }, select: { id: true, title: true, localDay: true } }),
    nextSequence(db, "statement", talk.id),
  ]);
  const parties = new Set(talkRow?.parties.map((p) => p.party.slug) ?? []);
  const envoyBySlug = new Map(envoys.map((e) => [e.slug, e]));
  const issueBySlug = new Map(issues.map((i) => [i.slug, i]));
  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const sessionByTitle = new Map(sessions.map((s) => [`${s.localDay ?? ""}\u0000${s.title}`, s]));

  const problems: ImportProblem[] = [];
  const plans: Plan[] = [];
  const byDay = new Map<string | null, number>();
  for (const [k, { record, s }] of wanted.entries()) {
    const { line, cells } = record;
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    const before = problems.length;
    if (!parties.has(s.party)) problem("party", `"${s.party}" does not take part in this talk; add the party on the talk's edit page first.`);
    const envoy = s.envoy ? envoyBySlug.get(s.envoy) : undefined;
    if (s.envoy && (!envoy || envoy.deletedAt)) problem("envoy", `"${s.envoy}" is not an envoy in Parley; add them first (a new envoy comes in only with a new talk).`);
    else if (envoy && envoy.party.slug !== s.party) problem("envoy", `"${s.envoy}" belongs to "${envoy.party.slug}", not "${s.party}".`);
    for (const slug of s.issues) if (!issueBySlug.get(slug) || issueBySlug.get(slug)!.deletedAt) problem("issues", `"${slug}" is not an issue in Parley; add it first.`);
    const sourceIds: string[] = [];
    for (const key of s.sources) {
      const found = sourceByKey.get(key);
      if (!found) problem("sources", `"${key}" is not a source in Parley; add it first (a new source comes in only with a new talk).`);
      else if (found.deletedAt) problem("sources", `"${key}" was deleted and can no longer be cited.`);
      else sourceIds.push(found.id);
    }
    let session: string | null = null;
    const title = (cells.session_title ?? "").trim();
    const id = (cells.session_id ?? "").trim();
    if (title || id) {
      const found = sessionById.get(id) ?? sessionByTitle.get(`${s.saidOn ?? ""}\u0000${title}`);
      if (found) session = found.id;
      else problem("session_title", `this talk has no session "${title || id}" on ${s.saidOn ?? "an unknown day"}; add the session on the talk's page first.`);
    }
    if (s.quotedWords && !s.text.includes(s.quotedWords)) problem("quoted_words", "must appear word for word in the statement text.");
    if (problems.length > before) continue;

    let snapshot: StatementSnapshot;
    try {
      checkTalkDay(talk, s.saidOn, "saidOn");
      // A time outside its session is a warning an editor confirms in a form; a file's rows are
      // taken as confirmed, as a talk document's are (decision 014), and db:check lists them.
      snapshot = await statementSnapshotOf(
        db,
        talk,
        {
          ...s,
          session,
          saidAt: s.saidAt ? new Date(s.saidAt).toISOString() : null,
          partOfDay: s.partOfDay ?? null,
          reportedOn: s.reportedOn ?? null,
          quotedWords: s.quotedWords ?? null,
        },
        { party: s.party, envoy: s.envoy ?? null },
        { sequence: first + k, sources: [...sourceIds].sort(), keptSession: null, confirmed: true },
      );
    } catch (error) {
      if (!(error instanceof MutationError)) throw error;
      problem(COLUMN_OF_FORM_FIELD[error.field ?? ""] ?? "day", error.message);
      continue;
    }
    plans.push(await planCreate(db, statement.store, { snapshot, actor, note: "Imported from a CSV" }));
    byDay.set(s.saidOn, (byDay.get(s.saidOn) ?? 0) + 1);
  }

  const none = { created: [], matched: [], renamed: [] };
  const summary: LoadSummary = {
    talk: { slug: talk.slug, title: talkRow?.title ?? talk.slug },
    parties: { ...none, matched: slugs((s) => [s.party]) },
    envoys: { ...none, matched: slugs((s) => (s.envoy ? [s.envoy] : [])) },
    issues: { ...none, matched: slugs((s) => s.issues) },
    sources: { ...none, matched: slugs((s) => s.sources) },
    // Rows added to a talk Parley has: its series is left as it is.
    series: none,
    sessions: 0,
    statements: wanted.length,
    assessments: 0,
    linkages: 0,
    statementsByDay: [...byDay.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([day, statements]) => ({ day, statements, sessions: 0 })),
  };
  return { plans, problems, summary };
}

/** Writes the planned statements in one transaction: all of them or none. */
export async function commitAppend(db: Db, plan: AppendPlan): Promise<void> {
  await commit(db, plan.plans);
}
