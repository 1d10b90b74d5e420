import { ActorDetailSchema, ArticleSchema, TimelineEntrySchema, type TimelineEntry } from "@parley/core/model";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { ActorPageSchema, BatchResultSchema, TimelinePageSchema } from "../src/schemas.js";
import { ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, expectProblem, TOKEN } from "./support/fixtures.js";
import { FIXTURE_INPUTS, FIXTURES, fixtureExtract } from "./support/store-fixtures.js";

const MEDINSKY = "person:vladimir-medinsky";
const UMEROV = "person:rustem-umerov";

/** The timeline, routes and export on a corpus with content: the store's hand-built fixtures. */
describe.each(ENGINES)("the timeline on %s", (engine) => {
  let store: TestStore;
  let app: FastifyInstance;
  let ids: string[];
  let all: TimelineEntry[];

  const get = async (url: string) => {
    const res = await app.inject({ method: "GET", url });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res;
  };
  const events = async (query: string) => TimelinePageSchema.parse((await get(`/v1/events?limit=200&${query}`)).json()).items;

  beforeAll(async () => {
    store = await freshStore(engine, { extract: fixtureExtract });
    app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false });
    const res = await app.inject({ method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles: FIXTURE_INPUTS } });
    expect(res.statusCode, res.body).toBe(201);
    ids = BatchResultSchema.parse(res.json()).items.map((i) => i.id);
    all = await events("");
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it("merges the reports of nine articles into fewer events", () => {
    const reported = FIXTURES.reduce((n, f) => n + f.extraction.events.length, 0);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThan(reported);
    const reports = all.reduce((n, e) => n + e.reportCount, 0);
    expect(reports).toBe(reported);
  });

  it("every report's evidence is a span of its article's text", async () => {
    const texts = new Map<string, string>();
    for (const entry of all) {
      const one = TimelineEntrySchema.parse((await get(`/v1/events/${encodeURIComponent(entry.id)}`)).json());
      expect(one).toEqual(entry);
      for (const report of one.reports) {
        if (!texts.has(report.articleId)) {
          texts.set(report.articleId, ArticleSchema.parse((await get(`/v1/articles/${report.articleId}`)).json()).text);
        }
        for (const span of report.evidence) expect(texts.get(report.articleId)!.slice(span.start, span.end)).toBe(span.text);
      }
    }
  });

  it.each([
    ["type=prisoner_exchange", (e: TimelineEntry) => e.type === "prisoner_exchange"],
    ["type=phone_call", (e: TimelineEntry) => e.type === "phone_call"],
    [`actor=${encodeURIComponent(MEDINSKY)}`, (e: TimelineEntry) => e.participants.some((p) => p.id === MEDINSKY)],
    ["issue=prisoner_exchange", (e: TimelineEntry) => e.issues.includes("prisoner_exchange")],
    ["from=2025-06-01", (e: TimelineEntry) => e.day === null || e.day >= "2025-06-01"],
    ["to=2025-05-31", (e: TimelineEntry) => e.day === null || e.day <= "2025-05-31"],
  ] as const)("GET /v1/events?%s filters", async (query, holds) => {
    const items = await events(query);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(all.length);
    for (const entry of items) expect(holds(entry), JSON.stringify(entry).slice(0, 300)).toBe(true);
  });

  it("GET /v1/events?q= finds events by their evidence", async () => {
    const items = await events(`q=${encodeURIComponent("Istanbul")}`);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(all.length);
  });

  it("pages the timeline with a cursor: the same events, once each, in order", async () => {
    const paged: string[] = [];
    let url = "/v1/events?limit=2";
    for (let i = 0; i < 100; i++) {
      const page = TimelinePageSchema.parse((await get(url)).json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((e) => e.id));
      if (page.nextCursor === null) break;
      url = `/v1/events?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(paged).toEqual(all.map((e) => e.id));
  });

  it("a cursor the server did not make is a 400 problem naming the cursor", async () => {
    for (const url of ["/v1/events?cursor=not-a-cursor", "/v1/actors?cursor=bm9wZQ", "/v1/articles?cursor=%22%27"]) {
      const problem = expectProblem(await app.inject({ method: "GET", url }), 400);
      expect(problem.errors.map((e) => e.path)).toContain("querystring.cursor");
    }
  });

  it("GET /v1/actors lists the actors, and /v1/actors/:id tells Medinsky's counterparts", async () => {
    const page = ActorPageSchema.parse((await get("/v1/actors?limit=200")).json());
    expect(page.items.map((a) => a.id)).toEqual(expect.arrayContaining([MEDINSKY, UMEROV, "state:RUS", "state:UKR"]));
    const found = ActorPageSchema.parse((await get("/v1/actors?q=Medinsk")).json());
    expect(found.items.map((a) => a.id)).toContain(MEDINSKY);

    const medinsky = ActorDetailSchema.parse((await get(`/v1/actors/${MEDINSKY}`)).json());
    expect(medinsky.name).toBe("Vladimir Medinsky");
    expect(medinsky.events.length).toBeGreaterThan(0);
    expect(medinsky.counterparts.map((c) => c.id)).toContain(UMEROV);
  });

  it("exports every event: json, ndjson, csv and plover agree on the count", async () => {
    const json = JSON.parse((await get("/v1/export?format=json")).body) as { timeline: TimelineEntry[]; extractions: unknown[] };
    expect(json.timeline.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(json.extractions).toHaveLength(FIXTURES.length);

    const records = (await get("/v1/export?format=ndjson")).body
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as { kind: string });
    expect(records.filter((r) => r.kind === "timeline_entry")).toHaveLength(all.length);
    expect(records.filter((r) => r.kind === "extraction")).toHaveLength(FIXTURES.length);

    const csv = (await get("/v1/export?format=csv")).body.split("\r\n").filter((l) => l !== "");
    expect(csv).toHaveLength(all.length + 1); // the header, then a row an event

    // PLOVER has no category for statements and publications: fewer lines.
    const plover = (await get("/v1/export?format=plover")).body.split("\n").filter((l) => l !== "");
    expect(plover.length).toBeGreaterThan(0);
    expect(plover.length).toBeLessThanOrEqual(all.length);
    for (const line of plover) expect(() => JSON.parse(line)).not.toThrow();
  });

  it("deleting an article takes its reports out of the timeline", async () => {
    const victim = ids[6]!; // the Trump–Putin phone call, told by no other article
    expect((await events("type=phone_call")).length).toBe(1);
    const res = await app.inject({ method: "DELETE", url: `/v1/articles/${victim}`, headers: AUTH });
    expect(res.statusCode).toBe(204);
    expect(await events("type=phone_call")).toEqual([]);
    for (const entry of await events("")) for (const report of entry.reports) expect(report.articleId).not.toBe(victim);
  });
});
