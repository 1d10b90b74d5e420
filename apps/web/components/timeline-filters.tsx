import { EVENT_TYPES, ISSUES, type ActorSummary } from "@parley/core/model";
import { eventTypeLabel, issueLabel } from "../lib/labels";

export interface FilterValues {
  actor?: string;
  type?: string;
  issue?: string;
  from?: string;
  to?: string;
  q?: string;
}

/**
 * The timeline's filters as a plain GET form: the view lives in the URL, can
 * be shared, and works without JavaScript.
 */
export function TimelineFilters({ values, actors }: { values: FilterValues; actors: readonly ActorSummary[] }) {
  const actorOptions = values.actor && !actors.some((a) => a.id === values.actor) ? [{ id: values.actor, name: values.actor }, ...actors] : actors;
  return (
    <form method="get" action="/" className="filters" role="search" aria-label="Filter the timeline">
      <div className="field">
        <label htmlFor="f-q">Text</label>
        <input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder="Words in the reports" maxLength={500} />
      </div>
      <div className="field">
        <label htmlFor="f-actor">Actor</label>
        <select id="f-actor" name="actor" defaultValue={values.actor ?? ""}>
          <option value="">Any actor</option>
          {actorOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-type">Type</label>
        <select id="f-type" name="type" defaultValue={values.type ?? ""}>
          <option value="">Any type</option>
          {EVENT_TYPES.map((t) => (
            <option key={t} value={t}>
              {eventTypeLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-issue">Issue</label>
        <select id="f-issue" name="issue" defaultValue={values.issue ?? ""}>
          <option value="">Any issue</option>
          {ISSUES.map((i) => (
            <option key={i} value={i}>
              {issueLabel(i)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-from">From</label>
        <input id="f-from" name="from" type="date" defaultValue={values.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="f-to">To</label>
        <input id="f-to" name="to" type="date" defaultValue={values.to ?? ""} />
      </div>
      <div className="filters__actions">
        <button type="submit">Apply filters</button>
        <a href="/" className="button button--quiet">
          Clear
        </a>
      </div>
    </form>
  );
}
