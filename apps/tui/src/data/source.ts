import type {
  ActorDetail,
  ActorSummary,
  Article,
  ArticleSummary,
  BatchReport,
  Page,
  PageRequest,
  TimelineEntry,
  TimelineFilter,
} from "@parley/core/model";

/** The export formats every data source can stream. */
export const EXPORT_FORMATS = ["json", "ndjson", "csv", "plover"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Progress of an ingest, one call per file that went in or was skipped. */
export interface IngestProgress {
  /** The path given by the user that this file belongs to (a file or a folder). */
  path: string;
  /** 0-based index of `path` among the paths of this ingest, and how many there are. */
  pathIndex: number;
  pathCount: number;
  /** Files done and files in total for `path`. */
  done: number;
  total: number;
  file: string;
  outcome: "stored" | "existing" | "skipped";
}

export type PageQuery = Partial<PageRequest> & { q?: string };

/**
 * What the terminal needs from Parley: the embedded corpus or a remote API
 * behind the same few calls, so that views and commands never know which.
 */
export interface DataSource {
  readonly kind: "embedded" | "remote";
  /** Where the data lives, for the header: "sqlite:./data/parley.db", "http://host:3000". */
  readonly label: string;
  timeline(filter: TimelineFilter & Partial<PageRequest>): Promise<Page<TimelineEntry>>;
  getEvent(id: string): Promise<TimelineEntry | null>;
  listActors(query?: PageQuery): Promise<Page<ActorSummary>>;
  getActor(id: string): Promise<ActorDetail | null>;
  /** Articles, newest first; `q` searches their text. */
  listArticles(query?: PageQuery): Promise<Page<ArticleSummary>>;
  getArticle(id: string): Promise<Article | null>;
  /** Ingests files and folders (`.txt` with optional `.meta.json`); never throws for one bad file. */
  ingestPaths(paths: string[], onProgress?: (p: IngestProgress) => void): Promise<BatchReport>;
  export(format: ExportFormat): AsyncIterable<string>;
  close(): Promise<void>;
}

/** Raised when the store or the API cannot be reached or answers with an error. */
export class SourceError extends Error {
  constructor(
    message: string,
    /** HTTP status when the API answered, else null. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "SourceError";
  }
}
