// Every write refuses visitors who may not write. The list of writes is not kept by hand: it is
// every export of our "use server" modules (read from the source: the writes we mean to have),
// every Server Action in the build's manifest (<distDir>/server/server-reference-manifest.json:
// also those declared inline), and every route handler under app/ that exports POST, PUT, PATCH
// or DELETE. Each is called over
// HTTP, as a browser or a script could, by an anonymous visitor and by a signed-in analyst, with
// input aimed at real rows (the analyst's own account, the first talk, statement and session);
// each must answer with a refusal, and the database must be byte-for-byte the same afterwards.
// The server and its database belong to this file alone, so no other test's writes interfere.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { MESSAGES } from "../lib/auth/roles";
import { ROOT, createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { freshDatabase, startServer, type TestServer } from "./support/server";

/**
 * The only Server Actions anyone may call, and why: signing in and out are for everyone, and the
 * talk page's later days are a read, open to whoever may read the talk (the data layer checks).
 */
const PUBLIC_ACTIONS = new Set(["lib/actions/auth.ts#signIn", "lib/actions/auth.ts#signOut", "app/talks/[slug]/load-days.tsx#loadTalkDays"]);
/** Known to exist, so the enumeration cannot pass by finding nothing. */
const ACCOUNT_ACTIONS = ["createUser", "updateUserRole", "disableUser", "enableUser", "deleteUser"].map((name) => `lib/actions/users.ts#${name}`);
/** Bookkeeping of signing in (sessions, attempt counts), not data: a refused caller may add to these. */
const NOT_DATA = new Set(["AuthSession", "RateLimit", "Verification", "_prisma_migrations", "sqlite_sequence"]);
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const REFUSALS = [MESSAGES.signIn, MESSAGES.editorOnly, MESSAGES.adminOnly];

type ServerAction = { id: string; name: string; path: string };
type WriteRoute = { file: string; url: string; methods: string[] };

/** Every Server Action of the build, named file#export, with a page path that serves it. */
function listServerActions(): ServerAction[] {
  // next.config.js builds into NEXT_DIST_DIR when it is set, as the test servers then read it.
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, "server/server-reference-manifest.json"), "utf8")) as Record<
    "node" | "edge",
    Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>
  >;
  return (["node", "edge"] as const).flatMap((runtime) =>
    Object.entries(manifest[runtime] ?? {}).map(([id, entry]) => ({
      id,
      name: `${entry.filename ?? "?"}#${entry.exportedName ?? id}`,
      path: Object.keys(entry.workers).map(pathOfWorker).find((p): p is string => p !== null) ?? "/",
    })),
  );
}

/** "app/talks/[slug]/page" → "/talks/x": a URL the page answers (the action runs before any rendering). */
function pathOfWorker(worker: string): string | null {
  const match = /^app(\/.*)?\/page$/.exec(worker);
  if (!match) return null;
  const segments = (match[1] ?? "").split("/").filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
  if (segments.some((s) => s.startsWith("_"))) return null;
  return `/${segments.map((s) => (s.startsWith("[") ? "x" : s)).join("/")}`;
}

/** Directories whose modules may declare Server Actions. */
const SOURCE_DIRS = ["app", "lib", "components"];

/** The names a module exports: functions, constants (destructured too), and `export { a as b }`. */
function exportedNames(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}\s*=/g)) {
    for (const part of m[1]!.split(",")) {
      const local = part.split("=")[0]!.split(":").pop()?.trim();
      if (local) found.add(local);
    }
  }
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && exported !== "type" && !part.trim().startsWith("type ")) found.add(exported);
    }
  }
  found.delete("default");
  return [...found].sort();
}

/** Whether a module starts (after comments) with the "use server" directive. */
const isServerActionModule = (source: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);

/** Every Server Action our source declares in a "use server" module, named file#export. */
function listDeclaredServerActions(dir = ROOT, relative = ""): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry): string[] => {
    const file = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) return relative || SOURCE_DIRS.includes(entry.name) ? listDeclaredServerActions(dir, file) : [];
    if (!relative || !/\.(ts|tsx|js|mjs)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    const source = readFileSync(path.join(dir, file), "utf8");
    return isServerActionModule(source) ? exportedNames(source).map((name) => `${file}#${name}`) : [];
  });
}

/** The write methods a route module exports: functions, constants, and `export { handler as POST }`. */
function writeMethodsIn(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+(POST|PUT|PATCH|DELETE)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && (WRITE_METHODS as readonly string[]).includes(exported)) found.add(exported);
    }
  }
  return WRITE_METHODS.filter((method) => found.has(method));
}

function listWriteRoutes(dir = path.join(ROOT, "app")): WriteRoute[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): WriteRoute[] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listWriteRoutes(full);
    if (!/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) return [];
    const methods = writeMethodsIn(readFileSync(full, "utf8"));
    const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s) && !s.startsWith("@"));
    const url = `/${segments.map((s) => (s.startsWith("[") ? "x" : s)).join("/")}`;
    return methods.length ? [{ file: path.relative(ROOT, full), url, methods }] : [];
  });
}

/** A digest of every data table's rows (order-independent), read through a read-only connection. */
function fingerprint(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return Object.fromEntries(
      tables
        .filter((t) => !NOT_DATA.has(t.name))
        .map((t) => {
          const rows = db.prepare(`SELECT * FROM "${t.name.replaceAll('"', '""')}"`).all().map((r) => JSON.stringify(r)).sort();
          return [t.name, `${rows.length}:${createHash("sha256").update(rows.join("\n")).digest("hex")}`];
        }),
    );
  } finally {
    db.close();
  }
}

// One server and database for the whole file: its tests run in order in one worker.
test.describe.configure({ mode: "default" });

let server: TestServer;
let databaseFile: string;
let analyst: Account;
let anonymousContext: BrowserContext;
let analystContext: BrowserContext;
let payload: Record<string, unknown>;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const name = `e2e-write-permissions-${uniqueId()}`;
  const databaseUrl = await freshDatabase(name);
  databaseFile = path.join(ROOT, "data", `${name}.db`);
  analyst = await createAccountWithCli(databaseUrl, "analyst");
  server = await startServer({ databaseUrl });

  anonymousContext = await newVisitor(browser, server.baseURL);
  analystContext = await newVisitor(browser, server.baseURL);
  await signIn(await analystContext.newPage(), analyst);

  // Input aimed at real rows, so a write that forgot its check would visibly change something.
  const db = new Database(databaseFile, { readonly: true });
  const first = (table: string) => (db.prepare(`SELECT id FROM "${table}" LIMIT 1`).get() as { id: string } | undefined)?.id ?? "missing";
  const analystId = (db.prepare('SELECT id FROM "User" WHERE email = ?').get(analyst.email) as { id: string }).id;
  payload = {
    userId: analystId,
    id: first("Statement"),
    talkId: first("Talk"),
    sessionId: first("Session"),
    statementId: first("Statement"),
    role: "admin",
    name: "Mallory",
    email: `mallory-${uniqueId()}@example.org`,
    passwordChoice: "generate",
    text: "A forged statement.",
    summary: "Forged.",
    version: 1,
  };
  db.close();
});

test.afterAll(async () => {
  await anonymousContext?.close();
  await analystContext?.close();
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
});

/** What went wrong when `action` was called by `who` (refusal expected, data unchanged); empty when all is well. */
async function refusalProblems(action: ServerAction, who: "anonymous visitor" | "analyst", context: BrowserContext): Promise<string[]> {
  const problems: string[] = [];
  const before = fingerprint(databaseFile);
  const { status, body } = await callAction(context.request, action);
  const refused = status === 401 || status === 403 || (body.includes('"ok":false') && REFUSALS.some((message) => body.includes(message)));
  if (!refused) problems.push(`${action.name} (${action.id}) was not refused for an ${who}: ${status} ${body.slice(0, 300)}`);
  if (who === "anonymous visitor" && refused && status === 200 && !body.includes(MESSAGES.signIn)) {
    problems.push(`${action.name} told an anonymous visitor something other than to sign in: ${body.slice(0, 300)}`);
  }
  const after = fingerprint(databaseFile);
  const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
  if (changed.length) problems.push(`${action.name} changed ${changed.join(", ")} for an ${who}`);
  return problems;
}

async function callAction(request: APIRequestContext, action: ServerAction) {
  const response = await request.post(action.path, {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: server.baseURL,
    },
    // The arguments of a form action under useActionState: (previous state, input).
    data: JSON.stringify([null, payload]),
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test("the enumeration finds the build's Server Actions, the account ones and sign-in/out among them", () => {
  const names = listServerActions().map((a) => a.name);
  expect(names).toEqual(expect.arrayContaining([...ACCOUNT_ACTIONS, ...PUBLIC_ACTIONS]));
  // Every exception still exists: an allow-list entry cannot outlive its action unnoticed.
  for (const name of PUBLIC_ACTIONS) expect(names).toContain(name);
});

test("every Server Action refuses an anonymous visitor and a signed-in analyst, and changes nothing", async () => {
  const actions = listServerActions().filter((a) => !PUBLIC_ACTIONS.has(a.name));
  expect(actions.length).toBeGreaterThanOrEqual(ACCOUNT_ACTIONS.length);
  const problems: string[] = [];
  for (const action of actions) {
    problems.push(...(await refusalProblems(action, "anonymous visitor", anonymousContext)));
    problems.push(...(await refusalProblems(action, "analyst", analystContext)));
  }
  expect(problems).toEqual([]);
  test.info().annotations.push({ type: "checked", description: `${actions.length} Server Actions × 2 visitors` });
});

test("the public actions (signing in and out, reading a talk's later days) change no data when called with nonsense", async () => {
  const publicActions = listServerActions().filter((a) => PUBLIC_ACTIONS.has(a.name));
  expect(publicActions).toHaveLength(PUBLIC_ACTIONS.size);
  const before = fingerprint(databaseFile);
  for (const action of publicActions) {
    const { status } = await callAction(anonymousContext.request, action);
    expect(status, action.name).toBeLessThan(500);
  }
  expect(fingerprint(databaseFile)).toEqual(before);
});

test("every write route — each Server Action our \"use server\" modules export, and each route handler with a write method — refuses an anonymous visitor and a signed-in analyst, and changes nothing", async () => {
  // Writes are Server Actions here (there is no write route handler today): enumerated from our
  // own source, so a write whose module the build lost, or whose name changed, is noticed.
  const declared = listDeclaredServerActions().filter((name) => !PUBLIC_ACTIONS.has(name));
  expect(declared).toEqual(expect.arrayContaining(ACCOUNT_ACTIONS));
  const built = new Map(listServerActions().map((action) => [action.name, action]));
  expect(declared.filter((name) => !built.has(name)), "declared in a \"use server\" module but not in the build").toEqual([]);
  const routes = listWriteRoutes();
  expect(declared.length + routes.length).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const name of declared) {
    problems.push(...(await refusalProblems(built.get(name)!, "anonymous visitor", anonymousContext)));
    problems.push(...(await refusalProblems(built.get(name)!, "analyst", analystContext)));
  }
  for (const route of routes) {
    for (const method of route.methods) {
      for (const [who, context, expected] of [
        ["anonymous visitor", anonymousContext, 401],
        ["analyst", analystContext, 403],
      ] as const) {
        const before = fingerprint(databaseFile);
        const response = await context.request.fetch(route.url, {
          method,
          headers: { origin: server.baseURL, "content-type": "application/json" },
          data: JSON.stringify(payload),
          maxRedirects: 0,
        });
        if (response.status() !== expected) {
          problems.push(`${method} ${route.url} (${route.file}) answered ${response.status()} to an ${who}, not ${expected}`);
        }
        const after = fingerprint(databaseFile);
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) problems.push(`${method} ${route.url} changed ${changed.join(", ")} for an ${who}`);
      }
    }
  }
  expect(problems).toEqual([]);
  test.info().annotations.push({ type: "checked", description: `${declared.length} declared Server Actions and ${routes.length} write route handlers × 2 visitors` });
});

test("the source scan finds every \"use server\" module's exports, and only theirs", () => {
  expect(isServerActionModule('"use server";\nexport const a = 1;')).toBe(true);
  expect(isServerActionModule('// Why.\n/* More. */\n"use server";\n')).toBe(true);
  expect(isServerActionModule('import "server-only";\n"use server";\n')).toBe(false);
  expect(exportedNames("export const createX = editorAction(I, f);\nexport async function signIn() {}\nexport const { remove, restore: restoreX } = actions;\nconst h = 1;\nexport { h as helper };\nexport type T = string;")).toEqual(
    ["createX", "helper", "remove", "restoreX", "signIn"].sort(),
  );
  const declared = listDeclaredServerActions();
  expect(declared).toEqual(expect.arrayContaining([...ACCOUNT_ACTIONS, ...PUBLIC_ACTIONS, "lib/actions/statements.ts#create"]));
  expect(declared.some((name) => name.startsWith("lib/actions/safe-action.ts#"))).toBe(false);
});

test("the route scan recognises every way a route module can export a write method", () => {
  expect(writeMethodsIn("export async function POST(request: Request) {}")).toEqual(["POST"]);
  expect(writeMethodsIn("export const PATCH = withEditor(async () => new Response());")).toEqual(["PATCH"]);
  expect(writeMethodsIn("const h = () => null;\nexport { h as DELETE, h as PUT, h as GET };")).toEqual(["PUT", "DELETE"]);
  expect(writeMethodsIn("export async function GET() {}\nexport const dynamic = 'force-dynamic';")).toEqual([]);
});
