import { extract } from "@parley/core";
import { ExtractionSchema } from "@parley/core/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, defaultExtractWorkers, MAX_DEFAULT_EXTRACT_WORKERS } from "../src/app.js";
import { ExtractPool as Pool, ExtractTimeoutError, workerScript } from "../src/extract-pool.js";
import { PrecomputedExtractions } from "../src/precomputed.js";
import { startServer } from "../src/start-server.js";
import { ArticleSchema } from "@parley/core/model";
import { ENGINES, freshStore } from "./support/engines.js";
import { AUTH, TOKEN } from "./support/fixtures.js";
import { expectProblem, SEED_TEXT, SENTENCES } from "./support/fixtures.js";
import { memoryCorpus } from "./support/memory-corpus.js";

/** A pool on the worker script beside the sources. */
class ExtractPool extends Pool {
  constructor(size: number, timeoutMs: number) {
    super(size, timeoutMs, workerScript()!);
  }
}

/** About 140,000 characters: seconds of extraction. */
const LONG_TEXT = `${SEED_TEXT}\n\n`.repeat(50);

describe("defaultExtractWorkers", () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 4],
    [8, MAX_DEFAULT_EXTRACT_WORKERS],
    [64, MAX_DEFAULT_EXTRACT_WORKERS],
  ])("gives %i cores %i workers: a core for the event loop, at least one and at most four", (cores, workers) => {
    expect(defaultExtractWorkers(cores)).toBe(workers);
  });
});

describe("ExtractPool", () => {
  let pool: ExtractPool;
  beforeAll(() => {
    pool = new ExtractPool(2, 60_000);
  });
  afterAll(async () => {
    await pool.close();
  });

  it("answers what the extractor answers on the event loop", async () => {
    const inputs = [
      { text: SEED_TEXT, language: "de" as const, publishedAt: "2025-05-17" },
      { text: SENTENCES.en, language: "en" as const },
      { text: SENTENCES.de },
    ];
    const results = await Promise.all(inputs.map((input) => pool.run(input)));
    results.forEach((result, i) => expect(result).toEqual(extract(inputs[i]!, { validate: false })));
  });

  // The worker encodes a JSON of up to 87,381 UTF-16 units in its scratch buffer
  // and copies the bytes out; a longer one (the long text's) with Buffer.from.
  it.each([
    ["a short text", { text: SENTENCES.en, language: "en" as const }],
    ["the seed", { text: SEED_TEXT, language: "de" as const, publishedAt: "2025-05-17" }],
    ["a long text", { text: LONG_TEXT, language: "de" as const }],
  ])("answers %s as the extractor's JSON in UTF-8, in a buffer of its own", async (_name, input) => {
    const [first, second] = await Promise.all([pool.runJson(input), pool.runJson(input)]);
    for (const bytes of [first!, second!]) {
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
      expect(bytes.toString("utf8")).toBe(JSON.stringify(extract(input)));
    }
    expect(JSON.parse(first!.toString("utf8"))).toEqual(await pool.run(input));
  });

  it("abandons an extraction that runs too long and goes on with a new worker", async () => {
    const impatient = new ExtractPool(1, 200);
    try {
      await expect(impatient.run({ text: LONG_TEXT, language: "de" })).rejects.toBeInstanceOf(ExtractTimeoutError);
      ExtractionSchema.parse(await impatient.run({ text: "Kurz." }));
    } finally {
      await impatient.close();
    }
  });

  it("refuses work once closed", async () => {
    const closing = new ExtractPool(1, 1000);
    await closing.close();
    await expect(closing.run({ text: "x" })).rejects.toThrow(/closed/);
  });
});

describe("POST /v1/extract with workers", () => {
  it("keeps answering other requests while a long text is extracted", async () => {
    const app = await buildApp({ corpus: memoryCorpus(), rateLimit: false, extractWorkers: 1 });
    try {
      await app.ready();
      const started = performance.now();
      const long = app.inject({ method: "POST", url: "/v1/extract", payload: { text: LONG_TEXT, language: "de" } });
      await new Promise((r) => setTimeout(r, 50));
      const health = await app.inject({ method: "GET", url: "/healthz" });
      const healthMs = performance.now() - started;
      const res = await long;
      const longMs = performance.now() - started;
      expect(health.statusCode).toBe(200);
      expect(res.statusCode).toBe(200);
      ExtractionSchema.parse(res.json());
      // /healthz did not wait for the extraction.
      expect(healthMs).toBeLessThan(longMs / 2);
    } finally {
      await app.close();
    }
  });

  it("answers 503 with the field when the extraction takes too long", async () => {
    const app = await buildApp({ corpus: memoryCorpus(), rateLimit: false, extractWorkers: 1, extractTimeoutMs: 200 });
    try {
      const problem = expectProblem(await app.inject({ method: "POST", url: "/v1/extract", payload: { text: LONG_TEXT } }), 503);
      expect(problem.errors.map((e) => e.path)).toEqual(["body.text"]);
      expect((await app.inject({ method: "POST", url: "/v1/extract", payload: { text: "Short." } })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it.each([0, 1])("with extractWorkers: %i answers the extractor's validated JSON, byte for byte", async (extractWorkers) => {
    const app = await buildApp({ corpus: memoryCorpus(), rateLimit: false, extractWorkers });
    try {
      const input = { text: SEED_TEXT, language: "de" as const, publishedAt: "2025-05-17", title: "Istanbul" };
      const res = await app.inject({ method: "POST", url: "/v1/extract", payload: input });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      // The extractor's own output (it checks it against the schema), serialised once and sent as it is.
      const expected = extract(input);
      expect(ExtractionSchema.safeParse(expected).success).toBe(true);
      expect(res.body).toBe(JSON.stringify(expected));
    } finally {
      await app.close();
    }
  });

  it("extracts on the event loop with extractWorkers: 0", async () => {
    const app = await buildApp({ corpus: memoryCorpus(), rateLimit: false, extractWorkers: 0 });
    try {
      const res = await app.inject({ method: "POST", url: "/v1/extract", payload: { text: SEED_TEXT, language: "de" } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(extract({ text: SEED_TEXT, language: "de" }))));
    } finally {
      await app.close();
    }
  });
});

describe("PrecomputedExtractions", () => {
  it("hands the pool's extraction to the store's hook during the ingest, and forgets it after", async () => {
    const pool = new ExtractPool(1, 60_000);
    const precomputed = new PrecomputedExtractions(pool);
    try {
      const input = { text: SENTENCES.de, language: "de" as const, title: "Treffen" };
      const marker = { ...extract(input), extractor: { name: "from-the-pool", version: "0" } };
      // A pool that answers a marked extraction shows where the hook's answer came from.
      const run = pool.run.bind(pool);
      pool.run = async () => marker;
      const seen = await precomputed.around([input], async () => precomputed.extract({ ...input }));
      expect(seen.extractor.name).toBe("from-the-pool");
      expect(precomputed.extract(input).extractor.name).toBe("parley");
      // Other metadata, another extraction: the hook extracts inline.
      const other = await precomputed.around([input], async () => precomputed.extract({ ...input, title: "Anders" }));
      expect(other.extractor.name).toBe("parley");
      pool.run = run;
    } finally {
      await pool.close();
    }
  });
});

describe.each(ENGINES)("ingesting through startServer on %s", (engine) => {
  it("extracts in the pool: the server answers meanwhile, and stores what the extractor finds", async () => {
    const store = await freshStore(engine);
    const server = await startServer({ port: 0, databaseUrl: store.url, token: TOKEN, rateLimit: false });
    try {
      const started = performance.now();
      const ingest = fetch(`${server.url}/v1/articles`, {
        method: "POST",
        headers: { ...AUTH, "content-type": "application/json" },
        body: JSON.stringify({ text: LONG_TEXT, language: "de" }),
      });
      await new Promise((r) => setTimeout(r, 100));
      const health = await fetch(`${server.url}/healthz`);
      const healthMs = performance.now() - started;
      const res = await ingest;
      const ingestMs = performance.now() - started;
      expect(health.status).toBe(200);
      expect(res.status).toBe(201);
      expect(healthMs).toBeLessThan(ingestMs / 2);
      const article = ArticleSchema.parse(await res.json());
      expect(article.extraction).toEqual(JSON.parse(JSON.stringify(extract({ text: LONG_TEXT, language: "de" }))));
    } finally {
      await server.close();
      await store.dispose();
    }
  });
});
