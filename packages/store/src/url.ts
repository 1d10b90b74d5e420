import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type Engine = "sqlite" | "postgres";

/** Where the corpus lives when nothing says otherwise. */
export const DEFAULT_DATABASE_URL = "sqlite:./data/parley.db";

export type DatabaseTarget = { engine: "sqlite"; path: string } | { engine: "postgres"; url: string };

/**
 * Reads a database URL: `sqlite:PATH` (relative to the working directory),
 * `sqlite::memory:`, or `postgres://…` / `postgresql://…`.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: "postgres", url };
  if (url.startsWith("sqlite:")) {
    const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
    if (!path) throw new Error(`no file in database URL "${url}": use sqlite:PATH or sqlite::memory:`);
    return { engine: "sqlite", path: path === ":memory:" ? path : resolve(path) };
  }
  throw new Error(`unknown database URL "${url}": use sqlite:PATH, sqlite::memory: or postgres://…`);
}

/** The URL to open: the argument, else PARLEY_DATABASE_URL, else the default file. */
export function resolveDatabaseUrl(url?: string): string {
  return url || process.env.PARLEY_DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function ensureParentDir(path: string): void {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
}
