import { extract } from "@parley/core";
import { ArticleInputSchema, ExtractionSchema } from "@parley/core/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ExtractPool } from "../extract-pool.js";
import { problemResponses } from "../problem.js";

/** `POST /v1/extract`: the extraction contract for one text; nothing is stored. */
export const extractRoutes: FastifyPluginAsyncZod<{ pool: ExtractPool | null }> = async (app, { pool }) => {
  app.post(
    "/extract",
    {
      schema: {
        tags: ["extract"],
        operationId: "extract",
        summary: "Extract the events of one article without storing it",
        body: ArticleInputSchema,
        response: { 200: ExtractionSchema, ...problemResponses(400, 413, 415, 429, 503) },
      },
    },
    // The response serialiser validates against ExtractionSchema already.
    async (request) => (pool === null ? extract(request.body, { validate: false }) : pool.run(request.body)),
  );
};
