import type { ActorRef, Disagreement, TimelineEntry } from "../model/corpus.js";
import type { EventTime, Issue, Modality } from "../model/diplomatic-event.js";
import { primaryPlace, primaryValue } from "./can-merge.js";
import { dayRangeOf, isoDayOf, parseDateValue, relateDates, sortKeyOf } from "./dates.js";
import type { TimelineReport } from "./report.js";

/**
 * A stable id for a timeline entry, from the article and event id of the
 * report that opened it: `evt_` and 16 hex digits. Pure (no node:crypto), so
 * that it runs wherever the model does.
 */
export function entryIdOf(report: Pick<TimelineReport, "articleId" | "eventId">): string {
  const s = `${report.articleId}#${report.eventId}`;
  return `evt_${hash32(s, 0x9e3779b9)}${hash32(s, 0x85ebca6b)}`;
}

function hash32(s: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, "0");
}

const MODALITY_RANK: Modality[] = ["asserted", "planned", "proposed", "denied"];

/** What the store indexes an entry by, beside the entry itself. */
export interface EntryIndex {
  /** The timeline's order: see `sortKeyOf`. */
  sortKey: string;
  /** First and last day the entry's date can mean, when its year is known. */
  dayFrom: string | null;
  dayTo: string | null;
  /**
   * The day the entry is anchored to, to find merge candidates: its first day
   * when the year is known, else the first publication date of its reports.
   */
  anchorDay: string | null;
  /** `MM-DD` when the entry's date names a day, known year or not. */
  monthDay: string | null;
  /** Participants' ids and countries, for the actor filter and for finding merge candidates. */
  actorIds: string[];
  countries: string[];
}

/** One timeline entry from the reports merged into it (at least one), in the order they came. */
export function buildEntry(id: string, reports: readonly TimelineReport[]): TimelineEntry {
  const first = reports[0];
  if (!first) throw new Error(`timeline entry ${id} has no reports`);

  const dateValue = primaryValue(reports.map((r) => r.date?.value ?? null));
  const date = dateValue === null ? null : timeOf(reports.find((r) => r.date?.value === dateValue)!.date!);
  const durationValue = primaryValue(reports.map((r) => r.duration?.value ?? null));
  const duration =
    durationValue === null ? null : timeOf(reports.find((r) => r.duration?.value === durationValue)!.duration!);
  const place = primaryPlace(reports);

  const participants = new Map<string, ActorRef>();
  for (const r of reports) for (const p of r.participants) if (!participants.has(p.id)) participants.set(p.id, p);
  const issues = [...new Set(reports.flatMap((r) => r.issues))] as Issue[];

  return {
    id,
    type: first.type,
    date,
    day: resolvedDay(dateValue, reports),
    place: place ? { id: place.id, name: place.name } : null,
    duration,
    participants: [...participants.values()],
    issues,
    modality: modalityOf(reports),
    reportCount: reports.length,
    reports: reports.map((r) => ({
      articleId: r.articleId,
      articleTitle: r.articleTitle,
      publishedAt: r.publishedAt,
      eventId: r.eventId,
      evidence: r.evidence,
      sources: r.sources,
      date: r.date,
      duration: r.duration,
      place: r.place,
      modality: r.modality,
    })),
    disagreements: disagreementsOf(reports),
  };
}

/** The index fields of an entry built by `buildEntry`. */
export function indexOf(entry: TimelineEntry, reports: readonly TimelineReport[]): EntryIndex {
  const sortValue = entry.day ?? entry.date?.value ?? null;
  const range = dayRangeOf(entry.day ?? entry.date?.value ?? null);
  return {
    sortKey: sortKeyOf(sortValue, entry.id),
    dayFrom: range?.from ?? null,
    dayTo: range?.to ?? null,
    anchorDay: range?.from ?? reports.map((r) => r.publishedAt).find((d): d is string => d !== null) ?? null,
    monthDay: monthDayOf(entry.day ?? entry.date?.value ?? null),
    actorIds: entry.participants.map((p) => p.id),
    countries: [...new Set(entry.participants.map((p) => p.country).filter((c): c is string => c !== null))],
  };
}

function monthDayOf(value: string | null): string | null {
  const p = parseDateValue(value);
  return p && p.month && p.day ? `${p.month}-${p.day}` : null;
}

function timeOf(t: EventTime): EventTime {
  return { ...t };
}

/** The day of the entry's date; a year-less date takes the year of a report that gives the same day with one. */
function resolvedDay(value: string | null, reports: readonly TimelineReport[]): string | null {
  const day = isoDayOf(value);
  if (day || value === null) return day;
  const p = parseDateValue(value);
  if (!p || !p.month || !p.day) return null;
  for (const r of reports) {
    const d = isoDayOf(r.date?.value);
    if (d && d.endsWith(`-${p.month}-${p.day}`)) return d;
  }
  return null;
}

function modalityOf(reports: readonly TimelineReport[]): Modality {
  const counts = new Map<Modality, number>();
  for (const r of reports) counts.set(r.modality, (counts.get(r.modality) ?? 0) + 1);
  return MODALITY_RANK.reduce((best, m) => ((counts.get(m) ?? 0) > (counts.get(best) ?? 0) ? m : best), reports[0]!.modality);
}

/** Where the reports disagree: dates (days, not spellings), durations, places and figures. */
export function disagreementsOf(reports: readonly TimelineReport[]): Disagreement[] {
  const out: Disagreement[] = [];
  const dates = group(reports, (r) => r.date?.value ?? null, (a, b) => relateDates(a, b) === "equal");
  if (dates.length > 1) out.push({ field: "date", values: dates });
  const durations = group(reports, (r) => r.duration?.value ?? null, (a, b) => a === b);
  if (durations.length > 1) out.push({ field: "duration", values: durations });
  const places = group(reports, (r) => r.place, (a, b) => a === b);
  if (places.length > 1) out.push({ field: "place", values: places });
  const figures = group(reports, (r) => (r.figures.length ? r.figures.join(", ") : null), (a, b) => a === b);
  if (figures.length > 1) out.push({ field: "figure", values: figures });
  return out;
}

function group(
  reports: readonly TimelineReport[],
  valueOf: (r: TimelineReport) => string | null,
  same: (a: string, b: string) => boolean,
): Disagreement["values"] {
  const groups: { value: string; articleIds: string[] }[] = [];
  for (const r of reports) {
    const v = valueOf(r);
    if (v === null) continue;
    const g = groups.find((x) => same(x.value, v));
    if (!g) groups.push({ value: v, articleIds: [r.articleId] });
    else {
      if (!g.articleIds.includes(r.articleId)) g.articleIds.push(r.articleId);
      // Show the most specific spelling of the group: 2025-05-16 rather than XXXX-05-16.
      if (v.startsWith("XXXX") === false && g.value.startsWith("XXXX")) g.value = v;
    }
  }
  return groups;
}
