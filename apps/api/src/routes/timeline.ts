import { ActorDetailSchema, TimelineEntrySchema } from "@parley/core/model";
import type { Corpus } from "@parley/store";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ProblemError, problemResponses } from "../problem.js";
import { cacheKey, type ResponseCache } from "../response-cache.js";
import { ActorPageSchema, IdParamsSchema, ListQuerySchema, TimelinePageSchema, TimelineQuerySchema } from "../schemas.js";

/** The merged timeline and its actors: reads only, answered from the response cache. */
export const timelineRoutes: FastifyPluginAsyncZod<{ corpus: Corpus; cache: ResponseCache }> = async (app, { corpus, cache }) => {
  app.get(
    "/events",
    {
      schema: {
        tags: ["timeline"],
        operationId: "listEvents",
        summary: "The merged timeline, filtered and paged",
        querystring: TimelineQuerySchema,
        response: { 200: TimelinePageSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const page = await cache.read(cacheKey("events", request.query), TimelinePageSchema, () => corpus.timeline(request.query));
      return cache.send(request, reply, page!);
    },
  );

  app.get(
    "/events/:id",
    {
      schema: {
        tags: ["timeline"],
        operationId: "getEvent",
        summary: "One event with every report's evidence",
        params: IdParamsSchema,
        response: { 200: TimelineEntrySchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const event = await cache.read(cacheKey("event", request.params), TimelineEntrySchema, () => corpus.getEvent(request.params.id));
      if (event === null) throw new ProblemError("not-found", 404, `No event ${JSON.stringify(request.params.id)}.`);
      return cache.send(request, reply, event);
    },
  );

  app.get(
    "/actors",
    {
      schema: {
        tags: ["actors"],
        operationId: "listActors",
        summary: "Actors of the corpus; q matches names and aliases",
        querystring: ListQuerySchema,
        response: { 200: ActorPageSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const page = await cache.read(cacheKey("actors", request.query), ActorPageSchema, () => corpus.listActors(request.query));
      return cache.send(request, reply, page!);
    },
  );

  app.get(
    "/actors/:id",
    {
      schema: {
        tags: ["actors"],
        operationId: "getActor",
        summary: "One actor with its events, counterparts and quotes",
        params: IdParamsSchema,
        response: { 200: ActorDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const actor = await cache.read(cacheKey("actor", request.params), ActorDetailSchema, () => corpus.getActor(request.params.id));
      if (actor === null) throw new ProblemError("not-found", 404, `No actor ${JSON.stringify(request.params.id)}.`);
      return cache.send(request, reply, actor);
    },
  );
};
