import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Corpus } from "@parley/store";
import pg from "pg";
import { memoryCorpus } from "./memory-corpus.js";

export type EngineName = "sqlite" | "postgres" | "memory";

/** The engines every suite runs on; PARLEY_TEST_ENGINES narrows them (`sqlite`, `postgres`). */
export const ENGINES: EngineName[] = (process.env.PARLEY_TEST_ENGINES ?? "sqlite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is EngineName => s === "sqlite" || s === "postgres" || s === "memory");

/** The server's maintenance database; each run makes its own database beside it. */
export const PG_ADMIN_URL = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh, empty store of one engine, and how to open it again and throw it away. */
export interface TestStore {
  engine: EngineName;
  /** What `openCorpus` and `startServer({ databaseUrl })` take. */
  url: string;
  corpus: Corpus;
  /** Another connection to the same store (a second API instance). */
  openAnother(): Promise<Corpus>;
  dispose(): Promise<void>;
}

type OpenOptions = Parameters<typeof import("@parley/store").openCorpus>[1];

async function open(url: string, options?: OpenOptions): Promise<Corpus> {
  const { openCorpus } = await import("@parley/store");
  return openCorpus(url, options);
}

/** Opens a fresh store: a temporary SQLite file, or a new PostgreSQL database. */
export async function freshStore(engine: EngineName, options?: OpenOptions): Promise<TestStore> {
  const others: Corpus[] = [];
  if (engine === "memory") {
    const corpus = memoryCorpus();
    return { engine, url: "memory:", corpus, openAnother: async () => corpus, dispose: async () => undefined };
  }
  if (engine === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "parley-api-"));
    const url = `sqlite:${join(dir, "parley.db")}`;
    const corpus = await open(url, options);
    return {
      engine,
      url,
      corpus,
      openAnother: async () => {
        const c = await open(url, options);
        others.push(c);
        return c;
      },
      dispose: async () => {
        for (const c of [corpus, ...others]) await c.close().catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `parley_api_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const corpus = await open(url.toString(), options);
  return {
    engine,
    url: url.toString(),
    corpus,
    openAnother: async () => {
      const c = await open(url.toString(), options);
      others.push(c);
      return c;
    },
    dispose: async () => {
      for (const c of [corpus, ...others]) await c.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: PG_ADMIN_URL });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

/** How many articles the store holds, by paging through them all. */
export async function articleCount(corpus: Corpus): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await corpus.listArticles({ limit: 200, ...(cursor === undefined ? {} : { cursor }) });
    n += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return n;
}
