import type {
  ActorKind,
  Claim,
  EventType,
  Issue,
  Language,
  Modality,
  Role,
  Span,
  TimeExpression,
} from "../model/index.js";
import type { Trigger, LanguagePack } from "../lang/language-pack.js";
import type { KnowledgeBase } from "../knowledge/knowledge-base.js";

/** A sentence: a span and its place among paragraphs. */
export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Index of the first and one past the last token of the sentence. */
  tokenStart: number;
  tokenEnd: number;
  /** A line without final punctuation that stands alone (a headline). */
  headline: boolean;
}

/** Shapes of a token (bits of `Token.shape`), computed once per distinct word. */
export const Shape = {
  /** Letters only: /^\p{L}+$/u. */
  LETTERS: 1,
  /** ASCII digits only. */
  DIGITS: 2,
  /** Punctuation that ends a clause: , ; : — – ( ). */
  CLAUSE_BREAK: 4,
  /** Could be part of a name: /^\p{Lu}[\p{L}\p{M}'’-]+$/u. */
  NAME_WORD: 8,
  /** Letters and hyphens only. */
  LETTERS_OR_HYPHENS: 16,
} as const;

/**
 * A number that names a span, for sets of spans: the start, and the length
 * below 2^20 (spans of annotations lie within a sentence, which is shorter).
 */
export const spanKey = (start: number, end: number): number => start * 0x100000 + (end - start);

/** Whether a token is punctuation that ends a clause. */
export const isClauseBreak = (t: Token): boolean => (t.shape & Shape.CLAUSE_BREAK) !== 0;

/** A token with its folded form and its sentence. */
export interface Token {
  start: number;
  end: number;
  text: string;
  fold: string;
  sentence: number;
  /** First character is an upper-case letter. */
  upper: boolean;
  /** Bits of `Shape`. */
  shape: number;
  /** Folded forms the word may inflect from as a name ("Medinskijs" → "medinskij"), as the language pack says. */
  bases: readonly string[];
}

/** An actor as it appears in this document. */
export interface ActorRecord {
  id: string;
  kind: ActorKind;
  name: string;
  aliases: string[];
  country: string | null;
  roles: Role[];
  known: boolean;
  outlet: boolean;
}

/** Where an actor is named: by alias, demonym, metonym, title context or surname coreference. */
export interface ActorMention extends Span {
  actorId: string;
  via: "alias" | "demonym" | "metonym" | "context" | "coref" | "group";
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface PlaceRecord {
  id: string;
  name: string;
  country: string | null;
  coordinates: { lat: number; lon: number } | null;
  kind: "city" | "venue" | "region" | "country";
  /** For venues: the city they are in. */
  in: string | null;
}

export interface PlaceMention extends Span {
  placeId: string;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** After a locative preposition ("in Istanbul"). */
  locative: boolean;
}

/** A time expression with where it sits. */
export interface TimexNote extends TimeExpression {
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** Days relative to the event the sentence speaks of ("am Vortag": -1), resolved later. */
  eventOffset?: number;
  /** A bare part of the day ("am Abend": "EV"), whose day is resolved with the events. */
  dayPart?: string;
  /** A year, month and day the text gave (day-level dates only): used to attach dates to events. */
  dayLevel: boolean;
}

/** A trigger found in the text. */
export interface TriggerHit extends Span {
  trigger: Trigger;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  determiner: "indefinite" | "definite" | "demonstrative" | "possessive" | null;
  /** Found without the words its trigger requires: it may only name again an event told before. */
  weakened?: boolean;
  /** For separable verbs ("wies … zurück"): the token after the particle, where the verb's object ends. */
  particleEnd?: number;
  /** Inside a background phrase ("vor den Verhandlungen"): not the sentence's main event. */
  background: boolean;
}

/** An event under construction. */
export interface EventDraft {
  id: string;
  type: EventType;
  triggers: TriggerHit[];
  sentences: number[];
  participants: string[];
  place: string | null;
  date: { value: string; mod: string | null; text: string } | null;
  /** `lasted`: told by a verb of lasting ("dauerte"), which no other length overrides. */
  duration: { value: string; mod: string | null; text: string; lasted?: boolean } | null;
  issues: Issue[];
  sources: string[];
  modality: Modality;
}

/** Who a sentence is attributed to: outlets first, then who they cite. */
export interface Attribution {
  sentence: number;
  chain: { actor: string; role: "outlet" | "speaker" | "source"; cue: Span | null }[];
  /** Actor mentions that only attribute (they are not participants). */
  mentionIndexes: number[];
}

export interface QuoteNote extends Span {
  sentence: number;
  speaker: string | null;
  via: string | null;
}

/** The document as it passes through the stages. Each stage returns a new Doc. */
export interface Doc {
  text: string;
  language: Language;
  publishedAt: string | null;
  title: string | null;
  sentences: Sentence[];
  tokens: Token[];
  /** The folded form of each token, for phrase lookups. */
  folded: string[];
  actors: Record<string, ActorRecord>;
  actorMentions: ActorMention[];
  places: Record<string, PlaceRecord>;
  placeMentions: PlaceMention[];
  timexes: TimexNote[];
  triggers: TriggerHit[];
  events: EventDraft[];
  attributions: Attribution[];
  quotes: QuoteNote[];
  /** Quoted words that are not speech: titles and slogans („Alles für alle“). */
  quotedTitles: Span[];
  claims: Claim[];
}

export interface PipelineContext {
  lang: LanguagePack;
  kb: KnowledgeBase;
  /** Matchers compiled from the language data, built once per extractor and language. */
  memo: Map<string, unknown>;
}

/** The value of `build()`, computed once per context under `key`. */
export function compiled<T>(ctx: PipelineContext, key: string, build: () => T): T {
  if (!ctx.memo.has(key)) ctx.memo.set(key, build());
  return ctx.memo.get(key) as T;
}

/** A pure step of the pipeline: adds annotations and never mutates its input. */
export type Stage = (doc: Doc, ctx: PipelineContext) => Doc;
