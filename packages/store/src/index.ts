export * from "./corpus.js";
export { openCorpus, ensureSeeded } from "./open-corpus.js";
export { SqlCorpus, type CorpusOptions } from "./sql-corpus.js";
export { articleIdOf, normaliseText } from "./article-id.js";
export { parseDatabaseUrl, resolveDatabaseUrl, DEFAULT_DATABASE_URL, type Engine, type DatabaseTarget } from "./url.js";
export { ArticleMetaSchema, type ArticleMeta } from "./folder.js";
export { InvalidCursorError } from "./cursor.js";
export { CSV_COLUMNS } from "./export.js";
