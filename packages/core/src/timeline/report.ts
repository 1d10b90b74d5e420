import type { Actor } from "../model/actor.js";
import type { ActorRef, EventReport } from "../model/corpus.js";
import type { DiplomaticEvent, EventType, Issue } from "../model/diplomatic-event.js";
import type { IsoDate } from "./types.js";
import type { Extraction } from "../model/extraction.js";
import type { Span } from "../model/span.js";

/** An article as the timeline needs it. */
export interface TimelineArticle {
  id: string;
  title: string | null;
  publishedAt: IsoDate | null;
  extraction: Extraction;
}

/**
 * One article's account of one event, with everything the merge needs and
 * nothing that needs the rest of the extraction. The store keeps these as
 * JSON, one row per article event, and merges new reports against them.
 */
export interface TimelineReport extends EventReport {
  type: EventType;
  participants: ActorRef[];
  /** The place with its name and country, resolved from the extraction. */
  placeRef: { id: string; name: string; country: string | null } | null;
  issues: Issue[];
  /** Numbers the evidence gives (counts of prisoners, of delegates …), outside dates. */
  figures: string[];
}

const KINDS = new Set(["person", "state", "organization", "group", "delegation"]);

/** An actor reference for an id the extraction does not describe: kind from the id's prefix. */
export function fallbackActorRef(id: string): ActorRef {
  const prefix = id.split(":")[0] ?? "";
  const kind = (KINDS.has(prefix) ? prefix : "group") as ActorRef["kind"];
  const country = kind === "state" && /^state:[A-Z]{3}$/.test(id) ? id.slice(6) : null;
  return { id, name: id.slice(prefix.length + 1) || id, kind, country };
}

export function actorRefOf(actor: Actor): ActorRef {
  return { id: actor.id, name: actor.name, kind: actor.kind, country: actor.country };
}

/** Every event of an article as a timeline report. */
export function reportsOf(article: TimelineArticle): TimelineReport[] {
  const { extraction } = article;
  const actors = new Map(extraction.actors.map((a) => [a.id, actorRefOf(a)]));
  const places = new Map(extraction.places.map((p) => [p.id, p]));
  const dateSpans: Span[] = extraction.timexes;
  return extraction.events.map((event) => reportOf(article, event, actors, places, dateSpans));
}

function reportOf(
  article: TimelineArticle,
  event: DiplomaticEvent,
  actors: Map<string, ActorRef>,
  places: Map<string, { id: string; name: string; country: string | null }>,
  dateSpans: Span[],
): TimelineReport {
  const place = event.place ? (places.get(event.place) ?? { id: event.place, name: event.place, country: null }) : null;
  return {
    articleId: article.id,
    articleTitle: article.title,
    publishedAt: article.publishedAt,
    eventId: event.id,
    evidence: event.evidence,
    sources: event.sources,
    date: event.date,
    duration: event.duration,
    place: event.place,
    modality: event.modality,
    type: event.type,
    participants: unique(event.participants).map((id) => actors.get(id) ?? fallbackActorRef(id)),
    placeRef: place ? { id: place.id, name: place.name, country: place.country } : null,
    issues: unique(event.issues),
    figures: figuresOf(event.evidence, dateSpans),
  };
}

// Digits with thousands separators in either language: 1,000 / 1.000 / 1 000 / 1200.
const NUMBER = /(?<![\d.,])\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?![\d]|[.,]\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)/g;

/**
 * The figures an account gives: numbers of at least 2 in the evidence, with
 * their separators removed, leaving out numbers inside time expressions and
 * years. Reports that give different figures for one event disagree.
 */
export function figuresOf(evidence: Span[], dateSpans: Span[]): string[] {
  const found = new Set<string>();
  for (const span of evidence) {
    for (const m of span.text.matchAll(NUMBER)) {
      const start = span.start + m.index;
      const end = start + m[0].length;
      if (dateSpans.some((d) => d.start < end && start < d.end)) continue;
      const n = Number(m[0].replace(/[.,\u00a0\u202f ]/g, ""));
      if (!Number.isFinite(n) || n < 2) continue;
      if (n >= 1900 && n <= 2100 && /^\d{4}$/.test(m[0])) continue;
      found.add(String(n));
    }
  }
  return [...found].sort((a, b) => Number(a) - Number(b));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
