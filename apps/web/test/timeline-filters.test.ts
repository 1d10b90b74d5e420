import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, openBrowser, screenshot } from "./browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  ({ page } = await newPage(browser.context));
});
afterAll(async () => {
  await browser?.close();
});

const cards = () => page.locator("article.event-card");
const badges = () => page.locator("article.event-card .badge").allInnerTexts();

describe("timeline filters", () => {
  it("the type filter keeps only that type, and lives in the URL", async () => {
    await page.goto("/");
    const all = await cards().count();
    expect(all).toBeGreaterThan(1);
    await page.selectOption("#f-type", "meeting");
    await page.click("button:has-text('Apply filters')");
    await page.waitForURL(/type=meeting/);
    await screenshot(page, "timeline-filtered");
    const types = await badges();
    expect(types.length).toBeGreaterThan(0);
    expect(types.length).toBeLessThan(all);
    expect(new Set(types.map((t) => t.toLowerCase()))).toEqual(new Set(["meeting"]));
    // The filter survives a reload: the view is in the URL.
    await page.reload();
    await expect(page.locator("#f-type").inputValue()).resolves.toBe("meeting");
    expect(await cards().count()).toBe(types.length);
  });

  it("the issue filter finds the prisoner-exchange agreement", async () => {
    await page.goto("/?issue=prisoner_exchange");
    const types = (await badges()).map((t) => t.toLowerCase());
    expect(types).toContain("agreement");
    for (const chips of await cards().locator(".chips").allInnerTexts()) expect(chips).toContain("Prisoner exchange");
  });

  it("the actor filter keeps Umerov's events", async () => {
    await page.goto("/");
    await page.selectOption("#f-actor", "person:rustem-umerov");
    await page.click("button:has-text('Apply filters')");
    await page.waitForURL(/actor=person%3Arustem-umerov/);
    const n = await cards().count();
    expect(n).toBeGreaterThan(0);
    for (const who of await cards().locator(".event-card__who").allInnerTexts()) expect(who).toContain("Rustem Umerov");
  });

  it("the text filter narrows the list, and one that matches nothing says so", async () => {
    await page.goto("/?q=Medinsky");
    expect(await cards().count()).toBeGreaterThan(0);
    await page.goto("/?q=zzzxxyqq");
    expect(await cards().count()).toBe(0);
    await expect(page.locator(".empty").innerText()).resolves.toContain("No event matches these filters");
  });

  it("a date range drops events whose year is unknown rather than guessing", async () => {
    await page.goto("/?from=2025-05-01&to=2025-05-31");
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("year not stated");
  });

  it("a bad value in the URL is reported and ignored, not a crash", async () => {
    const res = await page.goto("/?type=banquet&from=2025-02-30");
    expect(res?.status()).toBe(200);
    const alert = await page.locator(".notice--error").innerText();
    expect(alert).toContain("Ignored type");
    expect(alert).toContain("Ignored from");
    expect(await cards().count()).toBeGreaterThan(0);
  });
});
