import { fold } from "../../text/fold.js";
import type { KnowledgePlace } from "../../knowledge/schema.js";
import { matchName } from "../match-names.js";
import { compiled, spanKey, type PlaceMention, type PlaceRecord, type Stage, type Token } from "../types.js";

/**
 * Finds places of the gazetteer. A country is a place only after a locative
 * preposition ("in der Türkei"); a capital that names its state when it acts
 * ("Moskau erklärte") is left to the actors.
 */
export const matchPlaces: Stage = (doc, ctx) => {
  const { lang, kb } = ctx;
  const tokens = doc.tokens;
  const locative = compiled(ctx, "match-places.locative", () => new Set(lang.cues.locative.map(fold)));
  const countryLocative = compiled(ctx, "match-places.country", () => new Set(lang.cues.countryLocative.map(fold)));
  const nameHeads = compiled(ctx, "match-places.name-heads", () => new Set(lang.cues.placeNameHeads.map(fold)));
  // A name that acts ("Moskau erklärte", "Das Weiße Haus erklärte") is an actor; after "in" it is a place.
  const actorSpans = new Set(doc.actorMentions.map((m) => spanKey(m.start, m.end)));
  const metonymSpans = new Set(doc.actorMentions.filter((m) => m.via === "metonym").map((m) => spanKey(m.start, m.end)));
  const places: Record<string, PlaceRecord> = {};
  const mentions: PlaceMention[] = [];
  const isLocative = (i: number, sentence: number, preps: Set<string> = locative) => {
    const prev = tokens[i - 1];
    if (!prev || prev.sentence !== sentence) return false;
    if (preps.has(prev.fold)) return true;
    const prev2 = tokens[i - 2];
    // "in der Türkei", "in the United States": one article between.
    return !!prev2 && prev2.sentence === sentence && preps.has(prev2.fold) && !prev.upper && prev.text.length <= 3;
  };

  // Names written in one case only ("US", not "us") match only so.
  const exactCase = (p: { value: { exactCase: string | null }; tokens: string[] }, first: Token, i: number) =>
    p.value.exactCase === null || doc.text.slice(first.start, tokens[i + p.tokens.length - 1]?.end ?? first.end) === p.value.exactCase;

  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const first = tokens[i] as Token;
      if (!first.upper) continue;
      const m = matchName(kb.placeNames, tokens, i, s.tokenEnd, exactCase);
      if (!m) continue;
      const place = kb.places.get(m.phrase.value.placeId);
      if (!place) continue;
      const end = (tokens[m.tokenEnd - 1] as Token).end;
      // "the Minsk Group", "the Geneva Conventions": the place names something else.
      const next = m.tokenEnd < s.tokenEnd ? (tokens[m.tokenEnd] as Token) : null;
      if (next?.upper && nameHeads.has(next.fold)) {
        i = m.tokenEnd;
        continue;
      }
      const loc = isLocative(i, s.index);
      if (metonymSpans.has(spanKey(first.start, end))) continue;
      if (!loc && place.kind === "venue" && actorSpans.has(spanKey(first.start, end))) continue;
      if (place.kind === "country" && !isLocative(i, s.index, countryLocative)) continue;
      places[place.id] ??= placeRecord(place);
      mentions.push({ placeId: place.id, start: first.start, end, text: doc.text.slice(first.start, end), sentence: s.index, tokenStart: i, tokenEnd: m.tokenEnd, locative: loc });
      i = m.tokenEnd - 1;
    }
  }
  return { ...doc, places, placeMentions: mentions };
};

/** The document's record of a gazetteer place. */
export function placeRecord(place: KnowledgePlace): PlaceRecord {
  return {
    id: place.id,
    name: place.name,
    country: place.country,
    coordinates: { lat: place.lat, lon: place.lon },
    kind: place.kind,
    in: place.in ?? null,
  };
}
