import type {
  ActorDetail,
  ActorSummary,
  Article,
  ArticleSummary,
  BatchReport,
  Page,
  TimelineEntry,
} from "@parley/core/model";
import { kindOfPath, listArticleFiles, readArticleFile, reasonOf } from "./read-articles.js";
import { SourceError, type DataSource, type ExportFormat, type IngestProgress } from "./source.js";

export interface RemoteOptions {
  /** The API's base URL: "http://127.0.0.1:3000". */
  url: string;
  /** Bearer token for writes (ingest). */
  token?: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

/** A remote Parley API (`/v1`) as a data source. Files to ingest are read here and posted one by one. */
export function httpSource(options: RemoteOptions): DataSource {
  const base = options.url.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;

  async function request(method: string, path: string, query: Query = {}, body?: unknown): Promise<Response> {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    try {
      return await doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new SourceError(`cannot reach the Parley API at ${base}: ${cause?.code ?? cause?.message ?? reasonOf(error)}`);
    }
  }

  async function problemOf(res: Response): Promise<SourceError> {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { detail?: string; title?: string; message?: string };
      detail = body.detail ?? body.message ?? body.title ?? detail;
    } catch {
      // Not JSON: the status line says enough.
    }
    return new SourceError(`the Parley API answered ${res.status}: ${detail}`, res.status);
  }

  async function getJson<T>(path: string, query?: Query): Promise<T> {
    const res = await request("GET", path, query);
    if (!res.ok) throw await problemOf(res);
    return (await res.json()) as T;
  }

  async function getOrNull<T>(path: string): Promise<T | null> {
    const res = await request("GET", path);
    if (res.status === 404) return null;
    if (!res.ok) throw await problemOf(res);
    return (await res.json()) as T;
  }

  const id = (s: string) => encodeURIComponent(s);

  async function ingestPaths(paths: string[], onProgress?: (p: IngestProgress) => void): Promise<BatchReport> {
    const report: BatchReport = { stored: [], existing: [], skipped: [] };
    for (const [pathIndex, path] of paths.entries()) {
      const at = { path, pathIndex, pathCount: paths.length };
      const kind = await kindOfPath(path);
      let files: string[];
      if (typeof kind === "object") {
        report.skipped.push({ file: path, reason: kind.reason });
        onProgress?.({ ...at, done: 1, total: 1, file: path, outcome: "skipped" });
        continue;
      } else if (kind === "folder") {
        try {
          files = await listArticleFiles(path);
        } catch (error) {
          report.skipped.push({ file: path, reason: reasonOf(error) });
          onProgress?.({ ...at, done: 1, total: 1, file: path, outcome: "skipped" });
          continue;
        }
      } else {
        files = [path];
      }
      for (const [i, file] of files.entries()) {
        const read = await readArticleFile(file);
        let outcome: IngestProgress["outcome"] = "skipped";
        if ("reason" in read) {
          report.skipped.push({ file, reason: read.reason });
        } else {
          const res = await request("POST", "/v1/articles", {}, read.input);
          if (res.status === 201 || res.status === 200) {
            outcome = res.status === 201 ? "stored" : "existing";
            (outcome === "stored" ? report.stored : report.existing).push(file);
          } else if (res.status === 401 || res.status === 403 || res.status >= 500) {
            // Not this file's fault: the rest would fail the same way.
            throw await problemOf(res);
          } else {
            report.skipped.push({ file, reason: (await problemOf(res)).message });
          }
        }
        onProgress?.({ ...at, done: i + 1, total: files.length, file, outcome });
      }
    }
    return report;
  }

  async function* exportStream(format: ExportFormat): AsyncIterable<string> {
    const res = await request("GET", "/v1/export", { format });
    if (!res.ok) throw await problemOf(res);
    if (!res.body) return;
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      yield decoder.decode(chunk, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  return {
    kind: "remote",
    label: base,
    timeline: (filter) => getJson<Page<TimelineEntry>>("/v1/events", filter as Query),
    getEvent: (eventId) => getOrNull<TimelineEntry>(`/v1/events/${id(eventId)}`),
    listActors: (query = {}) => getJson<Page<ActorSummary>>("/v1/actors", query as Query),
    getActor: (actorId) => getOrNull<ActorDetail>(`/v1/actors/${id(actorId)}`),
    listArticles: (query = {}) => getJson<Page<ArticleSummary>>("/v1/articles", query as Query),
    getArticle: (articleId) => getOrNull<Article>(`/v1/articles/${id(articleId)}`),
    ingestPaths,
    export: exportStream,
    close: async () => {},
  };
}
