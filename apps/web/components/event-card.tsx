import type { TimelineEntry } from "@parley/core/model";
import { EventBadge } from "./event-badge";
import { actorHref, eventHref } from "../lib/highlight";
import { formatEventTime, issueLabel } from "../lib/labels";

/** A title for an event: its type and who took part. */
export function eventTitle(e: TimelineEntry): string {
  const who = e.participants.map((p) => p.name);
  const names = who.length > 3 ? `${who.slice(0, 3).join(", ")} and ${who.length - 3} more` : who.join(", ");
  const type = e.type.replace(/_/g, " ");
  return names ? `${type[0]!.toUpperCase()}${type.slice(1)}: ${names}` : `${type[0]!.toUpperCase()}${type.slice(1)}`;
}

/** One event of the timeline, compact. */
export function EventCard({ entry, headingLevel = 3 }: { entry: TimelineEntry; headingLevel?: 2 | 3 | 4 }) {
  const H = `h${headingLevel}` as const;
  return (
    <article className="event-card" aria-labelledby={`ev-${entry.id}`}>
      <EventBadge type={entry.type} />
      <H className="event-card__title" id={`ev-${entry.id}`}>
        <a href={eventHref(entry.id)}>{eventTitle(entry)}</a>
      </H>
      <dl className="facts facts--inline">
        <div>
          <dt>Date</dt>
          <dd>{formatEventTime(entry.date, "date")}</dd>
        </div>
        {entry.place && (
          <div>
            <dt>Place</dt>
            <dd>{entry.place.name}</dd>
          </div>
        )}
        {entry.duration && (
          <div>
            <dt>Duration</dt>
            <dd>{formatEventTime(entry.duration, "duration")}</dd>
          </div>
        )}
        <div>
          <dt>Reports</dt>
          <dd>{entry.reportCount}</dd>
        </div>
        {entry.modality !== "asserted" && (
          <div>
            <dt>Status</dt>
            <dd>{entry.modality}</dd>
          </div>
        )}
      </dl>
      {entry.participants.length > 0 && (
        <p className="event-card__who">
          {entry.participants.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ", "}
              <a href={actorHref(p.id)}>{p.name}</a>
            </span>
          ))}
        </p>
      )}
      {entry.issues.length > 0 && (
        <ul className="chips" aria-label="Issues">
          {entry.issues.map((i) => (
            <li key={i} className="chip">
              {issueLabel(i)}
            </li>
          ))}
        </ul>
      )}
      {entry.disagreements.length > 0 && <p className="warn">Reports disagree on {entry.disagreements.map((d) => d.field).join(", ")}.</p>}
    </article>
  );
}
