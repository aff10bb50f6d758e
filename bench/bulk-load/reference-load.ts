// THE REFERENCE, FOR bench:bulk ONLY: the loader's write as it was at commit 30d523a (one batch
// transaction of createMany calls), copied unchanged but for its name and imports, so that
// `npm run bench:bulk` can time it beside the current one in the same run. Not used by the app;
// do not fix or extend it. planTalkDocumentLoad has not changed since, and both use it.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import type { Prisma } from "../../lib/generated/sqlite/client";
import type { LoadOptions, PreparedLoad } from "../../lib/talk-document/load";

const LOAD_TIMEOUT_MS = 120_000;

/** The reference write (commit 30d523a's writeTalkDocumentLoad). */
export async function referenceWriteTalkDocumentLoad(db: Db, prepared: PreparedLoad, options: LoadOptions = {}): Promise<string> {
  const { doc, actorName, found, renames } = prepared;
  const { party: parties, envoy: envoys, issue: issues, source: sources } = found;
  const rowCount = doc.sessions.length + doc.statements.length + doc.assessments.length + doc.linkages.length;
  options.onProgress?.({ phase: "writing", done: 0, total: rowCount });
  const ids = {
    party: new Map(parties.map((p) => [p.slug, p.id])),
    envoy: new Map(envoys.map((e) => [e.slug, e.id])),
    issue: new Map(issues.map((i) => [i.slug, i.id])),
    source: new Map(sources.map((s) => [s.key, s.id])),
    session: new Map(doc.sessions.map((s) => [s.ref, randomUUID()])),
    statement: new Map(doc.statements.map((s) => [s.ref, randomUUID()])),
  };
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Unresolved reference "${key}" (the document was not validated).`);
    return id;
  };
  const talkId = randomUUID();
  const revisions: { entityType: string; entityId: string; after: object }[] = [];
  const record = <T extends { id: string }>(entityType: string, row: T) => {
    revisions.push({ entityType, entityId: row.id, after: row });
    return row;
  };

  const newParties = doc.parties
    .filter((p) => !ids.party.has(p.slug))
    .map((p) => record("party", { id: randomUUID(), slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode ?? null }));
  newParties.forEach((p) => ids.party.set(p.slug, p.id));
  const newEnvoys = doc.envoys
    .filter((e) => !ids.envoy.has(e.slug))
    .map((e) =>
      record("envoy", {
        id: randomUUID(),
        slug: e.slug,
        name: e.name,
        nameOriginal: e.nameOriginal ?? null,
        title: e.title ?? null,
        partyId: idOf(ids.party, e.party),
      }),
    );
  newEnvoys.forEach((e) => ids.envoy.set(e.slug, e.id));
  const newIssues = doc.issues
    .filter((i) => !ids.issue.has(i.slug))
    .map((i) => record("issue", { id: randomUUID(), slug: i.slug, name: i.name, description: i.description ?? null }));
  newIssues.forEach((i) => ids.issue.set(i.slug, i.id));
  const newSources = doc.sources
    .filter((s) => !ids.source.has(s.key))
    .map((s) =>
      record("source", {
        id: randomUUID(),
        key: s.key,
        publisher: s.publisher,
        title: s.title,
        url: s.url ?? null,
        publishedOn: s.publishedOn ?? null,
      }),
    );
  newSources.forEach((s) => ids.source.set(s.key, s.id));

  const talk = record("talk", { id: talkId, ...doc.talk });
  const sessions = doc.sessions.map((s, i) =>
    record("session", {
      id: idOf(ids.session, s.ref),
      talkId,
      localDay: s.localDay,
      startsAt: s.startsAt ? new Date(s.startsAt) : null,
      endsAt: s.endsAt ? new Date(s.endsAt) : null,
      kind: s.kind,
      title: s.title,
      summary: s.summary,
      outcome: s.outcome,
      outcomeNote: s.outcomeNote ?? null,
      sequence: i,
    }),
  );
  const statements = doc.statements.map((s, i) =>
    record("statement", {
      id: idOf(ids.statement, s.ref),
      talkId,
      sessionId: s.session ? idOf(ids.session, s.session) : null,
      partyId: idOf(ids.party, s.party),
      envoyId: s.envoy ? idOf(ids.envoy, s.envoy) : null,
      capacity: s.capacity,
      saidOn: s.saidOn,
      saidAt: s.saidAt ? new Date(s.saidAt) : null,
      saidPrecision: s.saidPrecision,
      partOfDay: s.partOfDay ?? null,
      reportedOn: s.reportedOn ?? null,
      setting: s.setting,
      kind: s.kind,
      text: s.text,
      quotedWords: s.quotedWords ?? null,
      sequence: i,
    }),
  );
  const assessments = doc.assessments.map((a) =>
    record("assessment", {
      id: randomUUID(),
      talkId,
      issueId: idOf(ids.issue, a.issue),
      localDay: a.localDay,
      gap: a.gap,
      note: a.note,
      authorName: a.author,
    }),
  );
  const linkages = doc.linkages.map((l) =>
    record("linkage", {
      id: randomUUID(),
      talkId,
      partyId: idOf(ids.party, l.party),
      issueId: idOf(ids.issue, l.issue),
      conditionIssueId: idOf(ids.issue, l.conditionIssue),
      text: l.text,
      statedOn: l.statedOn ?? null,
      droppedOn: l.droppedOn ?? null,
      statementId: l.statement ? idOf(ids.statement, l.statement) : null,
    }),
  );

  await db.$transaction([
    ...renames.flatMap((plan) => plan.ops),
    db.party.createMany({ data: newParties }),
    db.envoy.createMany({ data: newEnvoys }),
    db.issue.createMany({ data: newIssues }),
    db.source.createMany({ data: newSources }),
    db.talk.create({ data: talk }),
    db.talkParty.createMany({ data: doc.parties.map((p, i) => ({ talkId, partyId: idOf(ids.party, p.slug), position: i })) }),
    db.talkEnvoy.createMany({ data: doc.envoys.map((e) => ({ talkId, envoyId: idOf(ids.envoy, e.slug), role: e.role })) }),
    db.talkIssue.createMany({ data: doc.issues.map((x, i) => ({ talkId, issueId: idOf(ids.issue, x.slug), position: i })) }),
    db.session.createMany({ data: sessions }),
    db.sessionIssue.createMany({
      data: doc.sessions.flatMap((s) => s.issues.map((x) => ({ sessionId: idOf(ids.session, s.ref), issueId: idOf(ids.issue, x) }))),
    }),
    db.sessionSource.createMany({
      data: doc.sessions.flatMap((s) => s.sources.map((x) => ({ sessionId: idOf(ids.session, s.ref), sourceId: idOf(ids.source, x) }))),
    }),
    db.statement.createMany({ data: statements }),
    db.statementIssue.createMany({
      data: doc.statements.flatMap((s) => s.issues.map((x) => ({ statementId: idOf(ids.statement, s.ref), issueId: idOf(ids.issue, x) }))),
    }),
    db.statementSource.createMany({
      data: doc.statements.flatMap((s) => s.sources.map((x) => ({ statementId: idOf(ids.statement, s.ref), sourceId: idOf(ids.source, x) }))),
    }),
    db.assessment.createMany({ data: assessments }),
    db.linkage.createMany({ data: linkages }),
    db.revision.createMany({
      data: revisions.map((r) => ({
        entityType: r.entityType,
        entityId: r.entityId,
        talkId: r.entityType === "talk" || "talkId" in r.after ? talkId : null,
        action: "create" as const,
        actorName,
        after: JSON.parse(JSON.stringify(r.after)) as Prisma.InputJsonValue,
      })),
    }),
  ], { timeout: LOAD_TIMEOUT_MS });
  options.onProgress?.({ phase: "done", done: rowCount, total: rowCount });
  return talkId;
}
