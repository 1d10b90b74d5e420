import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ExtractionSchema, type Actor, type DiplomaticEvent, type Extraction } from "../model/index.js";
import { aggregate } from "./aggregate.js";
import { GoldSchema, type Gold } from "./gold.js";
import { locate } from "./locate.js";
import { scoreArticle } from "./score.js";

// The real seed gold and article, read as a user's would be.
const GOLD_DIR = new URL("../../../../../shared/eval/gold/", import.meta.url);
const SEEDS = new URL("../../../../seeds/", import.meta.url);
const gold: Gold = GoldSchema.parse(JSON.parse(readFileSync(new URL("000_d9bf279fc9ea0bf9.gold.json", GOLD_DIR), "utf8")));
const text = readFileSync(new URL(gold.file, SEEDS), "utf8");

const at = (needle: string, nth = 0) => {
  const found = locate(text, needle)[nth];
  if (!found) throw new Error(`not in the seed: ${needle}`);
  return found;
};

const actorId = (key: string) => {
  const g = gold.actors.find((a) => a.key === key);
  return g ? `${g.kind}:${g.key}` : key;
};

const event = (type: DiplomaticEvent["type"], anchor: string, extra: Partial<DiplomaticEvent> = {}): DiplomaticEvent =>
  ({
    id: `${type}-${anchor}`,
    type,
    participants: [],
    place: null,
    date: null,
    duration: null,
    issues: [],
    sources: [],
    evidence: [at(anchor)],
    modality: "asserted",
    plover: null,
    cameo: null,
    ...extra,
  }) as DiplomaticEvent;

/** The extraction a perfect extractor would produce, built from the gold. */
function perfect(): Extraction {
  const stateOf = (country: string) => gold.actors.find((a) => a.kind === "state" && a.country === country)!;
  return ExtractionSchema.parse({
    document: { language: "de", publishedAt: null, title: null },
    actors: gold.actors.map(
      (a): Actor => ({ id: actorId(a.key), kind: a.kind, name: a.names[0]!, aliases: a.names.slice(1), country: a.country, mentions: [] }),
    ),
    places: gold.places.map((p) => ({ id: `place:${p.key}`, name: p.names[0]!, country: p.country, mentions: [] })),
    timexes: gold.timexes.map((t) => ({ ...at(t.text), type: t.type ?? "DATE", value: t.value, mod: null })),
    events: gold.events
      .filter((e) => !e.optional)
      .map((e) =>
        event(e.type, e.sentences[0]!, {
          id: e.key,
          participants: e.countries.map((c) => actorId(stateOf(c).key)),
          place: e.place === null ? null : `place:${e.place}`,
          date: e.date === null ? null : { value: e.date },
          duration: e.duration === null ? null : { value: e.duration },
          issues: e.issues,
        }),
      ),
    quotes: gold.quotes.map((q) => ({ ...at(q.text), speaker: actorId(q.speaker!), via: q.via === null ? null : actorId(q.via) })),
    claims: [],
    extractor: { name: "test", version: "0" },
  });
}

const empty = (): Extraction => ({ ...perfect(), actors: [], places: [], timexes: [], events: [], quotes: [] });
const score = (x: Extraction) => scoreArticle(gold, x, text);

describe("scoreArticle on the seed gold", () => {
  it("scores a perfect extraction 1.0 everywhere", () => {
    const s = score(perfect());
    expect(s.warnings).toEqual([]);
    expect([s.actors.f1, s.events.f1, s.timexes.f1, s.quotes.f1]).toEqual([1, 1, 1, 1]);
    expect(s.actors).toMatchObject({ tp: 8, fp: 0, fn: 0 });
    expect(s.events).toMatchObject({ tp: 7, fp: 0, fn: 0, duplicates: 0, negatives: 0 });
    expect(s.timexes).toMatchObject({ tp: 7, fp: 0, fn: 0 });
    expect(s.quotes).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(s.events.date).toEqual({ right: 2, total: 2, value: 1 });
    expect(s.events.place).toEqual({ right: 2, total: 2, value: 1 });
    expect(s.events.duration).toEqual({ right: 2, total: 2, value: 1 });
    expect(s.events.countries).toEqual({ right: 15, total: 15, value: 1 });
    expect(s.events.issues).toMatchObject({ tp: 4, fp: 0, fn: 0, f1: 1 });
    expect(s.timexes.values).toEqual({ right: 4, total: 4, value: 1 });
    expect(s.quotes.speaker.value).toBe(1);
    expect(s.quotes.via.value).toBe(1);
  });

  it("scores an empty extraction 0 with everything missed", () => {
    const s = score(empty());
    expect([s.actors.f1, s.events.f1, s.timexes.f1, s.quotes.f1]).toEqual([0, 0, 0, 0]);
    expect([s.actors.fn, s.events.fn, s.timexes.fn, s.quotes.fn]).toEqual([8, 7, 7, 1]);
    expect(s.details.missed.events.map((m) => m.key)).toEqual(["E1", "E2", "E3", "E4", "E5", "E6", "E7"]);
  });
});

const withActors = (...actors: Partial<Actor>[]): Extraction => {
  const x = perfect();
  return {
    ...x,
    actors: [
      ...x.actors,
      ...actors.map((a, i) => ({ id: `extra:${i}`, kind: "person" as const, name: "", aliases: [], country: null, mentions: [], ...a })),
    ],
  };
};

describe("actors", () => {
  it.each([
    ["a second actor for the same person is a false positive", withActors({ name: "Medinskij", country: "RUS" }), { tp: 8, fp: 1, fn: 0 }],
    ["a second actor matching by a mention's text", withActors({ name: "W. M.", mentions: [at("Medinskijs")] }), { tp: 8, fp: 1, fn: 0 }],
    ["an actor the gold does not know is a false positive", withActors({ name: "Wolodymyr Selenskyj", country: "UKR" }), { tp: 8, fp: 1, fn: 0 }],
    ["a group actor is ignored", withActors({ kind: "group", name: "Kämpfer" }), { tp: 8, fp: 0, fn: 0 }],
    ["a delegation actor is ignored", withActors({ kind: "delegation", name: "Delegation of Russia", country: "RUS" }), { tp: 8, fp: 0, fn: 0 }],
    ["an organization matching only an optional group gold actor is neither", withActors({ kind: "organization", name: "russische Staatsagenturen" }), { tp: 8, fp: 0, fn: 0 }],
  ])("%s", (_label, extraction, counts) => {
    expect(score(extraction).actors).toMatchObject(counts);
  });

  it.each([
    ["by folded name: GROSSBRITANNIEN", { id: "x", kind: "state" as const, name: "GROSSBRITANNIEN", country: null }],
    ["by an alias with diacritics dropped", { id: "x", kind: "state" as const, name: "UK?", aliases: ["Grossbritannién"], country: null }],
    ["a state by its country alone", { id: "x", kind: "state" as const, name: "Vereinigtes Königreich", country: "GBR" }],
  ])("matches %s", (_label, a) => {
    const x = perfect();
    const actors = [...x.actors.filter((b) => b.id !== "state:GBR"), { aliases: [], mentions: [], ...a }];
    expect(score({ ...x, actors }).actors).toMatchObject({ tp: 8, fp: 0, fn: 0 });
  });

  it("does not match a person by country", () => {
    const x = perfect();
    const actors = [...x.actors.filter((b) => b.id !== "person:umerov"), { id: "p", kind: "person" as const, name: "Someone", aliases: [], country: "UKR", mentions: [] }];
    const s = score({ ...x, actors }).actors;
    expect(s).toMatchObject({ tp: 7, fp: 1, fn: 1 });
    expect(s.recall).toBeCloseTo(7 / 8);
  });
});

const withEvents = (...events: DiplomaticEvent[]): Extraction => {
  const x = perfect();
  return { ...x, events: [...x.events, ...events] };
};

describe("events", () => {
  it.each([
    ["an event in a negative sentence is a false positive", withEvents(event("statement", "Dies ist einer der Schlüsselpunkt")), { tp: 7, fp: 1, duplicates: 0, negatives: 1 }],
    ["a goal is not an agreement", withEvents(event("agreement", "einen Konsens über die weiteren Schritte")), { tp: 7, fp: 1, negatives: 1 }],
    ["a second event for a matched gold event is a duplicate", withEvents(event("meeting", "Details dieses Treffens")), { tp: 7, fp: 1, duplicates: 1, negatives: 0 }],
    ["the right sentence with the wrong type is a false positive", withEvents(event("phone_call", "kurzes Treffen durch")), { tp: 7, fp: 1, duplicates: 0 }],
    ["an optional gold event is neither hit nor false positive", withEvents(event("prisoner_exchange", "endete mit einer Einigung")), { tp: 7, fp: 0, fn: 0 }],
    ["an optional statement is neither", withEvents(event("statement", "breite Resonanz")), { tp: 7, fp: 0, fn: 0 }],
  ])("%s", (_label, extraction, counts) => {
    expect(score(extraction).events).toMatchObject(counts);
  });

  it("lists the negative false positive with its text", () => {
    const s = score(withEvents(event("statement", "Derzeit ist es entscheidend")));
    expect(s.details.falsePositives.events).toEqual([
      { id: "statement-Derzeit ist es entscheidend", text: "statement: Derzeit ist es entscheidend", reason: "negative" },
    ]);
  });

  it("matches evidence anywhere in an anchor's sentence, and gives each gold event to the best overlap", () => {
    // Two meetings: one in the sentence of E2's second anchor, one in E1's headline.
    const x = { ...empty(), events: [event("meeting", "zwischen den Seiten"), event("meeting", "Vor Beginn der internationalen Verhandlungen")] };
    const s = score(x);
    expect(s.events).toMatchObject({ tp: 2, fp: 0, fn: 5 });
    expect(s.details.missed.events.map((m) => m.key)).toEqual(["E3", "E4", "E5", "E6", "E7"]);
  });

  it("a headline event can be the meeting and the negotiation at once", () => {
    const x = { ...empty(), events: [event("meeting", "Vor Beginn"), event("negotiation", "Vor Beginn")] };
    expect(score(x).events).toMatchObject({ tp: 2, fp: 0, fn: 5 });
  });

  it.each([
    ["E6", { date: { value: "XXXX-06-02TEV" } }, "date", { right: 2, total: 2 }],
    ["E6", { date: { value: "2025-06-02" } }, "date", { right: 1, total: 2 }],
    ["E6", { date: null }, "date", { right: 1, total: 2 }],
    ["E1", { date: { value: "XXXX-05-17" } }, "date", { right: 2, total: 2 }],
    ["E4", { place: null }, "place", { right: 1, total: 2 }],
    ["E4", { place: "place:kyiv" }, "place", { right: 1, total: 2 }],
    ["E1", { duration: { value: "PT3H" } }, "duration", { right: 1, total: 2 }],
    ["E3", { participants: ["state:RUS", "state:UKR"] }, "countries", { right: 12, total: 15 }],
    ["E3", { participants: ["person:medinsky", "person:umerov", "state:DEU", "state:ITA", "state:GBR"] }, "countries", { right: 15, total: 15 }],
  ] as const)("judges %s %o: %s %o", (key, change, field, want) => {
    const x = perfect();
    const events = x.events.map((e) => (e.id === key ? { ...e, ...change } : e)) as DiplomaticEvent[];
    expect(score({ ...x, events }).events[field]).toMatchObject(want);
  });

  it("finds the place through the extraction's place names, not its id", () => {
    const x = perfect();
    const places = [{ id: "place:tr-ist", name: "İstanbul", country: "TUR", mentions: [at("Istanbul")] }];
    const events = x.events.map((e) => (e.place ? { ...e, place: "place:tr-ist" } : e));
    expect(score({ ...x, places, events }).events.place).toMatchObject({ right: 2, total: 2 });
  });

  it.each([
    ["an optional issue is not a false positive", ["neutrality", "elections", "withdrawal", "ceasefire"], { tp: 4, fp: 0, fn: 0 }],
    ["an issue not in the gold is", ["neutrality", "elections", "withdrawal", "territory"], { tp: 4, fp: 1, fn: 0 }],
    ["a missing issue is missed", ["neutrality"], { tp: 2, fp: 0, fn: 2 }],
  ] as const)("issues: %s", (_label, issues, want) => {
    const x = perfect();
    const events = x.events.map((e) => (e.id === "E7" ? { ...e, issues: [...issues] } : e));
    expect(score({ ...x, events }).events.issues).toMatchObject(want);
  });
});

describe("timexes", () => {
  const withTimexes = (...t: Extraction["timexes"]): Extraction => ({ ...perfect(), timexes: [...perfect().timexes, ...t] });
  const timex = (needle: string, value: string | null = null) => ({ ...at(needle), type: "DATE" as const, value, mod: null });

  it.each([
    ["an optional gold timex is neither", withTimexes(timex("Derzeit")), { tp: 7, fp: 0, fn: 0 }],
    ["a timex not in the gold is a false positive", withTimexes(timex("seit Beginn")), { tp: 7, fp: 1, fn: 0 }],
    ["a second span over a matched timex is a duplicate", withTimexes(timex("16. Mai")), { tp: 7, fp: 1, fn: 0 }],
  ])("%s", (_label, extraction, counts) => {
    expect(score(extraction).timexes).toMatchObject(counts);
  });

  it.each([
    ["the value", "am 16. Mai", "XXXX-05-16", 4],
    ["a wrong value", "am 16. Mai", "XXXX-06-16", 3],
    ["an accepted value", "Am Abend des 2. Juni", "XXXX-06-02", 4],
    ["a null value where the gold has one", "mehr als zwei Stunden", null, 3],
  ])("values: %s", (_label, needle, value, right) => {
    const x = perfect();
    const timexes = x.timexes.map((t) => (t.text === needle ? { ...t, value } : t));
    expect(score({ ...x, timexes }).timexes.values).toMatchObject({ right, total: 4 });
  });

  it("matches a partial span of a gold timex", () => {
    const x = { ...empty(), timexes: [timex("2. Juni", "XXXX-06-02")] };
    expect(score(x).timexes).toMatchObject({ tp: 1, fp: 0, fn: 6, values: { right: 1, total: 1 } });
  });
});

describe("quotes", () => {
  const quote = (needle: string, speaker: string | null, via: string | null = null) => ({ ...at(needle), speaker, via });
  const withQuotes = (...q: Extraction["quotes"]): Extraction => ({ ...perfect(), quotes: q });

  it.each([
    ["the right speaker", withQuotes(quote("eine wichtige Rolle", "person:medinsky", "organization:tass")), { tp: 1, fp: 0, fn: 0 }, { tp: 1, fp: 0, fn: 0 }, 1],
    ["a wrong speaker: detected, but not a hit", withQuotes(quote("eine wichtige Rolle", "person:umerov")), { tp: 0, fp: 1, fn: 1 }, { tp: 1, fp: 0, fn: 0 }, 0],
    ["a quote without a speaker does not count", withQuotes(quote("eine wichtige Rolle", null)), { tp: 0, fp: 0, fn: 1 }, { tp: 0, fp: 0, fn: 1 }, null],
    ["a slogan is not a quote", withQuotes(quote("eine wichtige Rolle", "person:medinsky"), quote("Alles für alle", "person:medinsky")), { tp: 1, fp: 1, fn: 0 }, { tp: 1, fp: 1, fn: 0 }, 1],
  ])("%s", (_label, extraction, labelled, detection, speaker) => {
    const s = score(extraction).quotes;
    expect(s).toMatchObject(labelled);
    expect(s.detection).toMatchObject(detection);
    expect(s.speaker.value).toBe(speaker);
  });

  it("counts quotes over notQuotes texts", () => {
    const s = score(withQuotes(quote("Memorandums zur Beilegung", "organization:tass")));
    expect(s.quotes.notQuotes).toBe(1);
    expect(s.details.falsePositives.quotes[0]).toMatchObject({ reason: "not-quote", text: "Memorandums zur Beilegung" });
  });

  it("judges the via through the actor matching", () => {
    const s = score(withQuotes(quote("eine wichtige Rolle", "person:medinsky", "group:ru-media")));
    expect(s.quotes.via).toEqual({ right: 0, total: 1, value: 0 });
    expect(s.quotes.f1).toBe(1);
  });
});

describe("aggregate", () => {
  it("micro-averages: sums counts, then computes the ratios", () => {
    const total = aggregate([score(perfect()), score(empty())]);
    expect(total.articles).toBe(2);
    expect(total.actors).toMatchObject({ tp: 8, fp: 0, fn: 8, precision: 1, recall: 0.5 });
    expect(total.actors.f1).toBeCloseTo(2 / 3);
    expect(total.events.date).toEqual({ right: 2, total: 2, value: 1 });
  });

  it("scores an empty gold with an empty extraction 1", () => {
    const none = GoldSchema.parse({ file: "x.txt" });
    const s = scoreArticle(none, empty(), "Nichts geschah.");
    expect([s.actors.f1, s.events.f1, s.timexes.f1, s.quotes.f1]).toEqual([1, 1, 1, 1]);
  });
});
