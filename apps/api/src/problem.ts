import { STATUS_CODES } from "node:http";
import { z } from "zod";

/** The media type of every error body (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** One thing wrong with a request: where (`body.articles.0.text`) and why. */
export const ProblemFieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;

/** An error answer (RFC 9457 problem details) with the fields that are wrong. */
export const ProblemSchema = z.object({
  /** A URN naming the kind of problem; stable, for programs to branch on. */
  type: z.string(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  /** The request path. */
  instance: z.string(),
  /** The request id, as in the logs and the `x-request-id` header. */
  requestId: z.string().optional(),
  errors: z.array(ProblemFieldErrorSchema),
});
export type Problem = z.infer<typeof ProblemSchema>;

z.globalRegistry.add(ProblemSchema, { id: "Problem", description: "An error (RFC 9457 problem details)." });

/** Kinds of problem this API answers with; the `type` is `urn:parley:problem:<kind>`. */
export type ProblemKind =
  | "validation"
  | "malformed-json"
  | "invalid-encoding"
  | "body-too-large"
  | "unsupported-media-type"
  | "unauthorized"
  | "not-found"
  | "method-not-allowed"
  | "not-implemented"
  | "rate-limited"
  | "unavailable"
  | "internal"
  | "http";

/** An error that handlers throw to answer with a problem. */
export class ProblemError extends Error {
  readonly statusCode: number;
  constructor(
    readonly kind: ProblemKind,
    status: number,
    detail: string,
    readonly errors: ProblemFieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ProblemError";
    this.statusCode = status;
  }
}

/** Builds a problem body. */
export function problemOf(
  kind: ProblemKind,
  status: number,
  detail: string,
  instance: string,
  errors: ProblemFieldError[] = [],
  requestId?: string,
): Problem {
  return {
    type: `urn:parley:problem:${kind}`,
    title: STATUS_CODES[status] ?? "Error",
    status,
    detail,
    instance,
    ...(requestId === undefined ? {} : { requestId }),
    errors,
  };
}

/** The OpenAPI description of a problem response, for route schemas. */
export const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
});

const DESCRIPTIONS: Record<number, string> = {
  400: "The request is invalid: `errors` says which field and why.",
  401: "A write without the right bearer token.",
  404: "No such resource.",
  413: "The body is larger than the limit.",
  415: "The body is not application/json.",
  429: "Too many writes; see Retry-After.",
  500: "The server failed; the request id finds the cause in its log.",
  503: "The store does not answer, or the extraction took too long.",
};

/** Problem responses for a route schema, by status. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemResponse(DESCRIPTIONS[s] ?? "An error.")]));
