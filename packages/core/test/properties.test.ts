import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createExtractor, extract } from "../src/extract.js";
import { ExtractionSchema, type Extraction, type Span } from "../src/model/index.js";

/*
 * Properties of the extractor on any input: it never throws, its output
 * always passes the contract's schema, every span is exact
 * (`text === input.slice(start, end)`), ids refer to what the extraction
 * holds, and the same input gives the same output. Checked on arbitrary
 * strings, on unicode (with unpaired surrogates), on mixtures of real
 * sentences and junk, and on explicit junk up to 5 MB. Timing belongs to the
 * bench (bench/extract.bench.mjs): here big inputs only have to complete.
 */

const REPO = path.resolve(__dirname, "../../..");
const GOLDEN = path.resolve(__dirname, "golden/articles");
const SEED = readFileSync(path.join(REPO, "seeds/000_d9bf279fc9ea0bf9.txt"), "utf8");
const GOLDEN_TEXTS = readdirSync(GOLDEN)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(GOLDEN, f), "utf8"));
/** Real sentences and headlines of the seed and the golden articles. */
const SENTENCES = [SEED, ...GOLDEN_TEXTS].flatMap((t) => t.split(/(?<=[.!?“"])\s+|\n+/u)).filter((s) => s.trim().length > 0);

type Lang = "de" | "en" | undefined;

/** Every span of an extraction, with where it sits. */
function spansOf(x: Extraction): [string, Span][] {
  return [
    ...x.actors.flatMap((a) => a.mentions.map((m) => [`actor ${a.id}`, m] as [string, Span])),
    ...x.places.flatMap((p) => p.mentions.map((m) => [`place ${p.id}`, m] as [string, Span])),
    ...x.timexes.map((t) => ["timex", t] as [string, Span]),
    ...x.events.flatMap((e) => [
      ...e.evidence.map((s) => [`event ${e.id} evidence`, s] as [string, Span]),
      ...(e.triggers ?? []).map((s) => [`event ${e.id} trigger`, s] as [string, Span]),
    ]),
    ...x.quotes.map((q) => ["quote", q] as [string, Span]),
    ...x.claims.flatMap((c) => [
      [`claim ${c.id} evidence`, c.evidence] as [string, Span],
      ...c.chain.flatMap((l) => (l.cue ? [[`claim ${c.id} cue`, l.cue] as [string, Span]] : [])),
    ]),
  ];
}

/** The properties every extraction of `text` has; returns the extraction. */
function checkExtraction(text: string, x: Extraction): Extraction {
  const parsed = ExtractionSchema.safeParse(x);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(x.document.length ?? text.length).toBe(text.length);
  for (const [where, s] of spansOf(x)) {
    if (!(s.start <= s.end && s.end <= text.length && text.slice(s.start, s.end) === s.text)) {
      throw new Error(`inexact span (${where}): ${JSON.stringify(s)} but the input holds ${JSON.stringify(text.slice(s.start, s.end))}`);
    }
  }
  // Ids refer to what the extraction holds.
  const actorIds = new Set(x.actors.map((a) => a.id));
  const placeIds = new Set(x.places.map((p) => p.id));
  for (const q of x.quotes) {
    if (q.speaker !== null) expect(actorIds, `quote speaker ${q.speaker}`).toContain(q.speaker);
    if (q.via !== null) expect(actorIds, `quote via ${q.via}`).toContain(q.via);
  }
  for (const e of x.events) {
    if (e.place !== null) expect(placeIds, `event place ${e.place}`).toContain(e.place);
    for (const p of e.participants) expect(actorIds, `event participant ${p}`).toContain(p);
  }
  const eventIds = new Set(x.events.map((e) => e.id));
  expect(eventIds.size, "event ids are unique").toBe(x.events.length);
  expect(actorIds.size, "one actor per id").toBe(x.actors.length);
  for (const c of x.claims) if (c.about.kind === "event") expect(eventIds, `claim about ${c.about.id}`).toContain(c.about.id);
  return x;
}

/** Extracts, checks the properties and that a second run gives the same result. */
function check(text: string, language: Lang = undefined, publishedAt: string | null = null, twice = true): Extraction {
  const doc = { text, ...(language ? { language } : {}), publishedAt };
  const x = checkExtraction(text, extract(doc));
  if (twice) expect(extract(doc)).toEqual(x);
  return x;
}

const language = fc.constantFrom<Lang>("de", "en", undefined);
const publishedAt = fc.option(
  fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
/** Any UTF-16 code unit, so also unpaired surrogates. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const MARKS = ["„", "“", "”", "\"", "»", "«", "‚", "‘", "’", "'", "(", ")", "—", "–", "-", ":", ";", ",", ".", "…", "!", "?"];
const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  fc.constantFrom(...MARKS, "\n", "\n\n", "\r\n", "\t", " ", "\u00a0", "\u200b", "\ufeff"),
  fc.constantFrom("am 16. Mai", "Am Abend des 2. Juni", "mehr als zwei Stunden", "Medinskijs", "Umjerow", "TASS", "laut", "according to", "sagte", "said:", "Moskau", "in Istanbul", "Treffen", "talks", "1.", "U.S.", "z. B."),
);
/** Real sentences of the seed and the golden articles, mixed with junk. */
const mixture = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SENTENCES) }, { weight: 2, arbitrary: junk }), { maxLength: 30 }).chain((parts) =>
  fc.array(fc.constantFrom(" ", "", "\n", "\n\n", " „", "“ "), { minLength: parts.length, maxLength: parts.length }).map((seps) => parts.map((p, i) => p + seps[i]).join("")),
);

describe("extraction properties (fast-check)", () => {
  it("never throws, passes the schema, keeps spans exact and is deterministic on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), language, publishedAt, (text, lang, date) => {
        check(text, lang, date);
      }),
      { numRuns: 300 },
    );
  });

  it("… on unicode strings, unpaired surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: codeUnit, maxLength: 300 })), language, publishedAt, (text, lang, date) => {
        check(text, lang, date);
      }),
      { numRuns: 300 },
    );
  });

  it("… on mixtures of real sentences from the seed and the golden articles with junk", () => {
    fc.assert(
      fc.property(mixture, language, publishedAt, (text, lang, date) => {
        check(text, lang, date);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same result from a fresh extractor as from one that has read other reports", () => {
    const fresh = createExtractor();
    for (const text of [SEED, ...GOLDEN_TEXTS]) check(text, undefined, "2025-06-03");
    fc.assert(
      fc.property(mixture, language, (text, lang) => {
        const doc = { text, ...(lang ? { language: lang } : {}), publishedAt: "2025-06-03" };
        expect(createExtractor()(doc)).toEqual(fresh(doc));
      }),
      { numRuns: 50 },
    );
  });

  it("shifting the text keeps every fact and moves every span by the shift", () => {
    fc.assert(
      fc.property(fc.constantFrom(SEED, ...GOLDEN_TEXTS), fc.constantFrom("\n\n", "\n\n\n", "  \n\n"), (text, prefix) => {
        const a = extract({ text, publishedAt: "2025-06-03" });
        const b = extract({ text: prefix + text, publishedAt: "2025-06-03" });
        expect(b.timexes.map((t) => ({ ...t, start: t.start - prefix.length, end: t.end - prefix.length }))).toEqual(a.timexes);
        expect(b.quotes.map((q) => ({ ...q, start: q.start - prefix.length, end: q.end - prefix.length }))).toEqual(a.quotes);
        expect(b.actors.map((x) => x.id)).toEqual(a.actors.map((x) => x.id));
        expect(b.events.map((e) => e.type)).toEqual(a.events.map((e) => e.type));
      }),
      { numRuns: 15 },
    );
  });
});

/** `unit` repeated, with paragraph breaks, to exactly `length` code units. */
const repeatTo = (unit: string, length: number) => {
  const parts: string[] = [];
  let n = 0;
  while (n < length) {
    parts.push(unit, "\n\n");
    n += unit.length + 2;
  }
  return parts.join("").slice(0, length);
};

describe("explicit junk", () => {
  const bytes = (n: number) => {
    // Deterministic pseudo-random bytes (a multiplicative hash), decoded as latin1 as a reader of a binary file would.
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.imul(i + 1, 2654435761) >>> 24;
    return b.toString("latin1");
  };

  it.each([
    ["binary bytes decoded as latin1 (64 KB)", () => bytes(1 << 16)],
    ["all 256 bytes decoded as latin1", () => Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString("latin1")],
    ["bytes decoded as UTF-8 with replacement characters", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString("utf8")],
    ["emoji", () => "😀🇺🇦👩‍👩‍👧‍👦 Treffen 🤝 in Istanbul 🕊️. ".repeat(300)],
    ["emoji in sentences", () => "Das Treffen in Istanbul 🤝 dauerte 2 Stunden 🕊️. Medinski sagte: „Gut 👍“. ".repeat(2000)],
    ["unpaired surrogates", () => "\uD800a\uDC00 Medinskijs \uDBFF„\uDFFF“ ".repeat(1000)],
    ["a lone high surrogate at the end", () => `Medinski sagte: „Ja“ \uD83D`],
    ["right-to-left Arabic", () => "قال المتحدث باسم الكرملين إن المحادثات في إسطنبول كانت مفيدة. ".repeat(500)],
    ["right-to-left Hebrew with marks", () => "\u202bשלום עולם\u202c ״ציטוט״ „מדינסקי“ ".repeat(500)],
    ["mixed directions in one sentence", () => "Medinski sagte in Istanbul: „مرحبا שלום“, am 16. Mai. ".repeat(500)],
    ["control characters", () => Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join("x").repeat(200)],
    ["only whitespace", () => " \n\t\r\u00a0\u2028\u2029".repeat(1000)],
    ["the empty string", () => ""],
  ])("%s", (_label, make) => {
    for (const lang of ["de", "en", undefined] as const) check(make(), lang, "2025-06-03");
  });

  // An emoji after ". " keeps the segmenter from breaking: without the cut of over-long sentences
  // this was one sentence with 20,000 "Treffen", and detectEvents was quadratic in it.
  it("emoji: 20,000 repetitions of a trigger sentence without a sentence break (800 KB)", () => {
    check("😀 Treffen 🤝 in Istanbul 🕊️. ".repeat(20_000), "de", null, false);
  });

  it.each(["„", "“", "”", "\"", "»", "«", "‚", "‘", "'"])("100,000 quotation marks %s", (mark) => {
    for (const lang of ["de", "en"] as const) check(mark.repeat(100_000), lang, null, false);
  });

  it.each([
    ["„", "“"],
    ["\"", "\""],
    ["»", "«"],
    ["“", "”"],
  ])("2,000 quotation pairs %s…%s in one sentence", (open, close) => {
    const x = check(`${open}a${close} `.repeat(2_000), "de", null, false);
    expect(x.quotes.every((q) => q.speaker === null)).toBe(true);
  });

  // findQuotes finds a sentence's verbs of saying once and its tokens by binary search, and no
  // sentence is longer than 2,000 characters: 25,000 pairs in a row stay linear.
  it.each([
    ["„", "“"],
    ["\"", "\""],
  ])("100,000 quotation marks as 25,000 pairs %s…%s in one sentence", (open, close) => {
    check(`${open}a${close} `.repeat(25_000), "de", null, false);
  });

  it("100,000 quotation marks of every kind, unbalanced, inside real sentences", () => {
    const marks = ["„", "“", "”", "\"", "»", "«"];
    const text = Array.from({ length: 100_000 }, (_, i) => marks[i % marks.length]! + (i % 50 === 0 ? ` ${SENTENCES[i % SENTENCES.length]} ` : "")).join("");
    check(text, "de", null, false);
  });

  it("1 MB without spaces", () => {
    check("a".repeat(1 << 20), "de", null, false);
    check("Medinskijs".repeat(1 << 17).slice(0, 1 << 20), "de", null, false);
  });

  it("1 MB of full stops", () => {
    check(".".repeat(1 << 20), "de", null, false);
  });

  it("1 MB of repeated seed", () => {
    const text = repeatTo(SEED, 1 << 20);
    const x = check(text, "de", null, false);
    expect(x.events.length).toBeGreaterThan(100);
  }, 120_000);

  it("5 MB of repeated seed", () => {
    const text = repeatTo(SEED, 5 << 20);
    const x = check(text, "de", null, false);
    expect(x.events.length).toBeGreaterThan(500);
  }, 120_000);
});
