/**
 * The timeline: events of many articles that tell of the same real-world
 * event merged into one entry. Pure; the store persists what it computes.
 */
export { canMerge, primaryValue, primaryPlace, UNDATED_WINDOW_DAYS } from "./can-merge.js";
export { buildEntry, entryIdOf, indexOf, disagreementsOf, type EntryIndex } from "./build-entry.js";
export { clusterReports, bestCluster, mergeTimeline, type ReportCluster } from "./merge-timeline.js";
export { reportsOf, figuresOf, fallbackActorRef, actorRefOf, type TimelineArticle, type TimelineReport } from "./report.js";
export { parseDateValue, isoDayOf, dayRangeOf, relateDates, sortKeyOf, daysBetween, type DayParts, type DateRelation } from "./dates.js";
