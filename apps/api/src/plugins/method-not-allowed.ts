import type { FastifyInstance } from "fastify";
import { ProblemError } from "../problem.js";

/** The order methods are listed in `Allow`; any other after them. */
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const rank = (method: string): number => (ORDER.includes(method) ? ORDER.indexOf(method) : ORDER.length);

export interface AllowedMethodsOptions {
  /** @fastify/cors answers OPTIONS on every path (it is registered with an origin). */
  optionsAnswered: boolean;
}

/**
 * 405 Method Not Allowed, with `Allow`, for a method that a path exists for but
 * does not take (`PUT /v1/articles`, `DELETE /v1/events`): the router alone
 * answers 404, as if the path were unknown.
 *
 * Call it before any route is registered: it records every route's path. Call
 * `refuseOthers()` once every route is: each path then gets one more route, hidden from the
 * OpenAPI document, for the supported methods it lacks. The router itself
 * matches them (parameters, escapes and limits alike), and the route refuses
 * in its onRequest hook, before the body is read or the token checked; the
 * error handler answers the problem (see problems.ts).
 */
export function allowedMethods(app: FastifyInstance, options: AllowedMethodsOptions): { refuseOthers(): void } {
  const paths = new Set<string>();
  let recording = true;
  app.addHook("onRoute", (route) => {
    // "*" is @fastify/cors's preflight route, for every path.
    if (recording && route.url !== "*") paths.add(route.url);
  });

  return {
    refuseOthers() {
      recording = false;
      for (const url of paths) {
        // Asked of the router, not taken from the hook: Fastify registers a
        // plugin's "/" under its prefix with and without the slash, and tells
        // onRoute only one of them.
        const methods = new Set(app.supportedMethods.filter((method) => app.hasRoute({ method, url })));
        if (options.optionsAnswered) methods.add("OPTIONS");
        const allow = [...methods].sort((a, b) => rank(a) - rank(b)).join(", ");
        const others = app.supportedMethods.filter((method) => !methods.has(method));
        if (others.length === 0) continue;
        app.route({
          method: others,
          url,
          // HEAD is listed in `others` when the path lacks it; Fastify must not add it again.
          exposeHeadRoute: false,
          schema: { hide: true },
          onRequest: (request, _reply, done) => {
            const path = request.url.split("?")[0] ?? request.url;
            done(
              new ProblemError(
                "method-not-allowed",
                405,
                `${request.method} is not allowed on ${path}; it allows ${allow}.`,
                [{ path: "method", message: `${request.method} is not one of ${allow}` }],
                { allow },
              ),
            );
          },
          // Never reached: the onRequest hook answers.
          handler: async () => {
            throw new Error("unreachable: the onRequest hook answers 405");
          },
        });
      }
    },
  };
}
