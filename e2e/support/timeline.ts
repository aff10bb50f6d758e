import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Reads on down a long talk's timeline, as an analyst scrolling to the end would, until `target`
 * is in the page: each time the end comes near, the next days load.
 */
export async function readOnUntil(page: Page, target: Locator, timeout = 20_000): Promise<void> {
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(target).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout });
}
