// npm run bench: autocannon on loopback against the Parley API and, side by side
// in the same run, a bare Fastify route; requests per second, p99, and ratios.
// Needs a build first (npx tsup). BENCH_SECONDS sets each run's length (5 s),
// BENCH_ROUNDS how often the runs alternate (3); the median of the rounds
// is reported, with the server's CPU time per request, which other load on a
// shared machine disturbs less than requests per second.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const seed = readFileSync(new URL("../../../seeds/000_d9bf279fc9ea0bf9.txt", import.meta.url), "utf8");
const extractBody = JSON.stringify({ text: seed, language: "de" });

const server = spawn(process.execPath, [new URL("./serve.mjs", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
const ports = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => resolve(JSON.parse(line)));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

const cpuNow = async () => {
  const { user, system } = await (await fetch(`http://127.0.0.1:${ports.bare}/__cpu`)).json();
  return user + system;
};

const run = async (title, url, options = {}) => {
  const before = await cpuNow();
  const result = await new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options }, (err, r) => (err ? reject(err) : resolve(r))),
  );
  const cpu = (await cpuNow()) - before;
  const bad = result.non2xx + result.errors + result.timeouts;
  return { title, rps: result.requests.average, p99: result.latency.p99, cpuPerRequest: cpu / Math.max(1, result.requests.total), bad };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bareUrl = `http://127.0.0.1:${ports.bare}/bare`;
const apiUrl = `http://127.0.0.1:${ports.api}`;
const post = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body });

try {
  // Warm both servers up (JIT, caches) before measuring.
  await run("warm-up", bareUrl, { duration: 1 });
  await run("warm-up", `http://127.0.0.1:${ports.bare}/bare-page`, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/events`, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/extract`, { duration: 1, ...post(extractBody) });

  const routes = [
    ["bare GET /bare", bareUrl, {}],
    ["GET /v1/events", `${apiUrl}/v1/events`, {}],
    ["bare GET, the same bytes as /v1/events", `http://127.0.0.1:${ports.bare}/bare-page`, {}],
    ["bare POST /bare (seed body)", bareUrl, post(extractBody)],
    ["POST /v1/extract (seed)", `${apiUrl}/v1/extract`, post(extractBody)],
  ];
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const round = [];
    for (const [title, url, options] of routes) round.push(await run(title, url, options));
    rounds.push(round);
  }
  const results = routes.map(([title], i) => ({
    title,
    rps: median(rounds.map((r) => r[i].rps)),
    p99: median(rounds.map((r) => r[i].p99)),
    cpuPerRequest: median(rounds.map((r) => r[i].cpuPerRequest)),
    bad: rounds.reduce((n, r) => n + r[i].bad, 0),
  }));
  const [bareGet, events, barePage, barePost, extract] = results;
  const rows = results.map((r) => ({
    route: r.title,
    "req/s": Math.round(r.rps),
    "p99 ms": r.p99,
    "CPU µs/req": Math.round(r.cpuPerRequest),
    "req/s vs bare GET": (r.rps / bareGet.rps).toFixed(3),
    "CPU vs bare GET": (r.cpuPerRequest / bareGet.cpuPerRequest).toFixed(1),
    failed: r.bad,
  }));
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds (medians), loopback, one server process`);
  console.table(rows);
  const summary = {
    date: new Date().toISOString(),
    seconds: SECONDS,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    node: process.version,
    results: rows,
    ratios: {
      eventsVsBareGet: events.rps / bareGet.rps,
      eventsVsBareSamePayload: events.rps / barePage.rps,
      extractVsBareGet: extract.rps / bareGet.rps,
      extractVsBarePost: extract.rps / barePost.rps,
    },
    // One core's worth of requests per second: 1 s of CPU over the CPU a request costs.
    oneCoreCeiling: Object.fromEntries(results.map((r) => [r.title, Math.round(1e6 / r.cpuPerRequest)])),
    aims: { eventsAtLeastHalfOfBare: events.rps >= bareGet.rps / 2, extractAtLeast1000: extract.rps >= 1000 },
  };
  console.log("ratios", JSON.stringify(summary.ratios));
  console.log("one core's ceiling (req/s)", JSON.stringify(summary.oneCoreCeiling));
  console.log("aims", JSON.stringify(summary.aims));
  mkdirSync(new URL("../bench-results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("../bench-results/api.json", import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
  if (results.some((r) => r.bad > 0)) {
    console.error("some requests failed: the figures are not valid");
    process.exitCode = 1;
  }
} finally {
  server.kill("SIGTERM");
}
