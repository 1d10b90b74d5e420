import { ArticleSchema } from "@parley/core/model";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { ArticlePageSchema, TimelinePageSchema } from "../src/schemas.js";
import { articleCount, ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, expectProblem, SENTENCES, TOKEN } from "./support/fixtures.js";

const json = { "content-type": "application/json" };
const authJson = { ...AUTH, ...json };

/** `{"text":"…"}` with two bytes that are not UTF-8 inside the string. */
const INVALID_UTF8 = Buffer.concat([Buffer.from('{"text":"Verhandlungen in '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' Istanbul"}')]);

interface BadRequest {
  name: string;
  request: InjectOptions;
  status: number;
  /** A field path that `errors` must name. */
  path?: string;
}

const article = (fields: Record<string, unknown>): InjectOptions => ({
  method: "POST",
  url: "/v1/articles",
  headers: AUTH,
  payload: fields,
});
const raw = (payload: string | Buffer, headers: Record<string, string> = authJson, url = "/v1/articles"): InjectOptions => ({
  method: "POST",
  url,
  headers,
  payload,
});

const BAD_REQUESTS: BadRequest[] = [
  // The body is not JSON, or not the JSON it claims to be.
  { name: "malformed JSON", request: raw('{"text": "Treffen in Istanbul",'), status: 400, path: "body" },
  { name: "JSON with a bare word", request: raw("{text: Istanbul}"), status: 400, path: "body" },
  { name: "an empty JSON body", request: raw(""), status: 400, path: "body" },
  { name: "invalid UTF-8 bytes", request: raw(INVALID_UTF8), status: 400, path: "body" },
  { name: "invalid UTF-8 bytes to /v1/extract", request: raw(INVALID_UTF8, json, "/v1/extract"), status: 400, path: "body" },
  { name: "a __proto__ key", request: raw('{"text":"Istanbul","__proto__":{"admin":true}}'), status: 400, path: "body" },
  { name: "a 2 MB body", request: raw(JSON.stringify({ text: "Verhandlungen ".repeat(150_000) })), status: 413, path: "body" },
  { name: "a 2 MB batch", request: raw(JSON.stringify({ articles: [{ text: "x".repeat(2_000_000) }] }), authJson, "/v1/articles:batch"), status: 413 },
  { name: "text/plain", request: raw("Treffen in Istanbul", { ...AUTH, "content-type": "text/plain" }), status: 415, path: "headers.content-type" },
  { name: "form data", request: raw("text=Istanbul", { ...AUTH, "content-type": "application/x-www-form-urlencoded" }), status: 415 },
  // Wrong types and missing fields.
  { name: "a JSON array", request: raw("[]"), status: 400, path: "body" },
  { name: "a JSON string", request: raw('"Treffen in Istanbul"'), status: 400, path: "body" },
  { name: "JSON null", request: raw("null"), status: 400, path: "body" },
  { name: "missing text", request: article({ title: "Istanbul" }), status: 400, path: "body.text" },
  { name: "empty text", request: article({ text: "" }), status: 400, path: "body.text" },
  { name: "text a number", request: article({ text: 42 }), status: 400, path: "body.text" },
  { name: "text an object", request: article({ text: { de: SENTENCES.de } }), status: 400, path: "body.text" },
  { name: "title a number", request: article({ text: SENTENCES.de, title: 7 }), status: 400, path: "body.title" },
  { name: "url an array", request: article({ text: SENTENCES.de, url: ["https://example.org"] }), status: 400, path: "body.url" },
  { name: "an unknown language", request: article({ text: SENTENCES.de, language: "fr" }), status: 400, path: "body.language" },
  { name: "language in capitals", request: article({ text: SENTENCES.de, language: "DE" }), status: 400, path: "body.language" },
  { name: "publishedAt not a date", request: article({ text: SENTENCES.de, publishedAt: "yesterday" }), status: 400, path: "body.publishedAt" },
  { name: "publishedAt not in the calendar", request: article({ text: SENTENCES.de, publishedAt: "2025-02-30" }), status: 400, path: "body.publishedAt" },
  { name: "publishedAt a timestamp", request: article({ text: SENTENCES.de, publishedAt: 1747353600 }), status: 400, path: "body.publishedAt" },
  { name: "publishedAt a date and time past midnight", request: article({ text: SENTENCES.de, publishedAt: "2025-06-03T24:30:00Z" }), status: 400, path: "body.publishedAt" },
  { name: "publishedAt a date and time with junk after it", request: article({ text: SENTENCES.de, publishedAt: "2025-06-03T10:00:00Z' OR '1'='1" }), status: 400, path: "body.publishedAt" },
  { name: "text over 1,000,000 characters", request: article({ text: "a".repeat(1_000_001) }), status: 400, path: "body.text" },
  { name: "extract: missing text", request: { method: "POST", url: "/v1/extract", payload: { language: "de" } }, status: 400, path: "body.text" },
  { name: "extract: an unknown language", request: { method: "POST", url: "/v1/extract", payload: { text: SENTENCES.en, language: "xx" } }, status: 400, path: "body.language" },
  // Strings that are not text: PostgreSQL cannot store U+0000, nothing can encode a lone surrogate.
  { name: "U+0000 in the text", request: raw('{"text":"Treffen\\u0000in Istanbul"}'), status: 400, path: "body.text" },
  { name: "U+0000 in the title", request: article({ text: SENTENCES.de, title: "Istanbul\u0000" }), status: 400, path: "body.title" },
  { name: "a lone surrogate in the source", request: raw(`{"text":"x","source":"TASS \\ud800"}`), status: 400, path: "body.source" },
  { name: "a lone low surrogate in the title", request: raw(`{"text":"x","title":"\\udc00 Istanbul"}`), status: 400, path: "body.title" },
  { name: "a surrogate pair the wrong way round", request: raw(`{"text":"Kiew \\ude00\\ud83d und Moskau"}`), status: 400, path: "body.text" },
  { name: "extract: a high surrogate ending the text", request: raw(`{"text":"Kiew \\ud83d"}`, json, "/v1/extract"), status: 400, path: "body.text" },
  {
    name: "batch: U+0000 in the third article's url",
    request: raw(JSON.stringify({ articles: [{ text: "a" }, { text: "b" }, { text: "c", url: "https://example.org/\u0000" }] }), authJson, "/v1/articles:batch"),
    status: 400,
    path: "body.articles.2.url",
  },
  { name: "text nested 400,000 arrays deep", request: raw(`{"text":${"[".repeat(400_000)}${"]".repeat(400_000)}}`), status: 400, path: "body.text" },
  { name: "U+0000 deep in an unknown field", request: raw(`{"text":"x","extra":${"[".repeat(1000)}"\\u0000"${"]".repeat(1000)}}`), status: 400 },
  // Batches: checked whole before anything is stored.
  { name: "batch: no articles", request: { method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles: [] } }, status: 400, path: "body.articles" },
  { name: "batch: articles not a list", request: { method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles: { text: "x" } } }, status: 400, path: "body.articles" },
  { name: "batch: a bare list", request: { method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: [{ text: SENTENCES.de }] }, status: 400, path: "body" },
  {
    name: "batch: one bad article among good ones",
    request: {
      method: "POST",
      url: "/v1/articles:batch",
      headers: AUTH,
      payload: { articles: [{ text: SENTENCES.de }, { text: SENTENCES.en, language: "fr" }, { text: "Drittes" }] },
    },
    status: 400,
    path: "body.articles.1.language",
  },
  {
    name: "batch: 101 articles",
    request: { method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles: Array.from({ length: 101 }, (_, i) => ({ text: `Artikel ${i}` })) } },
    status: 400,
    path: "body.articles",
  },
  // Page sizes and filters.
  ...["/v1/articles", "/v1/events", "/v1/actors"].flatMap((url): BadRequest[] => [
    { name: `${url}?limit=0`, request: { method: "GET", url: `${url}?limit=0` }, status: 400, path: "querystring.limit" },
    { name: `${url}?limit=10^9`, request: { method: "GET", url: `${url}?limit=1000000000` }, status: 400, path: "querystring.limit" },
    { name: `${url}?limit=-1`, request: { method: "GET", url: `${url}?limit=-1` }, status: 400, path: "querystring.limit" },
    { name: `${url}?limit=1.5`, request: { method: "GET", url: `${url}?limit=1.5` }, status: 400, path: "querystring.limit" },
    { name: `${url}?limit=ten`, request: { method: "GET", url: `${url}?limit=ten` }, status: 400, path: "querystring.limit" },
    { name: `${url}?cursor= 600 characters`, request: { method: "GET", url: `${url}?cursor=${"c".repeat(600)}` }, status: 400, path: "querystring.cursor" },
    { name: `${url}?q= 600 characters`, request: { method: "GET", url: `${url}?q=${"q".repeat(600)}` }, status: 400, path: "querystring.q" },
  ]),
  { name: "a bad percent-encoding in the path", request: { method: "GET", url: "/v1/articles/%ZZ" }, status: 400, path: "url" },
  { name: "an id of 400 characters", request: { method: "GET", url: `/v1/articles/${"a".repeat(400)}` }, status: 400, path: "params.id" },
  { name: "U+0000 in an article id", request: { method: "GET", url: "/v1/articles/%00" }, status: 400, path: "params.id" },
  { name: "U+0000 in an event id", request: { method: "GET", url: "/v1/events/ab%00cd" }, status: 400, path: "params.id" },
  { name: "U+0000 in an actor id", request: { method: "GET", url: "/v1/actors/person:%00" }, status: 400, path: "params.id" },
  { name: "U+0000 in a delete", request: { method: "DELETE", url: "/v1/articles/%00", headers: AUTH }, status: 400, path: "params.id" },
  ...["/v1/articles?q=", "/v1/events?q=", "/v1/events?actor=", "/v1/actors?q=", "/v1/events?cursor="].map(
    (url): BadRequest => ({ name: `U+0000 in ${url}`, request: { method: "GET", url: `${url}x%00y` }, status: 400 }),
  ),
  { name: "limit given twice", request: { method: "GET", url: "/v1/events?limit=5&limit=6" }, status: 400, path: "querystring.limit" },
  { name: "events: an unknown type", request: { method: "GET", url: "/v1/events?type=war" }, status: 400, path: "querystring.type" },
  { name: "events: an unknown issue", request: { method: "GET", url: "/v1/events?issue=weather" }, status: 400, path: "querystring.issue" },
  { name: "events: from not a date", request: { method: "GET", url: "/v1/events?from=2025-13-01" }, status: 400, path: "querystring.from" },
  { name: "events: to not a date", request: { method: "GET", url: "/v1/events?to=May" }, status: 400, path: "querystring.to" },
  { name: "export: an unknown format", request: { method: "GET", url: "/v1/export?format=xml" }, status: 400, path: "querystring.format" },
  // A method the path does not take: 405, before the token and the body are looked at.
  { name: "PUT /v1/articles", request: { method: "PUT", url: "/v1/articles", headers: AUTH, payload: { text: SENTENCES.de } }, status: 405, path: "method" },
  { name: "PUT /v1/articles without a token, as text/plain", request: { ...raw("Istanbul", { "content-type": "text/plain" }), method: "PUT" }, status: 405, path: "method" },
  { name: "PATCH an article", request: { method: "PATCH", url: "/v1/articles/abc", headers: AUTH, payload: { title: "x" } }, status: 405, path: "method" },
  { name: "DELETE /v1/articles (the whole list)", request: { method: "DELETE", url: "/v1/articles", headers: AUTH }, status: 405, path: "method" },
  { name: "DELETE /v1/events", request: { method: "DELETE", url: "/v1/events", headers: AUTH }, status: 405, path: "method" },
  { name: "POST /v1/events/:id", request: { method: "POST", url: "/v1/events/abc", headers: AUTH, payload: {} }, status: 405, path: "method" },
  { name: "GET /v1/extract", request: { method: "GET", url: "/v1/extract?text=Istanbul" }, status: 405, path: "method" },
  { name: "GET /v1/articles:batch", request: { method: "GET", url: "/v1/articles:batch" }, status: 405, path: "method" },
  { name: "PUT /v1/articles:batch", request: { method: "PUT", url: "/v1/articles:batch", headers: AUTH, payload: { articles: [{ text: SENTENCES.de }] } }, status: 405, path: "method" },
  // Tokens.
  { name: "a missing token", request: { method: "POST", url: "/v1/articles", payload: { text: SENTENCES.de } }, status: 401, path: "headers.authorization" },
  { name: "a wrong token", request: { method: "POST", url: "/v1/articles", headers: { authorization: "Bearer wrong-token" }, payload: { text: SENTENCES.de } }, status: 401, path: "headers.authorization" },
  { name: "the token with a suffix", request: { method: "POST", url: "/v1/articles", headers: { authorization: `Bearer ${TOKEN}x` }, payload: { text: SENTENCES.de } }, status: 401 },
  { name: "a token without Bearer", request: { method: "POST", url: "/v1/articles", headers: { authorization: TOKEN }, payload: { text: SENTENCES.de } }, status: 401 },
  { name: "Basic auth", request: { method: "POST", url: "/v1/articles", headers: { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}` }, payload: { text: SENTENCES.de } }, status: 401 },
  { name: "batch: a missing token", request: { method: "POST", url: "/v1/articles:batch", payload: { articles: [{ text: SENTENCES.de }] } }, status: 401 },
  { name: "batch: a wrong token", request: { method: "POST", url: "/v1/articles:batch", headers: { authorization: "Bearer nope" }, payload: { articles: [{ text: SENTENCES.de }] } }, status: 401 },
  { name: "a missing token with a bad body (auth comes first)", request: { method: "POST", url: "/v1/articles", headers: json, payload: "{oops" }, status: 401 },
];

/** Strings that break naive SQL or HTML; they must go in and come out as text. */
const INJECTIONS = [
  "'; DROP TABLE articles; --",
  "Robert'); DROP TABLE events;--",
  '" OR "1"="1',
  "1' OR '1'='1' /*",
  "%' UNION SELECT * FROM pg_catalog.pg_tables; --",
  "$1; SELECT pg_sleep(5); -- \\",
  "<script>alert('xss')</script>",
  '<img src=x onerror="alert(1)">',
  "javascript:alert(document.cookie)",
  "{{7*7}} ${7*7} #{7*7}",
  "Treffen\u202ein Istanbul\u200b — «Verhandlungen» 🇺🇦🇷🇺",
] as const;

const FIELDS = ["text", "title", "source", "url"] as const;

describe.each(ENGINES)("bad requests on %s", (engine) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await freshStore(engine);
    app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false });
    // Something to protect: an article already stored.
    const res = await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: { text: SENTENCES.en, language: "en" } });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    await store?.dispose();
  });

  it.each(BAD_REQUESTS)("$name → $status, a problem, nothing stored", async ({ request, status, path }) => {
    const before = await articleCount(store.corpus);
    const problem = expectProblem(await app.inject(request), status);
    if (path !== undefined) expect(problem.errors.map((e) => e.path)).toContain(path);
    for (const error of problem.errors) expect(error.message.length).toBeGreaterThan(0);
    expect(await articleCount(store.corpus)).toBe(before);
  });

  it.each([
    ['{"text":"Treffen\\u0000in Istanbul"}', "contains the character U+0000, which is not text"],
    ['{"text":"Treffen in Istanbul \\ud800"}', "contains a lone UTF-16 surrogate, which is not text"],
  ])("says why %s is not text", async (payload, message) => {
    const problem = expectProblem(await app.inject(raw(payload, json, "/v1/extract")), 400);
    expect(problem.errors).toEqual([{ path: "body.text", message }]);
    expect(problem.detail).toBe(`body.text: ${message}`);
  });

  it("a wrong token cannot delete", async () => {
    const page = ArticlePageSchema.parse((await app.inject({ method: "GET", url: "/v1/articles" })).json());
    const id = page.items[0]!.id;
    expectProblem(await app.inject({ method: "DELETE", url: `/v1/articles/${id}`, headers: { authorization: "Bearer wrong" } }), 401);
    expectProblem(await app.inject({ method: "DELETE", url: `/v1/articles/${id}` }), 401);
    expect((await app.inject({ method: "GET", url: `/v1/articles/${id}` })).statusCode).toBe(200);
  });

  describe("injection strings are stored and echoed as plain text", () => {
    it.each(FIELDS.flatMap((field) => INJECTIONS.map((value) => ({ field, value }))))(
      "$field = $value",
      async ({ field, value }) => {
        const before = await articleCount(store.corpus);
        // Every article needs its own text; the injection goes in the field under test.
        const fields: Record<string, string> =
          field === "text" ? { text: value } : { text: `${SENTENCES.de} (${field} ${INJECTIONS.indexOf(value)})`, [field]: value };
        const created = await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: fields });
        expect(created.statusCode, created.body).toBe(201);
        const stored = ArticleSchema.parse(created.json());
        expect(stored[field]).toBe(value);

        const read = await app.inject({ method: "GET", url: `/v1/articles/${encodeURIComponent(stored.id)}` });
        expect(read.statusCode).toBe(200);
        expect(ArticleSchema.parse(read.json())[field]).toBe(value);
        expect(await articleCount(store.corpus)).toBe(before + 1);

        const extracted = await app.inject({ method: "POST", url: "/v1/extract", payload: fields });
        expect(extracted.statusCode, extracted.body).toBe(200);
      },
    );

    it.each(INJECTIONS)("as a query, a filter, a cursor or an id: %s", async (value) => {
      const q = encodeURIComponent(value);
      for (const url of [`/v1/articles?q=${q}`, `/v1/actors?q=${q}`, `/v1/events?q=${q}`, `/v1/events?actor=${q}`]) {
        const res = await app.inject({ method: "GET", url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
      for (const url of [`/v1/articles/${q}`, `/v1/events/${q}`, `/v1/actors/${q}`]) {
        expectProblem(await app.inject({ method: "GET", url }), 404);
      }
      for (const url of [`/v1/articles?cursor=${q}`, `/v1/events?cursor=${q}`, `/v1/actors?cursor=${q}`]) {
        const res = await app.inject({ method: "GET", url });
        // A cursor the server did not make is refused, never an internal error.
        expect([200, 400], `${url}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 400) expectProblem(res, 400);
      }
    });

    it("leaves the store whole: the first article and the timeline still answer", async () => {
      const list = await app.inject({ method: "GET", url: "/v1/articles?limit=200" });
      expect(list.statusCode).toBe(200);
      const page = ArticlePageSchema.parse(list.json());
      expect(page.items.length).toBeGreaterThan(FIELDS.length * INJECTIONS.length);
      const events = await app.inject({ method: "GET", url: "/v1/events" });
      expect(events.statusCode).toBe(200);
      TimelinePageSchema.parse(events.json());
    });
  });
});
