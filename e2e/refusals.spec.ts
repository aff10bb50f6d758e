// Requests Next.js would answer with a 500 get a 4xx and one sentence from server.mjs instead
// (docs/decisions/012-refusals.md): an unsupported method, a broken percent-encoding in the path,
// and Server Action posts that are cross-site, carry an Origin that is not a web address, are over
// 1 MB, or whose body is not what a Server Action sends. Sent raw (node:http), as a script would,
// so nothing normalises the method or the path; the database must not change, and the answer must
// never be a stack trace. A good action still goes through after its body was checked.
import http from "node:http";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ROOT, uniqueId } from "./support/accounts";
import { freshDatabase, startServer, type TestServer } from "./support/server";

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request exactly as given (method, path, headers, body), over a fresh connection. */
function raw(baseURL: string, method: string, target: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, method, path: target, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    // A server that refuses before reading may close while a large body is still being sent.
    request.on("error", reject);
    request.end(body);
  });
}

/** Row counts of every table: a refusal changes none. */
function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name.replaceAll('"', '""')}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

/** The id of a Server Action in the build, by file and export. */
function actionId(file: string, exportedName: string): string {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`No Server Action ${file}#${exportedName} in the build.`);
  return found[0];
}

test.describe.configure({ mode: "default" });

let server: TestServer;
let databaseFile: string;
let createStatement: string;
let signOut: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const name = `e2e-refusals-${uniqueId()}`;
  databaseFile = path.join(ROOT, "data", `${name}.db`);
  server = await startServer({ databaseUrl: await freshDatabase(name), env: { PARLEY_WORKERS: "1" } });
  createStatement = actionId("lib/actions/statements.ts", "create");
  signOut = actionId("lib/actions/auth.ts", "signOut");
});

test.afterAll(async () => {
  await server?.stop();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
});

/** A refusal: this status, one sentence (JSON when `json`), no stack trace, no data changed. */
async function expectRefusal(send: () => Promise<Answer>, status: number, sentence: RegExp, json: boolean): Promise<Answer> {
  const before = rowCounts(databaseFile);
  const answer = await send();
  expect(answer.status, answer.body).toBe(status);
  expect(answer.body).not.toMatch(/\bat .*\(|Error:|digest/);
  if (json) {
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, message: expect.stringMatching(sentence) });
  } else {
    expect(answer.headers["content-type"]).toMatch(/^text\/plain/);
    expect(answer.body.trim()).toMatch(sentence);
  }
  expect(rowCounts(databaseFile)).toEqual(before);
  return answer;
}

const statementArgs = JSON.stringify([null, { talk: "japan-dprk-beijing-2006", speaker: "party:japan", text: "Forged." }]);
const action = (id: string, more: Record<string, string> = {}) => ({ "next-action": id, "content-type": "text/plain;charset=UTF-8", ...more });

test("TRACE and other methods Parley does not answer get 405 with the methods it does", async () => {
  for (const method of ["TRACE", "PROPFIND", "PUT", "DELETE"]) {
    const answer = await expectRefusal(() => raw(server.baseURL, method, "/"), 405, new RegExp(`^Parley does not answer ${method} requests`), false);
    expect(answer.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  }
  await expectRefusal(() => raw(server.baseURL, "TRACE", "/talks/japan-dprk-beijing-2006", { accept: "application/json" }), 405, /^Parley does not answer TRACE/, true);
});

test("a path with broken percent-encoding is a 400 with a sentence", async () => {
  for (const target of ["/talks/%E0%A4%A", "/talks/%", "/%zz/x?from=2006-02-05"]) {
    await expectRefusal(() => raw(server.baseURL, "GET", target), 400, /^The address has a broken percent-encoding/, false);
  }
  // A good encoding still reaches the page.
  expect((await raw(server.baseURL, "GET", "/parties/japan?note=%E2%80%94")).status).toBe(200);
});

test("a cross-site Server Action post is a 403, and so is an Origin that is not a web address", async () => {
  const cross = /^This request did not come from Parley's own pages/;
  await expectRefusal(() => raw(server.baseURL, "POST", "/", action(createStatement, { origin: "http://evil.example" }), statementArgs), 403, cross, true);
  // Without JavaScript: a form posted from another site.
  await expectRefusal(
    () => raw(server.baseURL, "POST", "/", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, `$ACTION_ID_${createStatement}=&text=Forged`),
    403,
    cross,
    false,
  );
  for (const origin of ["::not a url::", "evil.example", "http://"]) {
    await expectRefusal(() => raw(server.baseURL, "POST", "/", action(createStatement, { origin }), statementArgs), 403, /^The request's Origin header is not a web address/, true);
  }
});

test("a Server Action body over 1 MB is a 413, whether its length is announced or not", async () => {
  const big = Buffer.alloc(1024 * 1024 + 1, "a");
  const origin = server.baseURL;
  await expectRefusal(() => raw(server.baseURL, "POST", "/", action(createStatement, { origin }), big), 413, /^The request is larger than Parley accepts \(1 MB\)/, true);
  await expectRefusal(() => raw(server.baseURL, "POST", "/", action(createStatement, { origin, "transfer-encoding": "chunked" }), big), 413, /^The request is larger than Parley accepts/, true);
});

test("a Server Action body that is not what a Server Action sends is a 400", async () => {
  const broken = /^The request's body is not a form submission Parley can read/;
  const origin = server.baseURL;
  for (const body of ["{not json", "42", '"text"']) {
    await expectRefusal(() => raw(server.baseURL, "POST", "/", action(createStatement, { origin }), body), 400, broken, true);
  }
  await expectRefusal(() => raw(server.baseURL, "POST", "/", { origin, "next-action": createStatement, "content-type": "multipart/form-data; boundary=XYZ" }, "garbage"), 400, broken, true);
  const form = '--XYZ\r\nContent-Disposition: form-data; name="0"\r\n\r\n{bad\r\n--XYZ--\r\n';
  await expectRefusal(() => raw(server.baseURL, "POST", "/", { origin, "next-action": createStatement, "content-type": "multipart/form-data; boundary=XYZ" }, form), 400, broken, true);
});

test("a well-formed Server Action still runs after its body was checked", async () => {
  // Signing out (anyone may) answers Next.js's own action response, not a refusal.
  const answer = await raw(server.baseURL, "POST", "/", action(signOut, { origin: server.baseURL, accept: "text/x-component" }), "[]");
  expect(answer.status).toBe(200);
  expect(answer.headers["content-type"]).toMatch(/^text\/x-component/);
  // An anonymous statement save is refused by the action itself (safe-action), with its sentence.
  const refused = await raw(server.baseURL, "POST", "/", action(createStatement, { origin: server.baseURL, accept: "text/x-component" }), statementArgs);
  expect(refused.status).toBe(200);
  expect(refused.body).toContain('"ok":false');
});
