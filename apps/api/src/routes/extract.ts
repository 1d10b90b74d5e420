import { extract } from "@parley/core";
import { ArticleInputSchema, ExtractionSchema } from "@parley/core/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ExtractPool } from "../extract-pool.js";
import { problemResponses } from "../problem.js";
import { sendSerialised } from "../response-cache.js";

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
    // The extractor validates its output against ExtractionSchema (in the worker,
    // or here without one) and the JSON goes out as it is: no second pass of zod
    // or of JSON.stringify on the event loop; from the worker, already in UTF-8.
    async (request, reply) => {
      const json = pool === null ? JSON.stringify(extract(request.body)) : await pool.runJson(request.body);
      return sendSerialised(reply, json);
    },
  );
};
