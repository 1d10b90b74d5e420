import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ExtractionSchema, type Extraction } from "../model/index.js";
import { GoldSchema, type Gold } from "./gold.js";
import { locate } from "./locate.js";
import { scoreArticle } from "./score.js";
import { splitSentences } from "./sentences.js";

/*
 * A perfect extraction, built from a gold file, must score 1 on every gold
 * file there is: the seed gold of shared/eval and the golden test set. This
 * catches both scorer bugs and gold that the scorer cannot satisfy (an anchor
 * that is not in the text, a speaker that is not an actor).
 */

const SETS = [
  { gold: new URL("../../../../../shared/eval/gold/", import.meta.url), articles: new URL("../../../../seeds/", import.meta.url) },
  { gold: new URL("../../test/golden/gold/", import.meta.url), articles: new URL("../../test/golden/articles/", import.meta.url) },
].filter((s) => existsSync(s.gold));

const cases = SETS.flatMap((s) =>
  readdirSync(s.gold)
    .filter((f) => f.endsWith(".gold.json"))
    .sort()
    .map((f) => {
      const gold = GoldSchema.parse(JSON.parse(readFileSync(new URL(f, s.gold), "utf8")));
      return { name: f, gold, text: readFileSync(new URL(gold.file, s.articles), "utf8") };
    }),
);

function perfect(gold: Gold, text: string): Extraction {
  const actorId = (key: string) => {
    const a = gold.actors.find((x) => x.key === key);
    return a ? `${a.kind}:${a.key}` : `unknown:${key}`;
  };
  // The nth listing of a repeated text takes the nth occurrence.
  const seen = new Map<string, number>();
  const nth = (needle: string) => {
    const i = seen.get(needle) ?? 0;
    seen.set(needle, i + 1);
    const found = locate(text, needle);
    return found[i] ?? found[0]!;
  };
  return ExtractionSchema.parse({
    document: { language: gold.language ?? "de", publishedAt: gold.publishedAt, title: null },
    actors: gold.actors.map((a) => ({ id: actorId(a.key), kind: a.kind, name: a.names[0] ?? a.key, aliases: a.names, country: a.country, mentions: [] })),
    places: gold.places.map((p) => ({ id: `place:${p.key}`, name: p.names[0] ?? p.key, country: p.country, mentions: [] })),
    timexes: gold.timexes.map((t) => ({ ...nth(t.text), type: t.type ?? "DATE", value: t.value, mod: null })),
    events: gold.events
      .filter((e) => !e.optional)
      .map((e) => ({
        id: e.key,
        type: e.type,
        participants: e.countries.map((c) => `state:${c}`),
        place: e.place === null ? null : `place:${e.place}`,
        date: e.date === null ? null : { value: e.date },
        duration: e.duration === null ? null : { value: e.duration },
        issues: e.issues,
        sources: [],
        evidence: [locate(text, e.sentences[0]!)[0]!],
        modality: "asserted",
        plover: null,
        cameo: null,
      })),
    quotes: gold.quotes
      .filter((q) => q.speaker !== null)
      .map((q) => ({ ...nth(q.text), speaker: actorId(q.speaker!), via: q.via === null ? null : actorId(q.via) })),
    claims: [],
    extractor: { name: "perfect", version: "0" },
  });
}

describe.each(cases)("a perfect extraction of $name", ({ gold, text }) => {
  const s = scoreArticle(gold, perfect(gold, text), text);
  it("finds every gold text in the article", () => {
    expect(s.warnings).toEqual([]);
  });
  it("scores 1 in every category", () => {
    expect({ actors: s.actors.f1, events: s.events.f1, timexes: s.timexes.f1, quotes: s.quotes.f1 }).toEqual({ actors: 1, events: 1, timexes: 1, quotes: 1 });
  });
  it("finds every anchor and negative inside one sentence (the splitter cuts no anchor)", () => {
    const sentences = splitSentences(text);
    const texts = [...gold.events.flatMap((e) => e.sentences), ...gold.negatives.map((n) => n.sentence)];
    const cut = texts.filter((t) => locate(text, t).some((o) => !sentences.some((s) => s.start <= o.start && o.end <= s.end)));
    expect(cut).toEqual([]);
  });
  it("has every attribute right", () => {
    expect(s.details.wrong).toEqual([]);
    expect(s.events.issues.f1).toBe(1);
  });
});
