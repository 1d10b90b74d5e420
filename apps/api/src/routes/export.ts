import { Readable } from "node:stream";
import type { Corpus, ExportFormat } from "@parley/store";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.js";
import { ExportQuerySchema } from "../schemas.js";

/** Media type and file extension of each export format. */
export const EXPORT_TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  ndjson: { contentType: "application/x-ndjson; charset=utf-8", extension: "ndjson" },
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
  // PLOVER event records, one JSON object a line.
  plover: { contentType: "application/x-ndjson; charset=utf-8", extension: "plover.jsonl" },
};

/** Yields `first`, then the rest of the iterator. */
async function* resume(first: IteratorResult<string>, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first.done === true) return;
  yield first.value;
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
}

/** `GET /v1/export?format=json|ndjson|csv|plover`: the whole timeline, streamed. */
export const exportRoutes: FastifyPluginAsyncZod<{ corpus: Corpus }> = async (app, { corpus }) => {
  app.get(
    "/export",
    {
      schema: {
        tags: ["export"],
        operationId: "exportTimeline",
        summary: "The whole timeline as one file, streamed",
        querystring: ExportQuerySchema,
        response: {
          200: {
            description: "The export, in the format asked for",
            content: Object.fromEntries(
              [...new Set(Object.values(EXPORT_TYPES).map((t) => t.contentType.split(";")[0]!))].map((type) => [
                type,
                { schema: z.string() },
              ]),
            ),
          },
          ...problemResponses(400),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const iterator = corpus.export(format)[Symbol.asyncIterator]();
      // Wait for the first chunk before the headers go out, so that a store that
      // fails at once still gets a proper problem answer.
      const first = await iterator.next();
      const { contentType, extension } = EXPORT_TYPES[format];
      const body = Readable.from(resume(first, iterator), { objectMode: false });
      // The schema documents the body as text; Fastify pipes a stream as it is.
      return reply
        .type(contentType)
        .header("content-disposition", `attachment; filename="parley-timeline.${extension}"`)
        .send(body as unknown as string);
    },
  );
};
