import type { RateLimitOptions } from "./plugins/guard.js";
import { startServer, UnsafeListenError } from "./start-server.js";

/** `PARLEY_RATE_LIMIT`: writes per minute and client (120 by default), or `off`. */
function rateLimitOf(value: string | undefined): RateLimitOptions | false | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "off" || value === "0") return false;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 0) throw new Error(`PARLEY_RATE_LIMIT must be a whole number of writes a minute or "off", not ${value}`);
  return { max, timeWindow: 60_000 };
}

/** Reads the environment, listens, and closes gracefully on SIGINT and SIGTERM. */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0..65535, not ${env.PORT}`);
  const bodyLimit = env.PARLEY_BODY_LIMIT === undefined ? undefined : Number(env.PARLEY_BODY_LIMIT);
  if (bodyLimit !== undefined && !(Number.isInteger(bodyLimit) && bodyLimit > 0)) throw new Error(`PARLEY_BODY_LIMIT must be a number of bytes, not ${env.PARLEY_BODY_LIMIT}`);
  const cors = env.PARLEY_CORS_ORIGIN;
  const workers = env.PARLEY_EXTRACT_WORKERS === undefined ? undefined : Number(env.PARLEY_EXTRACT_WORKERS);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new Error(`PARLEY_EXTRACT_WORKERS must be a whole number, not ${env.PARLEY_EXTRACT_WORKERS}`);
  const cacheMb = env.PARLEY_RESPONSE_CACHE_MB === undefined || env.PARLEY_RESPONSE_CACHE_MB === "" ? undefined : Number(env.PARLEY_RESPONSE_CACHE_MB);
  if (cacheMb !== undefined && !(Number.isFinite(cacheMb) && cacheMb >= 0)) {
    throw new Error(`PARLEY_RESPONSE_CACHE_MB must be a number of megabytes (0 turns the cache off), not ${env.PARLEY_RESPONSE_CACHE_MB}`);
  }
  const server = await startServer({
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.PARLEY_DATABASE_URL,
    token: env.PARLEY_API_TOKEN ?? null,
    bodyLimit,
    rateLimit: rateLimitOf(env.PARLEY_RATE_LIMIT),
    extractWorkers: workers,
    responseCacheBytes: cacheMb === undefined ? undefined : Math.round(cacheMb * 1024 * 1024),
    corsOrigin: cors === undefined || cors === "" ? false : cors === "*" ? true : cors.split(",").map((o) => o.trim()),
    logger: { level: env.LOG_LEVEL ?? "info", redact: ["req.headers.authorization"] },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      server.app.log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    server.app.log.info({ signal }, "closing");
    // Requests in flight get ten seconds to finish.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.app.log.error({ err }, "close failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  // The refusal and configuration errors are for people: the message, no stack.
  process.stderr.write(`parley api: ${err instanceof Error ? err.message : String(err)}\n`);
  if (!(err instanceof UnsafeListenError) && err instanceof Error && process.env.LOG_LEVEL === "debug") process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
