import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { MESSAGES, PermissionError, type CurrentUser } from "../auth/roles";
import {
  ACTION_BODY_LIMIT,
  ActionError,
  CROSS_SITE_MESSAGE,
  INPUT_TOO_LARGE_MESSAGE,
  INVALID_INPUT_MESSAGE,
  UNREADABLE_INPUT_MESSAGE,
  createActionWrappers,
  formDataToObject,
  isSameOriginRequest,
} from "./safe-action";

const user = (role: CurrentUser["role"]): CurrentUser => ({ id: `u-${role}`, name: `A ${role}`, email: `${role}@example.org`, role });
const wrappers = (who: CurrentUser | null) =>
  createActionWrappers({ loadUser: () => Promise.resolve(who), trustedOrigins: () => ["http://localhost:3000"] });

const StatementInput = z.object({ text: z.string().trim().min(1, { error: "Enter the statement." }), talkId: z.string() });

/** FormData whose every read is counted, to prove a refused call never looks at it. */
function watchedForm(entries: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  const reads = [vi.spyOn(form, "keys"), vi.spyOn(form, "getAll"), vi.spyOn(form, "get"), vi.spyOn(form, "entries")];
  return { form, reads: () => reads.reduce((n, spy) => n + spy.mock.calls.length, 0) };
}

function watchedSchema() {
  const schema = z.object({ text: z.string() });
  const safeParse = vi.spyOn(schema, "safeParse");
  const parse = vi.spyOn(schema, "parse");
  return { schema, parses: () => safeParse.mock.calls.length + parse.mock.calls.length };
}

describe("editorAction and adminAction refuse before anything else happens", () => {
  it.each([
    ["nobody signed in", "editorAction", null, MESSAGES.signIn],
    ["an analyst", "editorAction", user("analyst"), MESSAGES.editorOnly],
    ["nobody signed in", "adminAction", null, MESSAGES.signIn],
    ["an analyst", "adminAction", user("analyst"), MESSAGES.adminOnly],
    ["an editor", "adminAction", user("editor"), MESSAGES.adminOnly],
  ] as const)("%s calling an %s gets the refusal, and neither the handler, the schema nor the input are touched", async (_who, kind, who, message) => {
    const handler = vi.fn(() => Promise.resolve({ ok: true as const }));
    const { schema, parses } = watchedSchema();
    const { form, reads } = watchedForm({ text: "huge difference", password: "hunter2hunter2" });
    const action = wrappers(who)[kind](schema, handler);

    await expect(action(null, form)).resolves.toEqual({ ok: false, message });
    expect(handler).not.toHaveBeenCalled();
    expect(parses()).toBe(0);
    expect(reads()).toBe(0);
  });

  it("also refuses a plain object without reading its properties", async () => {
    const handler = vi.fn(() => Promise.resolve({ ok: true as const }));
    const touched = vi.fn();
    const input = new Proxy({}, { get: (_t, key) => (touched(key), undefined), ownKeys: () => (touched("ownKeys"), []) });
    const result = await wrappers(user("analyst")).editorAction(StatementInput, handler)(undefined, input);
    expect(result).toEqual({ ok: false, message: MESSAGES.editorOnly });
    expect(touched).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("editorAction for an editor", () => {
  it("runs the handler with the parsed input and the user, and returns its result", async () => {
    const handler = vi.fn((input: z.output<typeof StatementInput>, who: CurrentUser) => Promise.resolve({
      ok: true as const,
      message: `saved by ${who.name}`,
      data: input.text,
    }));
    const form = new FormData();
    form.append("text", "  very regrettable  ");
    form.append("talkId", "t1");
    form.append("$ACTION_ID_abc", "");
    const result = await wrappers(user("editor")).editorAction(StatementInput, handler)(null, form);
    expect(result).toEqual({ ok: true, message: "saved by A editor", data: "very regrettable" });
    expect(handler).toHaveBeenCalledWith({ text: "very regrettable", talkId: "t1" }, user("editor"));
  });

  it("answers bad input with a message per field and what was typed, minus secrets, without running the handler", async () => {
    const handler = vi.fn(() => Promise.resolve({ ok: true as const }));
    const Input = z.object({ text: z.string().min(5, { error: "Too short." }), password: z.string().min(20), talkId: z.string() });
    const form = new FormData();
    form.append("text", "huh");
    form.append("password", "secret-typed");
    form.append("talkId", "t1");
    const result = await wrappers(user("admin")).editorAction(Input, handler)(null, form);
    expect(handler).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, message: INVALID_INPUT_MESSAGE, values: { text: "huh", talkId: "t1" } });
    expect(result.ok ? null : result.fieldErrors).toEqual({ text: ["Too short."], password: [expect.any(String)] });
    expect(JSON.stringify(result)).not.toContain("secret-typed");
  });

  it("turns an ActionError or a PermissionError from the handler into the form's message", async () => {
    const conflict = wrappers(user("editor")).editorAction(StatementInput, () =>
      Promise.reject(new ActionError("Someone saved this statement first.", { fieldErrors: { text: ["Changed meanwhile."] } })));
    await expect(conflict(null, { text: "x", talkId: "t" })).resolves.toEqual({
      ok: false,
      message: "Someone saved this statement first.",
      fieldErrors: { text: ["Changed meanwhile."] },
      values: { text: "x", talkId: "t" },
    });
    const notYours = wrappers(user("editor")).editorAction(StatementInput, () =>
      Promise.reject(new PermissionError("forbidden", "Not your talk.")));
    await expect(notYours(null, { text: "x", talkId: "t" })).resolves.toEqual({ ok: false, message: "Not your talk." });
  });

  it("lets other errors through to the error boundary", async () => {
    const broken = wrappers(user("editor")).editorAction(StatementInput, () =>
      Promise.reject(new Error("database is locked")));
    await expect(broken(null, { text: "x", talkId: "t" })).rejects.toThrow("database is locked");
  });
});

describe("formDataToObject", () => {
  it("makes arrays of repeated names and of names ending in [], and drops React's own fields", () => {
    const form = new FormData();
    form.append("issues[]", "abductions");
    form.append("parties", "jpn");
    form.append("parties", "prk");
    form.append("one", "1");
    form.append("$ACTION_REF_1", "");
    expect(formDataToObject(form)).toEqual({ issues: ["abductions"], parties: ["jpn", "prk"], one: "1" });
  });
});

describe("withEditor and withAdmin route handlers", () => {
  const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3107/api/talks", { method: "POST", headers });
  const sameSite = { origin: "http://127.0.0.1:3107", host: "127.0.0.1:3107" };

  it.each([
    ["a cross-site request", user("admin"), { origin: "https://evil.example", host: "127.0.0.1:3107" }, 400, CROSS_SITE_MESSAGE],
    ["a request with neither Origin nor Sec-Fetch-Site", user("admin"), { host: "127.0.0.1:3107" }, 400, CROSS_SITE_MESSAGE],
    ["nobody signed in", null, sameSite, 401, MESSAGES.signIn],
    ["an analyst", user("analyst"), sameSite, 403, MESSAGES.editorOnly],
  ])("refuses %s with its status and a JSON message, never running the handler", async (_what, who, headers, status, message) => {
    const handler = vi.fn(() => Promise.resolve(new Response("done")));
    const response = await wrappers(who).withEditor(handler)(request(headers), {});
    expect(response.status).toBe(status);
    await expect(response.json()).resolves.toEqual({ ok: false, message });
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses an editor on an admin route with 403", async () => {
    const handler = vi.fn(() => Promise.resolve(new Response("done")));
    const response = await wrappers(user("editor")).withAdmin(handler)(request(sameSite), {});
    expect(response.status).toBe(403);
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs the handler for an editor on a same-origin request, with the route's context and the user", async () => {
    const handler = vi.fn(async (_r: Request, ctx: { params: Promise<{ slug: string }> }, who: CurrentUser) =>
      Response.json({ slug: (await ctx.params).slug, by: who.role }),
    );
    const response = await wrappers(user("editor")).withEditor(handler)(request(sameSite), { params: Promise.resolve({ slug: "beijing" }) });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ slug: "beijing", by: "editor" });
  });

  it("answers an ActionError with its status and fields", async () => {
    const response = await wrappers(user("editor")).withEditor(() =>
      Promise.reject(new ActionError("Someone saved this first.", { status: 409 })))(request(sameSite), {});
    expect(response.status).toBe(409);
    await expect(response.json()).resolves.toEqual({ ok: false, message: "Someone saved this first." });
  });
});

describe("isSameOriginRequest", () => {
  const req = (headers: Record<string, string>) => new Request("http://internal/x", { method: "POST", headers });
  it("accepts the host's own origin, a forwarded host, a trusted origin, and Sec-Fetch-Site same-origin", () => {
    expect(isSameOriginRequest(req({ origin: "http://127.0.0.1:3107", host: "127.0.0.1:3107" }), [])).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://parley.example.org", host: "app:3000", "x-forwarded-host": "parley.example.org" }), [])).toBe(true);
    expect(isSameOriginRequest(req({ origin: "http://localhost:3000", host: "10.0.0.5:3000" }), ["http://localhost:3000"])).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-origin", host: "x" }), [])).toBe(true);
  });
  it("refuses another origin, another port, a null origin and a bad one", () => {
    expect(isSameOriginRequest(req({ origin: "https://evil.example", host: "127.0.0.1:3107" }), [])).toBe(false);
    expect(isSameOriginRequest(req({ origin: "http://127.0.0.1:9999", host: "127.0.0.1:3107" }), [])).toBe(false);
    expect(isSameOriginRequest(req({ origin: "null", host: "127.0.0.1:3107" }), [])).toBe(false);
    expect(isSameOriginRequest(req({ origin: "not a url", host: "127.0.0.1:3107" }), [])).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "cross-site", host: "x" }), [])).toBe(false);
  });
});

describe("formDataToObject and a field named __proto__", () => {
  it("keeps it as a field, so a file sent under that name does not become the object's prototype", () => {
    const form = new FormData();
    form.append("__proto__", new Blob(["x"]), "x.pdf");
    form.append("name", "Japan");
    const out = formDataToObject(form);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "name"]);
  });
});

describe("editorInputRoute: a form's fields as JSON or a form, answered in a Server Action's shape with a status", () => {
  const post = (body: BodyInit | null, headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/things", { method: "POST", headers: { origin: "http://localhost:3000", ...headers }, body });
  const route = (who: CurrentUser | null, handler = vi.fn((input: { text: string; talkId: string }) => Promise.resolve({ ok: true as const, message: `Saved ${input.text} in ${input.talkId}.` }))) => ({
    handler,
    POST: wrappers(who).editorInputRoute(StatementInput, handler, { fill: (context: { talk: string }) => Promise.resolve({ talkId: context.talk }), okStatus: 201 }),
  });
  const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as Record<string, unknown> });

  it("saves JSON and a form alike, the URL deciding the talk, with the handler's state and the success status", async () => {
    const { POST, handler } = route(user("editor"));
    expect(await answer(await POST(post(JSON.stringify({ text: " Hello ", talkId: "other" }), { "content-type": "application/json" }), { talk: "t1" }))).toEqual({
      status: 201,
      body: { ok: true, message: "Saved Hello in t1." },
    });
    const form = new FormData();
    form.append("text", "From a form");
    expect((await answer(await POST(post(form, {}), { talk: "t2" }))).body).toEqual({ ok: true, message: "Saved From a form in t2." });
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it("refuses, with a sentence and nothing handled: a visitor, an analyst, another site, a body that is not an object, the wrong type, too much", async () => {
    const cases: [CurrentUser | null, Request, number, string][] = [
      [null, post("{}", { "content-type": "application/json" }), 401, MESSAGES.signIn],
      [user("analyst"), post("{}", { "content-type": "application/json" }), 403, MESSAGES.editorOnly],
      [user("editor"), post("{}", { "content-type": "application/json", origin: "https://evil.example" }), 400, CROSS_SITE_MESSAGE],
      [user("editor"), post("[1, 2]", { "content-type": "application/json" }), 400, UNREADABLE_INPUT_MESSAGE],
      [user("editor"), post("{not json", { "content-type": "application/json" }), 400, UNREADABLE_INPUT_MESSAGE],
      [user("editor"), post("text=hi", { "content-type": "text/plain" }), 415, UNREADABLE_INPUT_MESSAGE],
      [user("editor"), post(JSON.stringify({ text: "x".repeat(ACTION_BODY_LIMIT) }), { "content-type": "application/json" }), 413, INPUT_TOO_LARGE_MESSAGE],
    ];
    for (const [who, request, status, message] of cases) {
      const { POST, handler } = route(who);
      expect(await answer(await POST(request, { talk: "t1" }))).toEqual({ status, body: { ok: false, message } });
      expect(handler).not.toHaveBeenCalled();
    }
  });

  it("answers invalid fields with 400, a message per field and the typed values; a rule's refusal with its status", async () => {
    const { POST } = route(user("editor"));
    expect(await answer(await POST(post(JSON.stringify({ text: "  " }), { "content-type": "application/json" }), { talk: "t1" }))).toEqual({
      status: 400,
      body: { ok: false, message: INVALID_INPUT_MESSAGE, fieldErrors: { text: ["Enter the statement."] }, values: { text: "  ", talkId: "t1" } },
    });
    const refusing = route(user("editor"), vi.fn(() => Promise.reject(new ActionError("Already saved.", { status: 409, fieldErrors: { text: ["Already saved."] } }))));
    expect(await answer(await refusing.POST(post(JSON.stringify({ text: "Hi" }), { "content-type": "application/json" }), { talk: "t1" }))).toEqual({
      status: 409,
      body: { ok: false, message: "Already saved.", fieldErrors: { text: ["Already saved."] }, values: { text: "Hi", talkId: "t1" } },
    });
  });

  it("takes at most as much as a Server Action may (next.config.js's limit)", async () => {
    const config = new URL("../../next.config.js", import.meta.url).href;
    const { ACTION_BODY_LIMIT: configured } = (await import(/* @vite-ignore */ config)) as { ACTION_BODY_LIMIT: number };
    expect(ACTION_BODY_LIMIT).toBe(configured);
  });
});
