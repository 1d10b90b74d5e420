import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, openBrowser, screenshot } from "./browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page } = await newPage(browser.context));
  await page.goto("/articles");
  await page.locator("table a", { hasText: "Vor Beginn der internationalen Verhandlungen" }).first().click();
  await page.waitForURL(/\/articles\/[0-9a-f]+/);
});
afterAll(async () => {
  await browser?.close();
});

/** What the CSS tooltip of an element shows, or null when it shows nothing. */
const tooltipOf = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el, "::before");
    return style.content === "none" || style.content === "normal" ? null : style.content.replace(/^"|"$/g, "");
  });

describe("a highlight shows its fact", () => {
  it("on keyboard focus: Medinsky's mention shows his canonical name and links to him", async () => {
    const sel = '[data-testid="article-text"] .hl-actor[data-fact^="Vladimir Medinsky"]';
    await expect(tooltipOf(page, sel)).resolves.toBeNull();
    // Reach it with the keyboard, as a reader without a mouse would.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.matches('.hl-actor[data-fact^="Vladimir Medinsky"]') ?? false);
    }
    expect(reached).toBe(true);
    const tip = await page.evaluate(() => getComputedStyle(document.activeElement!, "::before").content);
    expect(tip).toContain("Vladimir Medinsky");
    expect(tip).toContain("person:vladimir-medinsky");
    await screenshot(page, "article-focus");
    await expect(page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute("href"))).resolves.toBe(
      "/actors/person%3Avladimir-medinsky",
    );
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/actors\/person/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Vladimir Medinsky");
    await page.goBack();
  });

  it("on hover: the date shows its TIMEX3 value", async () => {
    const sel = '[data-testid="article-text"] .hl-timex[data-fact*="XXXX-05-16"]';
    await page.locator(sel).first().hover();
    const tip = await tooltipOf(page, sel);
    expect(tip).toContain("XXXX-05-16");
    expect(tip).toContain("16 May (year not stated)");
    await expect(page.locator(sel).first().getAttribute("title")).resolves.toContain("XXXX-05-16");
    await screenshot(page, "article-hover");
  });

  it("an event sentence names its type and leads to the merged event", async () => {
    const evidence = page.locator('[data-testid="article-text"] .hl-evidence[data-fact^="Meeting"]').first();
    await expect(evidence.getAttribute("data-fact")).resolves.toMatch(/Meeting/);
    // The sentence holds linked words; its own link is the tag at its end.
    const chip = page.locator('[data-testid="article-text"] .hl-evidence[data-fact^="Meeting"] > a.hl-chip').first();
    await expect(chip.textContent()).resolves.toBe("MEETING");
    const href = await chip.getAttribute("href");
    expect(href).toMatch(/^\/events\/report\//);
    const res = await page.goto(href!);
    expect(res?.status()).toBe(200);
    expect(page.url()).toMatch(/\/events\/[^/]+$/);
    await expect(page.locator("h1").textContent()).resolves.toMatch(/Meeting/);
  });
});
