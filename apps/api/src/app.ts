import { randomUUID } from "node:crypto";
import { STATUS_CODES, type IncomingMessage } from "node:http";
import { availableParallelism } from "node:os";
import type { Duplex } from "node:stream";
import type { Corpus } from "@parley/store";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import fp from "fastify-plugin";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { ExtractPool, workerScript } from "./extract-pool.js";
import type { PrecomputedExtractions } from "./precomputed.js";
import { docs } from "./plugins/docs.js";
import { guard, type RateLimitOptions } from "./plugins/guard.js";
import { allowedMethods } from "./plugins/method-not-allowed.js";
import { problems, sendProblem } from "./plugins/problems.js";
import { PROBLEM_CONTENT_TYPE, problemOf } from "./problem.js";
import { DEFAULT_CACHE_BYTES, ResponseCache } from "./response-cache.js";
import { serializerCompiler } from "./serializer.js";
import { articleRoutes } from "./routes/articles.js";
import { exportRoutes } from "./routes/export.js";
import { extractRoutes } from "./routes/extract.js";
import { healthRoutes } from "./routes/health.js";
import { timelineRoutes } from "./routes/timeline.js";

/** 1 MB: an article's text may be 1,000,000 characters. */
export const DEFAULT_BODY_LIMIT = 1_048_576;

export interface AppOptions {
  /** The corpus the routes read and write; the caller owns it (see `closeCorpus`). */
  corpus: Corpus;
  /** When set, writes need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Largest body in bytes; 1 MB by default. */
  bodyLimit?: number;
  /** Origins allowed by CORS: false (none, the default), true (any), or a list. */
  corsOrigin?: boolean | string | string[];
  /** Writes per client and window; 120 a minute by default; false turns it off. */
  rateLimit?: RateLimitOptions | false;
  /** Fastify's logger option: false (the default), true, or pino options. */
  logger?: FastifyServerOptions["logger"];
  /**
   * Worker threads for extraction (`POST /v1/extract`, and ingests when
   * `startServer` opened the store), so that a long text does not hold up every
   * other request; 0 extracts on the event loop. By default one per core but
   * the event loop's, at least 1 and at most 4 (see `defaultExtractWorkers`).
   */
  extractWorkers?: number;
  /** An extraction in a worker that runs longer is abandoned (503); 30 s by default. */
  extractTimeoutMs?: number;
  /**
   * Set by `startServer`, which opens the store with `precomputed.extract`:
   * ingests then extract in the worker pool too. Without it they extract on the
   * event loop, inside the store.
   */
  precomputed?: PrecomputedExtractions;
  /**
   * Bytes of validated, serialised read responses to keep per corpus revision
   * (see response-cache.ts); 64 MiB by default, 0 keeps none. Responses are
   * kept only when the corpus tells its revision (`Corpus.revision`).
   */
  responseCacheBytes?: number;
  /** Close the corpus when the app closes. */
  closeCorpus?: boolean;
}

/** The Parley API as a plugin: everything but the server-level options. */
export const parleyApi = fp<AppOptions>(
  async (app, options) => {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(problems);
    const corsOrigin = options.corsOrigin ?? false;
    // Before any route: it records them all, to answer 405 for the methods they lack.
    const methods = allowedMethods(app, { optionsAnswered: corsOrigin !== false });
    await app.register(guard, {
      token: options.token ?? null,
      corsOrigin,
      rateLimit: options.rateLimit ?? { max: 120, timeWindow: 60_000 },
    });
    await app.register(docs);

    const { corpus } = options;
    const pool = options.precomputed?.pool ?? newPool(options);
    if (pool !== null) app.addHook("onClose", async () => pool.close());
    const maxBytes = options.responseCacheBytes ?? DEFAULT_CACHE_BYTES;
    const cache = new ResponseCache({
      revision: maxBytes > 0 && corpus.revision !== undefined ? () => corpus.revision!() : null,
      maxBytes,
    });
    await app.register(healthRoutes, { corpus });
    await app.register(
      async (v1) => {
        await v1.register(extractRoutes, { pool });
        await v1.register(articleRoutes, { corpus, precomputed: options.precomputed ?? null, cache });
        await v1.register(timelineRoutes, { corpus, cache });
        await v1.register(exportRoutes, { corpus });
      },
      { prefix: "/v1" },
    );
    methods.refuseOthers();
    if (options.closeCorpus === true) app.addHook("onClose", async () => corpus.close());
  },
  { name: "parley-api", fastify: "5.x" },
);

/** Most extraction workers by default: each holds its own extractor (40 to 80 MB). */
export const MAX_DEFAULT_EXTRACT_WORKERS = 4;

/**
 * Extraction workers for a machine with `cores` cores the process may use: one
 * per core but the event loop's, at least one (on one core the worker gives no
 * speed, but a long text no longer stops every other request) and at most
 * `MAX_DEFAULT_EXTRACT_WORKERS`.
 */
export function defaultExtractWorkers(cores: number = availableParallelism()): number {
  return Math.min(MAX_DEFAULT_EXTRACT_WORKERS, Math.max(1, cores - 1));
}

/** The extraction pool the options ask for; null (extract inline) for 0 workers or a bundle without the worker script. */
export function newPool(options: Pick<AppOptions, "extractWorkers" | "extractTimeoutMs">): ExtractPool | null {
  const workers = options.extractWorkers ?? defaultExtractWorkers();
  const script = workerScript();
  return workers > 0 && script !== null ? new ExtractPool(workers, options.extractTimeoutMs ?? 30_000, script) : null;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Keeps a caller's `x-request-id` when it is short and plain, else makes one. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Requests Node's HTTP parser refuses before any route sees them (a method it
 * does not know, a broken request line, too many header bytes, a timeout):
 * problem+json as every other error, where Fastify's own answer is plain JSON.
 * There is no request yet, so no path and no request id.
 */
function clientErrorHandler(this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
  // The client is gone: nothing to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, detail] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "The request did not arrive in time."]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "The request's header is larger than the server takes."]
        : [400, `The request is not valid HTTP/1.1 (${error.code ?? error.message}).`];
  this.log.debug({ err: error }, "client error");
  if (socket.writable) {
    const body = JSON.stringify(problemOf("http", status, detail, "", [{ path: "request", message: detail }]));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Builds the app (not listening): what tests `inject` into and `startServer` listens with. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: requestIdOf,
    // Proxies in front of it would set X-Forwarded-For; the rate limit keys on req.ip.
    trustProxy: false,
    return503OnClosing: true,
    // Path ids are checked by their schema (300 characters); the router's own
    // limit (100 by default) would answer long actor ids before it.
    routerOptions: { maxParamLength: 1000 },
    // Errors of the router itself (a bad percent-encoding) are problems too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode ?? 400;
      void sendProblem(request, reply, "http", status, error.message, [{ path: "url", message: error.message }]);
    },
    forceCloseConnections: "idle",
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  await app.register(parleyApi, options);
  return app;
}
