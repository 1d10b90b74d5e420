import { daysBetween, isoDayOf, relateDates } from "./dates.js";
import type { TimelineReport } from "./report.js";

/** How long apart two undated accounts may be published and still tell of one event. */
export const UNDATED_WINDOW_DAYS = 7;

/**
 * Whether `report` tells of the same real-world event as the reports already
 * merged in an entry, and how well it fits: null when it does not, else a
 * score (higher is a better fit) to choose among several entries.
 *
 * The rules:
 * - the same type, and never two events of one article in one entry (an
 *   article telling of two meetings tells of two meetings);
 * - the parties overlap: a shared actor id, or a shared country of the
 *   participants ("die russische Delegation" and "Russia"); when either side
 *   names no party, the date must be the same day and the place or the issues equal;
 * - the dates are compatible: the same day (a year-less `XXXX-05-16` fits any
 *   year's 16 May), a month that contains the day, or one unknown. Dates one
 *   day apart fit only when the accounts share an actor and the place or an
 *   issue: that is the disagreement "Monday evening" against "Tuesday";
 * - the places are compatible: equal or one unknown. Two places of the same
 *   country (Istanbul, the Çırağan Palace) fit only on the same known day with
 *   a shared actor;
 * - an undated account must be published within a week of the other's date
 *   (or, when both are undated, of the other's publication): an undated
 *   report of a meeting in 2025 does not tell of a meeting in 2021; with no
 *   day on one side at all, the accounts must share a person and the place or
 *   an issue (or two people);
 * - when both name issues (what was agreed, proposed, published), they share one.
 */
export function canMerge(entryReports: readonly TimelineReport[], report: TimelineReport): number | null {
  const first = entryReports[0];
  if (!first || first.type !== report.type) return null;
  if (entryReports.some((r) => r.articleId === report.articleId)) return null;

  const ids = new Set(entryReports.flatMap((r) => r.participants.map((p) => p.id)));
  const countries = new Set(entryReports.flatMap((r) => r.participants.map((p) => p.country).filter(isString)));
  const sharedIds = report.participants.filter((p) => ids.has(p.id)).length;
  const sharedPeople = report.participants.filter((p) => p.kind === "person" && ids.has(p.id)).length;
  const sharedCountries = new Set(report.participants.map((p) => p.country).filter((c) => isString(c) && countries.has(c))).size;
  const issues = new Set(entryReports.flatMap((r) => r.issues));
  const sharedIssues = report.issues.filter((i) => issues.has(i)).length;
  // Accounts that both name what the event was about, and name different things, tell of different events.
  if (issues.size > 0 && report.issues.length > 0 && sharedIssues === 0) return null;

  const date = primaryValue(entryReports.map((r) => r.date?.value ?? null));
  const place = primaryPlace(entryReports);
  const relation = relateDates(date, report.date?.value);
  const sameKnownDay = relation === "equal" && isoDayOf(date) !== null && isoDayOf(report.date?.value) !== null;
  const samePlace = place !== null && report.placeRef !== null && place.id === report.placeRef.id;

  const partiesKnown = ids.size > 0 && report.participants.length > 0;
  if (partiesKnown) {
    if (sharedIds === 0 && sharedCountries === 0) return null;
  } else if (!(relation === "equal" && (samePlace || (sharedIssues > 0 && sharedIssues === report.issues.length)))) {
    return null;
  }

  if (relation === "different") return null;
  if (relation === "near" && !(sharedIds > 0 && (samePlace || sharedIssues > 0))) return null;
  if (relation === "unknown") {
    const window = withinWindow(entryReports, date, report);
    if (window === false) return null;
    // Neither a date nor a publication day to anchor it: only the same people at the same place
    // (or on the same issue) tell of one event; shared states alone would merge every Russian–Ukrainian meeting.
    if (window === null && !(sharedPeople > 0 && (samePlace || sharedIssues > 0 || sharedPeople >= 2))) return null;
  }

  if (place && report.placeRef && !samePlace) {
    const sameCountry = place.country !== null && place.country === report.placeRef.country;
    if (!(sameCountry && sameKnownDay && sharedIds > 0)) return null;
  }

  let score = sharedIds * 4 + sharedCountries + sharedIssues;
  if (relation === "equal") score += sameKnownDay ? 4 : 2;
  if (relation === "near") score -= 2;
  if (samePlace) score += 2;
  return score;
}

/**
 * The day an account without a date is anchored to: its article's publication.
 * True or false when both sides have a day; null when one has none.
 */
function withinWindow(entryReports: readonly TimelineReport[], entryDate: string | null, report: TimelineReport): boolean | null {
  const entryDay = isoDayOf(entryDate) ?? entryReports.map((r) => r.publishedAt).find(isString) ?? null;
  const reportDay = isoDayOf(report.date?.value) ?? report.publishedAt;
  if (!entryDay || !reportDay) return null;
  return daysBetween(entryDay, reportDay) <= UNDATED_WINDOW_DAYS;
}

/** The value most reports give; ties go to the most specific (longest), then to the earliest report. */
export function primaryValue(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [v, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && specificity(v) > specificity(best))) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

function specificity(value: string): number {
  // A known year beats XXXX; a day beats a month.
  return (value.startsWith("XXXX") ? 0 : 100) + value.length;
}

export function primaryPlace(reports: readonly TimelineReport[]): TimelineReport["placeRef"] {
  const id = primaryValue(reports.map((r) => r.placeRef?.id ?? null));
  return id === null ? null : (reports.find((r) => r.placeRef?.id === id)?.placeRef ?? null);
}

function isString(x: string | null | undefined): x is string {
  return typeof x === "string";
}
