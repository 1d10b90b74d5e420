import { extract } from "@parley/core";
import { ArticleInputSchema, ExtractionSchema } from "@parley/core/model";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../problem.js";

/** `POST /v1/extract`: the extraction contract for one text; nothing is stored. */
export const extractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/extract",
    {
      schema: {
        tags: ["extract"],
        operationId: "extract",
        summary: "Extract the events of one article without storing it",
        body: ArticleInputSchema,
        response: { 200: ExtractionSchema, ...problemResponses(400, 413, 415, 429) },
      },
    },
    // The response serialiser validates against ExtractionSchema already.
    async (request) => extract(request.body, { validate: false }),
  );
};
