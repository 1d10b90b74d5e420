import {
  ActorDetailSchema,
  ActorSummarySchema,
  ArticleInputSchema,
  ArticleSchema,
  ArticleSummarySchema,
  ExtractionSchema,
  PageRequestSchema,
  TimelineEntrySchema,
  TimelineFilterSchema,
  pageOf,
} from "@parley/core/model";
import { z } from "zod";

// Named components in the OpenAPI document instead of the same schema inlined
// in every route. Guarded: a process that loads the API twice must not throw.
// (Not ArticleInputSchema: the type provider names input variants `<id>Input`,
// so `ArticleInput` would collide with the input variant of `Article`.)
for (const [schema, id] of [
  [ArticleSummarySchema, "ArticleSummary"],
  [ArticleSchema, "Article"],
  [ExtractionSchema, "Extraction"],
  [TimelineEntrySchema, "TimelineEntry"],
  [ActorSummarySchema, "ActorSummary"],
  [ActorDetailSchema, "ActorDetail"],
] as const) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}

/** The most articles one batch may carry; the body limit applies as well. */
export const MAX_BATCH = 100;

/** A free-text filter. */
const QuerySchema = z.string().max(500);

/** `?cursor&limit&q` of the lists of articles and actors. */
export const ListQuerySchema = PageRequestSchema.extend({ q: QuerySchema.optional() });

/** `?cursor&limit&q&sort` of the articles: newest first, or by relevance to `q`. */
export const ArticleQuerySchema = ListQuerySchema.extend({
  sort: z.enum(["newest", "relevance"]).default("newest"),
}).refine((query) => query.sort !== "relevance" || (query.q !== undefined && query.q.trim() !== ""), {
  path: ["sort"],
  message: "sort=relevance needs a query q",
});

/** `?actor&type&issue&from&to&q&cursor&limit` of the timeline. */
export const TimelineQuerySchema = TimelineFilterSchema.extend(PageRequestSchema.shape);

/** A path id: article hashes, event ids, actor ids such as `person:vladimir-medinsky`. */
export const IdParamsSchema = z.object({ id: z.string().min(1).max(300) });

/** `POST /v1/articles:batch`: every article is validated before any is stored. */
export const BatchRequestSchema = z.object({
  articles: z.array(ArticleInputSchema).min(1, "send at least one article").max(MAX_BATCH, `send at most ${MAX_BATCH} articles`),
});

/** What a batch did, one item per input in order. */
export const BatchResultSchema = z.object({
  items: z.array(ArticleSummarySchema.extend({ created: z.boolean() })),
  stored: z.number().int().nonnegative(),
  existing: z.number().int().nonnegative(),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

export const ExportFormatSchema = z.enum(["json", "ndjson", "csv", "plover"]);

export const ExportQuerySchema = z.object({ format: ExportFormatSchema.default("json") });

export const ArticlePageSchema = pageOf(ArticleSummarySchema);
export const TimelinePageSchema = pageOf(TimelineEntrySchema);
export const ActorPageSchema = pageOf(ActorSummarySchema);

export const HealthSchema = z.object({ status: z.literal("ok") });
export const ReadySchema = z.object({ status: z.literal("ready"), engine: z.enum(["sqlite", "postgres"]) });
