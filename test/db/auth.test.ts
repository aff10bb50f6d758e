// Accounts and sign-in against a real migrated database, through better-auth's own HTTP handler
// (the path the login page takes): hashing, cookies, roles, disabling, the last-admin rule,
// revisions without secrets, and the sign-in rate limit kept in the database — on SQLite, and
// the rate limit's one SQL statement on PostgreSQL too.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAuth, SESSION_EXPIRES_IN_S, SESSION_UPDATE_AGE_S, type Auth } from "../../lib/auth/auth";
import { SOCKET_ADDRESS_HEADER, SOCKET_ADDRESS_MARK } from "../../lib/auth/client-address";
import { databaseRateLimitStorage } from "../../lib/auth/rate-limit";
import { SIGN_IN_ACCOUNT_LIMIT } from "../../lib/auth/sign-in-limit";
import { getSessionUser, quickSessionUser, toCurrentUser } from "../../lib/auth/session";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig, Env } from "../../lib/env";
import {
  AccountError,
  changeUserRole,
  createUserAccount,
  deleteUser,
  disableUser,
  enableUser,
  setUserPassword,
} from "../../lib/users/accounts";
import { applyMigrations } from "../../scripts/db/engine";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

// Every password check better-auth makes, counted: a refused attempt must not cost one.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/auth/password")>();
  return {
    ...actual,
    verifyPassword: (...args: Parameters<typeof actual.verifyPassword>) => {
      passwordChecks.count++;
      return actual.verifyPassword(...args);
    },
  };
});

const SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
const CLI = { id: null, name: "test" };

let db: Db;
let auth: Auth;
let config: DatabaseConfig;

// Most tests stand behind a trusted proxy, so X-Forwarded-For gives each its own address.
const envFor = (database: DatabaseConfig, baseUrl = "http://localhost:3000", trustedProxy = true): Env => ({
  database,
  publicRead: true,
  auth: { secret: SECRET, baseUrl, trustedProxy },
  embedAncestors: ["*"],
});

function signIn(
  a: Auth,
  email: string,
  password: string,
  ip = "192.0.2.1",
  baseUrl = "http://localhost:3000",
  extraHeaders: Record<string, string> = {},
) {
  return a.handler(
    new Request(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": ip, ...extraHeaders },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** An account of the test's own, so no other test's failures are counted against it. */
async function freshAccount(label: string) {
  const email = `${label}-${Math.random().toString(36).slice(2)}@example.org`;
  const password = `${label} password 123`;
  await createUserAccount(db, { name: label, email, role: "analyst", password }, CLI);
  return { email, password };
}

const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
/**
 * The user a cookie signs in, by better-auth's getSession; and wherever the quick read
 * (lib/auth/session.ts) answers instead of handing over to better-auth, it must say the same.
 */
async function sessionUser(cookie: string, a: Auth = auth) {
  const headers = new Headers({ cookie });
  const quick = await quickSessionUser(a, headers);
  const full = toCurrentUser(await a.api.getSession({ headers }));
  if (quick !== undefined) expect(quick).toEqual(full);
  return full;
}

beforeAll(async () => {
  config = await migratedSqlite("auth");
  db = await createDb(config);
  auth = createAuth(db, envFor(config), SECRET);
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("accounts made by lib/users and signed into by better-auth", () => {
  it("stores a hash, not the password, and a create revision without secrets", async () => {
    const { id } = await createUserAccount(db, { name: "Ada Admin", email: " Ada@Example.org ", role: "admin", password: "correct horse battery" }, CLI);
    const account = await db.account.findFirstOrThrow({ where: { userId: id } });
    expect(account).toMatchObject({ providerId: "credential", accountId: id });
    expect(account.password).not.toContain("correct horse");
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: "ada@example.org", role: "admin", disabledAt: null });
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "user", entityId: id } });
    expect(revision).toMatchObject({ action: "create", actorName: "test", userId: null, before: null });
    expect(revision.after).toEqual({ name: "Ada Admin", email: "ada@example.org", role: "admin", disabledAt: null });
    expect(JSON.stringify(revision)).not.toMatch(/password|correct horse|scrypt/i);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await expect(createUserAccount(db, { name: "Other", email: "ADA@example.org", role: "analyst", password: "another password" }, CLI)).rejects.toThrow(
      new AccountError("An account with the email ada@example.org already exists.", "email"),
    );
  });

  it("signs in with the right password: an HttpOnly, SameSite=Lax session cookie for a week, not Secure over http", async () => {
    const response = await signIn(auth, "ada@example.org", "correct horse battery", "192.0.2.10");
    expect(response.status).toBe(200);
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^parley\.session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await sessionUser(cookieOf(response))).toMatchObject({ email: "ada@example.org", role: "admin", name: "Ada Admin" });
  });

  it("marks the cookie Secure (and __Secure-) when the site is served over https, and reads it back quickly", async () => {
    const secure = createAuth(db, envFor(config, "https://parley.example.org"), SECRET);
    const response = await signIn(secure, "ada@example.org", "correct horse battery", "192.0.2.15", "https://parley.example.org");
    const cookie = cookieOf(response);
    expect(cookie).toMatch(/^__Secure-parley\.session_token=/);
    expect(await quickSessionUser(secure, new Headers({ cookie }))).toMatchObject({ email: "ada@example.org", role: "admin" });
    // The same cookie without the prefix is not that site's cookie.
    expect(await quickSessionUser(secure, new Headers({ cookie: cookie.replace(/^__Secure-/, "") }))).toBeNull();
  });

  it("refuses a wrong password and an unknown email alike, with 401", async () => {
    expect((await signIn(auth, "ada@example.org", "wrong password!!", "192.0.2.11")).status).toBe(401);
    expect((await signIn(auth, "nobody@example.org", "correct horse battery", "192.0.2.12")).status).toBe(401);
  });

  it("marks the cookie Secure (and __Secure-) when the site is served over https", async () => {
    const secure = createAuth(db, envFor(config, "https://parley.example.org"), SECRET);
    const response = await signIn(secure, "ada@example.org", "correct horse battery", "192.0.2.13", "https://parley.example.org");
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toMatch(/^__Secure-parley\.session_token=.*; Secure/i);
  });

  it("has no sign-up: visitors cannot make themselves an account", async () => {
    const response = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": "192.0.2.14" },
        body: JSON.stringify({ email: "eve@example.org", password: "eve's password!", name: "Eve", role: "admin" }),
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.count({ where: { email: "eve@example.org" } })).toBe(0);
  });
});

describe("the sign-in rate limit", () => {
  it("refuses the 6th attempt within a minute from one address, saying when to retry, and not other addresses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(auth, "ada@example.org", `wrong password ${i}`, "198.51.100.7")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await signIn(auth, "ada@example.org", "correct horse battery", "198.51.100.7");
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("x-retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await signIn(auth, "ada@example.org", "correct horse battery", "198.51.100.8")).status).toBe(200);
  });

  it("counts in the database, so a second app instance sees the same count", async () => {
    const other = createAuth(await createDb(config), envFor(config), SECRET);
    const { email, password } = await freshAccount("shared");
    for (let i = 0; i < 5; i++) await signIn(auth, email, "wrong", "198.51.100.9");
    expect((await signIn(other, email, password, "198.51.100.9")).status).toBe(429);
  });

  it("does not count successful sign-ins: an address that signs in often keeps its budget for mistakes", async () => {
    const { email, password } = await freshAccount("frequent");
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await signIn(auth, email, password, "198.51.100.30")).status);
    expect(statuses).toEqual(Array(8).fill(200));
    for (let i = 0; i < 5; i++) statuses.push((await signIn(auth, email, `typo ${i}`, "198.51.100.30")).status);
    expect(statuses.slice(8)).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn(auth, email, "typo 5", "198.51.100.30")).status).toBe(429);
  });

  it("limits failures per account: the 11th wrong password in 15 minutes is refused from any address, saying to wait minutes", async () => {
    const { email, password } = await freshAccount("target");
    const other = await freshAccount("bystander");
    const statuses: number[] = [];
    // A fresh address for every guess, as a crowd of machines (or a spoofed header) would have.
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max; i++) statuses.push((await signIn(auth, email, `guess ${i}`, `203.0.113.${i + 1}`)).status);
    expect(statuses).toEqual(Array(SIGN_IN_ACCOUNT_LIMIT.max).fill(401));
    const refused = await signIn(auth, email, "guess 10", "203.0.113.100");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("x-retry-after"));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_ACCOUNT_LIMIT.window);
    await expect(refused.json()).resolves.toMatchObject({ message: expect.stringMatching(/^Too many attempts; try again in 1[45] minutes\.$/) as unknown });
    // Even the right password waits; other accounts, from the same addresses, do not.
    expect((await signIn(auth, email, password, "203.0.113.101")).status).toBe(429);
    expect((await signIn(auth, other.email, other.password, "203.0.113.100")).status).toBe(200);
    // The refusals spent nothing of the addresses' own budgets.
    for (let i = 0; i < 5; i++) expect((await signIn(auth, other.email, `wrong ${i}`, "203.0.113.100")).status).toBe(401);
  });

  it("refuses attempts over a limit before checking (hashing) the password, even when they arrive at once", async () => {
    const { email } = await freshAccount("flooded");
    const before = passwordChecks.count;
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(auth, email, `flood ${i}`, "198.51.100.40").then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(passwordChecks.count - before).toBe(5);
  });

  it("with no trusted proxy, reads the socket's address that server.mjs sets: a fresh X-Forwarded-For per attempt gains nothing", async () => {
    const direct = createAuth(db, envFor(config, "http://localhost:3000", false), SECRET);
    const { email } = await freshAccount("direct");
    const globals = globalThis as Record<symbol, unknown>;
    globals[SOCKET_ADDRESS_MARK] = true;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await signIn(direct, email, `wrong ${i}`, `10.0.${i}.1`, undefined, { [SOCKET_ADDRESS_HEADER]: "198.51.100.50" })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    } finally {
      delete globals[SOCKET_ADDRESS_MARK];
    }
  });
});

describe("managing accounts", () => {
  let adminId: string;
  let editorId: string;
  const admin = () => ({ id: adminId, name: "Ada Admin" });

  beforeAll(async () => {
    adminId = (await db.user.findUniqueOrThrow({ where: { email: "ada@example.org" } })).id;
    ({ id: editorId } = await createUserAccount(db, { name: "Ed Editor", email: "ed@example.org", role: "editor", password: "editor password 1" }, CLI));
  });

  it("never leaves the site without an enabled admin, and an admin cannot change their own account", async () => {
    await expect(changeUserRole(db, adminId, "editor", CLI)).rejects.toThrow(/Ada Admin is the last admin/);
    await expect(disableUser(db, adminId, CLI)).rejects.toThrow(/last admin/);
    await expect(deleteUser(db, adminId, CLI)).rejects.toThrow(/last admin/);
    await expect(disableUser(db, adminId, admin())).rejects.toThrow(/your own account/);
    expect(await db.user.findUniqueOrThrow({ where: { id: adminId } })).toMatchObject({ role: "admin", disabledAt: null });
  });

  it("changes a role with a revision naming the admin, before and after", async () => {
    await changeUserRole(db, editorId, "analyst", admin());
    const revision = await db.revision.findFirstOrThrow({ where: { entityId: editorId, action: "update" }, orderBy: { at: "desc" } });
    expect(revision).toMatchObject({ userId: adminId, actorName: "Ada Admin" });
    expect(revision.before).toMatchObject({ role: "editor" });
    expect(revision.after).toMatchObject({ role: "analyst" });
    const response = await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.20");
    expect(await sessionUser(cookieOf(response))).toMatchObject({ role: "analyst" });
    await changeUserRole(db, editorId, "editor", admin());
  });

  it("disabling ends the sessions at once and refuses sign-in, even with the right password; enabling restores it", async () => {
    const response = await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.21");
    const cookie = cookieOf(response);
    expect(await sessionUser(cookie)).toMatchObject({ email: "ed@example.org" });

    await disableUser(db, editorId, admin());
    expect(await sessionUser(cookie)).toBeNull();
    const refused = await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.22");
    expect(refused.status).toBe(403);
    await expect(refused.json()).resolves.toMatchObject({ message: "This account is disabled; ask an admin to enable it." });

    await enableUser(db, editorId, admin());
    expect((await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.23")).status).toBe(200);
  });

  it("a new password replaces the old one and ends sessions; the revision does not carry it", async () => {
    const before = cookieOf(await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.24"));
    await setUserPassword(db, "ed@example.org", "editor password 2", CLI);
    expect(await sessionUser(before)).toBeNull();
    expect((await signIn(auth, "ed@example.org", "editor password 1", "192.0.2.25")).status).toBe(401);
    expect((await signIn(auth, "ed@example.org", "editor password 2", "192.0.2.26")).status).toBe(200);
    const revisions = await db.revision.findMany({ where: { entityId: editorId } });
    expect(JSON.stringify(revisions)).not.toMatch(/editor password/);
  });

  it("deleting removes the account and its sessions, keeps its revisions, and writes a delete revision", async () => {
    const { id } = await createUserAccount(db, { name: "Temp", email: "temp@example.org", role: "analyst", password: "temporary password" }, admin());
    await signIn(auth, "temp@example.org", "temporary password", "192.0.2.27");
    await deleteUser(db, id, admin());
    expect(await db.user.count({ where: { id } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: id } })).toBe(0);
    const revisions = await db.revision.findMany({ where: { entityId: id }, orderBy: { at: "asc" } });
    expect(revisions.map((r) => r.action)).toEqual(["create", "delete"]);
    expect(revisions[1]?.before).toMatchObject({ email: "temp@example.org" });
  });
});

/**
 * Two admins, each demoting the other at the same moment: however the checks before the writes
 * interleave, one change lands and the other is refused, and an enabled admin is left.
 */
async function demoteEachOther(first: Db, second: Db) {
  const [a, b] = await Promise.all(
    ["Ann", "Bob"].map((name) =>
      createUserAccount(first, { email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`, name: `${name} Admin`, role: "admin", password: "a-long-enough-password" }, CLI),
    ),
  );
  // Every other admin out of the way first, so these two are the last.
  const others = await first.user.findMany({ where: { role: "admin", disabledAt: null, id: { notIn: [a!.id, b!.id] } }, select: { id: true } });
  for (const o of others) await first.user.update({ where: { id: o.id }, data: { role: "editor" } });
  const results = await Promise.allSettled([
    changeUserRole(first, a!.id, "editor", { id: b!.id, name: "Bob Admin" }),
    changeUserRole(second, b!.id, "editor", { id: a!.id, name: "Ann Admin" }),
  ]);
  expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  const refusal = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  expect(refusal.reason).toBeInstanceOf(AccountError);
  expect((refusal.reason as AccountError).message).toMatch(/is the last admin/);
  expect(await first.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
}

describe("the last admin, when two admins demote each other at once", () => {
  // One client: an app process holds one SQLite connection, whose transactions run one after the
  // other while the checks before them interleave. (Two connections in one process cannot test
  // this: better-sqlite3 waits out a lock synchronously, so the holder never gets to commit.)
  it("on SQLite: one change lands, the other is refused", async () => {
    await demoteEachOther(db, db);
  });

  it("on PostgreSQL: one change lands, the other waits for it and is refused", async () => {
    const cluster = await startPostgres();
    try {
      const database: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_admins") };
      await applyMigrations(database);
      const [first, second] = [await createDb(database), await createDb(database)];
      try {
        await demoteEachOther(first, second);
      } finally {
        await Promise.all([first.$disconnect(), second.$disconnect()]);
      }
    } finally {
      await cluster.stop();
    }
  }, 120_000);
});

describe("the quick session read (one query) and better-auth's getSession agree", () => {
  async function signedIn(label: string) {
    const account = await freshAccount(label);
    const response = await signIn(auth, account.email, account.password, "192.0.2.60");
    expect(response.status).toBe(200);
    const cookie = cookieOf(response);
    const token = decodeURIComponent(cookie.split("=")[1]!).split(".")[0]!;
    return { ...account, cookie, token, headers: new Headers({ cookie }) };
  }

  it("answers a live session itself, with the user better-auth finds", async () => {
    const s = await signedIn("quick-live");
    const quick = await quickSessionUser(auth, s.headers);
    expect(quick).toMatchObject({ email: s.email, role: "analyst" });
    expect(quick).toEqual(toCurrentUser(await auth.api.getSession({ headers: s.headers })));
  });

  it("refuses a cookie whose signature is wrong, cut short or missing, as better-auth does", async () => {
    const s = await signedIn("quick-forged");
    const [name, value] = s.cookie.split("=") as [string, string];
    const decoded = decodeURIComponent(value);
    const forged = [
      `${s.token}.${"A".repeat(43)}=`,
      `${s.token}.${decoded.slice(decoded.indexOf(".") + 1, -2)}=`,
      s.token,
      `x${decoded}`,
      "%E0%A4%A",
    ];
    for (const bad of forged) {
      const cookie = `${name}=${bad.startsWith("%") ? bad : encodeURIComponent(bad)}`;
      expect(await quickSessionUser(auth, new Headers({ cookie })), bad).toBeNull();
      expect(await sessionUser(cookie), bad).toBeNull();
    }
  });

  it("hands a deleted, expired or refresh-due session to better-auth, which clears or refreshes it", async () => {
    const gone = await signedIn("quick-gone");
    await db.authSession.deleteMany({ where: { token: gone.token } });
    expect(await quickSessionUser(auth, gone.headers)).toBeUndefined();
    expect(await getSessionUser(auth, gone.headers)).toBeNull();

    const expired = await signedIn("quick-expired");
    await db.authSession.update({ where: { token: expired.token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await quickSessionUser(auth, expired.headers)).toBeUndefined();
    expect(await getSessionUser(auth, expired.headers)).toBeNull();
    expect(await db.authSession.count({ where: { token: expired.token } })).toBe(0);

    const due = await signedIn("quick-due");
    const dueAt = Date.now() + (SESSION_EXPIRES_IN_S - SESSION_UPDATE_AGE_S) * 1000 - 60_000;
    await db.authSession.update({ where: { token: due.token }, data: { expiresAt: new Date(dueAt) } });
    expect(await quickSessionUser(auth, due.headers)).toBeUndefined();
    expect(await getSessionUser(auth, due.headers)).toMatchObject({ email: due.email });
    const refreshed = await db.authSession.findUniqueOrThrow({ where: { token: due.token } });
    expect(refreshed.expiresAt.getTime()).toBeGreaterThan(dueAt + 60_000);
    // Refreshed, the session is the quick read's again.
    expect(await quickSessionUser(auth, due.headers)).toMatchObject({ email: due.email });
  });

  it("follows a disabled account and a changed role at once", async () => {
    const s = await signedIn("quick-role");
    const user = await db.user.findUniqueOrThrow({ where: { email: s.email } });
    await changeUserRole(db, user.id, "editor", CLI);
    expect(await quickSessionUser(auth, s.headers)).toMatchObject({ role: "editor" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await quickSessionUser(auth, s.headers)).toBeNull();
    expect(await sessionUser(s.cookie)).toBeNull();
  });
});

describe("the rate limit's single statement on PostgreSQL", () => {
  let cluster: PostgresCluster | undefined;
  let pgDb: Db | undefined;

  beforeAll(async () => {
    cluster = await startPostgres();
    const database: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_auth") };
    await applyMigrations(database);
    pgDb = await createDb(database);
  });

  afterAll(async () => {
    await pgDb?.$disconnect();
    await cluster?.stop();
  });

  it("allows max requests per window, refuses the next with a retry time, and starts afresh after the window", async () => {
    let now = 1_000_000;
    const storage = databaseRateLimitStorage(() => Promise.resolve(pgDb!), () => now);
    const rule = { window: 60, max: 5 };
    const decisions = [];
    for (let i = 0; i < 6; i++) {
      decisions.push(await storage.consume("1.2.3.4|/sign-in/email", rule));
      now += 1000;
    }
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false]);
    // The 5th counted request was at 1,004,000: the window frees at 1,064,000.
    expect(decisions[5]?.retryAfter).toBe(59);
    expect((await storage.consume("5.6.7.8|/sign-in/email", rule)).allowed).toBe(true);
    now = 1_004_000 + 60_000;
    expect(await storage.consume("1.2.3.4|/sign-in/email", rule)).toEqual({ allowed: true, retryAfter: null });
  });

  it("reads a session quickly there too (the query's quoting and dates), agreeing with better-auth", async () => {
    const pgAuth = createAuth(pgDb!, envFor({ provider: "postgresql", url: "unused" }), SECRET);
    await createUserAccount(pgDb!, { name: "Pat", email: "pat@example.org", role: "editor", password: "pat's password 123" }, CLI);
    const response = await signIn(pgAuth, "pat@example.org", "pat's password 123", "192.0.2.70");
    expect(response.status).toBe(200);
    const headers = new Headers({ cookie: cookieOf(response) });
    const quick = await quickSessionUser(pgAuth, headers);
    expect(quick).toMatchObject({ email: "pat@example.org", role: "editor" });
    expect(quick).toEqual(toCurrentUser(await pgAuth.api.getSession({ headers })));
  });

  it("gives a counted request back (a successful sign-in), never below zero", async () => {
    const now = 2_000_000;
    const storage = databaseRateLimitStorage(() => Promise.resolve(pgDb!), () => now);
    const rule = { window: 60, max: 2 };
    await storage.consume("refund", rule);
    await storage.consume("refund", rule);
    await storage.refund("refund");
    expect((await storage.consume("refund", rule)).allowed).toBe(true);
    expect((await storage.consume("refund", rule)).allowed).toBe(false);
    await storage.refund("nothing counted");
    expect(await pgDb!.rateLimit.count({ where: { key: "nothing counted" } })).toBe(0);
  });
});
