// Editors record statements from the timeline; bad input is refused field by field and nothing
// typed is lost; readers without the editor role see no editing controls at all.
import { expect, test, type Route } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, DAY_4, addStatement, expectNoAxeViolations, formReady, ownServer, statementArticle, textBox } from "./support/editing";

// A database of this file's own: it changes the Beijing talk that other files count.
const server = ownServer("edit-statement");

let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

test("an editor adds a statement with a new source to day 4 of the Beijing talks, in place on the timeline, and sees it there with its source", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}`);
  const talkUrl = page.url();
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  // The link names the full form's page (what it does without JavaScript)…
  const day4 = page.locator(`#day-${DAY_4}`);
  const link = day4.getByRole("link", { name: "Add statement to day 4" });
  await expect(link).toHaveAttribute("href", `/talks/${BEIJING}/statements/new?day=${DAY_4}`);
  // …and opens the form right there, prefilled with the day, the first field ready to type in.
  await link.click();
  const form = day4.getByRole("region", { name: "Add a statement to Day 4 · Tue 7 Feb" });
  await expect(form).toBeVisible();
  await expect(link).toHaveAttribute("aria-expanded", "true");
  await expect(form.getByLabel("Who said it")).toBeFocused();
  await expect(form.getByLabel("Day said")).toHaveValue(DAY_4);
  expect(page.url()).toBe(talkUrl);
  await expectNoAxeViolations(page);

  const text = `Japan will not normalize relations before the abduction issue is settled, Umeda said (${id}).`;
  await form.getByLabel("Who said it").selectOption({ label: "Kunio Umeda, Japanese envoy" });
  await form.getByLabel("Capacity").selectOption({ label: "Head of delegation" });
  await form.getByLabel("Kind").selectOption({ label: "Position" });
  await form.getByLabel("Text", { exact: true }).fill(text);
  await form.getByLabel("Exact quoted words (optional)").fill("abduction issue is settled");
  await form.getByRole("group", { name: "Issues" }).getByLabel("Abductions of Japanese nationals").check();
  await form.getByText("Add a new source").click();
  await form.getByLabel("Publisher of the new source").fill(`Kyodo News ${id}`);
  await form.getByLabel("Title of the new source").fill(`Umeda restates Japan's condition ${id}`);
  await form.getByLabel("Its address (URL, optional)").fill(`https://example.org/kyodo/${id}`);
  await form.getByLabel("Its publication day (optional)").fill(DAY_4);
  await form.getByRole("button", { name: "Add statement" }).click();

  // Saved: the statement is on day 4 of this same page, announced (with Undo), and a fresh form
  // takes the focus for the next statement, keeping the day (issue 12).
  const added = statementArticle(day4, text);
  await expect(added).toHaveCount(1);
  await expect(day4.getByRole("status").filter({ hasText: "Statement added to Day 4 · Tue 7 Feb." })).toBeVisible();
  await expect(day4.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(form.getByLabel("Who said it")).toBeFocused();
  await expect(form.getByLabel("Text", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Day said")).toHaveValue(DAY_4);
  expect(page.url()).toBe(talkUrl);
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  await expect(added.locator("q")).toHaveText("abduction issue is settled");
  await expect(added).toContainText("Kunio Umeda");
  await expect(added).toContainText("head of delegation");
  const cite = added.getByRole("link", { name: new RegExp(`^Source \\d+: Kyodo News ${id}, Umeda restates Japan's condition ${id}$`) });
  await expect(cite).toBeVisible();
  await cite.click();
  const number = /#source-(\d+)$/.exec(page.url())?.[1];
  await expect(page.locator(`#source-${number}`)).toContainText(`Umeda restates Japan's condition ${id}`);
  await expect(page.locator(`#source-${number}`).getByRole("link", { name: new RegExp(`^“Umeda restates`) })).toHaveAttribute("href", `https://example.org/kyodo/${id}`);

  // Still there after a reload: it was saved, not only shown.
  await page.reload();
  await expect(statementArticle(page.locator(`#day-${DAY_4}`), text)).toHaveCount(1);
  await context.close();
});

test("the form opened in place refuses bad input next to the field, keeps what was typed, and Escape closes it with nothing saved", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}`);
  const day4 = page.locator(`#day-${DAY_4}`);
  // The timeline streams in after the page's frame: count once day 4 is there.
  await expect(day4.getByRole("article").filter({ hasText: "significant progress" })).toBeVisible();
  const before = await day4.getByRole("article").count();
  const link = day4.getByRole("link", { name: "Add statement to day 4" });
  await link.click();
  const form = day4.getByRole("region", { name: /^Add a statement to Day 4/ });
  await form.getByLabel("Who said it").selectOption({ label: "Song Il Ho, Chief envoy of North Korea" });
  await form.getByLabel("Exact quoted words (optional)").fill(`not in the text ${id}`);
  await form.getByRole("button", { name: "Add statement" }).click();
  await expect(form.getByRole("alert")).toContainText("Some fields need attention; nothing was saved.");
  await expect(form.getByLabel("Text", { exact: true })).toHaveAccessibleDescription(/Enter what was said\./);
  await expect(form.getByLabel("Who said it")).toHaveValue("envoy:song-il-ho");
  await expect(form.getByLabel("Exact quoted words (optional)")).toHaveValue(`not in the text ${id}`);

  await form.getByLabel("Text", { exact: true }).press("Escape");
  await expect(form).toHaveCount(0);
  await expect(link).toBeFocused();
  await expect(link).toHaveAttribute("aria-expanded", "false");
  await page.reload();
  await expect(page.locator(`#day-${DAY_4}`).getByRole("article")).toHaveCount(before);
  await context.close();
});

test("bad input is named next to each field, nothing is saved, and everything typed stays", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}/statements/new?day=${DAY_4}`);
  await formReady(page);

  await page.getByLabel("Who said it").selectOption({ label: "Song Il Ho, Chief envoy of North Korea" });
  await page.getByLabel("When it was said is known to").selectOption({ label: "Time to the minute" });
  await textBox(page).fill(`   `);
  await page.getByLabel("Exact quoted words (optional)").fill(`words not in the text ${id}`);
  await page.getByText("Add a new source").click();
  await page.getByLabel("Title of the new source").fill(`A report without a publisher ${id}`);
  await page.getByLabel("Its address (URL, optional)").fill("ftp://example.org/report");
  await page.getByRole("button", { name: "Add statement" }).click();

  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toContainText("Some fields need attention; nothing was saved.");
  await expect(summary.getByRole("link", { name: "Text" })).toBeVisible();

  // Each message sits by its field and is how the field is described.
  await expect(textBox(page)).toHaveAttribute("aria-invalid", "true");
  await expect(textBox(page)).toHaveAccessibleDescription(/Enter what was said\./);
  await expect(page.getByLabel("Time at the venue")).toHaveAccessibleDescription(/Enter the time at the venue/);
  await expect(page.getByLabel("Publisher of the new source")).toHaveAccessibleDescription(/Enter the new source’s publisher\./);
  await expect(page.getByLabel("Its address (URL, optional)")).toHaveAccessibleDescription(/starting with http:\/\/ or https:\/\//);
  await expectNoAxeViolations(page);

  // What was typed is still there.
  await expect(page.getByLabel("Who said it")).toHaveValue("envoy:song-il-ho");
  await expect(page.getByLabel("When it was said is known to")).toHaveValue("minute");
  await expect(page.getByLabel("Day said")).toHaveValue(DAY_4);
  await expect(page.getByLabel("Exact quoted words (optional)")).toHaveValue(`words not in the text ${id}`);
  await expect(page.getByLabel("Title of the new source")).toHaveValue(`A report without a publisher ${id}`);
  await expect(page.getByLabel("Its address (URL, optional)")).toHaveValue("ftp://example.org/report");

  // Corrected, it saves; the time is the venue's clock.
  await textBox(page).fill(`North Korea says its position has not changed: words not in the text ${id}.`);
  await page.getByLabel("Time at the venue").fill("16:45");
  await page.getByLabel("Publisher of the new source").fill(`Yonhap ${id}`);
  await page.getByLabel("Its address (URL, optional)").fill("");
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page).toHaveURL(new RegExp(`/days/${DAY_4}#statement-`));
  const saved = statementArticle(page, `words not in the text ${id}`);
  await expect(saved.locator("time").first()).toHaveText("16:45");
  await context.close();
});

test("a save whose answer is lost keeps everything typed and says so; sent again, it is recorded once", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}/statements/new?day=${DAY_4}`);
  await formReady(page);
  await page.getByLabel("Who said it").selectOption({ label: "Kunio Umeda, Japanese envoy" });
  const text = `Japan repeated its demand while the line was down (${id}).`;
  await textBox(page).fill(text);

  // The save reaches Parley and is recorded, but the connection drops before the answer arrives.
  const loseAnswers = async (route: Route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  };
  await page.route("**/*", loseAnswers);
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Parley did not answer, so this may not have been saved.");
  await expect(textBox(page)).toHaveValue(text);
  await expect(page.getByLabel("Who said it")).toHaveValue("envoy:kunio-umeda");

  // The line is back: the same form sent again is recorded once, not twice.
  await page.unroute("**/*", loseAnswers);
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page).toHaveURL(new RegExp(`/days/${DAY_4}#statement-`));
  await expect(statementArticle(page, text)).toHaveCount(1);
  await context.close();
});

test("what an editor types is shown as text, never run as markup", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor);
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  const text = `<b>bold ${id}</b><img src=x onerror="alert(1)"><script>alert(2)</script>`;
  const statementId = await addStatement(page, { text });
  await page.goto(`/talks/${BEIJING}`);
  const item = page.locator(`#statement-${statementId}`);
  await expect(item.locator(".statement__text")).toHaveText(text);
  await expect(item.locator("b, img, script")).toHaveCount(0);
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  await expect(page.getByRole("main").getByText(text).first()).toBeVisible();
  await expect(page.getByRole("main").locator("b, img")).toHaveCount(0);
  expect(dialogs).toBe(0);
  await context.close();
});

test("anonymous visitors and analysts see no editing controls and cannot open the forms", async ({ browser }) => {
  const analyst = await createAccountWithCli(server().databaseUrl, "analyst");
  const anonymous = await newVisitor(browser, server().baseURL);
  const signedIn = await newVisitor(browser, server().baseURL);
  const analystPage = await signedIn.newPage();
  await signIn(analystPage, analyst);
  for (const page of [await anonymous.newPage(), analystPage]) {
    for (const path of [`/talks/${BEIJING}`, `/talks/${BEIJING}/days/${DAY_4}`]) {
      await page.goto(path);
      await expect(page.locator(`#day-${DAY_4}`)).toContainText("significant progress");
      await expect(page.getByRole("link", { name: /^Add statement/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^Add session/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^Delete/ })).toHaveCount(0);
    }
  }
  // The forms themselves: sign in first, or "Not allowed".
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto(`/talks/${BEIJING}/statements/new?day=${DAY_4}`);
  await expect(anonymousPage).toHaveURL(/\/login\?next=/);
  await analystPage.goto(`/talks/${BEIJING}/statements/new?day=${DAY_4}`);
  await expect(analystPage.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(analystPage.getByRole("button", { name: "Add statement" })).toHaveCount(0);
  // What the in-place form loads is for editors too: 401 to sign in, 403 for an analyst.
  const formData = `/talks/${BEIJING}/statements/form?day=${DAY_4}`;
  const refusedAnonymous = await anonymous.request.get(formData);
  expect(refusedAnonymous.status()).toBe(401);
  expect(await refusedAnonymous.json()).toEqual({ message: expect.stringMatching(/sign in/i) });
  const refusedAnalyst = await signedIn.request.get(formData);
  expect(refusedAnalyst.status()).toBe(403);
  expect(JSON.stringify(await refusedAnalyst.json())).not.toContain("Umeda");
  await anonymous.close();
  await signedIn.close();
});
