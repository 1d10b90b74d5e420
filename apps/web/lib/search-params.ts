import { TimelineFilterSchema, type TimelineFilter } from "@parley/core/model";

export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; empty means absent. */
export function param(sp: SearchParams, name: string): string | undefined {
  const v = sp[name];
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

/**
 * The timeline filter from the URL. Each bad value is dropped with a message
 * instead of failing the page, so a mistyped URL still shows a timeline.
 */
export function parseTimelineFilter(sp: SearchParams): { filter: TimelineFilter; raw: Record<string, string | undefined>; errors: string[] } {
  const raw = {
    actor: param(sp, "actor"),
    type: param(sp, "type"),
    issue: param(sp, "issue"),
    from: param(sp, "from"),
    to: param(sp, "to"),
    q: param(sp, "q"),
  };
  const filter: TimelineFilter = {};
  const errors: string[] = [];
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    const parsed = TimelineFilterSchema.shape[key].safeParse(value);
    if (parsed.success) (filter as Record<string, unknown>)[key] = parsed.data;
    else errors.push(`Ignored ${key} “${value.slice(0, 60)}”: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    errors.push(`The range ${filter.from} to ${filter.to} ends before it starts; showing it the other way round.`);
    [filter.from, filter.to] = [filter.to, filter.from];
  }
  return { filter, raw, errors };
}

/** A query string from parameters, leaving out the empty ones. */
export function queryString(params: Record<string, string | undefined>): string {
  const usp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) usp.set(k, v);
  const s = usp.toString();
  return s ? `?${s}` : "";
}
