// The servers under test, in their own process so that autocannon does not
// share their event loop: a bare Fastify route, the Parley API, and the same
// API with its response cache off (what a miss costs: the first read after
// every write), both on one store: SQLite, or PostgreSQL when
// BENCH_DATABASE_URL names a server (a database is made beside it and dropped).
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import pg from "pg";
import { extract } from "@parley/core";
import { openCorpus } from "@parley/store";
import { buildApp } from "../dist/index.js";

const admin = async (url, statement) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
};

/** A fresh store: a temporary SQLite file, or a new PostgreSQL database. */
async function freshStore() {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl !== undefined && pgUrl !== "") {
    const name = `parley_bench_${randomBytes(6).toString("hex")}`;
    await admin(pgUrl, `create database ${name}`);
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), dispose: () => admin(pgUrl, `drop database if exists ${name} with (force)`) };
  }
  const dir = mkdtempSync(join(tmpdir(), "parley-api-bench-"));
  return { url: `sqlite:${join(dir, "bench.db")}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

// The timeline holds the seed (as the extractor reads it) and nine short
// reports with hand-built extractions (test/fixtures), so that GET /v1/events
// serialises real entries whatever the extractor finds today.
const fixtures = JSON.parse(readFileSync(new URL("../test/fixtures/store-fixtures.json", import.meta.url), "utf8"));
const byText = new Map(fixtures.map((f) => [f.text, f.extraction]));
const seeds = new URL("../../../seeds/", import.meta.url);
const store = await freshStore();
const corpus = await openCorpus(store.url, { extract: (input) => byText.get(input.text) ?? extract(input) });
const text = readFileSync(new URL("000_d9bf279fc9ea0bf9.txt", seeds), "utf8");
const meta = JSON.parse(readFileSync(new URL("000_d9bf279fc9ea0bf9.meta.json", seeds), "utf8"));
await corpus.ingest({ ...meta, text });
await corpus.ingestMany(fixtures.map((f) => ({ text: f.text, ...(f.meta ?? {}) })));
const { items } = await corpus.timeline({ limit: 200 });
process.stderr.write(`bench corpus (${corpus.engine}): ${fixtures.length + 1} articles, ${items.length} timeline events\n`);

const bare = Fastify({ logger: false });
bare.get("/bare", async () => ({ hello: "world", ok: true }));
bare.post("/bare", async (request) => ({ received: typeof request.body === "object" }));
// CPU time of this process, for the bench to divide by the requests of a run:
// on a shared machine it says more than requests per second alone. Split by
// thread, as POST /v1/extract works in a worker thread too: the main thread's
// and all threads' CPU time in µs, from the kernel's per-thread counters
// (schedstat, in ns) where there are some, else the process's CPU time and the
// main thread's busy time by the event loop (wall clock: it counts time spent
// waiting for a core).
const threadCpu = () => {
  let total = 0;
  let main = 0;
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const ns = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      total += ns / 1000;
      if (tid === String(process.pid)) main = ns / 1000;
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return { total, main, source: "schedstat" };
};
const processCpu = () => {
  const { user, system } = process.cpuUsage();
  return { total: user + system, main: performance.eventLoopUtilization().active * 1000, source: "cpuUsage+eventLoopUtilization" };
};
const cpuNow = existsSync(`/proc/self/task/${process.pid}/schedstat`) ? threadCpu : processCpu;
bare.get("/__cpu", async () => cpuNow());
// What the response cache's revision check costs on this store: one caller at
// a time, and ten at once (as under load, where PostgreSQL's reads are shared).
bare.get("/__revision", async () => {
  const n = corpus.engine === "sqlite" ? 20_000 : 2_000;
  let start = performance.now();
  for (let i = 0; i < n; i++) await corpus.revision();
  const sequential = ((performance.now() - start) * 1000) / n;
  start = performance.now();
  for (let i = 0; i < n / 10; i++) await Promise.all(Array.from({ length: 10 }, () => corpus.revision()));
  const concurrent = ((performance.now() - start) * 1000) / n;
  return { engine: corpus.engine, sequentialMicros: sequential, tenAtOnceMicrosEach: concurrent };
});
const api = await buildApp({ corpus, rateLimit: false, logger: false });
const uncached = await buildApp({ corpus, rateLimit: false, logger: false, responseCacheBytes: 0, extractWorkers: 0 });
// The bytes GET /v1/events answers, from a bare route: what the payload alone costs.
const eventsPage = (await api.inject({ method: "GET", url: "/v1/events" })).body;
bare.get("/bare-page", (_request, reply) => {
  reply.type("application/json; charset=utf-8").send(eventsPage);
});
await bare.listen({ host: "127.0.0.1", port: 0 });
await api.listen({ host: "127.0.0.1", port: 0 });
await uncached.listen({ host: "127.0.0.1", port: 0 });

process.stdout.write(
  `${JSON.stringify({ bare: bare.server.address().port, api: api.server.address().port, uncached: uncached.server.address().port })}\n`,
);

const stop = async () => {
  await Promise.allSettled([bare.close(), api.close(), uncached.close()]);
  await corpus.close();
  await store.dispose();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
