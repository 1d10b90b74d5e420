import type { TimelineEntry } from "../model/corpus.js";
import { buildEntry, entryIdOf } from "./build-entry.js";
import { canMerge } from "./can-merge.js";
import { reportsOf, type TimelineArticle, type TimelineReport } from "./report.js";

/** Reports grouped into entries, before the entries are built. */
export interface ReportCluster {
  id: string;
  reports: TimelineReport[];
}

/**
 * Puts each report into the entry it fits best (`canMerge`), or opens a new
 * entry named after it. Reports are taken in the order given, which is the
 * order of ingest: the result depends on it only where a report could join
 * more than one entry.
 */
export function clusterReports(reports: readonly TimelineReport[], clusters: ReportCluster[] = []): ReportCluster[] {
  for (const report of reports) {
    const best = bestCluster(clusters, report);
    if (best) best.reports.push(report);
    else clusters.push({ id: entryIdOf(report), reports: [report] });
  }
  return clusters;
}

/** The cluster a report fits best, or null. Ties go to the older cluster. */
export function bestCluster<C extends { reports: readonly TimelineReport[] }>(
  clusters: readonly C[],
  report: TimelineReport,
): C | null {
  let best: C | null = null;
  let bestScore = -Infinity;
  for (const c of clusters) {
    const score = canMerge(c.reports, report);
    if (score !== null && score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Merges the events of many articles into one timeline, in the articles' order. */
export function mergeTimeline(articles: readonly TimelineArticle[]): TimelineEntry[] {
  const clusters = clusterReports(articles.flatMap(reportsOf));
  return clusters.map((c) => buildEntry(c.id, c.reports));
}
