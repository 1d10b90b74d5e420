import { englishPack } from "./lang/en/index.js";
import { germanPack } from "./lang/de/index.js";
import type { LanguagePack } from "./lang/language-pack.js";
import { loadKnowledgeBase, type KnowledgeBase } from "./knowledge/knowledge-base.js";
import {
  compileValidator,
  EVENT_CODES,
  ExtractionSchema,
  PublishedAtSchema,
  type Validator,
  type DiplomaticEvent,
  type Extraction,
  type Language,
  type ParleyDocument,
  type TimexMod,
} from "./model/index.js";
import { createPipeline } from "./pipeline/create-pipeline.js";
import { attributeSources } from "./pipeline/stages/attribute-sources.js";
import { buildClaims } from "./pipeline/stages/build-claims.js";
import { detectEvents } from "./pipeline/stages/detect-events.js";
import { findQuotes } from "./pipeline/stages/find-quotes.js";
import { findTimexes } from "./pipeline/stages/find-timexes.js";
import { matchActors } from "./pipeline/stages/match-actors.js";
import { matchPlaces } from "./pipeline/stages/match-places.js";
import { segmentSentences } from "./pipeline/stages/segment-sentences.js";
import { tokenizeSentences } from "./pipeline/stages/tokenize-sentences.js";
import type { Doc, PipelineContext, Stage } from "./pipeline/types.js";

/** Bumped whenever extraction output changes: the store re-extracts older articles. */
export const EXTRACTOR_VERSION = "0.3.0";

/** The stages, in order. */
export const STAGES: readonly Stage[] = [
  segmentSentences,
  tokenizeSentences,
  matchActors,
  matchPlaces,
  findTimexes,
  attributeSources,
  findQuotes,
  detectEvents,
  buildClaims,
];

export interface ExtractOptions {
  /**
   * Check the result against ExtractionSchema (default true), with a
   * validator compiled from that schema; when it fails, zod's own parse
   * throws its error.
   */
  validate?: boolean;
}

export type Extractor = (doc: ParleyDocument, options?: ExtractOptions) => Extraction;

/** The stop words of each pack as sets, built once per pack. */
const stopwordSets = new WeakMap<LanguagePack, Set<string>>();

/** Guesses German or English from frequent function words in the first 5,000 characters. */
export function detectLanguage(text: string, packs: readonly LanguagePack[]): Language {
  const sample = text.slice(0, 5000).toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: Language = packs[0]?.code ?? "de";
  let bestScore = -1;
  for (const pack of packs) {
    let words = stopwordSets.get(pack);
    if (!words) {
      words = new Set(pack.stopwords);
      stopwordSets.set(pack, words);
    }
    let score = 0;
    for (const w of sample) if (words.has(w)) score++;
    if (score > bestScore) {
      bestScore = score;
      best = pack.code;
    }
  }
  return best;
}

/**
 * Builds an extractor: compiles the language packs and the knowledge base
 * once, then turns each report into the extraction contract. Pure and
 * deterministic: the same document gives the same extraction.
 */
export interface ExtractorOptions {
  kb?: KnowledgeBase;
  /** The stages to run, in order (default STAGES): for ablations and per-stage timing. */
  stages?: readonly Stage[];
}

export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const kb = options.kb ?? loadKnowledgeBase();
  const packs = [germanPack(), englishPack()];
  const contexts = new Map<Language, PipelineContext>(packs.map((lang) => [lang.code, { lang, kb, memo: new Map() }]));
  const run = createPipeline(options.stages ?? STAGES);

  return (input, options = {}) => {
    const language = input.language ?? detectLanguage(input.text, packs);
    const ctx = contexts.get(language) as PipelineContext;
    const start: Doc = {
      text: input.text,
      language,
      // A date and time, from a caller that did not parse its input, is read as its date.
      publishedAt: input.publishedAt == null ? null : PublishedAtSchema.parse(input.publishedAt),
      title: input.title ?? null,
      sentences: [],
      tokens: [],
      folded: [],
      actors: {},
      actorMentions: [],
      places: {},
      placeMentions: [],
      timexes: [],
      triggers: [],
      events: [],
      attributions: [],
      quotes: [],
      quotedTitles: [],
      claims: [],
    };
    const doc = run(start, ctx);
    const result = toExtraction(doc, input);
    if (options.validate === false) return result;
    isExtraction ??= compileValidator(ExtractionSchema);
    return isExtraction(result) ? result : ExtractionSchema.parse(result);
  };
}

let defaultExtractor: Extractor | null = null;
let isExtraction: Validator | null = null;

/** Turns one report into the extraction contract, with the shipped language data and knowledge base. */
export function extract(doc: ParleyDocument, options: ExtractOptions = {}): Extraction {
  defaultExtractor ??= createExtractor();
  return defaultExtractor(doc, options);
}

const span = (text: string, start: number, end: number) => ({ start, end, text: text.slice(start, end) });

function toExtraction(doc: Doc, input: ParleyDocument): Extraction {
  const { text } = doc;
  const headline = doc.sentences[0]?.headline ? doc.sentences[0] : null;
  const mentionsOf = new Map<string, { start: number; end: number; text: string }[]>();
  for (const m of doc.actorMentions) {
    const list = mentionsOf.get(m.actorId) ?? [];
    list.push(span(text, m.start, m.end));
    mentionsOf.set(m.actorId, list);
  }
  const placeMentions = new Map<string, { start: number; end: number; text: string }[]>();
  for (const m of doc.placeMentions) {
    const list = placeMentions.get(m.placeId) ?? [];
    list.push(span(text, m.start, m.end));
    placeMentions.set(m.placeId, list);
  }
  const events: DiplomaticEvent[] = doc.events.map((e) => {
    const codes = EVENT_CODES[e.type];
    return {
      id: e.id,
      type: e.type,
      participants: e.participants,
      place: e.place,
      date: e.date ? { value: e.date.value, mod: (e.date.mod as TimexMod | null) ?? null, text: e.date.text } : null,
      duration: e.duration ? { value: e.duration.value, mod: (e.duration.mod as TimexMod | null) ?? null, text: e.duration.text } : null,
      issues: e.issues,
      sources: e.sources,
      evidence: e.sentences.map((i) => {
        const s = doc.sentences[i]!;
        return span(text, s.start, s.end);
      }),
      triggers: e.triggers.map((h) => span(text, h.start, h.end)),
      modality: e.modality,
      plover: codes.plover,
      cameo: codes.cameo,
    } as DiplomaticEvent;
  });
  return {
    document: {
      language: doc.language,
      publishedAt: doc.publishedAt,
      title: input.title ?? (headline ? text.slice(headline.start, headline.end) : null),
      source: input.source ?? null,
      url: input.url ?? null,
      length: text.length,
    },
    actors: Object.values(doc.actors)
      .filter((a) => mentionsOf.has(a.id))
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        aliases: a.aliases,
        country: a.country,
        roles: a.roles,
        known: a.known,
        mentions: mentionsOf.get(a.id)!,
      })),
    places: Object.values(doc.places).map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      coordinates: p.coordinates,
      mentions: placeMentions.get(p.id) ?? [],
    })),
    timexes: doc.timexes.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, mod: t.mod, anchor: t.anchor ?? null })),
    events,
    quotes: doc.quotes.map((q) => ({ start: q.start, end: q.end, text: q.text, speaker: q.speaker, via: q.via })),
    claims: doc.claims,
    extractor: { name: "parley", version: EXTRACTOR_VERSION },
  };
}
