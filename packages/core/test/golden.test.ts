import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../src/extract.js";
import { GoldSchema, aggregate, formatSummary, scoreArticle, type ArticleScore, type Gold } from "../src/eval/index.js";
import type { Extraction } from "../src/model/index.js";

/*
 * The whole pipeline scored against gold files, as `parley eval` scores it:
 * the seed (its gold lives in shared/eval beside the clone) must reach the
 * issue's figures; the golden test set must stay above floors a little below
 * today's figures, so that a regression fails CI.
 */

const REPO = path.resolve(__dirname, "../../..");
const SEED_GOLD = path.resolve(__dirname, "../../..", "..", "shared/eval/gold");
const SEED_ARTICLES = path.join(REPO, "seeds");
const GOLDEN_GOLD = path.resolve(__dirname, "golden/gold");
const GOLDEN_ARTICLES = path.resolve(__dirname, "golden/articles");

interface Meta {
  title?: string | null;
  language?: "de" | "en" | null;
  publishedAt?: string | null;
}

interface Case {
  gold: Gold;
  text: string;
  extraction: Extraction;
  score: ArticleScore;
}

/** Extracts and scores every gold file of a folder, with the article's metadata as the CLI reads it. */
function run(goldDir: string, articlesDir: string): Case[] {
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => {
      const gold = GoldSchema.parse(JSON.parse(readFileSync(path.join(goldDir, f), "utf8")));
      const articleFile = path.join(articlesDir, gold.file);
      const text = readFileSync(articleFile, "utf8");
      const metaFile = articleFile.replace(/\.txt$/u, ".meta.json");
      const meta: Meta = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, "utf8")) : {};
      const language = meta.language ?? gold.language ?? undefined;
      const extraction = extract({
        text,
        ...(language ? { language } : {}),
        publishedAt: meta.publishedAt ?? gold.publishedAt ?? null,
        title: meta.title ?? null,
      });
      return { gold, text, extraction, score: scoreArticle(gold, extraction, text) };
    });
}

const seedAvailable = existsSync(SEED_GOLD);

describe.skipIf(!seedAvailable)("the seed reaches the issue's figures", () => {
  const cases = seedAvailable ? run(SEED_GOLD, SEED_ARTICLES) : [];
  const total = aggregate(cases.map((c) => c.score));

  it("scores at least one seed article", () => {
    expect(cases.length).toBeGreaterThan(0);
    console.log(`seed: ${formatSummary(total)}`);
  });

  it("finds every actor and nothing else (actors F1 = 1)", () => {
    const { missed, falsePositives } = cases[0]!.score.details;
    expect({ missed: missed.actors, falsePositives: falsePositives.actors }).toEqual({ missed: [], falsePositives: [] });
    expect(total.actors.f1).toBe(1);
  });

  it("finds the events (events F1 ≥ 0.9)", () => {
    expect(total.events.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("puts no event in the negative sentences", () => {
    expect(total.events.negatives).toBe(0);
  });

  it("finds every timex with the right value", () => {
    const { missed, wrong } = cases[0]!.score.details;
    expect(missed.timexes).toEqual([]);
    expect(wrong.filter((w) => w.field === "timex value")).toEqual([]);
    expect(total.timexes.recall).toBe(1);
    expect(total.timexes.values.right).toBe(total.timexes.values.total);
  });

  it("attributes the quote to Medinsky via TASS", () => {
    const { gold, extraction, text } = cases[0]!;
    for (const q of gold.quotes) {
      const start = text.indexOf(q.text);
      const end = start + q.text.length;
      const found = extraction.quotes.filter((x) => x.start < end && start < x.end);
      expect(found.map((x) => ({ speaker: x.speaker, via: x.via }))).toEqual([{ speaker: "person:vladimir-medinsky", via: "organization:tass" }]);
    }
    expect(total.quotes.f1).toBe(1);
    expect(total.quotes.via.right).toBe(total.quotes.via.total);
  });

  it("quotes no title or slogan", () => {
    expect(total.quotes.notQuotes).toBe(0);
  });
});

if (!seedAvailable) {
  describe("the seed", () => {
    it.skip(`is not scored: ${SEED_GOLD} is missing (CI keeps shared/ beside the clone)`, () => {});
  });
  console.warn(`golden.test.ts: seed gold folder ${SEED_GOLD} is missing; the seed part is skipped`);
}

/*
 * Floors for the golden test set: about 0.03 below the figures measured when
 * they were set (`node apps/tui/bin/parley.mjs eval packages/core/test/golden/gold
 * --articles packages/core/test/golden/articles`). Raise them as the extractor
 * improves; never lower them to make a change pass.
 */
const FLOORS = {
  actors_f1: 0.95, // measured 0.987 (20 articles)
  events_f1: 0.86, // measured 0.886
  timexes_f1: 0.97, // measured 0.996
  timex_values: 0.95, // measured 0.975
  quotes_f1: 0.9, // measured 0.932
  event_countries: 0.79, // measured 0.815
  event_places: 0.59, // measured 0.625 (40/64)
  event_durations: 0.83, // measured 0.889 (16/18)
  event_dates: 0.69, // measured 0.716 (63/88)
  event_issues_f1: 0.65, // measured 0.680
};
/** At most this many events in the gold's negative sentences (measured 0). */
const MAX_NEGATIVE_EVENTS = 2;

describe("the golden test set stays above its floors", () => {
  const cases = run(GOLDEN_GOLD, GOLDEN_ARTICLES);
  const total = aggregate(cases.map((c) => c.score));
  const figures = {
    actors_f1: total.actors.f1,
    events_f1: total.events.f1,
    timexes_f1: total.timexes.f1,
    timex_values: total.timexes.values.value ?? 1,
    quotes_f1: total.quotes.f1,
    event_countries: total.events.countries.value ?? 1,
    event_places: total.events.place.value ?? 1,
    event_durations: total.events.duration.value ?? 1,
    event_dates: total.events.date.value ?? 1,
    event_issues_f1: total.events.issues.f1,
  };

  it("scores all the golden articles, German and English", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.extraction.document.language))).toEqual(new Set(["de", "en"]));
    for (const c of cases) expect(c.score.warnings, c.gold.file).toEqual([]);
    console.log(`golden: ${formatSummary(total)}`);
  });

  it.each(Object.keys(FLOORS) as (keyof typeof FLOORS)[])("%s stays above its floor", (key) => {
    expect(figures[key], `${key} = ${figures[key].toFixed(3)}, floor ${FLOORS[key]}`).toBeGreaterThanOrEqual(FLOORS[key]);
  });

  it(`puts at most ${MAX_NEGATIVE_EVENTS} events in negative sentences`, () => {
    expect(total.events.negatives).toBeLessThanOrEqual(MAX_NEGATIVE_EVENTS);
  });

  it("quotes no title or slogan", () => {
    expect(total.quotes.notQuotes).toBe(0);
  });
});
