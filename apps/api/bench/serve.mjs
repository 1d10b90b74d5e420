// The servers under test, in their own process so that autocannon does not
// share their event loop: a bare Fastify route and the Parley API on SQLite.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { extract } from "@parley/core";
import { openCorpus } from "@parley/store";
import { buildApp } from "../dist/index.js";

// The timeline holds the seed (as the extractor reads it) and nine short
// reports with hand-built extractions (test/fixtures), so that GET /v1/events
// serialises real entries whatever the extractor finds today.
const fixtures = JSON.parse(readFileSync(new URL("../test/fixtures/store-fixtures.json", import.meta.url), "utf8"));
const byText = new Map(fixtures.map((f) => [f.text, f.extraction]));
const seeds = new URL("../../../seeds/", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "parley-api-bench-"));
const corpus = await openCorpus(`sqlite:${join(dir, "bench.db")}`, { extract: (input) => byText.get(input.text) ?? extract(input) });
const text = readFileSync(new URL("000_d9bf279fc9ea0bf9.txt", seeds), "utf8");
const meta = JSON.parse(readFileSync(new URL("000_d9bf279fc9ea0bf9.meta.json", seeds), "utf8"));
await corpus.ingest({ ...meta, text });
await corpus.ingestMany(fixtures.map((f) => ({ text: f.text, ...(f.meta ?? {}) })));
const { items } = await corpus.timeline({ limit: 200 });
process.stderr.write(`bench corpus: ${fixtures.length + 1} articles, ${items.length} timeline events\n`);

const bare = Fastify({ logger: false });
bare.get("/bare", async () => ({ hello: "world", ok: true }));
bare.post("/bare", async (request) => ({ received: typeof request.body === "object" }));
// CPU time of this process, for the bench to divide by the requests of a run:
// on a shared machine it says more than requests per second alone.
bare.get("/__cpu", async () => process.cpuUsage());
const api = await buildApp({ corpus, rateLimit: false, logger: false });
// The bytes GET /v1/events answers, from a bare route: what the payload alone costs.
const eventsPage = (await api.inject({ method: "GET", url: "/v1/events" })).body;
bare.get("/bare-page", (_request, reply) => {
  reply.type("application/json; charset=utf-8").send(eventsPage);
});
await bare.listen({ host: "127.0.0.1", port: 0 });
await api.listen({ host: "127.0.0.1", port: 0 });

process.stdout.write(`${JSON.stringify({ bare: bare.server.address().port, api: api.server.address().port })}\n`);

const stop = async () => {
  await Promise.allSettled([bare.close(), api.close()]);
  await corpus.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
