// npm run bench: autocannon on loopback against the Parley API and, side by side
// in the same run, a bare Fastify route; requests per second, p99, and ratios.
// Needs a build first (npx tsup). BENCH_SECONDS sets each run's length (5 s).
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seed = readFileSync(new URL("../../../seeds/000_d9bf279fc9ea0bf9.txt", import.meta.url), "utf8");
const extractBody = JSON.stringify({ text: seed, language: "de" });

const server = spawn(process.execPath, [new URL("./serve.mjs", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
const ports = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => resolve(JSON.parse(line)));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

const run = (title, url, options = {}) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options }, (err, result) => {
      if (err) return reject(err);
      const bad = result.non2xx + result.errors + result.timeouts;
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, bad, total: result.requests.total });
    });
  });

const bareUrl = `http://127.0.0.1:${ports.bare}/bare`;
const apiUrl = `http://127.0.0.1:${ports.api}`;
const post = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body });

try {
  // Warm both servers up (JIT, caches) before measuring.
  await run("warm-up", bareUrl, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/events`, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/extract`, { duration: 1, ...post(extractBody) });

  const results = [];
  results.push(await run("bare GET /bare", bareUrl));
  results.push(await run("GET /v1/events", `${apiUrl}/v1/events`));
  results.push(await run("bare POST /bare (seed body)", bareUrl, post(extractBody)));
  results.push(await run("POST /v1/extract (seed)", `${apiUrl}/v1/extract`, post(extractBody)));

  const [bareGet, events, barePost, extract] = results;
  const rows = results.map((r) => ({
    route: r.title,
    "req/s": Math.round(r.rps),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "non-2xx/errors": r.bad,
    "vs bare GET": (r.rps / bareGet.rps).toFixed(2),
  }));
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s a run, loopback, one server process`);
  console.table(rows);
  const summary = {
    date: new Date().toISOString(),
    seconds: SECONDS,
    connections: CONNECTIONS,
    node: process.version,
    results: rows,
    ratios: {
      eventsVsBareGet: events.rps / bareGet.rps,
      extractVsBareGet: extract.rps / bareGet.rps,
      extractVsBarePost: extract.rps / barePost.rps,
    },
    aims: { eventsAtLeastHalfOfBare: events.rps >= bareGet.rps / 2, extractAtLeast1000: extract.rps >= 1000 },
  };
  console.log(JSON.stringify(summary.ratios), JSON.stringify(summary.aims));
  mkdirSync(new URL("../bench-results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("../bench-results/api.json", import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
  if (results.some((r) => r.bad > 0)) {
    console.error("some requests failed: the figures are not valid");
    process.exitCode = 1;
  }
} finally {
  server.kill("SIGTERM");
}
