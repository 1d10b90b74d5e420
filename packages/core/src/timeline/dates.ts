/**
 * TIMEX3 date values as the timeline compares and sorts them.
 *
 * `2025-05-16`, `2025-05-16TEV` and `XXXX-05-16` name a day (the last one with
 * an unknown year); `2025-05` and `2025` name a month or a year; `PRESENT_REF`
 * and the like name nothing the timeline can place.
 */
export interface DayParts {
  /** Four digits, or null when the text gives no year (`XXXX`). */
  year: string | null;
  /** `MM`, or null when the value names a whole year. */
  month: string | null;
  /** `DD`, or null when the value names a month or a year. */
  day: string | null;
}

const DATE_VALUE = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?/;

/** Splits a TIMEX3 date value into year, month and day; null when it names no calendar date. */
export function parseDateValue(value: string | null | undefined): DayParts | null {
  if (!value) return null;
  const m = DATE_VALUE.exec(value);
  if (!m) return null;
  const year = m[1] === "XXXX" ? null : m[1]!;
  const month = m[2] && m[2] !== "XX" ? m[2] : null;
  const day = month && m[3] && m[3] !== "XX" ? m[3] : null;
  if (year === null && month === null) return null;
  return { year, month, day };
}

/** `YYYY-MM-DD` when the value names a day of a known year, else null. */
export function isoDayOf(value: string | null | undefined): string | null {
  const p = parseDateValue(value);
  return p && p.year && p.month && p.day ? `${p.year}-${p.month}-${p.day}` : null;
}

/** The first and last day a date value can mean, when its year is known. */
export function dayRangeOf(value: string | null | undefined): { from: string; to: string } | null {
  const p = parseDateValue(value);
  if (!p || !p.year) return null;
  if (p.month && p.day) return { from: `${p.year}-${p.month}-${p.day}`, to: `${p.year}-${p.month}-${p.day}` };
  if (p.month) {
    const last = new Date(Date.UTC(Number(p.year), Number(p.month), 0)).getUTCDate();
    return { from: `${p.year}-${p.month}-01`, to: `${p.year}-${p.month}-${String(last).padStart(2, "0")}` };
  }
  return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
}

/**
 * How two date values relate: `equal` (same day, or one contains the other,
 * or a year-less `XXXX-MM-DD` with the same month and day), `near` (days one
 * apart), `unknown` (one or both give no date), or `different`.
 */
export type DateRelation = "equal" | "near" | "unknown" | "different";

export function relateDates(a: string | null | undefined, b: string | null | undefined): DateRelation {
  const pa = parseDateValue(a);
  const pb = parseDateValue(b);
  if (!pa || !pb) return "unknown";
  if (pa.year && pb.year && pa.year !== pb.year) {
    return pa.month && pa.day && pb.month && pb.day && dayDistance(pa, pb) === 1 ? "near" : "different";
  }
  // Same year, or one year unknown: compare month and day where both give them.
  if (pa.month && pb.month) {
    if (pa.month === pb.month) {
      if (!pa.day || !pb.day || pa.day === pb.day) return "equal";
    }
    if (pa.day && pb.day && dayDistance(pa, pb) === 1) return "near";
    return "different";
  }
  // One of them names a whole year that the other falls in.
  return "equal";
}

function dayDistance(a: DayParts, b: DayParts): number {
  // A missing year is taken as the other's (or a leap year, so 02-29 exists).
  const ya = Number(a.year ?? b.year ?? 2000);
  const yb = Number(b.year ?? a.year ?? 2000);
  const ta = Date.UTC(ya, Number(a.month) - 1, Number(a.day));
  const tb = Date.UTC(yb, Number(b.month) - 1, Number(b.day));
  return Math.round(Math.abs(ta - tb) / 86_400_000);
}

/** Days between two ISO days `YYYY-MM-DD`. */
export function daysBetween(a: string, b: string): number {
  return Math.round(Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000);
}

/**
 * The key the timeline is ordered by, as one string that sorts right:
 * first the dates of a known year, in calendar order (a month or a year before
 * its days); then the dates without a year (`XXXX-05-16`), by month and day;
 * then the events without a date. The id breaks ties, so the key is unique.
 */
export function sortKeyOf(value: string | null | undefined, id: string): string {
  const p = parseDateValue(value);
  if (p && p.year) return `0|${p.year}-${p.month ?? "00"}-${p.day ?? "00"}|${id}`;
  if (p && p.month) return `1|${p.month}-${p.day ?? "00"}|${id}`;
  return `2||${id}`;
}
