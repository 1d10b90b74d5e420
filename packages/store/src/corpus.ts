import type {
  ActorDetail,
  ActorSummary,
  Article,
  ArticleInput,
  ArticleSummary,
  BatchReport,
  Extraction,
  Page,
  PageRequest,
  TimelineEntry,
  TimelineFilter,
} from "@parley/core/model";

/** The result of ingesting one article. */
export interface IngestResult {
  article: Article;
  /** False when the same text was already stored (and is returned as it is). */
  created: boolean;
}

export type ExportFormat = "json" | "ndjson" | "csv" | "plover";

export interface BatchProgress {
  done: number;
  total: number;
  file: string;
  outcome: "stored" | "existing" | "skipped";
}

/**
 * The corpus: what the API, the web site and the terminal UI all read and
 * write through. One implementation, two engines (SQLite, PostgreSQL).
 */
export interface Corpus {
  /** "sqlite" or "postgres". */
  readonly engine: "sqlite" | "postgres";
  /** Extracts and stores one article atomically; idempotent on the text. */
  ingest(input: ArticleInput): Promise<IngestResult>;
  /** Ingests many, each atomically; returns one result per input, in order. */
  ingestMany(inputs: ArticleInput[]): Promise<IngestResult[]>;
  /** Ingests a folder of `.txt` files with optional `.meta.json` beside them. */
  ingestFolder(path: string, onProgress?: (p: BatchProgress) => void): Promise<BatchReport>;
  getArticle(id: string): Promise<Article | null>;
  listArticles(page: Partial<PageRequest> & { q?: string }): Promise<Page<ArticleSummary>>;
  /** Removes an article, its extraction, and its reports from the timeline. */
  deleteArticle(id: string): Promise<boolean>;
  timeline(filter: TimelineFilter & Partial<PageRequest>): Promise<Page<TimelineEntry>>;
  getEvent(id: string): Promise<TimelineEntry | null>;
  listActors(page: Partial<PageRequest> & { q?: string }): Promise<Page<ActorSummary>>;
  getActor(id: string): Promise<ActorDetail | null>;
  /** Full-text search over articles. */
  search(q: string, page?: Partial<PageRequest>): Promise<Page<ArticleSummary>>;
  /** Streams the export, chunk by chunk. */
  export(format: ExportFormat): AsyncIterable<string>;
  /**
   * A number that grows whenever the corpus changes, through any connection or
   * process; what response caches key on. What is read after it is at least as
   * new as it. Optional: a corpus without it is not cached.
   */
  revision?(): Promise<number>;
  /** True when the store answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Extraction of one article, as the store receives it (for tests that bypass the extractor). */
export type ExtractFn = (input: ArticleInput) => Extraction;
