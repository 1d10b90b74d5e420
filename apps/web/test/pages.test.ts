import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { newPage, openBrowser, screenshot } from "./browser";

// The seed (seeds/000_…txt, German, publication date unknown) tells of a
// meeting of Medinsky and Umerov, a short meeting on 16 May, an agreement on a
// prisoner exchange, and a memorandum proposing neutrality, local elections and
// a withdrawal. These are the facts each page must show.

let browser: Awaited<ReturnType<typeof openBrowser>>;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  browser = await openBrowser();
  context = browser.context;
  ({ page, errors } = await newPage(context));
});
afterAll(async () => {
  await browser?.close();
});

/** The timeline card of the first event matching a type and a text. */
const card = (type: string, text?: string | RegExp) => {
  let l = page.locator("article.event-card", { has: page.locator(".badge", { hasText: new RegExp(`^${type}$`, "i") }) });
  if (text) l = l.filter({ hasText: text });
  return l.first();
};

describe("timeline", () => {
  it("lists the seed's events with the actors, the 16 May meeting, the agreement and the proposals", async () => {
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toBe("Timeline");
    await screenshot(page, "timeline");

    const body = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(body).toContain("Vladimir Medinsky");
    expect(body).toContain("Rustem Umerov");
    // The year of 16 May is not in the text and the seed has no publication date: no guessed year.
    expect(body).toContain("Year not stated");
    expect(body).toContain("16 May (year not stated)");
    expect(body).not.toMatch(/16 May 20\d\d/);

    await expect(card("meeting", "16 May").count()).resolves.toBe(1);
    const agreement = card("agreement", /Prisoner exchange/);
    await expect(agreement.count()).resolves.toBe(1);
    const proposal = card("proposal");
    await expect(proposal.count()).resolves.toBe(1);
    const issues = await proposal.locator(".chip").allInnerTexts();
    expect(issues).toEqual(expect.arrayContaining(["Neutrality", "Elections", "Withdrawal"]));
  });

  it("draws the chart with one linked mark per event group, coloured by type", async () => {
    await page.goto("/");
    const marks = page.locator(".chart-svg a.chart-mark");
    expect(await marks.count()).toBeGreaterThan(0);
    const fills = await page.locator(".chart-svg a.chart-mark :is(circle,rect)").evaluateAll((els) => els.map((e) => e.getAttribute("fill")));
    expect(new Set(fills).size).toBeGreaterThan(1);
    const legend = await page.locator(".chart .legend").innerText();
    expect(legend).toMatch(/Meeting/);
  });
});

describe("event page", () => {
  it("shows the 16 May meeting with its report and the sentence highlighted", async () => {
    await page.goto("/");
    await card("meeting", "16 May").locator("h3 a, h4 a").first().click();
    await page.waitForURL(/\/events\//);
    await screenshot(page, "event");
    const facts = await page.locator("dl.facts").first().innerText();
    expect(facts).toMatch(/meeting/);
    expect(facts).toContain("16 May (year not stated)");
    expect(facts).toContain("XXXX-05-16");
    expect(facts).toMatch(/hour/);
    const marked = await page.locator(".report .evidence-mark").allInnerTexts();
    expect(marked.join(" ")).toContain("kurzes Treffen");
    await expect(page.locator(".report__title a").first().textContent()).resolves.toContain("Vor Beginn der internationalen Verhandlungen");
  });

  it("names who reports the Medinsky–Umerov meeting: TASS, citing Medinsky", async () => {
    await page.goto(`/?actor=${encodeURIComponent("person:rustem-umerov")}&type=meeting`);
    await page.locator("article.event-card h3 a").first().click();
    await page.waitForURL(/\/events\//);
    const participants = await page.locator("dl.facts").first().innerText();
    expect(participants).toContain("Vladimir Medinsky");
    expect(participants).toContain("Rustem Umerov");
    // Who reports it, and through whom the participants speak: TASS, citing Medinsky.
    const reports = await page.locator(".reports").innerText();
    expect(reports).toMatch(/Source: \S/);
    expect(reports).toContain("TASS, citing Vladimir Medinsky");
  });

  it("answers 404 for an unknown event", async () => {
    const res = await page.goto("/events/no-such-event");
    expect(res?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Not found");
  });
});

describe("actors", () => {
  it("lists Medinsky and Umerov with counts and links them on the network", async () => {
    const res = await page.goto("/actors");
    expect(res?.status()).toBe(200);
    await screenshot(page, "actors");
    const rows = page.locator("table tbody tr");
    const medinsky = rows.filter({ hasText: "Vladimir Medinsky" });
    const umerov = rows.filter({ hasText: "Rustem Umerov" });
    await expect(medinsky.count()).resolves.toBe(1);
    await expect(umerov.count()).resolves.toBe(1);
    expect(Number(await medinsky.locator("td.num").first().innerText())).toBeGreaterThan(0);
    // The network: both are nodes, each a link to the actor's page.
    const nodes = page.locator("svg a.node");
    await expect(nodes.filter({ hasText: "Vladimir Medinsky" }).getAttribute("href")).resolves.toBe("/actors/person%3Avladimir-medinsky");
    await expect(nodes.filter({ hasText: "Rustem Umerov" }).count()).resolves.toBe(1);
    expect(await page.locator("svg line.edge").count()).toBeGreaterThan(0);
  });

  it("opens Medinsky from the network: counterparts, events and his quote", async () => {
    await page.goto("/actors");
    await page.locator("svg a.node", { hasText: "Vladimir Medinsky" }).click();
    await page.waitForURL(/\/actors\/person/);
    await screenshot(page, "actor");
    await expect(page.locator("h1").textContent()).resolves.toBe("Vladimir Medinsky");
    await expect(page.locator("ul.counterparts").innerText()).resolves.toContain("Rustem Umerov");
    const quotes = await page.locator("ul.quotes").innerText();
    expect(quotes).toContain("eine wichtige Rolle bei der Vorbereitung");
    expect(quotes).toContain("via TASS");
    await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]').textContent()).resolves.toBe("Actors");
    expect(await page.locator("article.event-card").count()).toBeGreaterThan(0);
  });
});

describe("articles and the reader", () => {
  it("lists the seed article and opens it with its facts highlighted", async () => {
    const res = await page.goto("/articles");
    expect(res?.status()).toBe(200);
    await screenshot(page, "articles");
    await page.locator("table a", { hasText: "Vor Beginn der internationalen Verhandlungen" }).first().click();
    await page.waitForURL(/\/articles\/[0-9a-f]+/);
    await screenshot(page, "article");
    const text = page.getByTestId("article-text");
    await expect(text.innerText()).resolves.toContain("Wladimir Medinskiy");
    const facts = await text.locator(".hl").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-kind")}|${e.getAttribute("data-fact")}`));
    expect(facts.some((f) => f.startsWith("actor|Vladimir Medinsky"))).toBe(true);
    expect(facts.some((f) => f.startsWith("actor|Rustem Umerov"))).toBe(true);
    expect(facts.some((f) => f.startsWith("place|Istanbul"))).toBe(true);
    expect(facts.some((f) => f.startsWith("timex|") && f.includes("XXXX-05-16"))).toBe(true);
    expect(facts.some((f) => f.startsWith("evidence|Meeting"))).toBe(true);
    expect(facts.some((f) => f.startsWith("quote|Quote of Vladimir Medinsky"))).toBe(true);
  });
});

describe("about", () => {
  it("renders without any page error", async () => {
    await page.goto("/about");
    await expect(page.locator("h1").textContent()).resolves.toBe("About Parley");
    expect(errors).toEqual([]);
  });
});
