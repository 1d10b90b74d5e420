import { z } from "zod";
import { ActorKindSchema, CountryCodeSchema, RoleSchema } from "./actor.js";
import { EventTypeSchema, IssueSchema, ModalitySchema, EventTimeSchema } from "./diplomatic-event.js";
import { DocumentSchema, IsoDateSchema, LanguageSchema } from "./document.js";
import { ExtractionSchema } from "./extraction.js";
import { SpanSchema } from "./span.js";

/** An article as it is ingested: the document, at most 1 MB of text. */
export const ArticleInputSchema = DocumentSchema.extend({
  text: z
    .string()
    .min(1, "text is empty")
    .max(1_000_000, "text is longer than 1,000,000 characters")
    .refine((t) => t.trim().length > 0, "text is only white space"),
});
export type ArticleInput = z.infer<typeof ArticleInputSchema>;

/** An article of the corpus, without its text. */
export const ArticleSummarySchema = z.object({
  /** Hash of the normalised text: the same report is stored once. */
  id: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  url: z.string().nullable(),
  language: LanguageSchema,
  publishedAt: IsoDateSchema.nullable(),
  ingestedAt: z.string(),
  extractorVersion: z.string(),
  eventCount: z.number().int().nonnegative(),
});
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

/** An article with its text and extraction. */
export const ArticleSchema = ArticleSummarySchema.extend({
  text: z.string(),
  extraction: ExtractionSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/** One article's account of a timeline event. */
export const EventReportSchema = z.object({
  articleId: z.string(),
  articleTitle: z.string().nullable(),
  publishedAt: IsoDateSchema.nullable(),
  /** The event's id inside that article's extraction. */
  eventId: z.string(),
  evidence: z.array(SpanSchema),
  /** Actor ids of who reports it, outermost first. */
  sources: z.array(z.string()),
  date: EventTimeSchema.nullable(),
  duration: EventTimeSchema.nullable(),
  place: z.string().nullable(),
  modality: ModalitySchema,
});
export type EventReport = z.infer<typeof EventReportSchema>;

/** Where the reports of one event disagree: the values and who gives each. */
export const DisagreementSchema = z.object({
  field: z.enum(["date", "duration", "place", "figure"]),
  values: z.array(z.object({ value: z.string(), articleIds: z.array(z.string()) })),
});
export type Disagreement = z.infer<typeof DisagreementSchema>;

/** A name for an actor id, so that consumers can show it without a lookup. */
export const ActorRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: ActorKindSchema,
  country: CountryCodeSchema.nullable(),
});
export type ActorRef = z.infer<typeof ActorRefSchema>;

/** One real-world event, merged from the reports of every article that tells of it. */
export const TimelineEntrySchema = z.object({
  id: z.string(),
  type: EventTypeSchema,
  /** The date most reports give (TIMEX3 value, year may be XXXX), or null. */
  date: EventTimeSchema.nullable(),
  /** A sortable day `YYYY-MM-DD` when the year is known, else null. */
  day: IsoDateSchema.nullable(),
  place: z.object({ id: z.string(), name: z.string() }).nullable(),
  duration: EventTimeSchema.nullable(),
  participants: z.array(ActorRefSchema),
  issues: z.array(IssueSchema),
  modality: ModalitySchema,
  reportCount: z.number().int().positive(),
  reports: z.array(EventReportSchema),
  disagreements: z.array(DisagreementSchema),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Filters of the timeline; every one optional. */
export const TimelineFilterSchema = z.object({
  actor: z.string().optional(),
  type: EventTypeSchema.optional(),
  issue: IssueSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().max(500).optional(),
});
export type TimelineFilter = z.infer<typeof TimelineFilterSchema>;

/** Cursor paging: `limit` 1..200. */
export const PageRequestSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageRequest = z.infer<typeof PageRequestSchema>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative().optional() });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** An actor of the corpus with how often it appears. */
export const ActorSummarySchema = ActorRefSchema.extend({
  aliases: z.array(z.string()),
  eventCount: z.number().int().nonnegative(),
  articleCount: z.number().int().nonnegative(),
});
export type ActorSummary = z.infer<typeof ActorSummarySchema>;

/** An actor with its roles, events, counterparts and quotes. */
export const ActorDetailSchema = ActorSummarySchema.extend({
  roles: z.array(RoleSchema),
  events: z.array(TimelineEntrySchema),
  /** Who it met, negotiated or agreed with, and how often. */
  counterparts: z.array(ActorRefSchema.extend({ count: z.number().int().positive(), types: z.array(EventTypeSchema) })),
  quotes: z.array(SpanSchema.extend({ articleId: z.string(), via: z.string().nullable() })),
});
export type ActorDetail = z.infer<typeof ActorDetailSchema>;

/** What a batch ingest did: per file, stored, already there, or skipped and why. */
export const BatchReportSchema = z.object({
  stored: z.array(z.string()),
  existing: z.array(z.string()),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })),
});
export type BatchReport = z.infer<typeof BatchReportSchema>;
