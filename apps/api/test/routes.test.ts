import {
  ActorDetailSchema,
  ArticleSchema,
  ExtractionSchema,
  TimelineEntrySchema,
  type Article,
} from "@parley/core/model";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { ActorPageSchema, ArticlePageSchema, BatchResultSchema, TimelinePageSchema } from "../src/schemas.js";
import { articleCount, ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, expectProblem, SEED_META, SEED_TEXT, SENTENCES, TOKEN } from "./support/fixtures.js";

describe.each(ENGINES)("routes on %s", (engine) => {
  let store: TestStore;
  let app: FastifyInstance;
  let seed: Article;

  beforeAll(async () => {
    store = await freshStore(engine);
    app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false });
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  describe("health", () => {
    it("GET /healthz answers ok", async () => {
      const res = await app.inject({ method: "GET", url: "/healthz" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ok" });
    });

    it("GET /readyz names the engine that answers", async () => {
      const res = await app.inject({ method: "GET", url: "/readyz" });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: "ready", engine: store.corpus.engine });
    });
  });

  describe("POST /v1/extract", () => {
    it.each([
      ["de", SEED_TEXT],
      ["de", SENTENCES.de],
      ["en", SENTENCES.en],
    ] as const)("answers the extraction contract for a %s text and stores nothing", async (language, text) => {
      const before = await articleCount(store.corpus);
      const res = await app.inject({ method: "POST", url: "/v1/extract", payload: { text, language, publishedAt: "2025-05-17" } });
      expect(res.statusCode, res.body).toBe(200);
      const extraction = ExtractionSchema.parse(res.json());
      expect(extraction.document.language).toBe(language);
      expect(extraction.document.publishedAt).toBe("2025-05-17");
      for (const event of extraction.events) {
        for (const span of event.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
      }
      expect(await articleCount(store.corpus)).toBe(before);
    });

    it("POST /v1/extract reads a publication date and time (as feeds give it) as its date", async () => {
      const timed = await app.inject({ method: "POST", url: "/v1/extract", payload: { text: SENTENCES.de, language: "de", publishedAt: "2025-05-17T23:30:00-04:00" } });
      expect(timed.statusCode, timed.body).toBe(200);
      const dated = await app.inject({ method: "POST", url: "/v1/extract", payload: { text: SENTENCES.de, language: "de", publishedAt: "2025-05-17" } });
      expect(timed.json()).toEqual(dated.json());
    });

    it("needs no token", async () => {
      const res = await app.inject({ method: "POST", url: "/v1/extract", payload: { text: SENTENCES.en } });
      expect(res.statusCode).toBe(200);
    });
  });

  describe("articles", () => {
    it("POST /v1/articles stores the seed: 201 with the article, its extraction and a Location", async () => {
      const res = await app.inject({
        method: "POST",
        url: "/v1/articles",
        headers: AUTH,
        payload: { text: SEED_TEXT, title: SEED_META.title, language: SEED_META.language, source: null, publishedAt: null },
      });
      expect(res.statusCode, res.body).toBe(201);
      seed = ArticleSchema.parse(res.json());
      expect(seed.text).toBe(SEED_TEXT);
      expect(seed.title).toBe(SEED_META.title);
      expect(seed.language).toBe("de");
      expect(seed.eventCount).toBe(seed.extraction.events.length);
      expect(res.headers.location).toBe(`/v1/articles/${encodeURIComponent(seed.id)}`);
    });

    it("POST /v1/articles again with the same text: 200 with the stored one, nothing new", async () => {
      const before = await articleCount(store.corpus);
      const res = await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: { text: SEED_TEXT } });
      expect(res.statusCode, res.body).toBe(200);
      expect(ArticleSchema.parse(res.json()).id).toBe(seed.id);
      expect(await articleCount(store.corpus)).toBe(before);
    });

    it("GET /v1/articles/:id answers the article with its text and extraction", async () => {
      const res = await app.inject({ method: "GET", url: `/v1/articles/${encodeURIComponent(seed.id)}` });
      expect(res.statusCode).toBe(200);
      const article = ArticleSchema.parse(res.json());
      expect(article.id).toBe(seed.id);
      expect(article.text).toBe(SEED_TEXT);
      expect(article.extraction).toEqual(seed.extraction);
    });

    it("GET /v1/articles/:id of an unknown id is a 404 problem", async () => {
      const problem = expectProblem(await app.inject({ method: "GET", url: "/v1/articles/no-such-article" }), 404);
      expect(problem.detail).toContain("no-such-article");
      expect(problem.instance).toBe("/v1/articles/no-such-article");
    });

    it("POST /v1/articles:batch stores many, answering each in order (the colon route)", async () => {
      const articles = [
        { text: SENTENCES.de, language: "de", title: "Treffen in Istanbul", publishedAt: "2025-05-16T18:20:00+03:00" },
        { text: SENTENCES.en, language: "en", title: "Talks in Istanbul", source: "Example Wire", url: "https://example.org/a" },
        { text: SEED_TEXT },
      ];
      const res = await app.inject({ method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles } });
      expect(res.statusCode, res.body).toBe(201);
      const result = BatchResultSchema.parse(res.json());
      expect(result.items.map((i) => i.created)).toEqual([true, true, false]);
      expect(result.items[2]?.id).toBe(seed.id);
      expect(result.items[1]?.language).toBe("en");
      expect(result.items[0]?.publishedAt).toBe("2025-05-16");
      expect([result.stored, result.existing]).toEqual([2, 1]);
      expect(res.body).not.toContain(SENTENCES.de); // summaries, not texts

      const again = await app.inject({ method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles } });
      expect(again.statusCode).toBe(200);
      expect(BatchResultSchema.parse(again.json()).existing).toBe(3);
    });

    it("POST /v1/articles:purge, another colon verb, is a 404", async () => {
      expectProblem(await app.inject({ method: "POST", url: "/v1/articles:purge", headers: AUTH, payload: {} }), 404);
    });

    it("GET /v1/articles pages with a cursor through every article once", async () => {
      const total = await articleCount(store.corpus);
      expect(total).toBe(3);
      const seen: string[] = [];
      let url = "/v1/articles?limit=1";
      for (let i = 0; i < 10; i++) {
        const res = await app.inject({ method: "GET", url });
        expect(res.statusCode, res.body).toBe(200);
        const page = ArticlePageSchema.parse(res.json());
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((a) => a.id));
        if (page.nextCursor === null) break;
        url = `/v1/articles?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen).toContain(seed.id);
    });

    it("GET /v1/articles?q= finds articles by their text", async () => {
      const res = await app.inject({ method: "GET", url: `/v1/articles?q=${encodeURIComponent("Istanbul")}&limit=200` });
      expect(res.statusCode, res.body).toBe(200);
      const page = ArticlePageSchema.parse(res.json());
      expect(page.items.map((a) => a.id)).toContain(seed.id);
    });
    it("GET /v1/articles?q=&sort=relevance ranks by the query, and needs one", async () => {
      const res = await app.inject({ method: "GET", url: `/v1/articles?q=${encodeURIComponent("Istanbul Delegationen")}&sort=relevance` });
      expect(res.statusCode, res.body).toBe(200);
      expect(ArticlePageSchema.parse(res.json()).items.length).toBeGreaterThan(0);
      const problem = expectProblem(await app.inject({ method: "GET", url: "/v1/articles?sort=relevance" }), 400);
      expect(problem.errors.map((e) => e.path)).toContain("querystring.sort");
    });
  });

  describe("timeline and actors", () => {
    it("GET /v1/events answers a page of timeline entries", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/events" });
      expect(res.statusCode, res.body).toBe(200);
      const page = TimelinePageSchema.parse(res.json());
      expect(page.items.length).toBeLessThanOrEqual(50);
    });

    it.each([
      "type=meeting",
      "issue=prisoner_exchange",
      "from=2025-01-01&to=2025-12-31",
      "actor=person%3Avladimir-medinsky",
      "q=Istanbul",
      "limit=200",
      "limit=1&type=negotiation&from=2025-05-01",
    ])("GET /v1/events?%s is a valid page", async (query) => {
      const res = await app.inject({ method: "GET", url: `/v1/events?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      const page = TimelinePageSchema.parse(res.json());
      for (const entry of page.items) {
        if (query.startsWith("type=")) expect(entry.type).toBe("meeting");
        if (query.startsWith("from=") && entry.day !== null) expect(entry.day >= "2025-01-01" && entry.day <= "2025-12-31").toBe(true);
      }
    });

    it("GET /v1/events/:id answers each listed event with its reports, and 404 for unknown ids", async () => {
      const page = TimelinePageSchema.parse((await app.inject({ method: "GET", url: "/v1/events?limit=5" })).json());
      for (const entry of page.items) {
        const res = await app.inject({ method: "GET", url: `/v1/events/${encodeURIComponent(entry.id)}` });
        expect(res.statusCode, res.body).toBe(200);
        const event = TimelineEntrySchema.parse(res.json());
        expect(event.id).toBe(entry.id);
        expect(event.reports.length).toBeGreaterThan(0);
      }
      expectProblem(await app.inject({ method: "GET", url: "/v1/events/no-such-event" }), 404);
    });

    it("GET /v1/actors answers a page of actors, and /v1/actors/:id each of them", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/actors?limit=5" });
      expect(res.statusCode, res.body).toBe(200);
      const page = ActorPageSchema.parse(res.json());
      for (const actor of page.items) {
        // Actor ids hold a colon ("person:…"): it must survive the path.
        const one = await app.inject({ method: "GET", url: `/v1/actors/${encodeURIComponent(actor.id)}` });
        expect(one.statusCode, one.body).toBe(200);
        expect(ActorDetailSchema.parse(one.json()).id).toBe(actor.id);
      }
      const q = await app.inject({ method: "GET", url: "/v1/actors?q=Medinsk" });
      expect(q.statusCode, q.body).toBe(200);
      ActorPageSchema.parse(q.json());
    });

    it("GET /v1/actors/:id of an unknown actor is a 404 problem, colon and all", async () => {
      expectProblem(await app.inject({ method: "GET", url: "/v1/actors/person:nobody-at-all" }), 404);
    });
  });

  describe("GET /v1/export", () => {
    it.each([
      ["json", /^application\/json/],
      ["ndjson", /^application\/x-ndjson/],
      ["csv", /^text\/csv/],
      ["plover", /^application\/x-ndjson/],
    ] as const)("format=%s streams with the right content type", async (format, type) => {
      const res = await app.inject({ method: "GET", url: `/v1/export?format=${format}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["content-type"]).toMatch(type);
      expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="parley-timeline\./);
      if (format === "json") expect(() => JSON.parse(res.body)).not.toThrow();
      if (format === "ndjson" || format === "plover") {
        for (const line of res.body.split("\n").filter((l) => l.trim() !== "")) expect(() => JSON.parse(line)).not.toThrow();
      }
      if (format === "csv") expect(res.body.split("\n")[0]?.length).toBeGreaterThan(0);
    });

    it("defaults to json", async () => {
      const res = await app.inject({ method: "GET", url: "/v1/export" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
    });
  });

  describe("DELETE /v1/articles/:id", () => {
    it("deletes: 204, then the article is gone and a second delete is 404", async () => {
      const before = await articleCount(store.corpus);
      const res = await app.inject({ method: "DELETE", url: `/v1/articles/${encodeURIComponent(seed.id)}`, headers: AUTH });
      expect(res.statusCode, res.body).toBe(204);
      expect(res.body).toBe("");
      expect(await articleCount(store.corpus)).toBe(before - 1);
      expectProblem(await app.inject({ method: "GET", url: `/v1/articles/${encodeURIComponent(seed.id)}` }), 404);
      expectProblem(await app.inject({ method: "DELETE", url: `/v1/articles/${encodeURIComponent(seed.id)}`, headers: AUTH }), 404);
    });

    it("accepts a DELETE that names application/json but sends no body", async () => {
      const created = await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: { text: `${SENTENCES.en} (to delete)` } });
      expect(created.statusCode).toBe(201);
      const id = ArticleSchema.parse(created.json()).id;
      const res = await app.inject({ method: "DELETE", url: `/v1/articles/${id}`, headers: { ...AUTH, "content-type": "application/json" } });
      expect(res.statusCode, res.body).toBe(204);
    });

    it("leaves no report of the deleted article in the timeline", async () => {
      const page = TimelinePageSchema.parse((await app.inject({ method: "GET", url: "/v1/events?limit=200" })).json());
      for (const entry of page.items) for (const report of entry.reports) expect(report.articleId).not.toBe(seed.id);
    });
  });

  describe("documentation and plumbing", () => {
    it("GET /openapi.json documents every route from the zod schemas", async () => {
      const res = await app.inject({ method: "GET", url: "/openapi.json" });
      expect(res.statusCode, res.body).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths).sort()).toEqual(
        [
          "/healthz",
          "/readyz",
          "/v1/extract",
          "/v1/articles",
          "/v1/articles:batch",
          "/v1/articles/{id}",
          "/v1/events",
          "/v1/events/{id}",
          "/v1/actors",
          "/v1/actors/{id}",
          "/v1/export",
        ].sort(),
      );
      // The same schemas: the page limit's bounds, the language enum, the problem body.
      const limit = doc.paths["/v1/events"].get.parameters.find((p: { name: string }) => p.name === "limit");
      expect(limit.schema).toMatchObject({ minimum: 1, maximum: 200 });
      expect(JSON.stringify(doc.paths["/v1/extract"].post.requestBody)).toContain('"de","en"');
      expect(doc.components.schemas).toHaveProperty("Problem");
      expect(doc.components.schemas).toHaveProperty("Article");
      expect(doc.paths["/v1/articles"].post.responses["400"].content).toHaveProperty(["application/problem+json"]);
      expect(doc.paths["/v1/articles"].post.security).toEqual([{ bearer: [] }]);
      expect(doc.paths["/v1/articles:batch"].post.operationId).toBe("ingestArticles");
    });

    it("GET /docs serves Swagger UI", async () => {
      const res = await app.inject({ method: "GET", url: "/docs/" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain("swagger-ui");
      // Its scripts come from 'self', as the Content-Security-Policy demands.
      const script = await app.inject({ method: "GET", url: "/docs/static/swagger-initializer.js" });
      expect(script.statusCode).toBe(200);
      expect(script.headers["content-type"]).toMatch(/javascript/);
      const spec = await app.inject({ method: "GET", url: "/docs/json" });
      expect(spec.statusCode).toBe(200);
      expect(Object.keys(spec.json().paths)).toContain("/v1/articles:batch");
    });

    it.each([
      ["PUT", "/v1/articles", "GET, HEAD, POST"],
      ["DELETE", "/v1/events", "GET, HEAD"],
      ["PATCH", "/v1/articles/abc?x=1", "GET, HEAD, DELETE"],
      ["GET", "/v1/extract", "POST"],
      ["GET", "/v1/articles:batch", "POST"],
      ["POST", "/v1/actors/state:RUS", "GET, HEAD"],
      ["DELETE", "/openapi.json", "GET, HEAD"],
      ["TRACE", "/healthz", "GET, HEAD"],
      // No CORS origin here: nothing answers OPTIONS.
      ["OPTIONS", "/v1/events", "GET, HEAD"],
    ])("%s %s is a 405 problem with Allow: %s", async (method, url, allow) => {
      const res = await app.inject({ method: method as "GET", url });
      const problem = expectProblem(res, 405);
      expect(res.headers.allow).toBe(allow);
      expect(problem.type).toBe("urn:parley:problem:method-not-allowed");
      expect(problem.title).toBe("Method Not Allowed");
      expect(problem.instance).toBe(url.split("?")[0]);
      expect(problem.detail).toBe(`${method} is not allowed on ${url.split("?")[0]}; it allows ${allow}.`);
      expect(problem.errors).toEqual([{ path: "method", message: `${method} is not one of ${allow}` }]);
      expect(res.headers["x-request-id"]).toBe(problem.requestId);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    });

    it("answers HEAD where GET is, and a 405 without a body where it is not", async () => {
      const events = await app.inject({ method: "HEAD", url: "/v1/events" });
      expect(events.statusCode).toBe(200);
      expect(events.body).toBe("");
      const extract = await app.inject({ method: "HEAD", url: "/v1/extract" });
      expect(extract.statusCode).toBe(405);
      expect(extract.headers.allow).toBe("POST");
      expect(extract.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(extract.body).toBe("");
    });

    it("documents only the routes' own methods: the 405 answers are hidden", async () => {
      const doc = (await app.inject({ method: "GET", url: "/openapi.json" })).json();
      const methods = Object.fromEntries(Object.entries(doc.paths).map(([path, ops]) => [path, Object.keys(ops as object).sort()]));
      expect(methods).toEqual({
        "/healthz": ["get"],
        "/readyz": ["get"],
        "/v1/extract": ["post"],
        "/v1/articles": ["get", "post"],
        "/v1/articles:batch": ["post"],
        "/v1/articles/{id}": ["delete", "get"],
        "/v1/events": ["get"],
        "/v1/events/{id}": ["get"],
        "/v1/actors": ["get"],
        "/v1/actors/{id}": ["get"],
        "/v1/export": ["get"],
      });
      expect(JSON.stringify(doc)).not.toContain("405");
    });

    it("an unknown route is a 404 problem naming it", async () => {
      const problem = expectProblem(await app.inject({ method: "GET", url: "/v2/events?x=1" }), 404);
      expect(problem.detail).toContain("GET /v2/events");
      expect(problem.instance).toBe("/v2/events");
    });

    it("echoes a plain x-request-id, and makes one for a missing or odd one", async () => {
      const given = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "req-42.a:b" } });
      expect(given.headers["x-request-id"]).toBe("req-42.a:b");
      const none = await app.inject({ method: "GET", url: "/healthz" });
      expect(none.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      const odd = await app.inject({ method: "GET", url: "/healthz", headers: { "x-request-id": "<script>" } });
      expect(odd.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      const problem = expectProblem(await app.inject({ method: "GET", url: "/nope", headers: { "x-request-id": "trace-7" } }), 404);
      expect(problem.requestId).toBe("trace-7");
    });

    it.each([
      ["a read", "GET", "/v1/events"],
      ["a problem", "GET", "/v1/events?limit=0"],
      ["an unknown path", "GET", "/nope"],
      ["the OpenAPI document", "GET", "/openapi.json"],
      ["an export", "GET", "/v1/export?format=csv"],
    ])("sends an API's security headers on %s", async (_name, method, url) => {
      const res = await app.inject({ method: method as "GET", url });
      expect(res.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["strict-transport-security"]).toMatch(/^max-age=\d+/);
      // A page's headers stay on the pages.
      expect(res.headers["cross-origin-opener-policy"]).toBeUndefined();
      expect(res.headers["x-dns-prefetch-control"]).toBeUndefined();
      expect(res.headers["x-powered-by"]).toBeUndefined();
    });

    it("sends a page's security headers (helmet's) on Swagger UI, whose scripts and styles come from 'self'", async () => {
      for (const url of ["/docs/", "/docs/static/swagger-initializer.js"]) {
        const res = await app.inject({ method: "GET", url });
        expect(res.statusCode).toBe(200);
        const csp = String(res.headers["content-security-policy"]);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
        expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
      }
    });
  });
});
