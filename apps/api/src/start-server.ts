import { isIP } from "node:net";
import { openCorpus, type Corpus } from "@parley/store";
import type { FastifyInstance } from "fastify";
import { buildApp, newPool, type AppOptions } from "./app.js";
import { PrecomputedExtractions } from "./precomputed.js";

export interface ServerOptions extends Omit<AppOptions, "corpus" | "closeCorpus" | "precomputed"> {
  /** 127.0.0.1 by default. */
  host?: string;
  /** 3000 by default; 0 picks a free port. */
  port?: number;
  /** The store: a `postgres://` URL or a SQLite path; the embedded default when absent. */
  databaseUrl?: string;
  /** An open corpus to serve instead of opening `databaseUrl` (it is not closed). */
  corpus?: Corpus;
}

export interface ServerHandle {
  app: FastifyInstance;
  /** `http://127.0.0.1:3000`, with the port actually bound. */
  url: string;
  host: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, closes the store. */
  close(): Promise<void>;
}

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || /^::ffff:127\./.test(h) || h === "0:0:0:0:0:0:0:1";
  return false;
}

/** Thrown when asked to listen beyond loopback without a token. */
export class UnsafeListenError extends Error {
  constructor(host: string) {
    super(
      `Refusing to listen on ${host} without a token: anyone who reaches it could write to the corpus. ` +
        "Set PARLEY_API_TOKEN (or pass a token), or listen on 127.0.0.1.",
    );
    this.name = "UnsafeListenError";
  }
}

/** Opens the store, builds the app and listens. Refuses a non-loopback host without a token. */
export async function startServer(options: ServerOptions = {}): Promise<ServerHandle> {
  const host = options.host ?? "127.0.0.1";
  const token = options.token ?? null;
  if (!isLoopbackHost(host) && (token === null || token === "")) throw new UnsafeListenError(host);

  const owned = options.corpus === undefined;
  // A store opened here takes its extractions from the worker pool (see precomputed.ts).
  const pool = owned ? newPool(options) : null;
  const precomputed = pool === null ? undefined : new PrecomputedExtractions(pool);
  const corpus = options.corpus ?? (await openCorpus(options.databaseUrl, precomputed === undefined ? {} : { extract: precomputed.extract }));
  let app: FastifyInstance;
  try {
    app = await buildApp({ ...options, token, corpus, closeCorpus: owned, precomputed });
    await app.listen({ host, port: options.port ?? 3000 });
  } catch (err) {
    if (owned) await corpus.close().catch(() => undefined);
    await pool?.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : (options.port ?? 3000);
  const urlHost = isIP(host) === 6 ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    app,
    url: `http://${urlHost}:${port}`,
    host,
    port,
    close: () => (closing ??= app.close()),
  };
}
