import { extract } from "@parley/core";
import { ArticleInputSchema, ExtractionSchema } from "@parley/core/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ExtractTimeoutError, type ExtractPool } from "../extract-pool.js";
import { ProblemError, problemResponses } from "../problem.js";

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
    async (request) => {
      if (pool === null) return extract(request.body, { validate: false });
      try {
        return await pool.run(request.body);
      } catch (error) {
        if (error instanceof ExtractTimeoutError) {
          throw new ProblemError("unavailable", 503, `${error.message}; send a shorter text.`, [
            { path: "body.text", message: `took longer than ${error.timeoutMs / 1000} s to extract` },
          ]);
        }
        throw error;
      }
    },
  );
};
