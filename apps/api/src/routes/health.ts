import type { Corpus } from "@parley/store";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ProblemError, problemResponses } from "../problem.js";
import { HealthSchema, ReadySchema } from "../schemas.js";

/** `GET /healthz` (the process answers) and `GET /readyz` (the store answers too). */
export const healthRoutes: FastifyPluginAsyncZod<{ corpus: Corpus }> = async (app, { corpus }) => {
  app.get(
    "/healthz",
    { schema: { tags: ["health"], operationId: "healthz", summary: "Liveness", response: { 200: HealthSchema } } },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/readyz",
    { schema: { tags: ["health"], operationId: "readyz", summary: "Readiness: the store answers", response: { 200: ReadySchema, ...problemResponses(503) } } },
    async (request) => {
      const ok = await corpus.ping().catch((err: unknown) => {
        request.log.warn({ err }, "store ping failed");
        return false;
      });
      if (!ok) throw new ProblemError("unavailable", 503, `The ${corpus.engine} store does not answer.`);
      return { status: "ready" as const, engine: corpus.engine };
    },
  );
};
