import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { ArticleSchema, ExtractionSchema } from "@parley/core/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemSchema } from "../src/problem.js";
import { ArticlePageSchema, TimelinePageSchema } from "../src/schemas.js";
import { startServer, type ServerHandle } from "../src/start-server.js";
import { ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, SEED_TEXT, SENTENCES, TOKEN } from "./support/fixtures.js";

/** Sends raw bytes over a socket, as fetch would not (it re-encodes strings). */
function postBytes(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { ...headers, "content-length": String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** One request with any method Node's parser knows (fetch refuses some, inject others). */
function rawRequest(url: string, method: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Writes bytes to a fresh connection and reads all it answers until the server closes it. */
function rawSocket(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? undefined : reject(error)));
  });
}

describe.each(ENGINES)("over real HTTP on %s", (engine) => {
  let store: TestStore;
  let server: ServerHandle;

  beforeAll(async () => {
    store = await freshStore(engine);
    // startServer opens the store itself from the URL and closes it on close().
    server = await startServer({ host: "127.0.0.1", port: 0, databaseUrl: store.url, token: TOKEN, corsOrigin: "https://parley.example" });
  });
  afterAll(async () => {
    await server?.close();
    await store?.dispose();
  });

  it("listens on an ephemeral loopback port", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("answers health and readiness", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready", engine: store.corpus.engine });
  });

  it("extracts, ingests, reads, lists and deletes", async () => {
    const extracted = await fetch(`${server.url}/v1/extract`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: SEED_TEXT, language: "de" }),
    });
    expect(extracted.status).toBe(200);
    ExtractionSchema.parse(await extracted.json());

    const created = await fetch(`${server.url}/v1/articles`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ text: SEED_TEXT, language: "de" }),
    });
    expect(created.status).toBe(201);
    const article = ArticleSchema.parse(await created.json());
    const location = created.headers.get("location");
    expect(location).toBe(`/v1/articles/${article.id}`);

    const read = await fetch(`${server.url}${location}`);
    expect(read.status).toBe(200);
    expect(ArticleSchema.parse(await read.json()).text).toBe(SEED_TEXT);

    const batch = await fetch(`${server.url}/v1/articles:batch`, {
      method: "POST",
      headers: { ...AUTH, "content-type": "application/json" },
      body: JSON.stringify({ articles: [{ text: SENTENCES.de }, { text: SENTENCES.en, language: "en" }] }),
    });
    expect(batch.status).toBe(201);

    const list = ArticlePageSchema.parse(await (await fetch(`${server.url}/v1/articles?limit=200`)).json());
    expect(list.items.map((a) => a.id)).toContain(article.id);
    TimelinePageSchema.parse(await (await fetch(`${server.url}/v1/events?limit=10`)).json());

    const deleted = await fetch(`${server.url}${location}`, { method: "DELETE", headers: AUTH });
    expect(deleted.status).toBe(204);
    expect((await fetch(`${server.url}${location}`)).status).toBe(404);
  });

  it("streams the export in chunks with its content type", async () => {
    for (const [format, type] of [["csv", "text/csv"], ["ndjson", "application/x-ndjson"], ["json", "application/json"]] as const) {
      const res = await fetch(`${server.url}/v1/export?format=${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(new RegExp(`^${type}`));
      // A stream has no length known in advance.
      expect(res.headers.get("transfer-encoding")).toBe("chunked");
      const text = await res.text();
      if (format === "json") JSON.parse(text);
    }
  });

  it("answers problems over the wire: 404, malformed JSON, invalid UTF-8, 413, 401", async () => {
    const notFound = await fetch(`${server.url}/nowhere`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    ProblemSchema.parse(await notFound.json());

    const malformed = await postBytes(`${server.url}/v1/extract`, Buffer.from('{"text":'), { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.type).toMatch(/^application\/problem\+json/);

    const bytes = Buffer.concat([Buffer.from('{"text":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('b"}')]);
    const invalid = await postBytes(`${server.url}/v1/extract`, bytes, { "content-type": "application/json" });
    expect(invalid.status).toBe(400);
    expect(ProblemSchema.parse(JSON.parse(invalid.body)).type).toBe("urn:parley:problem:invalid-encoding");

    const big = await postBytes(`${server.url}/v1/extract`, Buffer.from(JSON.stringify({ text: "x".repeat(2 * 1024 * 1024) })), {
      "content-type": "application/json",
    });
    expect(big.status).toBe(413);
    expect(ProblemSchema.parse(JSON.parse(big.body)).status).toBe(413);

    const noToken = await fetch(`${server.url}/v1/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: SENTENCES.de }),
    });
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers CORS preflights for the configured origin only", async () => {
    const allowed = await fetch(`${server.url}/v1/articles`, {
      method: "OPTIONS",
      headers: { origin: "https://parley.example", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://parley.example");
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");

    const other = await fetch(`${server.url}/v1/events`, { headers: { origin: "https://evil.example" } });
    expect(other.status).toBe(200);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();

    // A preflight for a method the path does not take still answers (the browser
    // reads Access-Control-Allow-Methods); the request itself is then a 405.
    const preflight = await fetch(`${server.url}/v1/events`, {
      method: "OPTIONS",
      headers: { origin: "https://parley.example", "access-control-request-method": "DELETE" },
    });
    expect(preflight.status).toBe(204);
    const refused = await fetch(`${server.url}/v1/events`, { method: "DELETE", headers: { ...AUTH, origin: "https://parley.example" } });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://parley.example");
    ProblemSchema.parse(await refused.json());

    // An OPTIONS that is no preflight (no Origin, no Access-Control-Request-Method)
    // is answered as one, without CORS headers: not the CORS plugin's text/plain 400.
    for (const headers of [{}, { origin: "https://parley.example" }] as Record<string, string>[]) {
      const plain = await fetch(`${server.url}/v1/events`, { method: "OPTIONS", headers });
      expect(plain.status).toBe(204);
      expect(await plain.text()).toBe("");
    }
  });

  it("answers a method it does not know at all (WebDAV's PROPFIND, a typo) with 501 on any path", async () => {
    for (const [method, path] of [["PROPFIND", "/v1/events"], ["MKCOL", "/v1/articles"], ["PURGE", "/nope"]] as const) {
      const res = await rawRequest(`${server.url}${path}`, method);
      expect(res.status).toBe(501);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const problem = ProblemSchema.parse(JSON.parse(res.body));
      expect(problem.type).toBe("urn:parley:problem:not-implemented");
      expect(problem.title).toBe("Not Implemented");
      expect(problem.detail).toMatch(new RegExp(`^${method} is not a method this server implements; it knows .*GET`));
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("answers a method a path does not take with 405 and Allow, HEAD without a body", async () => {
    const put = await fetch(`${server.url}/v1/articles`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: SENTENCES.de }),
    });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(put.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(await put.json()).type).toBe("urn:parley:problem:method-not-allowed");

    const head = await fetch(`${server.url}/v1/extract`, { method: "HEAD" });
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("POST, OPTIONS");
    expect(await head.text()).toBe("");
    // The connection is still good for the next request.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ["a method the parser does not know", "BREW /v1/events HTTP/1.1\r\nHost: x\r\n\r\n", 400],
    ["a broken request line", "GET /v1/events HTTP/9\r\n\r\n", 400],
    ["a header past the size limit", `GET /v1/events HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
  ])("answers %s with a problem (before any route), and closes the connection", async (_name, request, status) => {
    const answer = await rawSocket(server.port, request);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head.toLowerCase()).toContain("content-type: application/problem+json");
    const problem = ProblemSchema.parse(JSON.parse(body));
    expect(problem).toMatchObject({ type: "urn:parley:problem:http", status });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
