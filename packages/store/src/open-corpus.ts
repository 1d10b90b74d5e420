import { connect } from "./connection.js";
import type { Corpus } from "./corpus.js";
import { SqlCorpus, type CorpusOptions } from "./sql-corpus.js";
import { parseDatabaseUrl, resolveDatabaseUrl } from "./url.js";

/**
 * Opens the corpus and brings its schema up to date.
 *
 * `url`: `sqlite:PATH`, `sqlite::memory:` or `postgres://…`; when not given,
 * PARLEY_DATABASE_URL, else `sqlite:./data/parley.db` (the folder is created).
 */
export async function openCorpus(url?: string, options: CorpusOptions = {}): Promise<Corpus & SqlCorpus> {
  const conn = await connect(parseDatabaseUrl(resolveDatabaseUrl(url)));
  return new SqlCorpus(conn, options);
}

/** Ingests the seeds folder when the corpus holds no article yet (the first start). */
export async function ensureSeeded(
  corpus: Corpus,
  seedsDir: string,
  onProgress?: Parameters<Corpus["ingestFolder"]>[1],
): Promise<{ seeded: boolean; report?: Awaited<ReturnType<Corpus["ingestFolder"]>> }> {
  const { items } = await corpus.listArticles({ limit: 1 });
  if (items.length) return { seeded: false };
  return { seeded: true, report: await corpus.ingestFolder(seedsDir, onProgress) };
}
