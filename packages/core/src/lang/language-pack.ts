import { z } from "zod";
import { EventTypeSchema, IssueSchema } from "../model/diplomatic-event.js";
import { TimexModSchema } from "../model/time-expression.js";
import { DemonymsFileSchema } from "./demonyms-schema.js";

const words = z.array(z.string().min(1));

/**
 * An event trigger. `forms` are surface forms (any case); `head: true` lets a
 * German compound end in the form ("Friedensverhandlungen" ends in
 * "verhandlungen"). `pos` tells nouns (which take determiners) from verbs.
 * `weak` triggers only continue an event already introduced ("Ideen" after a
 * memorandum); `issue` makes the trigger an issue of an agreement or proposal
 * in the same sentence instead of an event of its own.
 */
export const TriggerSchema = z.strictObject({
  type: EventTypeSchema,
  pos: z.enum(["noun", "verb"]),
  forms: words,
  head: z.boolean().optional(),
  weak: z.boolean().optional(),
  issue: IssueSchema.optional(),
  /** The event needs one of these words within its sentence (support verbs, document nouns). */
  requires: words.optional(),
  /** The noun makes an event only after one of these determiners ("in einer Mitteilung", "in its statement"). */
  determiners: z.array(z.enum(["indefinite", "definite", "demonstrative", "possessive", "none"])).optional(),
  /** The trigger is not an event when one of these words is in its sentence. */
  excludes: words.optional(),
  /**
   * Without its required words the trigger is no event at all, not even a
   * mention of one told before: "hostages were released", "Leichen übergeben"
   * are no publication.
   */
  strict: z.boolean().optional(),
});
export type Trigger = z.infer<typeof TriggerSchema>;
export const TriggersFileSchema = z.array(TriggerSchema);

/** Words that signal an issue of an agreement or proposal. */
export const IssuesFileSchema = z.array(
  z.strictObject({ issue: IssueSchema, forms: words, head: z.boolean().optional() }),
);

/** Reporting verbs and attribution cues. */
export const ReportingFileSchema = z.strictObject({
  /** Verbs of saying: "sagte", "betonte", "said". */
  verbs: words,
  /** Cues before the source: "laut", "according to", "citing". */
  before: words,
  /** Cues after the source: "zufolge". */
  after: words,
  /** Cues linking an outlet to the speaker it cites: "berief sich auf", "citing"; "sich auf … berief" has the speaker in the gap. */
  citing: words,
  /** Words that introduce speech by a colon, or speech nouns ("Aussagen", "statement"). */
  speechNouns: words,
  /** Personal pronouns that stand for the speaker named before ("…", sagte er). */
  pronouns: words,
  /** Nouns of media and agencies: "Medien", "Nachrichtenagentur", "media". */
  mediaNouns: words,
  /**
   * Prepositions that, right after a verb of saying or a cue of attribution,
   * name the source by its seat: "hieß es aus Kiew", "nach Angaben aus Baku"
   * (the government speaks), unlike "sagte in Moskau" (where it was said).
   */
  sourcePrepositions: words,
});

/** Time vocabulary. Values are TIMEX3 fragments. */
export const TemporalFileSchema = z.strictObject({
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  weekdays: z.record(z.string(), z.number().int().min(1).max(7)),
  /** Parts of day: "Abend" → "EV". */
  dayParts: z.record(z.string(), z.enum(["MO", "MI", "AF", "EV", "NI", "DT"])),
  /** Seasons: "Frühjahr" → "SP" (TIMEX3 "2025-SP"). */
  seasons: z.record(z.string(), z.enum(["SP", "SU", "FA", "WI"])),
  /** Parts of months and years: "Anfang" → START. */
  monthParts: z.record(z.string(), TimexModSchema),
  /** Number words: "zwei" → 2, "anderthalb" → 1.5. */
  numbers: z.record(z.string(), z.number().positive()),
  /** Duration units: "Stunden" → "H" (time) or "D", "W", "M", "Y". */
  units: z.record(z.string(), z.enum(["MIN", "H", "D", "W", "M", "Y", "DE"])),
  /** Words for an unknown count: "einige Minuten" → PTXM. */
  vagueNumbers: words,
  /** After a number of days: counted from the event ("zwei Tage später", "two days later"). */
  eventRelativeAfter: words,
  eventRelativeBefore: words,
  /** Compound adjective suffixes that carry a unit: "stündig" → "H". */
  unitSuffixes: z.record(z.string(), z.enum(["MIN", "H", "D", "W", "M", "Y"])),
  /** Modifiers before a number: "mehr als" → MORE_THAN. */
  modifiers: z.record(z.string(), TimexModSchema),
  /** Days relative to the publication date: "gestern" → -1. */
  relativeDays: z.record(z.string(), z.number().int()),
  /** Days relative to the event the text speaks of: "am Vortag" → -1. */
  eventRelativeDays: z.record(z.string(), z.number().int()),
  /** Weeks, months or years relative to publication: "letzte Woche" → {unit: W, offset: -1}. */
  relativePeriods: z.record(z.string(), z.object({ unit: z.enum(["W", "M", "Y"]), offset: z.number().int() })),
  /** "vor" of "vor zwei Tagen" or "ago" of "two days ago": a number and unit counted back. */
  agoBefore: words,
  agoAfter: words,
  /** Vague references: "derzeit" → PRESENT_REF, "seit langem" → null (detected only). */
  vague: z.record(z.string(), z.object({ type: z.enum(["DATE", "DURATION"]), value: z.string().nullable() })),
  /** Words before a date that belong to it: "am". */
  introducers: words,
  /** Words before a year or date meaning "since": "seit", "since". */
  since: words,
  /** Words before a bare year that make it a date: "im Jahr", "in". */
  yearIntroducers: words,
  /**
   * Words right before a bare year that make it a modifier of time: "von"
   * of "das Abkommen von 2015", "the" of "the 2015 deal" (not "carried 1990
   * tonnes"). A year that starts its sentence needs none.
   */
  yearModifierCues: words,
  /**
   * Nouns that are counted, not dated: after a bare year-like number they make
   * it a count ("the 2000 prisoners", "of 1500 troops"), where "the 2015 deal"
   * stays a year. Where nouns are capitalised the capital already tells.
   */
  countNouns: words,
  /** Suffixes that make a year a decade: "s" of "the 1990s", "er" of "die 1990er Jahre". */
  decadeSuffixes: words,
  /** Ordinal suffixes after a day number: "st", "nd", "rd", "th". */
  ordinalSuffixes: words,
  /**
   * Words before a bare part of the day that make it a time of the day the
   * text speaks of: "am" of "am Abend", "that" of "that evening". The day is
   * the sentence's date, else the dated event told before, else the
   * publication date.
   */
  dayPartIntroducers: words,
  /** Links between a part of day and a date: "des" of "Am Abend des 2. Juni", "of". */
  dayPartLinks: words,
  /** Clock-time introducers and suffixes: "um" … "Uhr", "at" … "p.m.". */
  clockBefore: words,
  clockAfter: words,
});

/** Cues that decide whether a sentence states an event. */
export const CuesFileSchema = z.strictObject({
  /** Negation of the whole clause: "nicht", "not", "never", "failed to". */
  negation: words,
  /** Negation of the noun phrase that follows: "kein", "ohne", "no", "without". */
  negationDeterminers: words,
  /** Goals, hypotheticals, opinions: "Ziel", "entscheidend", "would". Matched as compound heads. */
  nonFactual: words,
  /** Generic statements: "seit langem", "oft", "usually". */
  generic: words,
  /** Future and plans: "soll", "wird", "will", "plan to". */
  planned: words,
  /** Indefinite determiners: "ein", "a". */
  indefinite: words,
  /** Definite and demonstrative determiners: "der", "dieses", "the", "this". */
  definite: words,
  /** Demonstratives only: they always refer back ("dieses Treffen"). */
  demonstrative: words,
  /** Possessive determiners: "seiner", "its". */
  possessive: words,
  /** Prepositions that make a following country a place: "in der Türkei", "to Turkey" (not "at the U.S. residence"). */
  countryLocative: words,
  /** Prepositions that make a following city a place: "in", "nach". */
  locative: words,
  /** Prepositions before a noun trigger that mark it as background, not the sentence's event: "vor", "nach". */
  background: words,
  /** Words that tell a new, separate event: "zuvor", "erneut", "another". */
  separate: words,
  /**
   * Words that put an event before the talks told around it ("zuvor",
   * "ursprünglich", "hatte", "earlier", "originally"): such an event does not
   * take the date of those talks.
   */
  earlier: words,
  /** Prepositions of purpose before a noun trigger: "zu Beratungen", "for consultations" (not an event beside a verb's). */
  purpose: words,
  /** Infinitive and complement markers: a clause with one continues the goal or opinion before it ("…, einen Konsens zu erzielen", "hoffen, dass …"). */
  infinitive: words,
  /**
   * Conjunctions that open a subordinate clause without a comma before it
   * ("so that", "because"): a goal or hypothetical after one ("so that medics
   * could …") does not reach back over the main clause. German marks these
   * clauses with a comma; its list may stay short.
   */
  subordinators: words,
  /**
   * Capitalised nouns that make a place name part of another name: the
   * "Minsk Group", the "Geneva Conventions", the "Astana Process" are not
   * places. Only right after the place name, and only capitalised.
   */
  placeNameHeads: words,
  /**
   * Past-tense verbs and auxiliaries ("trafen", "hatte", "met", "was"): a date
   * without a year in a clause with one lies before the publication ("Im
   * August trafen sie sich", published in June, is last August). Verbs of
   * saying stay out: "said he would meet him in August" plans.
   */
  past: words,
  /**
   * Nouns whose place is not the event's: "the war in Ukraine", "der Krieg in
   * der Ukraine" name where the war is, not where the talks were.
   */
  placeComplementNouns: words,
  /**
   * Prepositions of origin: "Diplomaten aus Russland", "delegations from
   * Kyiv" name where the parties come from, not where they meet.
   */
  origin: words,
  /** Prepositions of a topic: "a plan for Gaza", "Gespräche über die Ukraine" are not where. */
  topicPrepositions: words,
  /**
   * Verbs of lasting: "dauerte", "lasted", "took". The length that follows
   * one is the event's, before any other the event was given.
   */
  durationVerbs: words,
  /** Words between a length and the talks it measures: "of" of "eight hours of talks". */
  durationLinks: words,
  /**
   * Words right before a length that make it no event's length: "the first
   * talks in three years", "seit drei Jahren", "nach drei Jahren", "within
   * 72 hours".
   */
  notDuration: words,
  /**
   * Words before a length that count from something: a length in hours or
   * minutes after one is how long the talks went on ("nach gut einer Stunde
   * zu Ende gegangen"); a longer one is a gap ("nach drei Jahren").
   */
  afterDuration: words,
  /** Ordinal words and their numbers: "the second round" is not "the first round". */
  ordinals: z.record(z.string().min(1), z.number().int().positive()),
});

/** Titles and roles that introduce a person's name. */
export const TitlesFileSchema = z.strictObject({
  /** Titles (also as compound heads in German: "Kremlsprecher"). */
  titles: words,
  /** Common given names that start a person's name. */
  givenNames: words,
  /** Capitalised words that never start or end a name ("Der", "The"). */
  notNames: words,
});

/** Abbreviations that end with a full stop without ending a sentence. */
export const AbbreviationsFileSchema = words;

/** Frequent function words, for language detection. */
export const StopwordsFileSchema = words;

/** A language pack: the data of one language, checked by the schemas above. */
export interface LanguagePack {
  code: "de" | "en";
  triggers: z.infer<typeof TriggersFileSchema>;
  issues: z.infer<typeof IssuesFileSchema>;
  reporting: z.infer<typeof ReportingFileSchema>;
  temporal: z.infer<typeof TemporalFileSchema>;
  cues: z.infer<typeof CuesFileSchema>;
  titles: z.infer<typeof TitlesFileSchema>;
  abbreviations: string[];
  stopwords: string[];
  demonyms: z.infer<typeof DemonymsFileSchema>;
  /** Titles close compounds ("Kremlsprecher", "Chefunterhändler"): German yes, English no. */
  compoundTitles: boolean;
  /** All nouns are capitalised (German): a lone capitalised word after a title may be a noun, not a name. */
  capitalisedNouns: boolean;
  /** Adjective endings a demonym stem takes ("russisch" + "en"); [""] for English. */
  adjectiveEndings: string[];
  /** An English past participle used as an adjective ("a painstakingly negotiated treaty"): no event. */
  attributiveParticiple?(previous: string | undefined, next: string | undefined): boolean;
  /** Base forms of an inflected name token: German genitive "Medinskijs" → "Medinskij". */
  nameBases(token: string): string[];
}

/** The data files of one language folder, as imported (unchecked JSON). */
export interface PackFiles {
  triggers: unknown;
  issues: unknown;
  reporting: unknown;
  temporal: unknown;
  cues: unknown;
  titles: unknown;
  abbreviations: unknown;
  stopwords: unknown;
  demonyms: unknown;
}

/** Checks a language folder's files against their schemas: bad data fails here, named by zod. */
export function parsePackFiles(files: PackFiles): Pick<
  LanguagePack,
  "triggers" | "issues" | "reporting" | "temporal" | "cues" | "titles" | "abbreviations" | "stopwords" | "demonyms"
> {
  return {
    // Every trigger with every key, so that code reading them sees one object shape.
    triggers: TriggersFileSchema.parse(files.triggers).map((t) => ({
      type: t.type,
      pos: t.pos,
      forms: t.forms,
      head: t.head,
      weak: t.weak,
      issue: t.issue,
      requires: t.requires,
      determiners: t.determiners,
      excludes: t.excludes,
      strict: t.strict,
    })),
    issues: IssuesFileSchema.parse(files.issues),
    reporting: ReportingFileSchema.parse(files.reporting),
    temporal: TemporalFileSchema.parse(files.temporal),
    cues: CuesFileSchema.parse(files.cues),
    titles: TitlesFileSchema.parse(files.titles),
    abbreviations: AbbreviationsFileSchema.parse(files.abbreviations),
    stopwords: StopwordsFileSchema.parse(files.stopwords),
    demonyms: DemonymsFileSchema.parse(files.demonyms),
  };
}
