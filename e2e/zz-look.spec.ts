import { test } from "@playwright/test";
import { BEIJING } from "./support/editing";
test("look", async ({ page }) => {
  const moment = new Date(Date.now() - 1000).toISOString();
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.goto(`/talks/${BEIJING}/brief?${new URLSearchParams({ asOf: moment })}`);
  await page.screenshot({ path: "/tmp/look-asof.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/look-asof-print.png", fullPage: true });
  await page.goto(`/talks/${BEIJING}/brief?since=2006-02-06T18:00`);
  await page.screenshot({ path: "/tmp/look-since-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/talks/${BEIJING}/brief?asOf=2006-02-06T18:00`);
  await page.screenshot({ path: "/tmp/look-asof-empty.png", fullPage: true });
  await page.goto(`/talks/${BEIJING}/brief?asOf=bad`);
  await page.screenshot({ path: "/tmp/look-bad.png" });
});
