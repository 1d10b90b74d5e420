import type { Metadata } from "next";
import { getCorpus } from "../lib/corpus";
import { parseTimelineFilter, param, queryString, type SearchParams } from "../lib/search-params";
import { groupTimeline } from "../lib/timeline-groups";
import { TimelineChart } from "../components/timeline-chart";
import { TimelineFilters } from "../components/timeline-filters";
import { EventCard } from "../components/event-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Timeline" };

const PAGE_SIZE = 50;

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sp = await searchParams;
  const { filter, raw, errors } = parseTimelineFilter(sp);
  const cursor = param(sp, "cursor");
  const corpus = await getCorpus();
  const [page, actors] = await Promise.all([
    corpus.timeline({ ...filter, cursor, limit: PAGE_SIZE }),
    corpus.listActors({ limit: 200 }),
  ]);
  const groups = groupTimeline(page.items);
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const shown = page.items.length;

  return (
    <>
      <h1>Timeline</h1>
      <p className="lede">
        Diplomatic events merged from every report in the corpus, in date order.
        {page.total !== undefined && (
          <>
            {" "}
            <strong>{page.total}</strong> {page.total === 1 ? "event" : "events"}
            {filtered ? " match the filters" : " in all"}
            {page.total > shown ? `; ${shown} on this page` : ""}.
          </>
        )}
      </p>
      <TimelineFilters values={raw} actors={actors.items} />
      {(filter.from || filter.to) && (
        <p className="hint">A date range keeps events whose day is known; events whose year no report states are left out of it.</p>
      )}
      {errors.length > 0 && (
        <div className="notice notice--error" role="alert">
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {shown === 0 ? (
        <p className="empty" role="status">
          {filtered ? "No event matches these filters." : "The corpus has no events yet. Ingest a report to begin."}{" "}
          {filtered ? <a href="/">Clear the filters</a> : <a href="/ingest">Ingest a report</a>}
        </p>
      ) : (
        <>
          <TimelineChart entries={page.items} />
          <div className="timeline" id="events">
            {groups.dated.map((g) => (
              <section key={g.key} className="day" aria-labelledby={`day-${g.key}`}>
                <h2 id={`day-${g.key}`} className="day__heading">
                  <time dateTime={g.key}>{g.heading}</time>
                </h2>
                {g.entries.map((e) => (
                  <EventCard key={e.id} entry={e} />
                ))}
              </section>
            ))}
            {groups.yearUnknown.length > 0 && (
              <section className="day-group" aria-labelledby="year-unknown">
                <h2 id="year-unknown">Year not stated</h2>
                <p className="hint">The reports give a day or month but not the year, and no publication date fixes it. Parley does not guess.</p>
                {groups.yearUnknown.map((g) => (
                  <section key={g.key} className="day" aria-labelledby={`day-${g.key}`}>
                    <h3 id={`day-${g.key}`} className="day__heading">
                      {g.heading}
                    </h3>
                    {g.entries.map((e) => (
                      <EventCard key={e.id} entry={e} headingLevel={4} />
                    ))}
                  </section>
                ))}
              </section>
            )}
            {groups.undated.length > 0 && (
              <section className="day-group" aria-labelledby="undated">
                <h2 id="undated">No day stated</h2>
                {groups.undated.map((e) => (
                  <EventCard key={e.id} entry={e} />
                ))}
              </section>
            )}
          </div>
        </>
      )}
      <nav className="pager" aria-label="Timeline pages">
        {cursor && <a href={`/${queryString(raw)}`}>First page</a>}
        {page.nextCursor && <a href={`/${queryString({ ...raw, cursor: page.nextCursor })}#events`}>Next page</a>}
      </nav>
    </>
  );
}
