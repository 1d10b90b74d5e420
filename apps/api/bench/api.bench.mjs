// npm run bench: autocannon on loopback against the Parley API and, side by side
// in the same run, a bare Fastify route; requests per second, p99, and ratios.
// GET /v1/events is measured from the response cache, revalidated (304), and
// with the cache off (what the first read after a write costs); POST
// /v1/extract beside the extractor alone, in its own process, in the same round.
// BENCH_DATABASE_URL=postgres://… runs the API on PostgreSQL.
// Needs a build first (npx tsup). BENCH_SECONDS sets each run's length (5 s),
// after BENCH_LEAD_IN seconds (1) of the same requests that are not measured;
// BENCH_ROUNDS how often the runs alternate (3); the median of the rounds
// is reported, with the server's CPU time per request (its main thread's and
// all its threads'), which other load on a shared machine disturbs less than
// requests per second.
//
// "On one core" is taken literally: the server process (every thread of it:
// the event loop, the extraction worker, V8's helpers) runs on one core with
// taskset, and this process, autocannon, on another, so that neither takes
// the other's core. Where taskset is missing or there is one core, both run
// unpinned, and the bench says so.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
// V8 keeps optimising the extractor until about 2,000 to 3,000 extractions.
const EXTRACT_WARMUP = Number(process.env.BENCH_EXTRACT_WARMUP ?? 3000);
// Each run is led in by this many seconds of the same requests, not measured:
// the runs before it leave garbage (major collections in the next run) and
// other code paths hot, which would be charged to it.
const LEAD_IN = Number(process.env.BENCH_LEAD_IN ?? 1);
const ARTICLES = new URL("../../../packages/core/test/golden/articles/", import.meta.url);
const seed = readFileSync(new URL("../../../seeds/000_d9bf279fc9ea0bf9.txt", import.meta.url), "utf8");
const extractBody = JSON.stringify({ text: seed, language: "de" });
// Beside the seed, the extractor's test articles in turn (each connection
// cycles through them): reports it has not seen a thousand times already.
const articleBodies = readdirSync(ARTICLES)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const meta = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".meta.json"), ARTICLES), "utf8"));
    const text = readFileSync(new URL(f, ARTICLES), "utf8");
    return JSON.stringify({ text, language: meta.language, publishedAt: meta.publishedAt, title: meta.title });
  });

/** The cores this process may run on (Linux), e.g. "0-1,4" → [0, 1, 4]; null where it cannot tell. */
function allowedCores() {
  try {
    const line = readFileSync("/proc/self/status", "utf8").match(/^Cpus_allowed_list:\s*(\S+)/m)?.[1];
    if (line === undefined) return null;
    return line.split(",").flatMap((part) => {
      const [from, to = from] = part.split("-").map(Number);
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    });
  } catch {
    return null;
  }
}

const TASKSET = ["/usr/bin/taskset", "/bin/taskset"].find((path) => existsSync(path)) ?? null;
const cores = allowedCores();
/** The server's core and this process's, or null to run unpinned. */
const pinning = TASKSET !== null && cores !== null && cores.length >= 2 ? { bench: cores[0], server: cores[1] } : null;
if (pinning !== null) {
  // Every thread of this process (-a), autocannon's sockets and timers included.
  execFileSync(TASKSET, ["-a", "-p", "-c", String(pinning.bench), String(process.pid)], { stdio: "ignore" });
  console.log(`pinned: the server on core ${pinning.server}, autocannon (this process) on core ${pinning.bench}`);
} else {
  console.log(
    `note: not pinned (${TASKSET === null ? "no taskset" : cores === null ? "the allowed cores are unknown" : "one core"}): ` +
      "the server and autocannon share the cores, so the figures are not those of one core",
  );
}

/** A node process on the server's core when pinning, else as it is. */
const spawnOnServerCore = (args, options) =>
  pinning === null ? spawn(process.execPath, args, options) : spawn(TASKSET, ["-c", String(pinning.server), process.execPath, ...args], options);

const server = spawnOnServerCore([new URL("./serve.mjs", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
const ports = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => resolve(JSON.parse(line)));
  server.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});

/** The server process's CPU time, all threads and its main thread, in µs (see serve.mjs). */
let cpuSource = null;
const cpuNow = async () => {
  const { total, main, source } = await (await fetch(`http://127.0.0.1:${ports.bare}/__cpu`)).json();
  cpuSource = source;
  return { cpu: total, main, at: performance.now() };
};

const run = async (title, url, options = {}) => {
  if (url === EXTRACTOR) return runExtractor(title, options.corpus ?? "seed");
  const { expect = 200, leadIn = LEAD_IN, ...rest } = options;
  const cannon = (duration) =>
    new Promise((resolve, reject) =>
      autocannon({ url, connections: CONNECTIONS, duration, ...rest }, (err, r) => (err ? reject(err) : resolve(r))),
    );
  if (leadIn > 0) await cannon(leadIn);
  const before = await cpuNow();
  const result = await cannon(SECONDS);
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
    // How busy the server kept its core: near 100% it was the limit, well
    // below it autocannon (on its own core) or the network stack was.
    serverBusy: (after.cpu - before.cpu) / ((after.at - before.at) * 1000),
    bad: Math.max(0, bad),
  };
};

// The extractor alone, in its own process, for as long as a run: the ceiling of POST /v1/extract.
const EXTRACTOR = "extractor:";
const runExtractor = async (title, corpus) => {
  // On the server's core, as the server's worker runs.
  const child = spawnOnServerCore([new URL("./extractor.mjs", import.meta.url).pathname], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, BENCH_SECONDS: String(SECONDS), BENCH_EXTRACT_WARMUP: String(EXTRACT_WARMUP), BENCH_CORPUS: corpus },
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => code !== 0 && reject(new Error(`the extractor bench exited with ${code}`)));
  });
  const { rps, cpuPerRequest } = JSON.parse(line);
  return { title, rps, p99: null, cpuPerRequest, mainPerRequest: cpuPerRequest, serverBusy: null, bad: 0 };
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const bareUrl = `http://127.0.0.1:${ports.bare}/bare`;
const apiUrl = `http://127.0.0.1:${ports.api}`;
const uncachedUrl = `http://127.0.0.1:${ports.uncached}`;
const post = (body) => ({ method: "POST", headers: { "content-type": "application/json" }, body });
const FILTER = "/v1/events?actor=state:RUS&limit=5";

try {
  // Warm both servers up (JIT, caches) before measuring.
  await run("warm-up", bareUrl, { duration: 1, leadIn: 0 });
  await run("warm-up", `http://127.0.0.1:${ports.bare}/bare-page`, { duration: 1, leadIn: 0 });
  await run("warm-up", `${apiUrl}/v1/events`, { duration: 1, leadIn: 0 });
  await run("warm-up", `${uncachedUrl}/v1/events`, { duration: 1, leadIn: 0 });
  // The extraction worker: until V8 is done optimising the extractor.
  await run("warm-up", `${apiUrl}/v1/extract`, { amount: EXTRACT_WARMUP, leadIn: 0, ...post(extractBody) });
  await run("warm-up", `${apiUrl}/v1/extract`, { amount: EXTRACT_WARMUP, leadIn: 0, requests: articleBodies.map((body) => post(body)) });
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
    [`POST /v1/extract (${articleBodies.length} test articles in turn)`, `${apiUrl}/v1/extract`, { requests: articleBodies.map((body) => post(body)) }],
    [`extractor alone (${articleBodies.length} test articles in turn, own process)`, EXTRACTOR, { corpus: "articles" }],
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
    serverBusy: rounds[0][i].serverBusy === null ? null : median(rounds.map((r) => r[i].serverBusy)),
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
    "other threads µs/req": Math.round(r.cpuPerRequest - r.mainPerRequest),
    "server busy": r.serverBusy === null ? "" : `${Math.round(r.serverBusy * 100)}%`,
    "req/s vs bare GET": (r.rps / bareGet.rps).toFixed(3),
    "CPU vs bare GET": (r.cpuPerRequest / bareGet.cpuPerRequest).toFixed(1),
    failed: r.bad,
  }));
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${SECONDS} s a run, ${ROUNDS} rounds (medians), loopback, one server process, ` +
      (pinning === null ? "unpinned" : `the server on core ${pinning.server}, autocannon on core ${pinning.bench}`) +
      `; CPU time from ${cpuSource}`,
  );
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
    // Where the server and autocannon ran: null when unpinned (no taskset, or one core).
    pinning,
    cpuSource,
    extractWarmUp: EXTRACT_WARMUP,
    leadInSeconds: LEAD_IN,
    results: rows,
    ratios: {
      eventsVsBareGet: events.rps / bareGet.rps,
      eventsVsBareSamePayload: events.rps / barePage.rps,
      extractVsBareGet: extract.rps / bareGet.rps,
      extractVsBarePost: extract.rps / barePost.rps,
      extractVsExtractorAlone: extract.rps / extractor.rps,
      eventsMissVsBareGet: at("GET /v1/events, cache off (a miss)").rps / bareGet.rps,
      notModifiedVsBareGet: at("GET /v1/events, If-None-Match (304)").rps / bareGet.rps,
      // As browsers and fetch ask for it: the cached body goes out compressed.
      eventsCompressedVsBareGet: at("GET /v1/events, Accept-Encoding: gzip, deflate, br").rps / bareGet.rps,
      // CPU time a request, the bare GET's over the timeline's: the ratio of requests per second
      // were the server's core the only limit (autocannon's core can be the limit for 27 KB answers).
      eventsCpuVsBareGet: bareGet.cpuPerRequest / events.cpuPerRequest,
    },
    // What the API adds to an extraction, in CPU time (both threads): its CPU a request less the extractor's alone.
    extractOverheadMicros: extract.cpuPerRequest - extractor.cpuPerRequest,
    extractMainThreadMicros: extract.mainPerRequest,
    revisionCheck: revision,
    // POST /v1/extract with the whole server on one core (when pinned): the figure.
    extractOneCore: pinning === null ? null : Math.round(extract.rps),
    extractArticlesOneCore: pinning === null ? null : Math.round(results[results.length - 2].rps),
    extractArticlesVsExtractorAlone: results[results.length - 2].rps / results[results.length - 1].rps,
    // One core's worth of requests per second: 1 s of CPU over the CPU a request costs.
    oneCoreCeiling: Object.fromEntries(results.map((r) => [r.title, Math.round(1e6 / r.cpuPerRequest)])),
    aims: {
      eventsAtLeastHalfOfBare: events.rps >= bareGet.rps / 2,
      // Measured on one core only when pinned; else against the CPU time a request costs.
      extractAtLeast1000OnOneCore: pinning === null ? 1e6 / extract.cpuPerRequest >= 1000 : extract.rps >= 1000,
    },
  };
  console.log("ratios", JSON.stringify(summary.ratios));
  console.log(
    `POST /v1/extract: ${Math.round(extract.rps)} req/s ${pinning === null ? "(unpinned)" : "on one core"}; ` +
      `${Math.round(extract.cpuPerRequest)} µs of CPU a request (all threads) against ${Math.round(extractor.cpuPerRequest)} µs for the extractor alone; ` +
      `the main thread ${Math.round(extract.mainPerRequest)} µs, the other threads (the extraction worker) ${Math.round(extract.cpuPerRequest - extract.mainPerRequest)} µs`,
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
