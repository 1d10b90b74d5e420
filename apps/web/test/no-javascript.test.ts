import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, openBrowser, screenshot } from "./browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser({ javaScriptEnabled: false });
  ({ page } = await newPage(browser.context));
});
afterAll(async () => {
  await browser?.close();
});

describe("with JavaScript disabled", () => {
  it("the timeline renders, with its chart, and the filter form works", async () => {
    await page.goto("/");
    await expect(page.locator("h1").textContent()).resolves.toBe("Timeline");
    await screenshot(page, "timeline-nojs");
    expect(await page.locator("article.event-card").count()).toBeGreaterThan(0);
    await expect(page.locator("main").innerText()).resolves.toContain("Rustem Umerov");
    await page.selectOption("#f-type", "agreement");
    await page.click("button:has-text('Apply filters')");
    await page.waitForURL(/type=agreement/);
    const types = await page.locator("article.event-card .badge").allInnerTexts();
    expect(types.map((t) => t.toLowerCase())).toEqual(types.map(() => "agreement"));
  });

  it("the reader and the actors page render", async () => {
    await page.goto("/articles");
    await page.locator("table a", { hasText: "Vor Beginn der internationalen Verhandlungen" }).first().click();
    await page.waitForURL(/\/articles\//);
    await expect(page.getByTestId("article-text").innerText()).resolves.toContain("Istanbul");
    await page.goto("/actors");
    expect(await page.locator("table tbody tr").count()).toBeGreaterThan(0);
  });

  it("the ingest form still previews a report (a plain form post to the server action)", async () => {
    await page.goto("/ingest");
    await page.fill("#i-text", "Ukrainian and Russian delegations met in Istanbul on Monday.");
    await page.selectOption("#i-language", "en");
    await page.click("button:has-text('Preview extraction')");
    await page.locator("#preview-heading").waitFor();
    await expect(page.getByTestId("preview-text").innerText()).resolves.toContain("delegations met in Istanbul");
    await expect(page.locator("#i-text").inputValue()).resolves.toContain("delegations met in Istanbul");
    await screenshot(page, "ingest-preview-nojs");
  });

  it("on a phone-sized screen nothing overflows sideways", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ["/", "/actors", "/articles", "/ingest"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/");
    await screenshot(page, "timeline-phone");
  });
});
