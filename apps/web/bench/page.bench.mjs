#!/usr/bin/env node
// The timeline page's server response time at 1,000 and 10,000 articles.
//
//   npm run bench            (in apps/web, after `npx next build`)
//   BENCH_SIZES=1000 npm run bench
//
// Articles are made by substitution from the seed and the golden fixtures of
// @parley/core: another city, another publication date, and a serial line at
// the end (so that each text is new to the store, which keeps a text once).
// They go in through the Corpus (`ingest`), as the site and the API write.
// The extractor runs for real, once per distinct variant: the serial line adds
// nothing to extract, so its result is reused for the copies of a variant.
//
// A static route (/about, prerendered) is measured in the same run, in turn
// with the timeline, as the baseline of what the server costs by itself.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "@parley/core";
import { openCorpus } from "@parley/store";

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repo = resolve(webDir, "../..");
const SIZES = (process.env.BENCH_SIZES ?? "1000,10000").split(",").map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const ROUTES = [
  { name: "timeline", path: "/" },
  { name: "timeline, type filter", path: "/?type=meeting" },
  { name: "static baseline", path: "/about" },
];

function templates() {
  const out = [];
  const add = (dir, name) => {
    const text = readFileSync(join(dir, name), "utf8");
    let meta = {};
    try {
      meta = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, ".meta.json")), "utf8"));
    } catch {}
    out.push({ text, meta });
  };
  add(join(repo, "seeds"), readdirSync(join(repo, "seeds")).find((f) => f.endsWith(".txt")));
  const golden = join(repo, "packages/core/test/golden/articles");
  for (const f of readdirSync(golden).filter((f) => f.endsWith(".txt")).sort()) add(golden, f);
  return out;
}

const SWAPS = [null, ["Istanbul", "Genf"], ["Geneva", "Vienna"], ["Doha", "Muscat"]];

/** 40 publication dates across two years, or none (the seed's case). */
const dateOf = (k) => (k % 10 === 9 ? null : new Date(Date.UTC(2024, 0, 1) + (k * 17 % 730) * 86_400_000).toISOString().slice(0, 10));

function variant(tpls, i) {
  const t = tpls[i % tpls.length];
  const k = Math.floor(i / tpls.length);
  const swap = SWAPS[k % SWAPS.length];
  let text = t.text;
  if (swap) text = text.split(swap[0]).join(swap[1]);
  // The first copy of each template keeps its own date; later ones move across two years.
  const publishedAt = k === 0 ? (t.meta.publishedAt ?? null) : dateOf(k % 40);
  return { text, publishedAt, meta: t.meta };
}

const SERIAL = /\n\n\(Archivkopie \d+\)$/;

async function fill(corpus, tpls, from, to) {
  const t0 = performance.now();
  for (let i = from; i < to; i++) {
    const v = variant(tpls, i);
    await corpus.ingest({
      text: `${v.text}\n\n(Archivkopie ${i})`,
      language: v.meta.language ?? "de",
      title: v.meta.title ? `${v.meta.title} (${i})` : null,
      source: v.meta.source ?? null,
      publishedAt: v.publishedAt,
    });
    if ((i + 1) % 500 === 0) process.stderr.write(`  ${i + 1} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
}

/** The real extractor, run once per distinct text and date (the serial line at the end adds nothing). */
function cachedExtract() {
  const cache = new Map();
  return (input) => {
    const base = input.text.replace(SERIAL, "");
    const key = `${input.language}|${input.publishedAt}|${base}`;
    let x = cache.get(key);
    if (!x) cache.set(key, (x = extract({ ...input, text: base }, { validate: false })));
    return { ...x, document: { ...x.document, title: input.title ?? null } };
  };
}

function freePort() {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const p = s.address().port;
      s.close(() => ok(p));
    });
  });
}

async function startSite(databaseUrl) {
  const port = await freePort();
  const bin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [bin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, PARLEY_DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/about`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    stop: () =>
      new Promise((r) => {
        child.once("exit", r);
        child.kill("SIGTERM");
      }),
  };
}

async function timeOnce(url) {
  const t0 = performance.now();
  const res = await fetch(url);
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return { ms: performance.now() - t0, bytes: body.length };
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function measure(base) {
  // Warm up: the first requests compile nothing in production, but fill caches.
  for (const r of ROUTES) for (let i = 0; i < 5; i++) await timeOnce(base + r.path);
  const times = Object.fromEntries(ROUTES.map((r) => [r.name, []]));
  const bytes = {};
  for (let i = 0; i < REQUESTS; i++)
    for (const r of ROUTES) {
      const { ms, bytes: b } = await timeOnce(base + r.path);
      times[r.name].push(ms);
      bytes[r.name] = b;
    }
  return Object.fromEntries(
    ROUTES.map((r) => [r.name, { median: pct(times[r.name], 50), p95: pct(times[r.name], 95), kb: Math.round(bytes[r.name] / 1024) }]),
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "parley-web-bench-"));
  const databaseUrl = `sqlite:${join(dir, "bench.db")}`;
  const tpls = templates();
  const corpus = await openCorpus(databaseUrl, { extract: cachedExtract() });
  const results = [];
  let have = 0;
  try {
    for (const size of SIZES) {
      process.stderr.write(`Filling to ${size} articles from ${tpls.length} templates …\n`);
      await fill(corpus, tpls, have, size);
      have = size;
      const { total } = await corpus.timeline({ limit: 1 });
      const site = await startSite(databaseUrl);
      try {
        const m = await measure(site.base);
        results.push({ articles: size, events: total, ...m });
      } finally {
        await site.stop();
      }
    }
  } finally {
    await corpus.close();
    if (process.env.BENCH_KEEP_DB) console.error(`kept ${databaseUrl}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  const base = (r) => r["static baseline"].median;
  console.log(`\nServer response time, ${REQUESTS} sequential requests per route (median / p95, ms):\n`);
  console.log(["articles", "events", ...ROUTES.map((r) => r.name), "timeline ÷ static"].join(" | "));
  for (const r of results) {
    console.log(
      [
        r.articles,
        r.events,
        ...ROUTES.map((x) => `${r[x.name].median.toFixed(1)} / ${r[x.name].p95.toFixed(1)} (${r[x.name].kb} KB)`),
        `${(r.timeline.median / base(r)).toFixed(1)}×`,
      ].join(" | "),
    );
  }
  const last = results.at(-1);
  if (last) console.log(`\nAim: under 200 ms at 10,000 articles; the timeline's median at ${last.articles} is ${last.timeline.median.toFixed(1)} ms.`);
  const out = join(webDir, "bench-results");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "page.json"), JSON.stringify({ requests: REQUESTS, results }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
