import type { Actor } from "../model/actor.js";
import type { Extraction } from "../model/extraction.js";
import type { Span } from "../model/span.js";
import { fold } from "./fold.js";
import type { Gold, GoldActor, GoldEvent } from "./gold.js";
import { locate, overlapLength, overlaps } from "./locate.js";
import { accuracy, maxMatching, prf, type Accuracy, type Prf } from "./metrics.js";
import { splitSentences } from "./sentences.js";

/** Scores of the events: detection, then the attributes of matched events. */
export interface EventScores extends Prf {
  /** False positives that matched a gold event another extracted event had already matched. */
  duplicates: number;
  /** False positives whose evidence lies in a `negatives` sentence. */
  negatives: number;
  /** Matched events whose gold has a date: the day part is right. */
  date: Accuracy;
  /** Matched events whose gold has a place: the place is right. */
  place: Accuracy;
  /** Matched events whose gold has a duration: the value is right. */
  duration: Accuracy;
  /** Gold countries of matched events covered by the participants' countries. */
  countries: Accuracy;
  /** Issues of matched events; `optionalIssues` are neither required nor false positives. */
  issues: Prf;
}

/** Scores of the time expressions: detection, then values. */
export interface TimexScores extends Prf {
  /** Matched gold timexes with a value: the value (or an accepted one) is right. */
  values: Accuracy;
}

/**
 * Scores of the quotes. The top-level P/R/F1 count a quote as a true positive
 * only when its span overlaps a gold quote AND its speaker is the gold
 * speaker: a wrong speaker is a false positive and a miss. `detection` is the
 * same by span alone.
 */
export interface QuoteScores extends Prf {
  detection: Prf;
  /** Detected quotes: the speaker is right. */
  speaker: Accuracy;
  /** Detected quotes whose gold names a `via`: the via is right. */
  via: Accuracy;
  /** False positives over a `notQuotes` text. */
  notQuotes: number;
}

/** The four categories' scores; the shape of one article and of totals. */
export interface Scores {
  actors: Prf;
  events: EventScores;
  timexes: TimexScores;
  quotes: QuoteScores;
}

/** A gold item the extraction missed. */
export interface Missed {
  key: string;
  text: string;
  /** For events: the sentence of the first anchor. */
  context?: string;
}

/** An extracted item that counts as a false positive, and why. */
export interface FalsePositive {
  id: string;
  text: string;
  reason: "unmatched" | "duplicate" | "negative" | "not-quote";
  /** For duplicates: the gold key already matched. */
  of?: string;
}

/** An attribute of a matched item that is wrong. */
export interface WrongValue {
  key: string;
  field: string;
  gold: string;
  extracted: string | null;
}

/** What a developer needs to improve the extractor. */
export interface ScoreDetails {
  missed: { actors: Missed[]; events: Missed[]; timexes: Missed[]; quotes: Missed[] };
  falsePositives: { actors: FalsePositive[]; events: FalsePositive[]; timexes: FalsePositive[]; quotes: FalsePositive[] };
  wrong: WrongValue[];
}

/** The scores of one article. */
export interface ArticleScore extends Scores {
  file: string;
  details: ScoreDetails;
  /** Gold text that could not be found in the article, and similar problems of the gold file. */
  warnings: string[];
}

const SCORED_KINDS = new Set(["person", "state", "organization"]);

/** The largest of non-negative numbers, 0 for none (no spread: a gold text may occur thousands of times). */
const maxOf = (xs: readonly number[]): number => xs.reduce((m, x) => (x > m ? x : m), 0);

/** The day part of a TIMEX3 value: `2025-06-02TEV` → `2025-06-02`, `XXXX-05` → `XXXX-05`. */
export function dayPart(value: string | null | undefined): string | null {
  if (value == null) return null;
  return /^(?:\d{4}|XXXX)-\d{2}(?:-\d{2})?/.exec(value)?.[0] ?? value;
}

/**
 * Scores one extraction against its gold (FORMAT.md section 4). `text` is the
 * article the extraction was made from: gold items are found in it by their text.
 * Pure: the same inputs give the same scores.
 */
export function scoreArticle(gold: Gold, extraction: Extraction, text: string): ArticleScore {
  const warnings: string[] = [];
  const details: ScoreDetails = {
    missed: { actors: [], events: [], timexes: [], quotes: [] },
    falsePositives: { actors: [], events: [], timexes: [], quotes: [] },
    wrong: [],
  };
  const actors = scoreActors(gold, extraction, details);
  const events = scoreEvents(gold, extraction, text, details, warnings);
  const timexes = scoreTimexes(gold, extraction, text, details, warnings);
  const quotes = scoreQuotes(gold, extraction, text, actors.keysOf, details, warnings);
  return { file: gold.file, actors: actors.score, events, timexes, quotes, details, warnings };
}

// ---------------------------------------------------------------- actors

/** 2: a name matches; 1: a state of the same country; 0: no match. */
function actorMatch(actor: Actor, names: Set<string>, gold: GoldActor): 0 | 1 | 2 {
  if (gold.names.some((n) => names.has(fold(n)))) return 2;
  if (actor.kind === "state" && gold.kind === "state" && actor.country != null && actor.country === gold.country) return 1;
  return 0;
}

function actorNames(actor: Actor): Set<string> {
  return new Set([actor.name, ...actor.aliases, ...actor.mentions.map((m) => m.text)].map(fold).filter((n) => n !== ""));
}

function scoreActors(gold: Gold, extraction: Extraction, details: ScoreDetails) {
  // Every extracted actor (groups too) → the gold keys it matches: speakers,
  // vias and participants are judged through this.
  const keysOf = new Map<string, Set<string>>();
  const strength = extraction.actors.map((actor) => {
    const names = actorNames(actor);
    const row = gold.actors.map((g) => actorMatch(actor, names, g));
    keysOf.set(actor.id, new Set(gold.actors.filter((_, j) => row[j]! > 0).map((g) => g.key)));
    return row;
  });

  const counted = gold.actors.map((g) => !g.optional && SCORED_KINDS.has(g.kind));
  const scored = extraction.actors.map((a, i) => ({ actor: a, row: strength[i]! })).filter((x) => SCORED_KINDS.has(x.actor.kind));
  const candidates = scored.map(({ row }) =>
    row
      .map((s, j) => ({ s, j }))
      .filter(({ s, j }) => s > 0 && counted[j])
      .sort((a, b) => b.s - a.s)
      .map(({ j }) => j),
  );
  // Name matches first, so that a country match does not take a gold actor a name match needs.
  const best = scored.map(({ row }, i) => maxOf(candidates[i]!.map((j) => row[j]!)));
  const order = scored.map((_, i) => i).sort((a, b) => best[b]! - best[a]!);
  const match = maxMatching(candidates, order);

  let tp = 0;
  let fp = 0;
  scored.forEach(({ actor, row }, i) => {
    if (match[i]! >= 0) {
      tp++;
      return;
    }
    if (row.some((s, j) => s > 0 && !counted[j])) return; // an optional or group actor: neither
    fp++;
    const of = candidates[i]![0];
    details.falsePositives.actors.push({
      id: actor.id,
      text: actor.name,
      reason: of === undefined ? "unmatched" : "duplicate",
      ...(of === undefined ? {} : { of: gold.actors[of]!.key }),
    });
  });
  const taken = new Set(match.filter((j) => j >= 0));
  let fn = 0;
  gold.actors.forEach((g, j) => {
    if (!counted[j] || taken.has(j)) return;
    fn++;
    details.missed.actors.push({ key: g.key, text: g.names[0] ?? g.key });
  });
  return { score: prf(tp, fp, fn), keysOf };
}

// ---------------------------------------------------------------- events

function countriesOf(ids: readonly string[], extraction: Extraction): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    const country = extraction.actors.find((a) => a.id === id)?.country ?? /^state:([A-Z]{3})$/.exec(id)?.[1];
    if (country) out.add(country);
  }
  return out;
}

function placeRight(placeId: string | null, goldKey: string, gold: Gold, extraction: Extraction): boolean {
  if (placeId == null) return false;
  const goldPlace = gold.places.find((p) => p.key === goldKey);
  const goldNames = new Set([goldKey, ...(goldPlace?.names ?? [])].map(fold));
  const place = extraction.places.find((p) => p.id === placeId);
  const names = [placeId.replace(/^place:/, ""), ...(place ? [place.name, ...place.mentions.map((m) => m.text)] : [])];
  return names.some((n) => goldNames.has(fold(n)));
}

/** The sentences that contain any occurrence of any of the texts. */
function sentencesWith(texts: readonly string[], text: string, sentences: Span[], what: string, warnings: string[]): Span[] {
  const out = new Map<number, Span>();
  for (const t of texts) {
    const found = locate(text, t);
    if (found.length === 0) warnings.push(`${what}: "${t}" is not in the article`);
    for (const occurrence of found) {
      for (const s of sentences) if (overlaps(s, occurrence)) out.set(s.start, s);
    }
  }
  return [...out.values()];
}

function overlapWith(evidence: readonly Span[], region: readonly Span[]): number {
  let sum = 0;
  for (const e of evidence) for (const r of region) sum += overlapLength(e, r);
  return sum;
}

function scoreEvents(
  gold: Gold,
  extraction: Extraction,
  text: string,
  details: ScoreDetails,
  warnings: string[],
): EventScores {
  const sentences = splitSentences(text);
  const regions = gold.events.map((g) => sentencesWith(g.sentences, text, sentences, `event ${g.key}`, warnings));
  const negatives = sentencesWith(
    gold.negatives.map((n) => n.sentence),
    text,
    sentences,
    "negative",
    warnings,
  );
  const required = gold.events.map((g) => !g.optional);
  const overlap = extraction.events.map((e) =>
    gold.events.map((g, j) => (g.type === e.type ? overlapWith(e.evidence, regions[j]!) : 0)),
  );
  const candidates = overlap.map((row) =>
    row
      .map((o, j) => ({ o, j }))
      .filter(({ o, j }) => o > 0 && required[j])
      .sort((a, b) => b.o - a.o)
      .map(({ j }) => j),
  );
  // The extracted event that overlaps a gold event most gets it first.
  const best = overlap.map((row, i) => maxOf(candidates[i]!.map((j) => row[j]!)));
  const order = extraction.events.map((_, i) => i).sort((a, b) => best[b]! - best[a]!);
  const match = maxMatching(candidates, order);

  let tp = 0;
  let fp = 0;
  let duplicates = 0;
  let negativeFp = 0;
  const date = { right: 0, total: 0 };
  const place = { right: 0, total: 0 };
  const duration = { right: 0, total: 0 };
  const countries = { right: 0, total: 0 };
  const issues = { tp: 0, fp: 0, fn: 0 };

  extraction.events.forEach((e, i) => {
    const j = match[i]!;
    const evidenceText = e.evidence[0]?.text ?? "";
    if (j >= 0) {
      tp++;
      judgeEvent(e, gold.events[j]!);
      return;
    }
    if (overlap[i]!.some((o, k) => o > 0 && !required[k])) return; // an optional gold event: neither
    fp++;
    const of = candidates[i]![0];
    if (of !== undefined) {
      duplicates++;
      details.falsePositives.events.push({ id: e.id, text: `${e.type}: ${evidenceText}`, reason: "duplicate", of: gold.events[of]!.key });
    } else if (overlapWith(e.evidence, negatives) > 0) {
      negativeFp++;
      details.falsePositives.events.push({ id: e.id, text: `${e.type}: ${evidenceText}`, reason: "negative" });
    } else {
      details.falsePositives.events.push({ id: e.id, text: `${e.type}: ${evidenceText}`, reason: "unmatched" });
    }
  });

  function judgeEvent(e: Extraction["events"][number], g: GoldEvent): void {
    // Attributes are judged only where the gold gives a value: a gold `null`
    // means "the article does not say" as often as "there is none", so an
    // extractor that fills it in is not punished.
    if (g.date != null) {
      date.total++;
      if (dayPart(e.date?.value) === dayPart(g.date)) date.right++;
      else details.wrong.push({ key: g.key, field: "date", gold: g.date, extracted: e.date?.value ?? null });
    }
    if (g.place != null) {
      place.total++;
      if (placeRight(e.place, g.place, gold, extraction)) place.right++;
      else details.wrong.push({ key: g.key, field: "place", gold: g.place, extracted: e.place });
    }
    if (g.duration != null) {
      duration.total++;
      if (e.duration?.value === g.duration) duration.right++;
      else details.wrong.push({ key: g.key, field: "duration", gold: g.duration, extracted: e.duration?.value ?? null });
    }
    const want = new Set(g.countries);
    const have = countriesOf(e.participants, extraction);
    countries.total += want.size;
    const covered = [...want].filter((c) => have.has(c));
    countries.right += covered.length;
    if (covered.length < want.size) {
      details.wrong.push({ key: g.key, field: "countries", gold: [...want].join(","), extracted: [...have].join(",") || null });
    }
    const goldIssues = new Set(g.issues);
    const allowed = new Set(g.optionalIssues);
    const got = new Set(e.issues);
    for (const issue of got) {
      if (goldIssues.has(issue)) issues.tp++;
      else if (!allowed.has(issue)) issues.fp++;
    }
    for (const issue of goldIssues) if (!got.has(issue)) issues.fn++;
    const wrongIssues = [...got].some((x) => !goldIssues.has(x) && !allowed.has(x)) || [...goldIssues].some((x) => !got.has(x));
    if (wrongIssues) details.wrong.push({ key: g.key, field: "issues", gold: g.issues.join(","), extracted: [...got].join(",") || null });
  }

  const taken = new Set(match.filter((j) => j >= 0));
  let fn = 0;
  gold.events.forEach((g, j) => {
    if (!required[j] || taken.has(j)) return;
    fn++;
    const context = regions[j]![0]?.text;
    details.missed.events.push({ key: g.key, text: `${g.type}: ${g.sentences[0] ?? ""}`, ...(context ? { context } : {}) });
  });

  return {
    ...prf(tp, fp, fn),
    duplicates,
    negatives: negativeFp,
    date: accuracy(date.right, date.total),
    place: accuracy(place.right, place.total),
    duration: accuracy(duration.right, duration.total),
    countries: accuracy(countries.right, countries.total),
    issues: prf(issues.tp, issues.fp, issues.fn),
  };
}

// ------------------------------------------------- span-matched items

interface SpanGold {
  key: string;
  text: string;
  occurrences: Span[];
  required: boolean;
}

interface SpanMatch {
  /** For each extracted span: the gold index it matched, or -1. */
  match: number[];
  /** For unmatched extracted spans: "neutral" (optional gold or another occurrence of a matched gold text), or the gold it duplicates, or null. */
  verdict: ("tp" | "neutral" | "duplicate" | "unmatched")[];
  duplicateOf: (number | undefined)[];
}

/**
 * Matches extracted spans to gold items found by their text (timexes,
 * quotes). A gold item is matched once; an extracted span over another
 * occurrence of a matched gold text (the gold lists a repeated phrase once) is
 * neither a hit nor a false positive; a second span over the same occurrence
 * is a duplicate.
 */
function matchSpans(golds: SpanGold[], spans: Span[]): SpanMatch {
  const overlap = spans.map((s) => golds.map((g) => maxOf(g.occurrences.map((o) => overlapLength(s, o)))));
  const candidates = overlap.map((row) =>
    row
      .map((o, j) => ({ o, j }))
      .filter(({ o, j }) => o > 0 && golds[j]!.required)
      .sort((a, b) => b.o - a.o)
      .map(({ j }) => j),
  );
  const best = overlap.map((row, i) => maxOf(candidates[i]!.map((j) => row[j]!)));
  const order = spans.map((_, i) => i).sort((a, b) => best[b]! - best[a]!);
  const match = maxMatching(candidates, order);

  const usedOccurrences = new Map<number, Span[]>();
  match.forEach((j, i) => {
    if (j < 0) return;
    const used = golds[j]!.occurrences.filter((o) => overlaps(o, spans[i]!));
    usedOccurrences.set(j, [...(usedOccurrences.get(j) ?? []), ...used]);
  });
  const verdict: SpanMatch["verdict"] = [];
  const duplicateOf: SpanMatch["duplicateOf"] = [];
  spans.forEach((s, i) => {
    duplicateOf.push(undefined);
    if (match[i]! >= 0) return void verdict.push("tp");
    if (overlap[i]!.some((o, j) => o > 0 && !golds[j]!.required)) return void verdict.push("neutral");
    const js = candidates[i]!;
    const otherOccurrence = js.some((j) =>
      golds[j]!.occurrences.some((o) => overlaps(o, s) && !(usedOccurrences.get(j) ?? []).some((u) => u.start === o.start)),
    );
    if (otherOccurrence) return void verdict.push("neutral");
    if (js.length > 0) {
      duplicateOf[i] = js[0];
      return void verdict.push("duplicate");
    }
    verdict.push("unmatched");
  });
  return { match, verdict, duplicateOf };
}

function scoreTimexes(gold: Gold, extraction: Extraction, text: string, details: ScoreDetails, warnings: string[]): TimexScores {
  const golds: SpanGold[] = gold.timexes.map((t) => {
    const occurrences = locate(text, t.text);
    if (occurrences.length === 0) warnings.push(`timex: "${t.text}" is not in the article`);
    return { key: t.text, text: t.text, occurrences, required: !t.optional };
  });
  const { match, verdict, duplicateOf } = matchSpans(golds, extraction.timexes);
  let tp = 0;
  let fp = 0;
  const values = { right: 0, total: 0 };
  extraction.timexes.forEach((t, i) => {
    const v = verdict[i];
    if (v === "tp") {
      tp++;
      const g = gold.timexes[match[i]!]!;
      if (g.value != null) {
        values.total++;
        if (t.value === g.value || (t.value != null && g.acceptValues.includes(t.value))) values.right++;
        else details.wrong.push({ key: g.text, field: "timex value", gold: g.value, extracted: t.value });
      }
    } else if (v === "duplicate" || v === "unmatched") {
      fp++;
      const of = duplicateOf[i];
      details.falsePositives.timexes.push({
        id: `${t.start}-${t.end}`,
        text: t.text,
        reason: v,
        ...(of === undefined ? {} : { of: golds[of]!.key }),
      });
    }
  });
  const taken = new Set(match.filter((j) => j >= 0));
  let fn = 0;
  golds.forEach((g, j) => {
    if (!g.required || taken.has(j)) return;
    fn++;
    details.missed.timexes.push({ key: g.key, text: g.text });
  });
  return { ...prf(tp, fp, fn), values: accuracy(values.right, values.total) };
}

function scoreQuotes(
  gold: Gold,
  extraction: Extraction,
  text: string,
  keysOf: Map<string, Set<string>>,
  details: ScoreDetails,
  warnings: string[],
): QuoteScores {
  // A gold quote without a speaker is not speech the extractor must attribute:
  // treated as optional.
  const golds: SpanGold[] = gold.quotes.map((q) => {
    const occurrences = locate(text, q.text);
    if (occurrences.length === 0) warnings.push(`quote: "${q.text}" is not in the article`);
    return { key: q.speaker ?? q.text, text: q.text, occurrences, required: !q.optional && q.speaker != null };
  });
  const notQuotes = gold.notQuotes.flatMap((t) => {
    const found = locate(text, t);
    if (found.length === 0) warnings.push(`notQuotes: "${t}" is not in the article`);
    return found;
  });
  const spoken = extraction.quotes.filter((q) => q.speaker != null);
  const { match, verdict, duplicateOf } = matchSpans(golds, spoken);
  let tp = 0;
  let fp = 0;
  let notQuoteFp = 0;
  const speaker = { right: 0, total: 0 };
  const via = { right: 0, total: 0 };
  spoken.forEach((q, i) => {
    const v = verdict[i];
    if (v === "tp") {
      tp++;
      const g = gold.quotes[match[i]!]!;
      speaker.total++;
      if (q.speaker != null && g.speaker != null && keysOf.get(q.speaker)?.has(g.speaker)) speaker.right++;
      else details.wrong.push({ key: g.text, field: "quote speaker", gold: g.speaker ?? "", extracted: q.speaker });
      if (g.via != null) {
        via.total++;
        if (q.via != null && keysOf.get(q.via)?.has(g.via)) via.right++;
        else details.wrong.push({ key: g.text, field: "quote via", gold: g.via, extracted: q.via });
      }
    } else if (v === "duplicate" || v === "unmatched") {
      fp++;
      const overNotQuote = notQuotes.some((n) => overlaps(n, q));
      if (overNotQuote) notQuoteFp++;
      const of = duplicateOf[i];
      details.falsePositives.quotes.push({
        id: `${q.start}-${q.end}`,
        text: q.text,
        reason: overNotQuote ? "not-quote" : v,
        ...(of === undefined ? {} : { of: golds[of]!.text }),
      });
    }
  });
  const taken = new Set(match.filter((j) => j >= 0));
  let fn = 0;
  golds.forEach((g, j) => {
    if (!g.required || taken.has(j)) return;
    fn++;
    details.missed.quotes.push({ key: g.key, text: g.text });
  });
  const wrongSpeaker = speaker.total - speaker.right;
  return {
    ...prf(tp - wrongSpeaker, fp + wrongSpeaker, fn + wrongSpeaker),
    detection: prf(tp, fp, fn),
    speaker: accuracy(speaker.right, speaker.total),
    via: accuracy(via.right, via.total),
    notQuotes: notQuoteFp,
  };
}
