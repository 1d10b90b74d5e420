import { isUtf8 } from "node:buffer";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  problemOf,
  type ProblemFieldError,
  type ProblemKind,
} from "../problem.js";

/** Sends a problem; the body is serialised here, so no route schema can reshape it. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  kind: ProblemKind,
  status: number,
  detail: string,
  errors: ProblemFieldError[] = [],
): FastifyReply {
  const body = problemOf(kind, status, detail, request.url.split("?")[0] ?? request.url, errors, request.id);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** JSON.parse's account of a syntax error ("Unexpected token … at position 12"). */
function whyNotJson(text: string): string {
  try {
    JSON.parse(text);
    return "it has a __proto__ or constructor.prototype key, which is refused";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/**
 * The first string that is not storable text: U+0000 (PostgreSQL's text cannot
 * hold it) or a lone surrogate (no encoding can). Refused for both engines alike.
 */
function unstorable(value: unknown, path: string): ProblemFieldError | null {
  // A stack, not recursion: a 1 MB body can nest half a million arrays deep.
  const stack: [unknown, string][] = [[value, path]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [item, at] = next;
    if (typeof item === "string") {
      if (item.includes("\u0000")) return { path: at, message: "contains the character U+0000, which is not text" };
      // isWellFormed answers at once for a one-byte string and scans a two-byte one
      // natively; the regular expression it replaces took 5% of the event loop on the seed.
      if (!item.isWellFormed()) return { path: at, message: "contains a lone UTF-16 surrogate, which is not text" };
    } else if (typeof item === "object" && item !== null) {
      const entries = Object.entries(item);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${at}.${entries[i]![0]}`]);
    }
  }
  return null;
}

/** `body.articles.0.text` from the validation context and the path. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const parts = instancePath.split("/").filter((p) => p !== "");
  return [context ?? "request", ...parts].join(".");
}

const describe = (errors: ProblemFieldError[]): string => {
  const [first] = errors;
  if (first === undefined) return "The request is invalid.";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return `${first.path}: ${first.message}${more}`;
};

/**
 * Every error as `application/problem+json`: validation, malformed or
 * wrongly encoded bodies, sizes, media types, unknown routes, and internal
 * errors (logged with their stack, answered without it).
 */
export const problems = fp(
  async (app: FastifyInstance) => {
    // Fastify's own parser decodes bodies leniently (bad bytes become U+FFFD, and
    // would be stored as such); refuse them instead, then parse as Fastify does.
    const parseJson = app.getDefaultJsonParser("error", "error");
    // JSON only: text/plain and the rest are 415, not strings for the validator.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
      const bytes = body as Buffer;
      // DELETE takes no body, but some clients send Content-Type with none.
      if (bytes.length === 0 && request.method === "DELETE") {
        done(null, undefined);
        return;
      }
      if (!isUtf8(bytes)) {
        done(
          new ProblemError("invalid-encoding", 400, "The body is not valid UTF-8.", [
            { path: "body", message: "contains bytes that are not valid UTF-8" },
          ]),
          undefined,
        );
        return;
      }
      const text = bytes.toString("utf8");
      parseJson(request, text, (err, value) => {
        if ((err as FastifyError | null)?.code === "FST_ERR_CTP_INVALID_JSON_BODY") {
          // Fastify's message says only that the JSON is bad; say where.
          done(new ProblemError("malformed-json", 400, `The body is not valid JSON: ${whyNotJson(text)}`, [
            { path: "body", message: whyNotJson(text) },
          ]), undefined);
          return;
        }
        const bad = err === null ? unstorable(value, "body") : null;
        if (bad !== null) {
          done(new ProblemError("validation", 400, `${bad.path}: ${bad.message}`, [bad]), undefined);
          return;
        }
        done(err, value);
      });
    });

    // The same rule for the URL: an id or a filter holding U+0000 would reach the
    // store (PostgreSQL refuses it with an error, not an empty answer).
    // A callback, not an async function: no promise on every request.
    app.addHook("preValidation", (request, _reply, done) => {
      const bad = unstorable(request.params, "params") ?? unstorable(request.query, "querystring");
      done(bad === null ? undefined : new ProblemError("validation", 400, `${bad.path}: ${bad.message}`, [bad]));
    });

    app.setNotFoundHandler((request, reply) => {
      // A method the server does not know at all (WebDAV's PROPFIND, a typo) is
      // 501 Not Implemented on any path (RFC 9110 §15.6.2), not "no such path".
      if (!app.supportedMethods.includes(request.method)) {
        const known = app.supportedMethods.join(", ");
        return sendProblem(request, reply, "not-implemented", 501, `${request.method} is not a method this server implements; it knows ${known}.`, [
          { path: "method", message: `${request.method} is not one of ${known}` },
        ]);
      }
      return sendProblem(request, reply, "not-found", 404, `No route ${request.method} ${request.url.split("?")[0]}.`);
    });

    app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
      if (error instanceof ProblemError) {
        reply.headers(error.headers);
        return sendProblem(request, reply, error.kind, error.statusCode, error.message, error.errors);
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = error.validation.map((v) => ({
          path: fieldPath(error.validationContext, v.instancePath),
          message: v.message ?? "is invalid",
        }));
        return sendProblem(request, reply, "validation", 400, describe(errors), errors);
      }
      // The store's refusal of a cursor it did not make (matched by name: the API
      // must not reach into the store's modules).
      if (error.name === "InvalidCursorError") {
        return sendProblem(request, reply, "validation", 400, `querystring.cursor: ${error.message}`, [
          { path: "querystring.cursor", message: error.message },
        ]);
      }
      // The worker pool gave up on a long text (extract-pool.ts); nothing was stored.
      if (error.name === "ExtractTimeoutError") {
        const path = request.url.includes(":batch") ? "body.articles" : "body.text";
        return sendProblem(request, reply, "unavailable", 503, `${error.message}; send a shorter text.`, [
          { path, message: error.message },
        ]);
      }
      switch (error.code) {
        case "FST_ERR_CTP_BODY_TOO_LARGE":
          return sendProblem(request, reply, "body-too-large", 413, `The body is larger than ${app.initialConfig.bodyLimit} bytes.`, [
            { path: "body", message: `larger than ${app.initialConfig.bodyLimit} bytes` },
          ]);
        case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
          return sendProblem(
            request,
            reply,
            "unsupported-media-type",
            415,
            `Content-Type ${JSON.stringify(request.headers["content-type"] ?? "")} is not accepted; send application/json.`,
            [{ path: "headers.content-type", message: "expected application/json" }],
          );
        case "FST_ERR_CTP_EMPTY_JSON_BODY":
          return sendProblem(request, reply, "malformed-json", 400, "The body is empty but Content-Type is application/json.", [
            { path: "body", message: "is empty" },
          ]);
        case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
          return sendProblem(request, reply, "http", 400, "Content-Length does not match the body.", [
            { path: "headers.content-length", message: "does not match the body" },
          ]);
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        request.log.info({ err: error }, "client error");
        return sendProblem(request, reply, "http", status, error.message);
      }
      request.log.error({ err: error }, "internal error");
      return sendProblem(
        request,
        reply,
        "internal",
        500,
        `The server failed to answer; the request id ${request.id} finds the cause in its log.`,
      );
    });
  },
  { name: "parley-problems" },
);
