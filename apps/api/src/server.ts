import { startServer, UnsafeListenError } from "./start-server.js";

/** Reads the environment, listens, and closes gracefully on SIGINT and SIGTERM. */
async function main(): Promise<void> {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0..65535, not ${env.PORT}`);
  const bodyLimit = env.PARLEY_BODY_LIMIT === undefined ? undefined : Number(env.PARLEY_BODY_LIMIT);
  const cors = env.PARLEY_CORS_ORIGIN;
  const server = await startServer({
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.PARLEY_DATABASE_URL,
    token: env.PARLEY_API_TOKEN ?? null,
    bodyLimit,
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
  process.stderr.write(`${err instanceof UnsafeListenError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
