// The server-only helpers, with the request and better-auth replaced: who is signed in comes
// from a stubbed session, and reading checks the PARLEY_PUBLIC_READ setting.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ current: null as null | { user: Record<string, unknown> } }));
const headersCalls = vi.hoisted(() => ({ count: 0 }));
const sessionReads = vi.hoisted(() => ({ count: 0 }));

// A browser that is signed in sends its session cookie; one that is not sends none.
vi.mock("next/headers", () => ({
  headers: () => (headersCalls.count++, Promise.resolve(new Headers(session.current ? { cookie: "theme=dark; parley.session_token=signed.value" } : { cookie: "theme=dark" }))),
}));
// A stand-in made without createAuth: no session database, so lib/auth/session.ts asks it (its
// one-query read is tested against the real better-auth in test/db/auth.test.ts).
vi.mock("./auth", () => ({
  COOKIE_PREFIX: "parley",
  SESSION_EXPIRES_IN_S: 604800,
  SESSION_UPDATE_AGE_S: 86400,
  sessionDatabaseOf: () => undefined,
  getAuth: () => Promise.resolve({ api: { getSession: () => (sessionReads.count++, Promise.resolve(session.current)) } }),
}));

const signedIn = (role: string, extra: Record<string, unknown> = {}) => ({
  user: { id: "u1", name: "Nao", email: "nao@example.org", role, disabledAt: null, ...extra },
});

describe("permissions", () => {
  beforeEach(() => {
    vi.resetModules();
    headersCalls.count = 0;
    sessionReads.count = 0;
    session.current = null;
  });
  afterEach(() => {
    delete process.env.PARLEY_PUBLIC_READ;
  });

  it("gives the signed-in user without their secrets, and nobody for a disabled account", async () => {
    session.current = signedIn("editor", { password: "hash", banned: false });
    const { getCurrentUser } = await import("./permissions");
    expect(await getCurrentUser()).toEqual({ id: "u1", name: "Nao", email: "nao@example.org", role: "editor" });

    vi.resetModules();
    session.current = signedIn("admin", { disabledAt: new Date() });
    const again = await import("./permissions");
    expect(await again.getCurrentUser()).toBeNull();
  });

  it("does not ask better-auth about a request that carries no session cookie", async () => {
    const { getCurrentUser } = await import("./permissions");
    expect(await getCurrentUser()).toBeNull();
    expect(sessionReads.count).toBe(0);
  });

  it("requireEditor and requireAdmin throw PermissionError with the right status", async () => {
    session.current = signedIn("analyst");
    const { requireEditor, requireUser, PermissionError } = await import("./permissions");
    await expect(requireUser()).resolves.toMatchObject({ role: "analyst" });
    await expect(requireEditor()).rejects.toBeInstanceOf(PermissionError);
    await expect(requireEditor()).rejects.toMatchObject({ status: 403 });

    vi.resetModules();
    session.current = null;
    const anonymous = await import("./permissions");
    await expect(anonymous.requireAdmin()).rejects.toMatchObject({ status: 401, message: "Sign in to make changes." });
  });

  it("requireReader lets anyone read by default, without looking at the request", async () => {
    const { requireReader } = await import("./permissions");
    await expect(requireReader()).resolves.toBeUndefined();
    expect(headersCalls.count).toBe(0);
  });

  it("requireReader, with PARLEY_PUBLIC_READ=false, refuses nobody-signed-in with 401 and lets any role read", async () => {
    process.env.PARLEY_PUBLIC_READ = "false";
    vi.resetModules();
    const env = await import("../env");
    // getEnv caches process.env's reading; this test's module graph is fresh, so it reads "false".
    expect(env.getEnv().publicRead).toBe(false);
    const { requireReader } = await import("./permissions");
    await expect(requireReader()).rejects.toMatchObject({ status: 401, message: "Sign in to read Parley." });

    vi.resetModules();
    session.current = signedIn("analyst");
    const reader = await import("./permissions");
    await expect(reader.requireReader()).resolves.toBeUndefined();
  });
});
