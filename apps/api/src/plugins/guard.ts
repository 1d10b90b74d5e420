import { createHash, timingSafeEqual } from "node:crypto";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ProblemError } from "../problem.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route changes the corpus: it needs the token when one is set. */
    write?: boolean;
  }
}

/** Requests per window and the window, for every request that is not a read. */
export interface RateLimitOptions {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

export interface GuardOptions {
  /** When set, writes need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Origins allowed by CORS: false (none), true (any), or a list. */
  corsOrigin?: boolean | string | string[];
  /** False turns the limit off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
}

/** Helmet's settings for Swagger UI at /docs, which loads its own scripts and styles from 'self'. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", "data:", "validator.swagger.io"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      scriptSrc: ["'self'"],
    },
  },
};

/**
 * The headers @fastify/helmet sets for a document, computed once: the plugin
 * builds helmet's middleware anew on every request, and with no CSP nonces the
 * headers never depend on the request. Most of them (cross-origin isolation,
 * DNS prefetching, download options, the XSS auditor) only mean something for
 * an HTML page, so only the pages of /docs get them; see `API_HEADERS`.
 */
export async function documentHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get("/", async () => "");
  const res = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  const perResponse = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
  return Object.fromEntries(
    Object.entries(res.headers).filter((e): e is [string, string] => typeof e[1] === "string" && !perResponse.has(e[0])),
  );
}

/**
 * The security headers of every API response (JSON, problem+json, CSV): those
 * OWASP's REST Security Cheat Sheet lists for APIs. Nothing may load or frame a
 * response, a browser may not guess another type for it, and it is HTTPS-only
 * once served over HTTPS (behind a proxy that terminates TLS). Helmet's others
 * protect pages, or reads that are secret (reads here are open to anyone), and
 * each header costs the server work on every response.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "strict-transport-security": "max-age=31536000; includeSubDomains",
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const digest = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/** Compares in constant time: both sides are hashed to the same length first. */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Security headers, CORS, the rate limit on everything that is not a read,
 * and the bearer token on routes marked `config: { write: true }`.
 */
export const guard = fp<GuardOptions>(
  async (app: FastifyInstance, options) => {
    // Without an origin @fastify/cors adds no header and answers no preflight, but
    // its hook would still run on every request: register it only with one.
    const corsOrigin = options.corsOrigin ?? false;
    if (corsOrigin !== false) {
      await app.register(cors, {
        // A list, not a bare string: @fastify/cors sends a string origin to every
        // caller, a list only to callers that match it.
        origin: typeof corsOrigin === "string" ? [corsOrigin] : corsOrigin,
        methods: ["GET", "HEAD", "POST", "DELETE"],
        allowedHeaders: ["Authorization", "Content-Type", "X-Request-Id"],
        exposedHeaders: ["X-Request-Id", "Location", "Retry-After"],
        maxAge: 600,
        // An OPTIONS without Origin or Access-Control-Request-Method is no
        // preflight but a plain OPTIONS: 204, as for a preflight, not the
        // plugin's text/plain 400.
        strictPreflight: false,
      });
    }

    const limit = options.rateLimit ?? { max: 120, timeWindow: 60_000 };
    if (limit !== false) {
      await app.register(rateLimit, {
        max: limit.max,
        timeWindow: limit.timeWindow,
        allowList: (request) => SAFE_METHODS.has(request.method),
        errorResponseBuilder: (_request, context) =>
          new ProblemError(
            "rate-limited",
            context.statusCode,
            `Too many writes: at most ${context.max} in ${Math.round(limit.timeWindow / 1000)} s; retry in ${context.after}.`,
          ),
      });
    }

    // Hooks on every request take a callback, not an async function: Fastify
    // then runs them without a promise and a turn of the microtask queue each.
    app.addHook("onRequest", (request, reply, done) => {
      reply.headers(API_HEADERS);
      reply.header("x-request-id", request.id);
      done();
    });

    // preParsing: after the rate limit (a route onRequest hook), so guessing the
    // token is limited too, and before the body is read and validated.
    const token = options.token ?? null;
    if (token !== null) {
      app.addHook("preParsing", (request, _reply, payload, done) => {
        if (request.routeOptions.config.write !== true) return done(null, payload);
        const given = bearerOf(request);
        if (given !== null && tokenMatches(given, token)) return done(null, payload);
        done(
          new ProblemError(
            "unauthorized",
            401,
            given === null
              ? "This route changes the corpus and needs Authorization: Bearer <token>."
              : "The bearer token is wrong.",
            [{ path: "headers.authorization", message: given === null ? "is missing" : "does not match" }],
            { "www-authenticate": 'Bearer realm="parley"' },
          ),
        );
      });
    }
  },
  { name: "parley-guard" },
);
