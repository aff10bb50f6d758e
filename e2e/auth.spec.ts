import { rmSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { createAccountWithCli, newVisitor, ROOT, signIn, submitSignIn, uniqueId, type Account } from "./support/accounts";
import { freshDatabase, startServer, type TestServer } from "./support/server";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const accountMenu = (page: Page) => page.getByRole("navigation", { name: "Account" });
// Scoped to the page's content: Next.js's route announcer is an alert too.
const signInMessage = (page: Page) => page.getByRole("main").getByRole("alert");

/** Sends the sign-in form and waits until its answer is on the page (the form is usable again). */
async function attemptSignIn(page: Page, email: string, password: string) {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login");
  await submitSignIn(page, email, password);
  await answered;
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}
const userRow = (page: Page, email: string) => page.getByRole("row").filter({ hasText: email });

let admin: Account;

test.beforeAll(async () => {
  admin = await createAccountWithCli(E2E_DATABASE_URL, "admin");
});

test("the first admin, made with npm run user:create, signs in and adds an editor and an analyst who can then sign in", async ({ browser, baseURL }) => {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/admin/users");
  // Not signed in: sent to sign in, and back to the page afterwards.
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  await submitSignIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expect(accountMenu(page)).toContainText(`Signed in as ${admin.name}`);
  await expect(accountMenu(page)).toContainText("admin");
  await expectNoAxeViolations(page);

  const id = uniqueId();
  const form = page.getByRole("region", { name: "Add a user" });

  // An editor with a password the admin types.
  const editor = { name: `Erin Editor ${id}`, email: `erin-${id}@example.org`, password: `typed password ${id}` };
  await form.getByRole("textbox", { name: "Name" }).fill(editor.name);
  await form.getByRole("textbox", { name: "Email" }).fill(editor.email);
  await form.getByRole("combobox", { name: "Role" }).selectOption("editor");
  await form.getByRole("radio", { name: "Type one" }).check();
  await form.getByLabel("New user’s password").fill(editor.password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${editor.name} (${editor.email}) as editor.`);
  await expect(userRow(page, editor.email)).toContainText("editor");

  // An analyst with a generated password, shown once.
  const analyst = { name: `Ana Analyst ${id}`, email: `ana-${id}@example.org` };
  await form.getByRole("textbox", { name: "Name" }).fill(analyst.name);
  await form.getByRole("textbox", { name: "Email" }).fill(analyst.email);
  await form.getByRole("combobox", { name: "Role" }).selectOption("analyst");
  await form.getByRole("radio", { name: "Generate one (shown once)" }).check();
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByRole("status")).toHaveText(`Created ${analyst.name} (${analyst.email}) as analyst.`);
  const generated = (await form.locator("code.secret").textContent()) ?? "";
  expect(generated).toMatch(/^[A-Za-z0-9_-]{24}$/);
  await expect(userRow(page, analyst.email)).toContainText("analyst");

  // The same email twice: refused next to the field, with what was typed kept.
  await form.getByRole("textbox", { name: "Name" }).fill("Someone Else");
  await form.getByRole("textbox", { name: "Email" }).fill(editor.email);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText(`An account with the email ${editor.email} already exists.`).first()).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Email" })).toHaveValue(editor.email);
  await expect(form.getByRole("textbox", { name: "Name" })).toHaveValue("Someone Else");

  // A typed password that is too short: named at the field, the choice and the rest kept.
  await form.getByRole("textbox", { name: "Email" }).fill(`someone-${id}@example.org`);
  await form.getByRole("radio", { name: "Type one" }).check();
  await form.getByLabel("New user’s password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(form.getByLabel("New user’s password")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("radio", { name: "Type one" })).toBeChecked();
  await expect(form.getByRole("textbox", { name: "Email" })).toHaveValue(`someone-${id}@example.org`);
  await expect(userRow(page, `someone-${id}@example.org`)).toHaveCount(0);

  // Both new accounts can sign in, each with its own role.
  for (const [account, role] of [
    [{ ...editor }, "editor"],
    [{ ...analyst, password: generated }, "analyst"],
  ] as const) {
    const visitor = await newVisitor(browser, baseURL);
    const other = await visitor.newPage();
    await signIn(other, account);
    await expect(accountMenu(other)).toContainText(role);
    await expect(accountMenu(other).getByRole("link", { name: "Users" })).toHaveCount(0);
    await visitor.close();
  }
  await context.close();
});

test("an admin re-roles, disables, enables and deletes an account; a disabled account cannot sign in", async ({ browser, baseURL }) => {
  const target = await createAccountWithCli(E2E_DATABASE_URL, "analyst", "target");
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await signIn(page, admin, "/admin/users");
  const row = userRow(page, target.email);

  await row.getByRole("combobox", { name: `Role for ${target.name}` }).selectOption("editor");
  await row.getByRole("button", { name: `Change role of ${target.name}` }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to editor.");
  await expect(row.getByRole("cell").nth(1)).toHaveText("editor");

  await row.getByRole("button", { name: `Disable ${target.name}` }).click();
  await expect(row).toContainText("disabled");
  const visitor = await newVisitor(browser, baseURL);
  const other = await visitor.newPage();
  await other.goto("/login");
  await attemptSignIn(other, target.email, target.password);
  await expect(signInMessage(other)).toHaveText("This account is disabled; ask an admin to enable it.");

  await row.getByRole("button", { name: `Enable ${target.name}` }).click();
  await expect(row).toContainText("active");
  await submitSignIn(other, target.email, target.password);
  await expect(accountMenu(other)).toContainText(`Signed in as ${target.name}`);
  await visitor.close();

  await row.getByText("Delete…").click();
  await row.getByRole("button", { name: `Delete ${target.name} for good` }).click();
  await expect(userRow(page, target.email)).toHaveCount(0);
  // The admin's own row offers no way to lock themselves out.
  await expect(userRow(page, admin.email)).toContainText("Your own account");
  await context.close();
});

test("an analyst who opens /admin/users is told it is not allowed and sees no accounts", async ({ browser, baseURL }) => {
  const analyst = await createAccountWithCli(E2E_DATABASE_URL, "analyst");
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await signIn(page, analyst);
  const response = await page.goto("/admin/users");
  // forbidden(): status 403 and the "not allowed" page, kept out of search engines.
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText(admin.email)).toHaveCount(0);
  await context.close();
});

test("signing out ends the session: the header offers to sign in and admin pages send you to sign in again", async ({ browser, baseURL }) => {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await signIn(page, admin);
  await accountMenu(page).getByRole("button", { name: "Sign out" }).click();
  await expect(accountMenu(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await context.cookies()).filter((c) => c.name.includes("session_token"))).toEqual([]);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers$/);
  await context.close();
});

test("signing in from a link whose next= points off the site (/..//evil.example/x) lands on Parley", async ({ browser, baseURL }) => {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  // Nothing may actually leave 127.0.0.1: a request to the other host fails the test.
  const offSite: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname === "evil.example") offSite.push(request.url());
  });
  await page.route("**://evil.example/**", (route) => route.abort());
  await page.goto("/login?next=%2F..%2F%2Fevil.example%2Fx");
  await submitSignIn(page, admin.email, admin.password);
  await expect(accountMenu(page)).toContainText(`Signed in as ${admin.name}`);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(page.url()).pathname).toBe("/");
  expect(offSite).toEqual([]);
  await context.close();
});

test("a wrong password is refused with a clear message, keeping the email typed", async ({ browser, baseURL }) => {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await attemptSignIn(page, admin.email, "not the password at all");
  await expect(signInMessage(page)).toHaveText("The email or password is incorrect.");
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue(admin.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL(/\/login$/);
  await expectNoAxeViolations(page);

  // A missing email is named next to its field.
  await page.getByRole("textbox", { name: "Email" }).fill("");
  await page.getByLabel("Password").fill("something");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await context.close();
});

test("the 6th rapid failed sign-in from one address is refused with the time to wait, even with the right password", async ({ browser, baseURL }) => {
  const context = await newVisitor(browser, baseURL);
  const page = await context.newPage();
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attemptSignIn(page, admin.email, `wrong password ${attempt}`);
    await expect(signInMessage(page)).toHaveText("The email or password is incorrect.");
  }
  await attemptSignIn(page, admin.email, "wrong password 6");
  await expect(signInMessage(page)).toHaveText(/^Too many attempts; try again in \d+ seconds?\.$/);
  const seconds = Number(/in (\d+) second/.exec((await signInMessage(page).textContent()) ?? "")?.[1]);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(60);

  await attemptSignIn(page, admin.email, admin.password);
  await expect(signInMessage(page)).toHaveText(/^Too many attempts/);
  await expect(accountMenu(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test.describe("with PARLEY_PUBLIC_READ=false", () => {
  let server: TestServer;

  test.beforeAll(async () => {
    server = await startServer({ databaseUrl: E2E_DATABASE_URL, env: { PARLEY_PUBLIC_READ: "false" } });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("an anonymous visitor is sent to sign in, and reads the talk after signing in as an analyst", async ({ browser }) => {
    const analyst = await createAccountWithCli(E2E_DATABASE_URL, "analyst", "reader");
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();

    await page.goto("/");
    await expect(page).toHaveURL(`${server.baseURL}/login`);
    await page.goto("/talks/japan-dprk-beijing-2006");
    await expect(page).toHaveURL(`${server.baseURL}/login?next=%2Ftalks%2Fjapan-dprk-beijing-2006`);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    // The data stays closed to a request that skips the pages.
    const api = await context.request.get("/api/talks", { maxRedirects: 0 });
    expect(api.status()).toBe(401);

    await submitSignIn(page, analyst.email, analyst.password);
    // Sign-in (a deliberately slow password hash) and this server's first render of the talk, on
    // two cores shared with the rest of the suite: it took over 5 s once in CI.
    await expect(page).toHaveURL(`${server.baseURL}/talks/japan-dprk-beijing-2006`, { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan–DPRK normalization talks, Beijing, February 2006");
    await context.close();
  });
});

test.describe("exposed without a proxy (PARLEY_TRUSTED_PROXY=false)", () => {
  let server: TestServer;
  let database: string;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // A database of its own: the limit here is keyed by the socket's address, 127.0.0.1, which
    // nothing else on the shared database may have spent.
    database = `e2e-direct-sign-in-${uniqueId()}`;
    server = await startServer({ databaseUrl: await freshDatabase(database), env: { PARLEY_TRUSTED_PROXY: "false" } });
  });

  test.afterAll(async () => {
    await server?.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path.join(ROOT, "data", `${database}.db${suffix}`), { force: true });
  });

  test("a visitor who invents a new X-Forwarded-For for every attempt is still refused after 5 failures", async ({ browser }) => {
    const account = await createAccountWithCli(server.databaseUrl, "editor", "direct");
    for (let attempt = 1; attempt <= 5; attempt++) {
      const context = await newVisitor(browser, server.baseURL);
      const page = await context.newPage();
      await page.goto("/login");
      await attemptSignIn(page, account.email, `wrong password ${attempt}`);
      await expect(signInMessage(page)).toHaveText("The email or password is incorrect.");
      await context.close();
    }
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto("/login");
    await attemptSignIn(page, account.email, account.password);
    await expect(signInMessage(page)).toHaveText(/^Too many attempts; try again in \d+ seconds?\.$/);
    await expect(accountMenu(page).getByRole("link", { name: "Sign in" })).toBeVisible();
    await context.close();
  });
});
