import { ArticleInputSchema, ArticleSchema, type ArticleInput } from "@parley/core/model";
import type { Corpus } from "@parley/store";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { PrecomputedExtractions } from "../precomputed.js";
import { ProblemError, problemResponses } from "../problem.js";
import { cacheKey, type ResponseCache } from "../response-cache.js";
import { ArticlePageSchema, ArticleQuerySchema, BatchRequestSchema, BatchResultSchema, IdParamsSchema, MAX_BATCH } from "../schemas.js";

const notFound = (id: string) => new ProblemError("not-found", 404, `No article ${JSON.stringify(id)}.`);

/** Ingest, list, read and delete articles. */
export const articleRoutes: FastifyPluginAsyncZod<{
  corpus: Corpus;
  precomputed: PrecomputedExtractions | null;
  cache: ResponseCache;
}> = async (app, { corpus, precomputed, cache }) => {
  /** Ingests with the extractions from the worker pool when the store takes them. */
  const ingesting = <T>(inputs: ArticleInput[], ingest: () => Promise<T>): Promise<T> =>
    precomputed === null ? ingest() : precomputed.around(inputs, ingest);

  app.post(
    "/articles",
    {
      config: { write: true },
      schema: {
        tags: ["articles"],
        operationId: "ingestArticle",
        summary: "Ingest one article",
        description: "201 with the stored article and its extraction; 200 with the existing one when the same text is stored already.",
        security: [{ bearer: [] }],
        body: ArticleInputSchema,
        response: {
          200: ArticleSchema.describe("The same text was stored already"),
          201: ArticleSchema.describe("Stored"),
          ...problemResponses(400, 401, 413, 415, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const { article, created } = await ingesting([request.body], () => corpus.ingest(request.body));
      reply.header("location", `/v1/articles/${encodeURIComponent(article.id)}`);
      return reply.code(created ? 201 : 200).send(article);
    },
  );

  // `::` is find-my-way's escape for a literal colon (Google's custom-method style).
  app.post(
    "/articles::batch",
    {
      config: { write: true },
      schema: {
        tags: ["articles"],
        operationId: "ingestArticles",
        summary: "Ingest many articles",
        description: `Every article is validated before any is stored; at most ${MAX_BATCH} articles, within the body limit. 201 when at least one is new, else 200.`,
        security: [{ bearer: [] }],
        body: BatchRequestSchema,
        response: { 200: BatchResultSchema, 201: BatchResultSchema, ...problemResponses(400, 401, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const { articles } = request.body;
      const results = await ingesting(articles, () => corpus.ingestMany(articles));
      const stored = results.filter((r) => r.created).length;
      return reply.code(stored > 0 ? 201 : 200).send({
        items: results.map((r) => ({ ...r.article, created: r.created })),
        stored,
        existing: results.length - stored,
      });
    },
  );

  app.get(
    "/articles",
    {
      schema: {
        tags: ["articles"],
        operationId: "listArticles",
        summary: "List articles, newest first; q searches their text, sort=relevance ranks by it",
        querystring: ArticleQuerySchema,
        response: { 200: ArticlePageSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { sort, q, ...page } = request.query;
      const body = await cache.read(cacheKey("articles", request.query), ArticlePageSchema, () =>
        sort === "relevance" && q !== undefined ? corpus.search(q, page) : corpus.listArticles({ ...page, q }),
      );
      return cache.send(request, reply, body!);
    },
  );

  app.get(
    "/articles/:id",
    {
      schema: {
        tags: ["articles"],
        operationId: "getArticle",
        summary: "One article with its text and extraction",
        params: IdParamsSchema,
        response: { 200: ArticleSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const article = await cache.read(cacheKey("article", request.params), ArticleSchema, () => corpus.getArticle(request.params.id));
      if (article === null) throw notFound(request.params.id);
      return cache.send(request, reply, article);
    },
  );

  app.delete(
    "/articles/:id",
    {
      config: { write: true },
      schema: {
        tags: ["articles"],
        operationId: "deleteArticle",
        summary: "Delete an article and its reports from the timeline",
        security: [{ bearer: [] }],
        params: IdParamsSchema,
        response: { 204: z.null().describe("Deleted"), ...problemResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      if (!(await corpus.deleteArticle(request.params.id))) throw notFound(request.params.id);
      return reply.code(204).send(null);
    },
  );
};
