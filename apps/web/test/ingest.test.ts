import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { newPage, openBrowser, screenshot } from "./browser";

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await openBrowser();
  ({ page, errors } = await newPage(browser.context));
});
afterAll(async () => {
  await browser?.close();
});

/** A short English report, written for this test. */
const REPORT = `Russia and Ukraine agree on new prisoner swap after talks in Istanbul

ISTANBUL (Parley test) - Russian and Ukrainian delegations met in Istanbul on Wednesday for a third round of direct talks that lasted less than an hour. Vladimir Medinsky, who led the Russian delegation, and Rustem Umerov, the head of the Ukrainian team, agreed to exchange 1,200 prisoners of war, Medinsky told reporters after the meeting.
"We agreed on an exchange of at least 1,200 prisoners," Medinsky said.`;

const HOSTILE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`;

describe("ingest", () => {
  it("explains what is wrong with bad input, and keeps what was typed", async () => {
    await page.goto("/ingest");
    await page.fill("#i-title", "Kept title");
    await page.fill("#i-date", "2025-07-24");
    await page.click("button:has-text('Preview extraction')");
    const alert = page.locator("#ingest-errors");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain("Paste a report or choose a .txt file");
    expect(text).toContain("Choose the language");
    await expect(page.locator("#i-text").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.locator("#i-title").inputValue()).resolves.toBe("Kept title");
    await screenshot(page, "ingest-errors");
  });

  it("rejects a file that is not .txt", async () => {
    await page.goto("/ingest");
    await page.locator("form[data-enhanced]").waitFor();
    await page.setInputFiles("#i-file", { name: "report.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    await expect(page.locator("#err-file").innerText()).resolves.toContain("is not a .txt file");
  });

  it("previews the extraction, then saves, and the report's events join the timeline", async () => {
    await page.goto("/ingest");
    await page.locator("form[data-enhanced]").waitFor();
    await page.setInputFiles("#i-file", { name: "istanbul-july.txt", mimeType: "text/plain", buffer: Buffer.from(REPORT, "utf8") });
    // The chosen file fills the text box and, when empty, the title.
    await page.waitForFunction(() => (document.querySelector("#i-text") as HTMLTextAreaElement).value.length > 0);
    await expect(page.locator("#i-text").inputValue()).resolves.toBe(REPORT);
    await expect(page.locator("#i-title").inputValue()).resolves.toBe("istanbul-july");
    await page.fill("#i-title", "Russia and Ukraine agree on new prisoner swap after talks in Istanbul");
    await page.selectOption("#i-language", "en");
    await page.fill("#i-date", "2025-07-24");
    await page.click("button:has-text('Preview extraction')");
    await page.locator("#preview-heading").waitFor();
    await screenshot(page, "ingest-preview");
    await expect(page.getByTestId("preview-text").innerText()).resolves.toContain("Rustem Umerov, the head of the Ukrainian team");
    // Nothing stored yet.
    const before = await (await page.request.get("/articles?q=prisoner%20swap")).text();
    expect(before).not.toContain("agree on new prisoner swap");

    await page.click("button:has-text('Save to corpus')");
    await page.waitForURL(/\/articles\/[0-9a-f]+\?saved=new/);
    await expect(page.locator(".notice--ok").innerText()).resolves.toContain("Saved");
    await expect(page.locator("h1").innerText()).resolves.toBe("Russia and Ukraine agree on new prisoner swap after talks in Istanbul");
    await screenshot(page, "ingest-saved");

    await page.goto("/articles");
    await expect(page.locator("table").innerText()).resolves.toContain("Russia and Ukraine agree on new prisoner swap");

    // The meeting "on Wednesday" is dated against the publication date (Thursday 24 July 2025).
    await page.goto("/?from=2025-07-01&to=2025-07-31");
    await screenshot(page, "timeline-after-ingest");
    // The talks are a meeting or a negotiation round, as the extractor reads "met … for a third round of direct talks".
    const types = (await page.locator("article.event-card .badge").allInnerTexts()).map((t) => t.toLowerCase());
    expect(types.some((t) => t === "meeting" || t === "negotiation")).toBe(true);
    await expect(page.locator("main").innerText()).resolves.toMatch(/2[34] July 2025/);
    expect(errors).toEqual([]);
  });

  it("saving the same text again stores nothing new", async () => {
    await page.goto("/ingest");
    await page.fill("#i-text", REPORT);
    await page.selectOption("#i-language", "en");
    await page.fill("#i-date", "2025-07-24");
    await page.click("button:has-text('Preview extraction')");
    await page.click("button:has-text('Save to corpus')");
    await page.waitForURL(/saved=existing/);
    await expect(page.locator(".notice--ok").innerText()).resolves.toContain("already in the corpus");
  });

  it("renders a hostile text as inert characters, in the preview and in the reader", async () => {
    await page.goto("/ingest");
    const text = `${HOSTILE}\nA report that tries to run code in the reader's browser.`;
    await page.fill("#i-text", text);
    await page.fill("#i-title", `<b onmouseover="window.__pwned=1">Hostile</b>`);
    await page.selectOption("#i-language", "en");
    await page.click("button:has-text('Preview extraction')");
    await page.locator("#preview-heading").waitFor();
    await expect(page.getByTestId("preview-text").innerText()).resolves.toContain(HOSTILE);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();

    await page.click("button:has-text('Save to corpus')");
    await page.waitForURL(/\/articles\/[0-9a-f]+\?saved=/);
    await page.reload();
    const shown = await page.getByTestId("article-text").innerText();
    expect(shown).toContain(HOSTILE);
    await expect(page.locator("h1").innerText()).resolves.toBe(`<b onmouseover="window.__pwned=1">Hostile</b>`);
    await page.locator("h1").hover();
    await expect(page.locator("article script, article img").count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await screenshot(page, "hostile");

    await page.goto("/articles");
    await expect(page.locator("table").innerText()).resolves.toContain(`<b onmouseover="window.__pwned=1">Hostile</b>`);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
  });
});
