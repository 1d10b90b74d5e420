import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { documentHeaders } from "./guard.js";

export const API_VERSION = "1.0.0";

/**
 * The OpenAPI document, generated from the same zod schemas that validate the
 * requests and serialise the responses, at /openapi.json and as Swagger UI at /docs.
 * Registered before the routes, so that it sees every one of them.
 */
export const docs = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "Parley API",
          description:
            "Extracts diplomatic events from German and English news, stores reports and serves the merged timeline. " +
            "Errors are application/problem+json. Writes need a bearer token when the server has one.",
          version: API_VERSION,
        },
        components: {
          securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
        },
        tags: [
          { name: "extract", description: "The extractor, nothing stored" },
          { name: "articles", description: "The corpus of reports" },
          { name: "timeline", description: "Merged events" },
          { name: "actors", description: "Who acts" },
          { name: "export", description: "The whole timeline in one file" },
          { name: "health", description: "Liveness and readiness" },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // Swagger UI is a page: it gets helmet's headers for documents (after the
    // API's, which guard.ts sets on every request, so these win).
    const pageHeaders = await documentHeaders();
    await app.register(async (ui) => {
      ui.addHook("onRequest", (_request, reply, done) => {
        reply.headers(pageHeaders);
        done();
      });
      await ui.register(swaggerUi, { routePrefix: "/docs", staticCSP: false });
    });
    app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  },
  { name: "parley-docs" },
);
