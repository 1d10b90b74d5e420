export { buildApp, parleyApi, defaultExtractWorkers, DEFAULT_BODY_LIMIT, type AppOptions } from "./app.js";
export { startServer, isLoopbackHost, UnsafeListenError, type ServerHandle, type ServerOptions } from "./start-server.js";
export { tokenMatches, type RateLimitOptions } from "./plugins/guard.js";
export { ProblemSchema, ProblemFieldErrorSchema, PROBLEM_CONTENT_TYPE, type Problem, type ProblemFieldError } from "./problem.js";
export { BatchRequestSchema, BatchResultSchema, type BatchResult } from "./schemas.js";
export { EXPORT_TYPES } from "./routes/export.js";
