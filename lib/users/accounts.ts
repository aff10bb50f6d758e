// Account management, shared by the admin's Server Actions (lib/actions/users.ts, which check
// the caller is an admin) and the command-line scripts (scripts/user-*.ts, run by whoever holds
// the server). Every change writes a Revision (entity "user", before/after without secrets) in
// the same batch transaction: ids are made here, as in lib/talk-document/load.ts, because the
// SQLite driver adapter mishandles failed interactive transactions.
import { randomUUID } from "node:crypto";
import { isPostgres, type Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { UserRole } from "../enums";
import { hashPassword } from "../auth/password";

/** Who made a change: a signed-in admin, or a command run on the server (id null). */
export type Actor = { id: string | null; name: string };

/** A refusal with a sentence for people, naming the form field it concerns when there is one. */
export class AccountError extends Error {
  override name = "AccountError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type UserSnapshot = { name: string; email: string; role: UserRole; disabledAt: string | null };

const snapshotSelect = { id: true, name: true, email: true, role: true, disabledAt: true } as const;

function snapshot(user: { name: string; email: string; role: UserRole; disabledAt: Date | null }): UserSnapshot {
  return { name: user.name, email: user.email, role: user.role, disabledAt: user.disabledAt?.toISOString() ?? null };
}

function revision(actor: Actor, entityId: string, action: "create" | "update" | "delete", before: UserSnapshot | null, after: UserSnapshot | null) {
  return {
    entityType: "user",
    entityId,
    action,
    userId: actor.id,
    actorName: actor.name,
    before: before ?? undefined,
    after: after ?? undefined,
  };
}

/**
 * Creates an account that signs in with email and password (better-auth's "credential" account,
 * its accountId being the user's id), storing only the password's hash.
 */
export async function createUserAccount(
  db: Db,
  input: { name: string; email: string; role: UserRole; password: string },
  actor: Actor,
): Promise<{ id: string }> {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AccountError(`An account with the email ${email} already exists.`, "email");
  }
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  const user = { id, name: input.name.trim(), email, role: input.role, emailVerified: true };
  try {
    await db.$transaction([
      db.user.create({ data: user }),
      db.account.create({ data: { id: randomUUID(), userId: id, providerId: "credential", accountId: id, password: hash } }),
      db.revision.create({ data: revision(actor, id, "create", null, snapshot({ ...user, disabledAt: null })) }),
    ]);
  } catch (error) {
    // Two creations of one email at once: the unique index decides, with the same sentence.
    if ((error as { code?: string }).code === "P2002") {
      throw new AccountError(`An account with the email ${email} already exists.`, "email");
    }
    throw error;
  }
  return { id };
}

async function findUser(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: snapshotSelect });
  if (!user) throw new AccountError("That account no longer exists.");
  return user;
}

/**
 * Refuses a change that would leave no enabled admin (nobody could then manage accounts), with a
 * clear message before any write; adminGuard enforces the same rule inside the write.
 */
async function keepAnAdmin(db: Db, user: { id: string; name: string; role: UserRole; disabledAt: Date | null }) {
  if (user.role !== "admin" || user.disabledAt) return;
  const others = await db.user.count({ where: { role: "admin", disabledAt: null, id: { not: user.id } } });
  if (others === 0) throw new AccountError(`${user.name} is the last admin; make another user an admin first.`);
}

/**
 * The last-admin rule inside the write's own transaction, not only in the check before it: two
 * admins demoting (disabling, deleting) each other at the same moment must not leave none.
 * `lock` goes first: on PostgreSQL it locks the enabled admins' rows, so a second such write waits
 * for the first and then sees its result; SQLite's single writer already serializes writes.
 * `check` goes last and fails the transaction, undoing it, when no enabled admin is left
 * (PostgreSQL: division by zero; SQLite, where 1/0 is NULL: json() of a non-JSON string).
 */
function adminGuard(db: Db) {
  if (isPostgres(db)) {
    return {
      lock: [db.$queryRaw`SELECT id FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL FOR UPDATE`],
      check: db.$queryRaw`SELECT 1 / (SELECT count(*) FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL) AS ok`,
    };
  }
  return {
    lock: [],
    check: db.$queryRaw`SELECT json(CASE WHEN (SELECT count(*) FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL) = 0 THEN 'no admin left' ELSE '1' END) AS ok`,
  };
}

/** Runs a change to an admin's account with the guard around it; its failure is the last-admin refusal. */
async function keepingAnAdmin(db: Db, user: { name: string; role: UserRole; disabledAt: Date | null }, ops: Prisma.PrismaPromise<unknown>[]): Promise<void> {
  if (user.role !== "admin" || user.disabledAt) {
    await db.$transaction(ops);
    return;
  }
  const guard = adminGuard(db);
  try {
    await db.$transaction([...guard.lock, ...ops, guard.check]);
  } catch (error) {
    if (/division by zero|malformed JSON/i.test(error instanceof Error ? error.message : String(error))) {
      throw new AccountError(`${user.name} is the last admin; make another user an admin first.`);
    }
    throw error;
  }
}

function notSelf(user: { id: string }, actor: Actor, what: string) {
  if (actor.id === user.id) throw new AccountError(`You cannot ${what} your own account; ask another admin.`);
}

export async function changeUserRole(db: Db, userId: string, role: UserRole, actor: Actor): Promise<void> {
  const user = await findUser(db, userId);
  if (user.role === role) return;
  notSelf(user, actor, "change the role of");
  if (role !== "admin") await keepAnAdmin(db, user);
  await keepingAnAdmin(db, user, [
    db.user.update({ where: { id: user.id }, data: { role } }),
    db.revision.create({ data: revision(actor, user.id, "update", snapshot(user), snapshot({ ...user, role })) }),
  ]);
}

/** The account can no longer sign in, and every session it holds ends now. */
export async function disableUser(db: Db, userId: string, actor: Actor): Promise<void> {
  const user = await findUser(db, userId);
  if (user.disabledAt) return;
  notSelf(user, actor, "disable");
  await keepAnAdmin(db, user);
  const disabledAt = new Date();
  await keepingAnAdmin(db, user, [
    db.user.update({ where: { id: user.id }, data: { disabledAt } }),
    db.authSession.deleteMany({ where: { userId: user.id } }),
    db.revision.create({ data: revision(actor, user.id, "update", snapshot(user), snapshot({ ...user, disabledAt })) }),
  ]);
}

export async function enableUser(db: Db, userId: string, actor: Actor): Promise<void> {
  const user = await findUser(db, userId);
  if (!user.disabledAt) return;
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { disabledAt: null } }),
    db.revision.create({ data: revision(actor, user.id, "update", snapshot(user), snapshot({ ...user, disabledAt: null })) }),
  ]);
}

/**
 * Deletes the account, its sign-in and its sessions. Its revisions stay (their actorName keeps
 * them attributable), as do assessments, which carry their author's name.
 */
export async function deleteUser(db: Db, userId: string, actor: Actor): Promise<void> {
  const user = await findUser(db, userId);
  notSelf(user, actor, "delete");
  await keepAnAdmin(db, user);
  await keepingAnAdmin(db, user, [
    db.revision.create({ data: revision(actor, user.id, "delete", snapshot(user), null) }),
    db.user.delete({ where: { id: user.id } }),
  ]);
}

/** Replaces the password of an email-and-password account and ends its sessions. */
export async function setUserPassword(db: Db, email: string, password: string, actor: Actor): Promise<{ id: string }> {
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized }, select: snapshotSelect });
  if (!user) throw new AccountError(`There is no account with the email ${normalized}.`, "email");
  const hash = await hashPassword(password);
  const account = await db.account.findFirst({ where: { userId: user.id, providerId: "credential" }, select: { id: true } });
  const snap = snapshot(user);
  await db.$transaction([
    account
      ? db.account.update({ where: { id: account.id }, data: { password: hash } })
      : db.account.create({ data: { id: randomUUID(), userId: user.id, providerId: "credential", accountId: user.id, password: hash } }),
    db.authSession.deleteMany({ where: { userId: user.id } }),
    // The revision says the password changed, never what it is.
    db.revision.create({ data: { ...revision(actor, user.id, "update", snap, snap), after: { ...snap, passwordChanged: true } } }),
  ]);
  return { id: user.id };
}
