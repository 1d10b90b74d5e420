import type { TimelineEntry } from "@parley/core/model";
import { formatDay, formatTimexDate } from "./labels";

/** A heading of the timeline list and the events under it. */
export interface DayGroup {
  key: string;
  heading: string;
  entries: TimelineEntry[];
}

/** The list's three honest parts: dated days, days of an unstated year, and events with no day. */
export interface TimelineGroups {
  dated: DayGroup[];
  yearUnknown: DayGroup[];
  undated: TimelineEntry[];
}

/**
 * Groups entries by day, keeping the store's date order. An entry whose year
 * is not known is never put on a guessed day: it goes under "year not stated",
 * grouped by the month and day the text gives.
 */
export function groupTimeline(entries: readonly TimelineEntry[]): TimelineGroups {
  const dated = new Map<string, DayGroup>();
  const yearUnknown = new Map<string, DayGroup>();
  const undated: TimelineEntry[] = [];
  for (const e of entries) {
    if (e.day) {
      let g = dated.get(e.day);
      if (!g) dated.set(e.day, (g = { key: e.day, heading: formatDay(e.day), entries: [] }));
      g.entries.push(e);
    } else if (e.date?.value.startsWith("XXXX")) {
      const v = e.date.value.slice(0, 10);
      let g = yearUnknown.get(v);
      if (!g) yearUnknown.set(v, (g = { key: v, heading: formatTimexDate(v), entries: [] }));
      g.entries.push(e);
    } else {
      undated.push(e);
    }
  }
  const unknownSorted = [...yearUnknown.values()].sort((a, b) => a.key.localeCompare(b.key));
  return { dated: [...dated.values()], yearUnknown: unknownSorted, undated };
}
