import { PhraseIndex } from "../lang/phrase-index.js";
import type { LanguagePack } from "../lang/language-pack.js";
import actorsJson from "./actors.json";
import placesJson from "./places.json";
import {
  KnowledgeActorsFileSchema,
  KnowledgePlacesFileSchema,
  type KnowledgeActor,
  type KnowledgePlace,
} from "./schema.js";

/** What a name in the text can point to. */
export interface ActorName {
  actorId: string;
  via: "alias" | "metonym" | "demonym";
  /** Short all-caps aliases ("US", "UN") match only in that case. */
  exactCase: string | null;
  /** Names written with a capital match only capitalised words. */
  upperFirst: boolean;
}

export interface PlaceName {
  placeId: string;
  exactCase: string | null;
}

const isShortCaps = (s: string) => s.length <= 4 && /^[A-Z.]+$/.test(s);

/** The compiled knowledge base: actors and places with their name indexes. */
export class KnowledgeBase {
  readonly actors: ReadonlyMap<string, KnowledgeActor>;
  readonly places: ReadonlyMap<string, KnowledgePlace>;
  readonly actorNames: PhraseIndex<ActorName>;
  readonly placeNames: PhraseIndex<PlaceName>;
  /** States by ISO alpha-3. */
  readonly states: ReadonlyMap<string, KnowledgeActor>;
  private readonly demonymIndexes = new Map<string, PhraseIndex<ActorName>>();

  constructor(actors: KnowledgeActor[], places: KnowledgePlace[]) {
    this.actors = new Map(actors.map((a) => [a.id, a]));
    this.places = new Map(places.map((p) => [p.id, p]));
    this.states = new Map(actors.filter((a) => a.kind === "state" && a.country).map((a) => [a.country as string, a]));
    const names: [string, ActorName][] = [];
    for (const a of actors) {
      for (const alias of new Set([a.name, ...a.aliases])) {
        names.push([alias, { actorId: a.id, via: "alias", exactCase: isShortCaps(alias) ? alias : null, upperFirst: /^\p{Lu}/u.test(alias) }]);
      }
      for (const m of a.metonyms ?? []) {
        names.push([m, { actorId: a.id, via: "metonym", exactCase: isShortCaps(m) ? m : null, upperFirst: /^\p{Lu}/u.test(m) }]);
      }
    }
    this.actorNames = new PhraseIndex(names);
    const placeNames: [string, PlaceName][] = [];
    for (const p of places) {
      for (const alias of new Set([p.name, ...p.aliases])) {
        placeNames.push([alias, { placeId: p.id, exactCase: isShortCaps(alias) ? alias : null }]);
      }
    }
    this.placeNames = new PhraseIndex(placeNames);
  }

  /** Demonyms of a language pack as names of states: "russische" → state:RUS. */
  demonyms(lang: LanguagePack): PhraseIndex<ActorName> {
    const cached = this.demonymIndexes.get(lang.code);
    if (cached) return cached;
    const names: [string, ActorName][] = [];
    for (const d of lang.demonyms) {
      const state = this.states.get(d.country);
      if (!state) continue;
      for (const ending of lang.adjectiveEndings) {
        names.push([d.adjective + ending, { actorId: state.id, via: "demonym", exactCase: null, upperFirst: false }]);
      }
      for (const noun of d.nouns) {
        names.push([noun, { actorId: state.id, via: "demonym", exactCase: null, upperFirst: true }]);
      }
    }
    const index = new PhraseIndex(names);
    this.demonymIndexes.set(lang.code, index);
    return index;
  }
}

/** The knowledge base shipped with Parley, checked against its schema. */
export function loadKnowledgeBase(): KnowledgeBase {
  return new KnowledgeBase(KnowledgeActorsFileSchema.parse(actorsJson), KnowledgePlacesFileSchema.parse(placesJson));
}
