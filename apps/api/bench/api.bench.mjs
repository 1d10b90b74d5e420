// npm run bench: autocannon on loopback against the Parley API and, side by side
// in the same run, a bare Fastify route; requests per second, p99, and ratios.
// GET /v1/events is measured from the response cache, revalidated (304), and
// with the cache off (what the first read after a write costs); POST
// /v1/extract beside the extractor alone, in its own process, in the same round.
// BENCH_DATABASE_URL=postgres://… runs the API on PostgreSQL.
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

/** The server process's CPU time (all threads) and its main thread's busy time, in µs. */
const cpuNow = async () => {
  const { user, system, mainActiveMs } = await (await fetch(`http://127.0.0.1:${ports.bare}/__cpu`)).json();
  return { cpu: user + system, main: mainActiveMs * 1000 };
};

const run = async (title, url, options = {}) => {
  if (url === EXTRACTOR) return runExtractor(title);
  const { expect = 200, ...rest } = options;
  const before = await cpuNow();
  const result = await new Promise((resolve, reject) =>
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...rest }, (err, r) => (err ? reject(err) : resolve(r))),
  );
  const after = await cpuNow();
  const requests = Math.max(1, result.requests.total);
  const expected = result.statusCodeStats[String(expect)]?.count ?? 0;
  const bad = result.requests.total - expected + result.errors + result.timeouts;
  return {
    title,
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequest: (after.cpu - before.cpu) / requests,
    mainPerRequest: (after.main - before.main) / requests,
    bad: Math.max(0, bad),
  };
};

// The extractor alone, in its own process, for as long as a run: the ceiling of POST /v1/extract.
const EXTRACTOR = "extractor:";
const runExtractor = async (title) => {
  const child = spawn(process.execPath, [new URL("./extractor.mjs", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BENCH_SECONDS: String(SECONDS) },
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => code !== 0 && reject(new Error(`the extractor bench exited with ${code}`)));
  });
  const { rps, cpuPerRequest } = JSON.parse(line);
  return { title, rps, p99: null, cpuPerRequest, mainPerRequest: cpuPerRequest, bad: 0 };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bareUrl = `http://127.0.0.1:${ports.bare}/bare`;
const apiUrl = `http://127.0.0.1:${ports.api}`;
const uncachedUrl = `http://127.0.0.1:${ports.uncached}`;
const post = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body });
const FILTER = "/v1/events?actor=state:RUS&limit=5";

try {
  // Warm both servers up (JIT, caches) before measuring.
  await run("warm-up", bareUrl, { duration: 1 });
  await run("warm-up", `http://127.0.0.1:${ports.bare}/bare-page`, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/events`, { duration: 1 });
  await run("warm-up", `${uncachedUrl}/v1/events`, { duration: 1 });
  await run("warm-up", `${apiUrl}/v1/extract`, { duration: 1, ...post(extractBody) });
  const etag = (await fetch(`${apiUrl}/v1/events`)).headers.get("etag");
  const revision = await (await fetch(`http://127.0.0.1:${ports.bare}/__revision`)).json();

  const routes = [
    ["bare GET /bare", bareUrl, {}],
    ["GET /v1/events", `${apiUrl}/v1/events`, {}],
    // What browsers and Node's fetch send: the cached body goes out compressed (br).
    ["GET /v1/events, Accept-Encoding: gzip, deflate, br", `${apiUrl}/v1/events`, { headers: { "accept-encoding": "gzip, deflate, br" } }],
    ["GET /v1/events, If-None-Match (304)", `${apiUrl}/v1/events`, { headers: { "if-none-match": etag }, expect: 304 }],
    ["GET /v1/events, cache off (a miss)", `${uncachedUrl}/v1/events`, {}],
    [`GET ${FILTER}`, `${apiUrl}${FILTER}`, {}],
    [`GET ${FILTER}, cache off`, `${uncachedUrl}${FILTER}`, {}],
    ["bare GET, the same bytes as /v1/events", `http://127.0.0.1:${ports.bare}/bare-page`, {}],
    ["bare POST /bare (seed body)", bareUrl, post(extractBody)],
    ["POST /v1/extract (seed)", `${apiUrl}/v1/extract`, post(extractBody)],
    ["extractor alone (seed, own process)", EXTRACTOR, {}],
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
    mainPerRequest: median(rounds.map((r) => r[i].mainPerRequest)),
    bad: rounds.reduce((n, r) => n + r[i].bad, 0),
  }));
  const at = (title) => results.find((r) => r.title === title);
  const [bareGet, events, barePage, barePost, extract, extractor] = [
    "bare GET /bare",
    "GET /v1/events",
    "bare GET, the same bytes as /v1/events",
    "bare POST /bare (seed body)",
    "POST /v1/extract (seed)",
    "extractor alone (seed, own process)",
  ].map(at);
  const rows = results.map((r) => ({
    route: r.title,
    "req/s": Math.round(r.rps),
    "p99 ms": r.p99 ?? "",
    "CPU µs/req": Math.round(r.cpuPerRequest),
    "main thread µs/req": Math.round(r.mainPerRequest),
    "req/s vs bare GET": (r.rps / bareGet.rps).toFixed(3),
    "CPU vs bare GET": (r.cpuPerRequest / bareGet.cpuPerRequest).toFixed(1),
    failed: r.bad,
  }));
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds (medians), loopback, one server process`);
  console.table(rows);
  console.log(
    `revision check on ${revision.engine}: ${revision.sequentialMicros.toFixed(1)} µs a call, ${revision.tenAtOnceMicrosEach.toFixed(1)} µs a call with ten callers at once`,
  );
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
      extractVsExtractorAlone: extract.rps / extractor.rps,
      eventsMissVsBareGet: at("GET /v1/events, cache off (a miss)").rps / bareGet.rps,
      notModifiedVsBareGet: at("GET /v1/events, If-None-Match (304)").rps / bareGet.rps,
    },
    // What the API adds to an extraction, in CPU time (both threads): its CPU a request less the extractor's alone.
    extractOverheadMicros: extract.cpuPerRequest - extractor.cpuPerRequest,
    extractMainThreadMicros: extract.mainPerRequest,
    revisionCheck: revision,
    // One core's worth of requests per second: 1 s of CPU over the CPU a request costs.
    oneCoreCeiling: Object.fromEntries(results.map((r) => [r.title, Math.round(1e6 / r.cpuPerRequest)])),
    aims: { eventsAtLeastHalfOfBare: events.rps >= bareGet.rps / 2, extractAtLeast1000: extract.rps >= 1000 },
  };
  console.log("ratios", JSON.stringify(summary.ratios));
  console.log(
    `POST /v1/extract: ${Math.round(extract.cpuPerRequest)} µs of CPU a request (both threads) against ${Math.round(extractor.cpuPerRequest)} µs for the extractor alone; ` +
      `the main thread is busy ${Math.round(extract.mainPerRequest)} µs a request`,
  );
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
