// The store's bench: `npm run bench` (after `npx tsup`). BENCH_QUICK=1 for a smaller run.
// BENCH_ENGINES=sqlite or =postgres for one engine; PARLEY_BENCH_PG_URL for another server.
//
// 1. baselines on each engine: `SELECT 1` through kysely, and a plain insert loop
//    (one row a transaction, no extraction, no timeline), so that the figures read as ratios;
// 2. ingest of generated articles (the fixture texts with other names, places, dates
//    and figures; extractions made beside them, so the extractor's time is not counted);
// 3. the timeline's first page (50 entries) at 1,000, 10,000 and 100,000 articles: no filter,
//    an actor filter, a text query; p50 and p99;
// 4. database size per article.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openCorpus } from "../dist/index.js";
import { generateArticles, generatedExtractor } from "../test/fixtures/generate.mjs";

const QUICK = Boolean(process.env.BENCH_QUICK);
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgres").split(",").map((s) => s.trim());
const PG_ADMIN = process.env.PARLEY_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const INGEST = QUICK ? 2_000 : 10_000;
const SIZES = QUICK ? [1_000, 2_000, 20_000] : [1_000, 10_000, 100_000];
const QUERY_RUNS = QUICK ? 50 : 100;

const records = JSON.parse(readFileSync(new URL("../test/fixtures/extractions.json", import.meta.url), "utf8"));
const t0 = performance.now();
const articles = generateArticles(records, INGEST, 42);
const extract = generatedExtractor(articles);
log(`generated ${articles.length} articles in ${ms(performance.now() - t0)}`);

function log(s) {
  process.stderr.write(`${s}\n`);
}
function ms(x) {
  return `${x.toFixed(x < 10 ? 2 : 0)} ms`;
}
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
async function timeIt(runs, fn) {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(i); // warm up
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return { p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) };
}

async function pgAdmin(statement) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    return await c.query(statement);
  } finally {
    await c.end();
  }
}

async function freshStore(engine) {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
    const path = join(dir, "parley.db");
    return { url: `sqlite:${path}`, path, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `parley_bench_${randomBytes(5).toString("hex")}`;
  await pgAdmin(`create database ${name}`);
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, dispose: () => pgAdmin(`drop database if exists ${name} with (force)`) };
}

/** The plain insert loop: the same number of rows as articles, one transaction each, no index but the key. */
async function baselineInsert(engine, n) {
  const store = await freshStore(engine);
  try {
    if (engine === "sqlite") {
      const db = new Database(store.path);
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.exec("create table t (id text primary key, text text not null)");
      const insert = db.prepare("insert into t (id, text) values (?, ?)");
      const t = performance.now();
      for (let i = 0; i < n; i++) db.transaction(() => insert.run(String(i), articles[i % articles.length].input.text))();
      const rate = n / ((performance.now() - t) / 1000);
      db.close();
      return rate;
    }
    const c = new pg.Client({ connectionString: store.url });
    await c.connect();
    await c.query("create table t (id text primary key, text text not null)");
    const t = performance.now();
    for (let i = 0; i < n; i++) await c.query("insert into t (id, text) values ($1, $2)", [String(i), articles[i % articles.length].input.text]);
    const rate = n / ((performance.now() - t) / 1000);
    await c.end();
    return rate;
  } finally {
    await store.dispose();
  }
}

async function sizeOf(engine, store) {
  if (engine === "sqlite") {
    const db = new Database(store.path);
    db.pragma("wal_checkpoint(TRUNCATE)");
    db.close();
    return statSync(store.path).size + (existsSync(`${store.path}-wal`) ? statSync(`${store.path}-wal`).size : 0);
  }
  const { rows } = await pgAdmin(`select pg_database_size('${store.name}') as n`);
  return Number(rows[0].n);
}

/**
 * Grows the store to `target` articles by copying every stored row (articles,
 * extractions, events, actors' mentions, the timeline) under new ids, in bulk
 * SQL: what ingest would store for as many more articles of the same kind,
 * without the time to ingest them one by one.
 */
async function bulkGrow(engine, store, base, target) {
  const copies = Math.ceil(target / base) - 1;
  const statements = (k) => {
    const s = `'~${k}'`;
    return [
      `insert into articles (id, title, source, url, language, published_at, text, ingested_at, extractor_version, event_count)
         select id || ${s}, title, source, url, language, published_at, text || ' ' || ${s}, ingested_at, extractor_version, event_count
         from articles where id not like '%~%'`,
      `insert into extractions (article_id, json) select article_id || ${s}, json from extractions where article_id not like '%~%'`,
      `insert into article_actors (article_id, actor_id, mention_count, mentions)
         select article_id || ${s}, actor_id, mention_count, mentions from article_actors where article_id not like '%~%'`,
      `insert into events (article_id, event_id, type, date_value, day, place, modality, issues)
         select article_id || ${s}, event_id, type, date_value, day, place, modality, issues from events where article_id not like '%~%'`,
      `insert into event_participants (article_id, event_id, actor_id)
         select article_id || ${s}, event_id, actor_id from event_participants where article_id not like '%~%'`,
      `insert into event_issues (article_id, event_id, issue)
         select article_id || ${s}, event_id, issue from event_issues where article_id not like '%~%'`,
      `insert into timeline_entries (id, type, sort_key, day_from, day_to, month_day, report_count, entry, body)
         select id || ${s}, type, sort_key || ${s}, day_from, day_to, month_day, report_count, entry, body
         from timeline_entries where id not like '%~%'`,
      `insert into timeline_reports (article_id, event_id, entry_id, position, report)
         select article_id || ${s}, event_id, entry_id || ${s}, position, report from timeline_reports where article_id not like '%~%'`,
      `insert into timeline_actors (entry_id, actor_id, country)
         select entry_id || ${s}, actor_id, country from timeline_actors where entry_id not like '%~%'`,
      `insert into timeline_issues (entry_id, issue) select entry_id || ${s}, issue from timeline_issues where entry_id not like '%~%'`,
    ];
  };
  const recount = [
    `update counters set value = (select count(*) from articles) where name = 'articles'`,
    `update counters set value = (select count(*) from timeline_entries) where name = 'timeline_entries'`,
  ];
  if (engine === "sqlite") {
    const db = new Database(store.path);
    db.pragma("journal_mode = WAL");
    for (let k = 1; k <= copies; k++) db.transaction(() => statements(k).forEach((s) => db.exec(s)))();
    recount.forEach((s) => db.exec(s));
    db.exec("analyze");
    db.close();
  } else {
    const c = new pg.Client({ connectionString: store.url });
    await c.connect();
    for (let k = 1; k <= copies; k++) {
      await c.query("begin");
      for (const s of statements(k)) await c.query(s);
      await c.query("commit");
    }
    for (const s of recount) await c.query(s);
    await c.query("vacuum analyze");
    await c.end();
  }
  return base * (copies + 1);
}

async function queries(corpus) {
  const actor = "state:RUS";
  return {
    page: await timeIt(QUERY_RUNS, () => corpus.timeline({ limit: 50 })),
    actor: await timeIt(QUERY_RUNS, () => corpus.timeline({ limit: 50, actor })),
    text: await timeIt(QUERY_RUNS, (i) => corpus.timeline({ limit: 50, q: ["Gefangenenaustausch", "memorandum", "prisoners", "Treffen"][i % 4] })),
    next: await timeIt(QUERY_RUNS, async () => {
      const first = await corpus.timeline({ limit: 50 });
      if (first.nextCursor) await corpus.timeline({ limit: 50, cursor: first.nextCursor });
    }),
  };
}

const rows = [];
for (const engine of ENGINES) {
  log(`--- ${engine}`);
  const store = await freshStore(engine);
  try {
    const corpus = await openCorpus(store.url, { extract });
    const ping = await timeIt(QUERY_RUNS, () => corpus.ping());
    const emptySize = await sizeOf(engine, store);
    const plain = await baselineInsert(engine, engine === "sqlite" ? INGEST : Math.min(INGEST, 3_000));
    rows.push({ engine, what: "baseline: SELECT 1 (kysely)", value: `p50 ${ms(ping.p50)}, p99 ${ms(ping.p99)}` });
    rows.push({ engine, what: "baseline: plain insert loop", value: `${plain.toFixed(0)} rows/s` });

    // The first 1,000 one a transaction (ingest), the rest in groups (ingestMany, 32 a transaction).
    let done = 0;
    const rate = { single: { n: 0, ms: 0 }, batch: { n: 0, ms: 0 } };
    for (const size of SIZES.filter((s) => s <= INGEST)) {
      const t = performance.now();
      const mode = done < 1_000 ? "single" : "batch";
      if (mode === "single") for (; done < size; done++) await corpus.ingest(articles[done].input);
      else {
        await corpus.ingestMany(articles.slice(done, size).map((a) => a.input));
        rate.batch.n += size - done;
        done = size;
      }
      if (mode === "single") rate.single.n = done;
      rate[mode].ms += performance.now() - t;
      log(`${engine}: ${done} articles ingested`);
      const q = await queries(corpus);
      rows.push({ engine, what: `timeline at ${size.toLocaleString("en")} articles`, q });
    }
    const total = (await corpus.timeline({ limit: 1 })).total;
    for (const [mode, r] of Object.entries(rate)) {
      if (!r.n) continue;
      const perSecond = r.n / (r.ms / 1000);
      rows.push({
        engine,
        what: mode === "single" ? `ingest ${r.n.toLocaleString("en")} articles, 1 a transaction` : `ingest ${r.n.toLocaleString("en")} more, ingestMany (32 a transaction)`,
        value: `${perSecond.toFixed(0)} articles/s (plain insert loop: ${(plain / perSecond).toFixed(1)}x as fast)`,
      });
    }
    rows.push({ engine, what: `timeline entries from ${INGEST.toLocaleString("en")} articles`, value: String(total) });
    const size = await sizeOf(engine, store);
    rows.push({ engine, what: "database size per article", value: `${((size - emptySize) / INGEST / 1024).toFixed(1)} KiB (text ${(articles.reduce((s, a) => s + a.input.text.length, 0) / INGEST / 1024).toFixed(1)} KiB)` });

    for (const target of SIZES.filter((s) => s > INGEST)) {
      await corpus.close();
      const t = performance.now();
      const n = await bulkGrow(engine, store, INGEST, target);
      log(`${engine}: grown to ${n} articles by bulk copy in ${ms(performance.now() - t)}`);
      const again = await openCorpus(store.url, { extract });
      const q = await queries(again);
      rows.push({ engine, what: `timeline at ${n.toLocaleString("en")} articles (bulk-copied rows)`, q });
      const total = (await again.timeline({ limit: 1 })).total;
      rows.push({ engine, what: `  … timeline entries at ${n.toLocaleString("en")}`, value: String(total) });
      await again.close();
    }
    if (!SIZES.some((s) => s > INGEST)) await corpus.close();
  } finally {
    await store.dispose();
  }
}

const fmt = (q) => `${ms(q.p50).padStart(9)} ${ms(q.p99).padStart(9)}`;
console.log(`\nParley store bench${QUICK ? " (BENCH_QUICK)" : ""} — ${new Date().toISOString()}, node ${process.version}`);
console.log("timeline columns: p50 and p99 of the first page (50 entries): no filter | actor filter | text query | first two pages");
console.log("-".repeat(130));
for (const r of rows) {
  const cells = r.q ? `${fmt(r.q.page)} | ${fmt(r.q.actor)} | ${fmt(r.q.text)} | ${fmt(r.q.next)}` : r.value;
  console.log(`${r.engine.padEnd(9)} ${r.what.padEnd(52)} ${cells}`);
}
