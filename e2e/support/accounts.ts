// Accounts for end-to-end tests, made the way an operator makes them: `npm run user:create`
// against the test's database, reading the generated password from its output. No test leans
// on a default account or a fixed id.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export type Account = { email: string; password: string; name: string; role: "analyst" | "editor" | "admin" };

/** Runs a command in the project folder; resolves with its output, rejects with it on failure. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${out}`))));
  });
}

export const uniqueId = () => `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;

/** `npm run user:create -- --generate`, as an operator would; returns the printed password. */
export async function createAccountWithCli(databaseUrl: string, role: Account["role"], label: string = role): Promise<Account> {
  const id = uniqueId();
  const email = `${label}-${id}@example.org`;
  const name = `${label[0]!.toUpperCase()}${label.slice(1)} ${id}`;
  const out = await run("npm", ["run", "-s", "user:create", "--", "--email", email, "--role", role, "--name", name, "--generate"], {
    DATABASE_URL: databaseUrl,
  });
  const password = /^Password: (\S+)$/m.exec(out)?.[1];
  if (!password) throw new Error(`user:create printed no password:\n${out}`);
  return { email, password, name, role };
}

/**
 * A browser context that looks like its own visitor: sign-in attempts are rate-limited per
 * client address, which the test servers read from X-Forwarded-For (they run with
 * PARLEY_TRUSTED_PROXY=true, as if behind a proxy), so each test signs in from an address of its
 * own and tests running side by side do not share a budget.
 */
export async function newVisitor(browser: Browser, baseURL: string | undefined, options: { timezoneId?: string } = {}): Promise<BrowserContext> {
  const address = `10.${1 + (randomBytes(1)[0]! % 250)}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
  return browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": address }, ...options });
}

/** Fills and sends the sign-in form on the current page. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through /login and waits until the header names the account. */
export async function signIn(page: Page, account: Pick<Account, "email" | "password" | "name">, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await submitSignIn(page, account.email, account.password);
  // Hashing the password and rendering the page it leads to: seconds when two test workers and
  // several app servers share the two cores, so more than the default 5 s.
  await expect(page.getByRole("navigation", { name: "Account" })).toContainText(`Signed in as ${account.name}`, { timeout: 15_000 });
}
