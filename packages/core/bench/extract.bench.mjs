#!/usr/bin/env node
/**
 * The extractor's speed, by `npm run bench` in packages/core (not a test: the
 * figures depend on the machine). Runs on one core (JavaScript runs on one
 * thread; nothing here starts workers), side by side with chrono-node in the
 * same process over the same texts as the baseline: `de.parse` for German
 * articles, `en.parse` for English ones.
 *
 *   node bench/extract.bench.mjs [--quick] [--json]
 *
 * Within a corpus the runners take turns: ROUNDS short slices each,
 * alternating, and each rate is the median of its slices, so that a burst of
 * other load on a shared machine hits every runner alike.
 *
 * Reports articles per second, MB/s (UTF-8), p50 and p99 per article, peak
 * memory (rss, heapUsed), the ratio Parley time / chrono time, and a linearity
 * table: time per MB on 0.1, 1 and 5 MB of concatenated articles. Prints
 * markdown tables for the README. Needs `npx tsup` first (imports ../dist).
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";
import { extract } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, "../../..");
const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
const JSON_OUT = args.has("--json");
/** Seconds of measurement per row (after warm-up). */
const BUDGET = QUICK ? 1.5 : 6;
const LINEAR_SIZES_MB = [0.1, 1, 5];
/** Alternating slices per runner and corpus. */
const ROUNDS = QUICK ? 3 : 6;

// ---------------------------------------------------------------- corpora

function readArticle(file) {
  const text = readFileSync(file, "utf8");
  const metaFile = file.replace(/\.txt$/u, ".meta.json");
  const meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : {};
  return { name: file.split("/").pop(), text, language: meta.language ?? "de", publishedAt: meta.publishedAt ?? null, bytes: Buffer.byteLength(text) };
}

const seedDir = join(REPO, "seeds");
const goldenDir = join(REPO, "packages/core/test/golden/articles");
const list = (dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readArticle(join(dir, f)));
const seed = list(seedDir);
const golden = list(goldenDir);

// Chrono's reference: the article's date when known, else a fixed date (never the clock, as in Parley).
const FALLBACK_REF = new Date("2025-06-03T12:00:00Z");
const refOf = (a) => (a.publishedAt ? new Date(`${a.publishedAt}T12:00:00Z`) : FALLBACK_REF);

const runners = {
  parley: (a) => extract({ text: a.text, language: a.language, publishedAt: a.publishedAt }),
  "parley (no schema check)": (a) => extract({ text: a.text, language: a.language, publishedAt: a.publishedAt }, { validate: false }),
  chrono: (a) => (a.language === "en" ? chrono.en : chrono.de).parse(a.text, refOf(a)),
};

// ---------------------------------------------------------------- measuring

let peakRss = 0;
let peakHeap = 0;
function sampleMemory() {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/**
 * Runs `fn` over the articles round robin for `seconds`; per-call wall times
 * in ms, and the process's CPU time over the row (user + system, all threads:
 * what the work costs on a shared machine, where wall time also counts
 * waiting for a core).
 */
function measure(fn, articles, seconds) {
  for (let i = 0; i < articles.length * 3; i++) fn(articles[i % articles.length]);
  const times = [];
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  let i = 0;
  const cpu0 = process.cpuUsage();
  while (performance.now() < until || times.length < articles.length) {
    const a = articles[i % articles.length];
    const t0 = performance.now();
    fn(a);
    times.push(performance.now() - t0);
    bytes += a.bytes;
    if (++i % 64 === 0) sampleMemory();
  }
  const cpu = process.cpuUsage(cpu0);
  sampleMemory();
  const total = times.reduce((s, t) => s + t, 0);
  return { times, meanMs: total / times.length, cpuMsPerArticle: (cpu.user + cpu.system) / 1000 / times.length, bytesPerArticle: bytes / times.length };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

/** The runners over the articles in alternating slices; per runner, the median slice and the pooled per-call times. */
function measureInTurns(named, articles, seconds) {
  const slices = Object.fromEntries(named.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of named) slices[name].push(measure(fn, articles, seconds / ROUNDS));
  }
  return Object.fromEntries(
    named.map(([name]) => {
      const s = slices[name];
      const times = s.flatMap((x) => x.times).sort((x, y) => x - y);
      const meanMs = median(s.map((x) => x.meanMs));
      const cpuMsPerArticle = median(s.map((x) => x.cpuMsPerArticle));
      const bytesPerArticle = s.reduce((sum, x) => sum + x.bytesPerArticle, 0) / s.length;
      return [
        name,
        {
          n: times.length,
          meanMs,
          cpuMsPerArticle,
          articlesPerSec: 1000 / meanMs,
          articlesPerCpuSec: 1000 / cpuMsPerArticle,
          mbPerSec: bytesPerArticle / 1e6 / (meanMs / 1000),
          mbPerCpuSec: bytesPerArticle / 1e6 / (cpuMsPerArticle / 1000),
          p50: quantile(times, 0.5),
          p99: quantile(times, 0.99),
        },
      ];
    }),
  );
}

/**
 * Warms the JIT up on every runner and corpus, so that no row pays for
 * compiling the code: the extractor's first hundred or so calls are several
 * times slower than the rest. Runs at least `minCalls` rounds and `seconds`.
 */
function warmUp(corpora, seconds, minCalls) {
  const until = performance.now() + seconds * 1000;
  for (let round = 0; round < minCalls || performance.now() < until; round++) {
    for (const articles of corpora) for (const fn of Object.values(runners)) fn(articles[round % articles.length]);
  }
}

/** The cold start: the first call, and the mean of the first 50, before any warm-up. */
function coldStart(article) {
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    runners.parley(article);
    times.push(performance.now() - t0);
  }
  return { first: times[0], first50: times.reduce((s, t) => s + t, 0) / times.length };
}

/** The articles concatenated, with paragraph breaks, to about `mb` MB of UTF-8. */
function concatTo(articles, mb) {
  const target = Math.round(mb * 1e6);
  const parts = [];
  let n = 0;
  for (let i = 0; n < target; i++) {
    const a = articles[i % articles.length];
    parts.push(a.text, "\n\n");
    n += a.bytes + 2;
  }
  const text = parts.join("");
  // Cut at a character near the target size (non-ASCII letters take two bytes).
  return text.slice(0, Math.floor((text.length * target) / Buffer.byteLength(text)));
}

// ---------------------------------------------------------------- running

const fmt = (x, d = 2) => (x >= 100 ? x.toFixed(0) : x.toFixed(d));
const mb = (b) => `${(b / 1048576).toFixed(0)} MiB`;
const started = performance.now();
const log = (s) => process.stderr.write(`${s}\n`);

log(`bench: node ${process.version}, ${QUICK ? "quick" : "full"} run, ${BUDGET} s a row; seed ${seed.length} article(s), golden ${golden.length}`);
const loadBefore = (await import("node:os")).loadavg()[0];
const cold = coldStart(seed[0] ?? golden[0]);
log(`  cold start: first extraction ${fmt(cold.first)} ms, first 50 ${fmt(cold.first50)} ms each`);
warmUp([seed, golden], QUICK ? 3 : 6, 400);
const rows = [];
for (const [corpusName, articles] of [
  ["seed", seed],
  ["golden", golden],
  ["golden de", golden.filter((a) => a.language === "de")],
  ["golden en", golden.filter((a) => a.language === "en")],
]) {
  if (articles.length === 0) continue;
  const avgBytes = articles.reduce((s, a) => s + a.bytes, 0) / articles.length;
  const named = Object.entries(runners).filter(([name]) => name !== "parley (no schema check)" || corpusName === "seed" || corpusName === "golden");
  const results = measureInTurns(named, articles, corpusName.startsWith("golden ") ? BUDGET / 2 : BUDGET);
  for (const [name, r] of Object.entries(results)) log(`  ${corpusName} ${name}: ${fmt(r.articlesPerSec)} articles/s, ${fmt(r.articlesPerCpuSec)} per CPU-s`);
  for (const [name, r] of Object.entries(results)) {
    rows.push({ corpus: corpusName, articles: articles.length, avgBytes, runner: name, ...r, ratio: r.cpuMsPerArticle / results.chrono.cpuMsPerArticle, wallRatio: r.meanMs / results.chrono.meanMs });
  }
}

// Linearity: the same concatenation of every article at growing sizes; time per MB should stay flat.
const all = [...seed, ...golden];
const linear = [];
for (const size of LINEAR_SIZES_MB) {
  const text = concatTo(all, size);
  const bytes = Buffer.byteLength(text);
  const reps = size <= 0.1 ? (QUICK ? 2 : 5) : size <= 1 ? (QUICK ? 1 : 2) : 1;
  const row = { mb: size, bytes };
  for (const [name, fn] of [
    ["parley", () => extract({ text, language: "de", publishedAt: null })],
    ["chrono", () => chrono.de.parse(text, FALLBACK_REF)],
  ]) {
    if (size < 5) fn();
    let best = Infinity;
    let bestCpu = Infinity;
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      best = Math.min(best, wall);
      bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
      sampleMemory();
    }
    row[name] = best / 1000 / (bytes / 1e6);
    row[`${name}Cpu`] = bestCpu / 1000 / (bytes / 1e6);
  }
  linear.push(row);
  log(`  linearity ${size} MB: parley ${fmt(row.parley)} s/MB (cpu ${fmt(row.parleyCpu)}), chrono ${fmt(row.chrono)} s/MB (cpu ${fmt(row.chronoCpu)})`);
}

const elapsed = (performance.now() - started) / 1000;

if (JSON_OUT) {
  console.log(JSON.stringify({ node: process.version, quick: QUICK, load: loadBefore, cold, rows, linear, peak: { rss: peakRss, heapUsed: peakHeap }, seconds: elapsed }, null, 2));
} else {
  const out = [];
  const loadAfter = (await import("node:os")).loadavg()[0];
  out.push(`### Speed (\`npm run bench\`, node ${process.version}, one thread)`, "");
  out.push("| corpus | articles (avg size) | extractor | articles/s | MB/s | articles per CPU-s | MB per CPU-s | p50 ms | p99 ms | CPU time vs chrono |");
  out.push("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
  const chronoName = (corpus) => ({ seed: "chrono de.parse", golden: "chrono de/en.parse", "golden de": "chrono de.parse", "golden en": "chrono en.parse" })[corpus] ?? "chrono";
  for (const r of rows) {
    out.push(
      `| ${r.corpus} | ${r.articles} (${(r.avgBytes / 1000).toFixed(1)} kB) | ${r.runner === "chrono" ? chronoName(r.corpus) : r.runner} | ${fmt(r.articlesPerSec, 0)} | ${fmt(r.mbPerSec)} | ${fmt(r.articlesPerCpuSec, 0)} | ${fmt(r.mbPerCpuSec)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${r.runner === "chrono" ? "1" : `${fmt(r.ratio)}×`} |`,
    );
  }
  out.push("", `Cold start (a fresh process, before warm-up): the first extraction takes ${fmt(cold.first)} ms, the first 50 ${fmt(cold.first50)} ms each; the rows above are measured after warm-up.`);
  out.push("", `Peak memory over the run: rss ${mb(peakRss)}, heapUsed ${mb(peakHeap)} (the 5 MB linearity input included). Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${(await import("node:os")).availableParallelism()} cores: wall-clock rates include waiting for a core, CPU rates do not.`, "");
  out.push("| concatenated articles | parley s/MB | parley CPU-s/MB | chrono de.parse s/MB | chrono CPU-s/MB | parley vs chrono (CPU) |");
  out.push("|---:|---:|---:|---:|---:|---:|");
  for (const r of linear) out.push(`| ${r.mb} MB | ${fmt(r.parley, 3)} | ${fmt(r.parleyCpu, 3)} | ${fmt(r.chrono, 3)} | ${fmt(r.chronoCpu, 3)} | ${fmt(r.parleyCpu / r.chronoCpu)}× |`);
  const flat = linear.at(-1).parleyCpu / linear[0].parleyCpu;
  out.push("", `Parley's CPU time per MB at ${linear.at(-1).mb} MB is ${fmt(flat)}× that at ${linear[0].mb} MB (1 = linear).`, "");
  out.push(`_${rows.reduce((s, r) => s + r.n, 0)} timed extractions, ${elapsed.toFixed(0)} s in all. "CPU time vs chrono" is Parley's CPU time per article over chrono's on the same texts in the same run; within a corpus the runners alternate in ${ROUNDS} slices each and every figure is the median slice (p50 and p99 pool all calls)._`);
  console.log(out.join("\n"));
}
