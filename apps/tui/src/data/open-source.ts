import { httpSource } from "./http-source.js";
import { SourceError, type DataSource } from "./source.js";

export const DEFAULT_DATABASE_URL = "sqlite:./data/parley.db";

/** Where the data comes from, as the command line says it. */
export interface SourceOptions {
  /** `--db URL`. */
  db?: string;
  /** `--api URL`: use a remote API instead of the embedded store. */
  api?: string;
  /** `--token T` for the remote API. */
  token?: string;
}

/** `--db`, else `PARLEY_DATABASE_URL`, else the embedded default. */
export function databaseUrlOf(options: SourceOptions, env: NodeJS.ProcessEnv = process.env): string {
  return options.db ?? (env.PARLEY_DATABASE_URL || DEFAULT_DATABASE_URL);
}

/**
 * Opens the data source the options name. The store is imported lazily, so
 * that `--api` works where better-sqlite3 cannot load.
 */
export async function openSource(options: SourceOptions, env: NodeJS.ProcessEnv = process.env): Promise<DataSource> {
  if (options.api) {
    let url: URL;
    try {
      url = new URL(options.api);
    } catch {
      throw new SourceError(`--api: not a URL: ${options.api}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError(`--api: expected http(s), got ${url.protocol}`);
    return httpSource({ url: options.api, token: options.token || env.PARLEY_API_TOKEN || undefined });
  }
  const databaseUrl = databaseUrlOf(options, env);
  const [{ openCorpus }, { corpusSource }] = await Promise.all([import("@parley/store"), import("./corpus-source.js")]);
  try {
    const corpus = await openCorpus(databaseUrl);
    return corpusSource(corpus, databaseUrl);
  } catch (error) {
    throw new SourceError(`cannot open the store ${databaseUrl}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The options every data command takes, for `parseCommandArgs`. */
export const SOURCE_ARGS = {
  db: { type: "string" },
  api: { type: "string" },
  token: { type: "string" },
} as const;

/** Their lines in a command's --help. */
export const SOURCE_HELP = `  --db URL                the store: sqlite:PATH or postgres://… (default:
                          PARLEY_DATABASE_URL, else ${DEFAULT_DATABASE_URL})
  --api URL               use a remote Parley API instead of the embedded store
  --token T               bearer token for the API's writes (default: PARLEY_API_TOKEN)`;

/** Exit codes shared by ingest, timeline, export, serve and the UI (the README has the table). */
export const EXIT = { ok: 0, partial: 1, usage: 2, unavailable: 3 } as const;
