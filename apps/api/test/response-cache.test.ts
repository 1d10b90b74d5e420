import { ArticleSchema, TimelineEntrySchema } from "@parley/core/model";
import type { Corpus } from "@parley/store";
import type { FastifyInstance } from "fastify";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../src/app.js";
import { cacheKey, codingFor, etagMatches, ResponseCache } from "../src/response-cache.js";
import { ActorPageSchema, ArticlePageSchema, BatchResultSchema, TimelinePageSchema } from "../src/schemas.js";
import { startServer, type ServerHandle } from "../src/start-server.js";
import { ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, TOKEN } from "./support/fixtures.js";
import { FIXTURE_INPUTS, fixtureExtract } from "./support/store-fixtures.js";

const [FIRST, SECOND, THIRD, ...REST] = FIXTURE_INPUTS;

/** The read routes the cache answers, with a filter or two. */
const READS = [
  "/v1/events",
  "/v1/events?limit=3",
  "/v1/events?actor=person:vladimir-medinsky",
  "/v1/events?q=Istanbul",
  "/v1/actors",
  "/v1/actors/person:vladimir-medinsky",
  "/v1/articles",
  "/v1/articles?q=Istanbul&sort=relevance",
];

describe.each(ENGINES)("the response cache on %s", (engine) => {
  let store: TestStore;
  /** Answers from the cache. */
  let app: FastifyInstance;
  /** Keeps nothing: what the store says now. */
  let uncached: FastifyInstance;
  /** Another connection to the same store: another process writing. */
  let elsewhere: Corpus;

  const bodyOf = async (target: FastifyInstance, url: string) => {
    const res = await target.inject({ method: "GET", url });
    return { status: res.statusCode, body: res.body };
  };
  /** Every read answers what the store holds now, byte for byte. */
  const expectFresh = async () => {
    for (const url of READS) expect(await bodyOf(app, url), url).toEqual(await bodyOf(uncached, url));
  };

  beforeAll(async () => {
    store = await freshStore(engine, { extract: fixtureExtract });
    elsewhere = await store.openAnother();
    app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false });
    uncached = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false, responseCacheBytes: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await uncached?.close();
    await store?.dispose();
  });

  it("answers the same bytes as the store, with an entity tag, and the second time from the cache", async () => {
    await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: FIRST });
    await expectFresh();
    const first = await app.inject({ method: "GET", url: "/v1/events" });
    expect(first.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("no-cache");
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    const again = await app.inject({ method: "GET", url: "/v1/events" });
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
  });

  it("is never stale: ingests, batches and deletes through the API", async () => {
    await expectFresh();
    const before = TimelinePageSchema.parse((await app.inject({ method: "GET", url: "/v1/events?limit=200" })).json());

    const created = await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: SECOND });
    expect(created.statusCode).toBe(201);
    const article = ArticleSchema.parse(created.json());
    const after = TimelinePageSchema.parse((await app.inject({ method: "GET", url: "/v1/events?limit=200" })).json());
    expect(after).not.toEqual(before);
    await expectFresh();

    const batch = await app.inject({ method: "POST", url: "/v1/articles:batch", headers: AUTH, payload: { articles: [THIRD] } });
    expect(batch.statusCode).toBe(201);
    await expectFresh();

    expect((await app.inject({ method: "GET", url: `/v1/articles/${article.id}` })).statusCode).toBe(200);
    expect((await app.inject({ method: "DELETE", url: `/v1/articles/${article.id}`, headers: AUTH })).statusCode).toBe(204);
    expect((await app.inject({ method: "GET", url: `/v1/articles/${article.id}` })).statusCode).toBe(404);
    await expectFresh();
  });

  it("is never stale: writes by another connection (another process) are seen by the next request", async () => {
    await expectFresh();
    const results = await elsewhere.ingestMany(REST);
    await expectFresh();
    const gone = results[0]!.article.id;
    const cached = await app.inject({ method: "GET", url: `/v1/articles/${gone}` });
    expect(cached.statusCode).toBe(200);
    expect(await elsewhere.deleteArticle(gone)).toBe(true);
    expect((await app.inject({ method: "GET", url: `/v1/articles/${gone}` })).statusCode).toBe(404);
    await expectFresh();
  });

  it("answers 304 Not Modified to a client that holds the current body, and 200 once a write changed it", async () => {
    const first = await app.inject({ method: "GET", url: "/v1/events?limit=200" });
    const etag = first.headers.etag as string;
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await app.inject({ method: "GET", url: "/v1/events?limit=200", headers: { "if-none-match": inm } });
      expect(res.statusCode, inm).toBe(304);
      expect(res.body).toBe("");
      expect(res.headers.etag).toBe(etag);
    }
    const other = await app.inject({ method: "GET", url: "/v1/events?limit=200", headers: { "if-none-match": '"other"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);

    // The same content has the same tag in another app (another instance).
    expect((await uncached.inject({ method: "GET", url: "/v1/events?limit=200" })).headers.etag).toBe(etag);

    // SECOND was deleted above: stored again, by another process.
    expect((await elsewhere.ingest(SECOND!)).created).toBe(true);
    const changed = await app.inject({ method: "GET", url: "/v1/events?limit=200", headers: { "if-none-match": etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body).not.toBe(first.body);
  });

  it.each([
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["*", "br"],
    ["br;q=0, gzip;q=0", null],
    ["identity", null],
  ] as const)("compresses a kept body once for Accept-Encoding %j (%s), with its own tag, and Vary", async (accept, coding) => {
    const url = "/v1/events?limit=200";
    const plain = await app.inject({ method: "GET", url });
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers.vary).toContain("Accept-Encoding");
    const etag = plain.headers.etag as string;
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: "GET", url, headers: { "accept-encoding": accept } });
      expect(res.statusCode).toBe(200);
      expect(res.headers.vary).toContain("Accept-Encoding");
      expect(res.headers["content-encoding"]).toBe(coding ?? undefined);
      const raw = res.rawPayload;
      const decoded = coding === "br" ? brotliDecompressSync(raw) : coding === "gzip" ? gunzipSync(raw) : raw;
      expect(decoded.toString("utf8")).toBe(plain.body);
      const tag = coding === null ? etag : `${etag.slice(0, -1)}-${coding}"`;
      expect(res.headers.etag).toBe(tag);
      // Revalidation works with the tag of either representation.
      for (const held of [tag, etag]) {
        const again = await app.inject({ method: "GET", url, headers: { "accept-encoding": accept, "if-none-match": held } });
        expect(again.statusCode).toBe(304);
      }
    }
    // A body the cache does not keep is never compressed: that would cost every request.
    const fromUncached = await uncached.inject({ method: "GET", url, headers: { "accept-encoding": accept } });
    expect(fromUncached.headers["content-encoding"]).toBeUndefined();
    expect(fromUncached.body).toBe(plain.body);
  });

  it("answers HEAD with the headers of GET", async () => {
    const get = await app.inject({ method: "GET", url: "/v1/events" });
    const head = await app.inject({ method: "HEAD", url: "/v1/events" });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.body).toBe("");
  });

  it("keys on the validated query: spellings of the same query share a body, other queries do not", async () => {
    const a = await app.inject({ method: "GET", url: "/v1/events?limit=2&actor=state:RUS" });
    const b = await app.inject({ method: "GET", url: "/v1/events?actor=state:RUS&limit=02" });
    const c = await app.inject({ method: "GET", url: "/v1/events?actor=state:RUS&limit=3" });
    expect(b.body).toBe(a.body);
    expect(c.body).not.toBe(a.body);
    expect(TimelinePageSchema.parse(c.json()).items.map((e) => e.id).slice(0, 2)).toEqual(
      TimelinePageSchema.parse(a.json()).items.map((e) => e.id),
    );
  });
});

/** Two API processes' worth of servers on one PostgreSQL database, each with its own cache. */
describe.skipIf(!ENGINES.includes("postgres"))("response caches of two instances on one PostgreSQL", () => {
  let store: TestStore;
  let a: ServerHandle;
  let b: ServerHandle;
  const text = async (url: string) => (await fetch(url)).text();
  const post = (url: string, body: unknown) =>
    fetch(url, { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });

  beforeAll(async () => {
    store = await freshStore("postgres");
    a = await startServer({ port: 0, databaseUrl: store.url, token: TOKEN, rateLimit: false });
    b = await startServer({ port: 0, databaseUrl: store.url, token: TOKEN, rateLimit: false });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await store?.dispose();
  });

  it("a write through one instance is seen by the next read through the other", async () => {
    // Both fill their caches first.
    for (const url of ["/v1/events?limit=200", "/v1/articles", "/v1/actors"]) expect(await text(`${a.url}${url}`)).toBe(await text(`${b.url}${url}`));
    const emptyEvents = await text(`${b.url}/v1/events?limit=200`);

    const created = await post(`${a.url}/v1/articles`, { text: FIXTURE_INPUTS[0]!.text, language: FIXTURE_INPUTS[0]!.language });
    expect(created.status).toBe(201);
    const article = ArticleSchema.parse(await created.json());
    for (const url of ["/v1/events?limit=200", "/v1/articles", "/v1/actors"]) expect(await text(`${b.url}${url}`)).toBe(await text(`${a.url}${url}`));
    expect(await text(`${b.url}/v1/events?limit=200`)).not.toBe(emptyEvents);
    const articles = ArticlePageSchema.parse(JSON.parse(await text(`${b.url}/v1/articles`)));
    expect(articles.items.map((i) => i.id)).toContain(article.id);

    const entry = TimelinePageSchema.parse(JSON.parse(await text(`${a.url}/v1/events?limit=200`))).items[0];
    if (entry !== undefined) expect(TimelineEntrySchema.parse(await (await fetch(`${b.url}/v1/events/${entry.id}`)).json()).id).toBe(entry.id);
    expect((await fetch(`${a.url}/v1/articles/${article.id}`)).status).toBe(200);
    expect((await fetch(`${b.url}/v1/articles/${article.id}`, { method: "DELETE", headers: AUTH })).status).toBe(204);
    expect((await fetch(`${a.url}/v1/articles/${article.id}`)).status).toBe(404);
    if (entry !== undefined) expect((await fetch(`${a.url}/v1/events/${entry.id}`)).status).toBe(404);
    expect(await text(`${a.url}/v1/events?limit=200`)).toBe(emptyEvents);
    expect(ActorPageSchema.parse(JSON.parse(await text(`${a.url}/v1/actors`))).total).toBe(0);
  });

  it("a batch through one instance is seen at once by the other, whose client revalidates with its tag", async () => {
    const before = await fetch(`${b.url}/v1/articles`);
    const etag = before.headers.get("etag")!;
    expect((await fetch(`${b.url}/v1/articles`, { headers: { "if-none-match": etag } })).status).toBe(304);
    const batch = await post(`${a.url}/v1/articles:batch`, { articles: FIXTURE_INPUTS.slice(1, 3) });
    expect(batch.status).toBe(201);
    const ids = BatchResultSchema.parse(await batch.json()).items.map((i) => i.id);
    const after = await fetch(`${b.url}/v1/articles`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(ArticlePageSchema.parse(await after.json()).items.map((i) => i.id)).toEqual(expect.arrayContaining(ids));
  });
});

describe("ResponseCache", () => {
  const Schema = z.object({ n: z.number() });

  it("shares one load among the requests that miss on the same key and revision, and keeps it", async () => {
    let loads = 0;
    const cache = new ResponseCache({ revision: async () => 1, maxBytes: 1 << 20 });
    const load = async () => {
      loads += 1;
      await new Promise((r) => setTimeout(r, 5));
      return { n: 1 };
    };
    const bodies = await Promise.all([cache.read("k", Schema, load), cache.read("k", Schema, load), cache.read("k", Schema, load)]);
    expect(loads).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    await cache.read("k", Schema, load);
    expect(loads).toBe(1);
  });

  it("loads again when the revision changes, and drops what it held", async () => {
    let revision = 1;
    let value = 1;
    const cache = new ResponseCache({ revision: async () => revision, maxBytes: 1 << 20 });
    const load = async () => ({ n: value });
    expect((await cache.read("k", Schema, load))!.bytes.toString()).toBe('{"n":1}');
    value = 2;
    expect((await cache.read("k", Schema, load))!.bytes.toString()).toBe('{"n":1}');
    revision = 2;
    expect((await cache.read("k", Schema, load))!.bytes.toString()).toBe('{"n":2}');
    expect(cache.size.entries).toBe(1);
  });

  it("does not keep a body loaded while a newer revision was seen", async () => {
    let revision = 1;
    const cache = new ResponseCache({ revision: async () => revision, maxBytes: 1 << 20 });
    let release!: () => void;
    const slow = cache.read("k", Schema, () => new Promise((resolve) => (release = () => resolve({ n: 1 }))));
    await new Promise((r) => setTimeout(r, 0));
    revision = 2;
    expect((await cache.read("other", Schema, async () => ({ n: 2 })))!.revision).toBe(2);
    release();
    expect((await slow)!.revision).toBe(1);
    expect((await cache.read("k", Schema, async () => ({ n: 3 })))!.bytes.toString()).toBe('{"n":3}');
  });

  it("keeps at most maxBytes, least recently used out first, and nothing without a revision", async () => {
    // Ten bodies of 13 bytes fill 130 bytes; a body over an eighth of it is never kept.
    const cache = new ResponseCache({ revision: async () => 1, maxBytes: 130 });
    let loads = 0;
    const load = async () => ({ n: 1000000 + ++loads });
    for (const k of "abcdefghij") await cache.read(k, Schema, load);
    expect(cache.size).toEqual({ entries: 10, bytes: 130 });
    await cache.read("a", Schema, load);
    expect(loads).toBe(10);
    await cache.read("k", Schema, load);
    expect(cache.size).toEqual({ entries: 10, bytes: 130 });
    await cache.read("a", Schema, load);
    expect(loads).toBe(11);
    await cache.read("b", Schema, load);
    expect(loads).toBe(12);
    await cache.read("big", Schema, async () => ({ n: 1e20 }));
    expect(cache.size.entries).toBe(10);

    const none = new ResponseCache({ revision: null, maxBytes: 1 << 20 });
    for (let i = 0; i < 2; i++) await none.read("k", Schema, load);
    expect(loads).toBe(14);
    expect(none.size.entries).toBe(0);
  });

  it("refuses a body that breaks its schema, and keeps nothing of it", async () => {
    const cache = new ResponseCache({ revision: async () => 1, maxBytes: 1 << 20 });
    await expect(cache.read("k", Schema, async () => ({ n: "one" }) as never)).rejects.toThrow();
    expect(cache.size.entries).toBe(0);
  });

  it.each([
    ['"abc"', '"abc"', true],
    ['W/"abc"', '"abc"', true],
    ['"x", "abc"', '"abc"', true],
    ["*", '"abc"', true],
    ['"abcd"', '"abc"', false],
    ["abc", '"abc"', false],
    ["", '"abc"', false],
  ])("If-None-Match %j against %s → %s", (header, etag, result) => {
    expect(etagMatches(header, etag)).toBe(result);
  });

  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["GZIP;q=0.9, br;q=0.8", "gzip"],
    ["br;q=0", null],
    ["*;q=0.5", "br"],
    ["deflate", null],
    ["", null],
    [undefined, null],
  ])("Accept-Encoding %j → %s", (header, coding) => {
    expect(codingFor(header)).toBe(coding);
  });

  it("keys on the fields, not their order, and leaves out the absent ones", () => {
    expect(cacheKey("events", { b: 1, a: "x", c: undefined })).toBe(cacheKey("events", { a: "x", b: 1 }));
    expect(cacheKey("events", { a: "x" })).not.toBe(cacheKey("actors", { a: "x" }));
  });
});
