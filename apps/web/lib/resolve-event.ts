import "server-only";
import type { Corpus } from "@parley/store";
import type { DiplomaticEvent, TimelineEntry } from "@parley/core/model";

const hasReport = (entry: TimelineEntry, articleId: string, eventId: string) =>
  entry.reports.some((r) => r.articleId === articleId && r.eventId === eventId);

/**
 * The timeline entry that merged one article's event. The corpus indexes the
 * timeline by actor, type and date, so those narrow the search; the entry is
 * the one that lists this article's event among its reports.
 */
export async function resolveTimelineEntry(corpus: Corpus, articleId: string, event: DiplomaticEvent): Promise<TimelineEntry | null> {
  const direct = await corpus.getEvent(event.id);
  if (direct && hasReport(direct, articleId, event.id)) return direct;
  const day = event.date?.value && /^\d{4}-\d{2}-\d{2}/.test(event.date.value) ? event.date.value.slice(0, 10) : undefined;
  const filters = [
    ...event.participants.slice(0, 3).map((actor) => ({ actor, type: event.type })),
    { type: event.type, from: day, to: day },
  ];
  for (const f of filters) {
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await corpus.timeline({ ...f, cursor, limit: 200 });
      const hit = page.items.find((e) => hasReport(e, articleId, event.id));
      if (hit) return hit;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
  }
  return null;
}
