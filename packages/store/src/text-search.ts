import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Engine } from "./url.js";

/**
 * A user's search words as an FTS5 query: each word quoted (so that no word is
 * read as an operator) and matched as a prefix, all of them required.
 * German inflects and compounds: "Verhandlung" finds "Verhandlungen".
 */
export function fts5Query(q: string): string | null {
  const words = q.normalize("NFC").match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return null;
  return words.slice(0, 32).map((w) => `"${w}"*`).join(" ");
}

/** The condition "the article matches q" on either engine, or null when q has no words. */
export function articleMatches(engine: Engine, q: string): RawBuilder<SqlBool> | null {
  if (engine === "postgres") {
    if (!/[\p{L}\p{N}]/u.test(q)) return null;
    return sql<SqlBool>`articles.tsv @@ (websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q}))`;
  }
  const m = fts5Query(q);
  return m === null ? null : sql<SqlBool>`articles.rowid in (select rowid from articles_fts where articles_fts match ${m})`;
}

/**
 * The condition "one of the entry's reports matches q" (its evidence, its
 * article's title, the names of the parties and the place); entries are aliased `e`.
 */
export function entryMatches(engine: Engine, q: string): RawBuilder<SqlBool> | null {
  if (engine === "postgres") {
    if (!/[\p{L}\p{N}]/u.test(q)) return null;
    return sql<SqlBool>`e.id in (select r.entry_id from timeline_reports r
      where r.tsv @@ (websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q})))`;
  }
  const m = fts5Query(q);
  return m === null
    ? null
    : sql<SqlBool>`e.id in (select r.entry_id from timeline_reports r where r.rowid in (select rowid from reports_fts where reports_fts match ${m}))`;
}

/** How well an article matches q, larger is better. */
export function articleRank(engine: Engine, q: string): RawBuilder<number> {
  if (engine === "postgres") {
    return sql<number>`ts_rank(articles.tsv, websearch_to_tsquery('german', ${q}) || websearch_to_tsquery('english', ${q}))`;
  }
  // bm25 is only defined inside a MATCH query: the rank is found by a subquery.
  return sql<number>`-(select bm25(articles_fts) from articles_fts where articles_fts match ${fts5Query(q) ?? '""'} and articles_fts.rowid = articles.rowid)`;
}
