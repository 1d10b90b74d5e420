import type { BatchReport } from "@parley/core/model";
import type { Corpus } from "@parley/store";
import { kindOfPath, readArticleFile, reasonOf } from "./read-articles.js";
import type { DataSource, ExportFormat, IngestProgress, PageQuery } from "./source.js";

/** The embedded store as a data source: every call goes straight to the `Corpus`. */
export function corpusSource(corpus: Corpus, label: string): DataSource {
  return {
    kind: "embedded",
    label,
    timeline: (filter) => corpus.timeline(filter),
    getEvent: (id) => corpus.getEvent(id),
    listActors: (query: PageQuery = {}) => corpus.listActors(query),
    getActor: (id) => corpus.getActor(id),
    listArticles: ({ q, ...page }: PageQuery = {}) =>
      q && q.trim() !== "" ? corpus.search(q, page) : corpus.listArticles(page),
    getArticle: (id) => corpus.getArticle(id),
    ingestPaths: (paths, onProgress) => ingestIntoCorpus(corpus, paths, onProgress),
    export: (format: ExportFormat) => corpus.export(format),
    close: () => corpus.close(),
  };
}

async function ingestIntoCorpus(
  corpus: Corpus,
  paths: string[],
  onProgress?: (p: IngestProgress) => void,
): Promise<BatchReport> {
  const report: BatchReport = { stored: [], existing: [], skipped: [] };
  for (const [pathIndex, path] of paths.entries()) {
    const at = { path, pathIndex, pathCount: paths.length };
    const kind = await kindOfPath(path);
    if (typeof kind === "object") {
      report.skipped.push({ file: path, reason: kind.reason });
      onProgress?.({ ...at, done: 1, total: 1, file: path, outcome: "skipped" });
      continue;
    }
    if (kind === "folder") {
      // The store owns folder ingest (its atomicity and its reading of .meta.json).
      try {
        const r = await corpus.ingestFolder(path, (p) => onProgress?.({ ...at, ...p }));
        report.stored.push(...r.stored);
        report.existing.push(...r.existing);
        report.skipped.push(...r.skipped);
      } catch (error) {
        report.skipped.push({ file: path, reason: reasonOf(error) });
        onProgress?.({ ...at, done: 1, total: 1, file: path, outcome: "skipped" });
      }
      continue;
    }
    const read = await readArticleFile(path);
    let outcome: IngestProgress["outcome"];
    if ("reason" in read) {
      report.skipped.push({ file: path, reason: read.reason });
      outcome = "skipped";
    } else {
      try {
        const { created } = await corpus.ingest(read.input);
        (created ? report.stored : report.existing).push(path);
        outcome = created ? "stored" : "existing";
      } catch (error) {
        report.skipped.push({ file: path, reason: reasonOf(error) });
        outcome = "skipped";
      }
    }
    onProgress?.({ ...at, done: 1, total: 1, file: path, outcome });
  }
  return report;
}
