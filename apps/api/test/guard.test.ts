import type { Corpus } from "@parley/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { tokenMatches } from "../src/plugins/guard.js";
import { ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, expectProblem, SENTENCES, TOKEN } from "./support/fixtures.js";

/** The same corpus, with one method replaced. */
function withMethod<K extends keyof Corpus>(corpus: Corpus, key: K, value: Corpus[K]): Corpus {
  return new Proxy(corpus, {
    get: (target, prop, receiver) => {
      if (prop === key) return value;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

describe("tokenMatches", () => {
  it.each([
    ["secret", "secret", true],
    ["secret", "secreT", false],
    ["secret", "secret ", false],
    ["", "secret", false],
    ["a-much-longer-token-than-the-other", "short", false],
    ["Schlüssel-ü", "Schlüssel-ü", true],
  ])("%j against %j → %s", (given, expected, result) => {
    expect(tokenMatches(given, expected)).toBe(result);
  });
});

describe.each(ENGINES)("guards on %s", (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await freshStore(engine);
  });
  afterAll(async () => {
    await store?.dispose();
  });

  it("limits writes per client, and never reads", async () => {
    const app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: { max: 2, timeWindow: 60_000 } });
    try {
      const post = (i: number) =>
        app.inject({ method: "POST", url: "/v1/extract", payload: { text: `${SENTENCES.en} ${i}` } });
      expect((await post(1)).statusCode).toBe(200);
      expect((await post(2)).statusCode).toBe(200);
      const limited = await post(3);
      const problem = expectProblem(limited, 429);
      expect(problem.type).toBe("urn:parley:problem:rate-limited");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      // Guessing tokens counts against the limit too.
      expectProblem(await app.inject({ method: "POST", url: "/v1/articles", headers: { authorization: "Bearer guess" }, payload: { text: "x" } }), 429);
      for (let i = 0; i < 5; i++) expect((await app.inject({ method: "GET", url: "/v1/events" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("opens writes to everyone when no token is set", async () => {
    const app = await buildApp({ corpus: store.corpus, rateLimit: false });
    try {
      const res = await app.inject({ method: "POST", url: "/v1/articles", payload: { text: SENTENCES.de } });
      expect(res.statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });

  it("keeps reads open when a token is set", async () => {
    const app = await buildApp({ corpus: store.corpus, token: TOKEN, rateLimit: false });
    try {
      for (const url of ["/v1/articles", "/v1/events", "/v1/actors", "/v1/export?format=csv", "/openapi.json", "/readyz"]) {
        expect((await app.inject({ method: "GET", url })).statusCode, url).toBe(200);
      }
      expect((await app.inject({ method: "POST", url: "/v1/articles", headers: AUTH, payload: { text: SENTENCES.en } })).statusCode).toBe(201);
    } finally {
      await app.close();
    }
  });

  it("sends no CORS headers unless an origin is configured", async () => {
    const app = await buildApp({ corpus: store.corpus, rateLimit: false });
    try {
      const res = await app.inject({ method: "GET", url: "/v1/events", headers: { origin: "https://parley.example" } });
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it("answers an internal error with a 500 problem and no stack or message of the cause", async () => {
    const failing = withMethod(store.corpus, "timeline", async () => {
      throw new Error("connection string postgres://secret@db leaked");
    });
    const logs: string[] = [];
    const app = await buildApp({
      corpus: failing,
      rateLimit: false,
      logger: { level: "error", stream: { write: (line: string) => void logs.push(line) } },
    });
    try {
      const res = await app.inject({ method: "GET", url: "/v1/events", headers: { "x-request-id": "boom-1" } });
      const problem = expectProblem(res, 500);
      expect(problem.type).toBe("urn:parley:problem:internal");
      expect(problem.requestId).toBe("boom-1");
      expect(res.body).not.toContain("secret");
      expect(res.body).not.toContain("stack");
      // The cause is in the log, under the request id.
      expect(logs.some((l) => l.includes("boom-1") && l.includes("leaked"))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it("answers a response that breaks its schema with a 500, not with bad data", async () => {
    const broken = withMethod(store.corpus, "getArticle", async () => ({ id: 7 }) as never);
    const app = await buildApp({ corpus: broken, rateLimit: false });
    try {
      expectProblem(await app.inject({ method: "GET", url: "/v1/articles/x" }), 500);
    } finally {
      await app.close();
    }
  });

  it("a store that fails at the first export chunk gets a 500 problem, not a broken stream", async () => {
    const broken = withMethod(store.corpus, "export", () => ({
      [Symbol.asyncIterator]: () => ({ next: async () => Promise.reject(new Error("disk gone")) }),
    }));
    const app = await buildApp({ corpus: broken, rateLimit: false });
    try {
      expectProblem(await app.inject({ method: "GET", url: "/v1/export?format=csv" }), 500);
    } finally {
      await app.close();
    }
  });

  it.each([
    ["answers false", async () => false],
    ["throws", async () => Promise.reject(new Error("down"))],
  ])("GET /readyz is a 503 problem when the store's ping %s", async (_name, ping) => {
    const app = await buildApp({ corpus: withMethod(store.corpus, "ping", ping), rateLimit: false });
    try {
      const problem = expectProblem(await app.inject({ method: "GET", url: "/readyz" }), 503);
      expect(problem.detail).toContain(store.corpus.engine);
      expect((await app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("takes a smaller body limit", async () => {
    const app = await buildApp({ corpus: store.corpus, rateLimit: false, bodyLimit: 1024 });
    try {
      const problem = expectProblem(await app.inject({ method: "POST", url: "/v1/extract", payload: { text: "x".repeat(2000) } }), 413);
      expect(problem.detail).toContain("1024");
    } finally {
      await app.close();
    }
  });
});
