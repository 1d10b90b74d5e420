import { z } from "zod";
import { ActorKindSchema, CountryCodeSchema } from "../model/actor.js";
import { EventTypeSchema, IssueSchema } from "../model/diplomatic-event.js";
import { IsoDateSchema, LanguageSchema } from "../model/document.js";
import { TimexTypeSchema } from "../model/time-expression.js";

/*
 * The gold format of FORMAT.md section 2. Every field the format names is
 * accepted; optional ones default so that the scorer never checks for
 * undefined. Unknown fields (notes, comments) are allowed and dropped, except
 * `note`, which is kept for the verbose report.
 */

/** A TIMEX3 value in gold: `"XXXX-05-16"`, or `{ "value": "XXXX-05-16" }` as in the contract. */
const GoldTimeValueSchema = z
  .union([z.string().min(1), z.object({ value: z.string().min(1) }).transform((v) => v.value)])
  .nullable()
  .default(null);

/** An actor the article names. Group, delegation and optional actors are not scored. */
export const GoldActorSchema = z.object({
  key: z.string().min(1),
  kind: ActorKindSchema,
  country: CountryCodeSchema.nullable().default(null),
  names: z.array(z.string().min(1)).default([]),
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type GoldActor = z.infer<typeof GoldActorSchema>;

/** A place the article names; events refer to it by `key`. */
export const GoldPlaceSchema = z.object({
  key: z.string().min(1),
  country: CountryCodeSchema.nullable().default(null),
  names: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});
export type GoldPlace = z.infer<typeof GoldPlaceSchema>;

/** A time expression, found in the article by its text; `value: null` scores detection only. */
export const GoldTimexSchema = z.object({
  text: z.string().min(1),
  type: TimexTypeSchema.optional(),
  value: z.string().nullable().default(null),
  acceptValues: z.array(z.string()).default([]),
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type GoldTimex = z.infer<typeof GoldTimexSchema>;

/** An event; `sentences` are anchors: text inside the sentence(s) that state it. */
export const GoldEventSchema = z.object({
  key: z.string().min(1),
  type: EventTypeSchema,
  sentences: z.array(z.string().min(1)).min(1, "an event needs at least one anchor in `sentences`"),
  /** Gold actor keys. */
  participants: z.array(z.string()).default([]),
  countries: z.array(CountryCodeSchema).default([]),
  /** A gold place key. */
  place: z.string().nullable().default(null),
  date: GoldTimeValueSchema,
  duration: GoldTimeValueSchema,
  issues: z.array(IssueSchema).default([]),
  optionalIssues: z.array(IssueSchema).default([]),
  /** Gold actor keys of who reports it. */
  sources: z.array(z.string()).default([]),
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type GoldEvent = z.infer<typeof GoldEventSchema>;

/** A sentence that states no event: `{ "sentence": "…" }` or just the string. */
export const GoldNegativeSchema = z.union([
  z.object({ sentence: z.string().min(1), note: z.string().optional() }),
  z.string().min(1).transform((sentence) => ({ sentence, note: undefined as string | undefined })),
]);
export type GoldNegative = z.infer<typeof GoldNegativeSchema>;

/** Direct speech; `speaker` and `via` are gold actor keys. */
export const GoldQuoteSchema = z.object({
  text: z.string().min(1),
  speaker: z.string().nullable().default(null),
  via: z.string().nullable().default(null),
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type GoldQuote = z.infer<typeof GoldQuoteSchema>;

/** Hand-checked answers for one article (FORMAT.md section 2). */
export const GoldSchema = z.object({
  /** The article's file name, relative to the articles folder. */
  file: z.string().min(1),
  language: LanguageSchema.optional(),
  publishedAt: IsoDateSchema.nullable().default(null),
  title: z.string().nullable().optional(),
  actors: z.array(GoldActorSchema).default([]),
  places: z.array(GoldPlaceSchema).default([]),
  timexes: z.array(GoldTimexSchema).default([]),
  events: z.array(GoldEventSchema).default([]),
  negatives: z.array(GoldNegativeSchema).default([]),
  quotes: z.array(GoldQuoteSchema).default([]),
  /** Quoted titles and slogans: not speech. `"…"` or `{ "text": "…" }`. */
  notQuotes: z.array(z.union([z.string().min(1), z.object({ text: z.string().min(1) }).transform((q) => q.text)])).default([]),
});
export type Gold = z.infer<typeof GoldSchema>;
/** What a gold file may contain before defaults are applied. */
export type GoldInput = z.input<typeof GoldSchema>;
