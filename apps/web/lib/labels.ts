import { EVENT_TYPES, ISSUES, type EventTime, type EventType, type Issue } from "@parley/core/model";

/** Human labels of the event vocabulary (FORMAT.md, section 3). */
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  meeting: "Meeting",
  negotiation: "Negotiation",
  consultation: "Consultation",
  phone_call: "Phone call",
  visit: "Visit",
  agreement: "Agreement",
  signing: "Signing",
  prisoner_exchange: "Prisoner exchange",
  ceasefire: "Ceasefire",
  proposal: "Proposal",
  publication: "Publication",
  statement: "Statement",
  rejection: "Rejection",
  withdrawal: "Withdrawal",
};

/**
 * One colour per event type. Each is dark enough for white text on it
 * (contrast 4.5:1 or more), so badges and chart marks share one palette.
 */
export const EVENT_TYPE_COLORS: Record<EventType, string> = {
  meeting: "#1d4ed8",
  negotiation: "#0f766e",
  consultation: "#4338ca",
  phone_call: "#7e22ce",
  visit: "#a21caf",
  agreement: "#15803d",
  signing: "#3f6212",
  prisoner_exchange: "#b45309",
  ceasefire: "#0369a1",
  proposal: "#c2410c",
  publication: "#475569",
  statement: "#854d0e",
  rejection: "#b91c1c",
  withdrawal: "#9f1239",
};

export const ISSUE_LABELS: Record<Issue, string> = {
  prisoner_exchange: "Prisoner exchange",
  ceasefire: "Ceasefire",
  neutrality: "Neutrality",
  elections: "Elections",
  withdrawal: "Withdrawal",
  territory: "Territory",
  security_guarantees: "Security guarantees",
  sanctions: "Sanctions",
  humanitarian: "Humanitarian",
  hostages: "Hostages",
  reconstruction: "Reconstruction",
  nuclear: "Nuclear",
  constitution: "Constitution",
  language_rights: "Language rights",
  recognition: "Recognition",
};

export const eventTypeLabel = (t: string): string => EVENT_TYPE_LABELS[t as EventType] ?? t;
export const issueLabel = (i: string): string => ISSUE_LABELS[i as Issue] ?? i;
export const isEventType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);
export const isIssue = (i: string): i is Issue => (ISSUES as readonly string[]).includes(i);

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const PARTS_OF_DAY: Record<string, string> = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const MODS: Record<string, string> = {
  MORE_THAN: "more than",
  LESS_THAN: "less than",
  APPROX: "about",
  EQUAL_OR_MORE: "at least",
  EQUAL_OR_LESS: "at most",
  START: "early",
  MID: "mid",
  END: "late",
  BEFORE: "before",
  AFTER: "after",
  ON_OR_AFTER: "on or after",
  SINCE: "since",
};
const REFS: Record<string, string> = { PRESENT_REF: "now", PAST_REF: "in the past", FUTURE_REF: "in the future" };

/**
 * A TIMEX3 date value in words, never inventing what the value leaves open:
 * `XXXX-05-16` is "16 May (year not stated)", `2025-06-02TEV` "2 June 2025, evening".
 */
export function formatTimexDate(value: string): string {
  if (REFS[value]) return REFS[value]!;
  const m = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T(MO|AF|EV|NI|DT|\d{2}:\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, year, month, day, part] = m;
  const monthName = month && month !== "XX" ? MONTHS[Number(month) - 1] : undefined;
  const dayNum = day && day !== "XX" ? String(Number(day)) : undefined;
  const parts: string[] = [];
  if (dayNum && monthName) parts.push(`${dayNum} ${monthName}`);
  else if (monthName) parts.push(monthName);
  if (year !== "XXXX") parts.push(year!);
  let out = parts.join(" ") || "date not stated";
  if (year === "XXXX") out += " (year not stated)";
  if (part) out += `, ${PARTS_OF_DAY[part] ?? part}`;
  return out;
}

const UNITS: Record<string, [string, string]> = {
  Y: ["year", "years"], M: ["month", "months"], W: ["week", "weeks"], D: ["day", "days"],
  H: ["hour", "hours"], MIN: ["minute", "minutes"], S: ["second", "seconds"],
};

/** A TIMEX3 duration (`PT2H`, `P3M`) in words. */
export function formatDuration(value: string): string {
  const m = /^P(?:(\d+(?:\.\d+)?|X)Y)?(?:(\d+(?:\.\d+)?|X)M)?(?:(\d+(?:\.\d+)?|X)W)?(?:(\d+(?:\.\d+)?|X)D)?(?:T(?:(\d+(?:\.\d+)?|X)H)?(?:(\d+(?:\.\d+)?|X)M)?(?:(\d+(?:\.\d+)?|X)S)?)?$/.exec(value);
  if (!m || value === "P" || value === "PT") return value;
  const keys = ["Y", "M", "W", "D", "H", "MIN", "S"] as const;
  const out: string[] = [];
  keys.forEach((k, i) => {
    const n = m[i + 1];
    if (n === undefined) return;
    const [one, many] = UNITS[k]!;
    out.push(n === "X" ? `some ${many}` : `${n} ${Number(n) === 1 ? one : many}`);
  });
  return out.join(" ");
}

/** An event's date or duration with its modifier: "more than 2 hours". */
export function formatEventTime(t: EventTime | null | undefined, kind: "date" | "duration"): string {
  if (!t) return kind === "date" ? "Date not stated" : "Not stated";
  const body = kind === "duration" ? formatDuration(t.value) : formatTimexDate(t.value);
  const mod = t.mod ? MODS[t.mod] : undefined;
  return mod ? `${mod} ${body}` : body;
}

/** `2025-06-03` as "3 June 2025". */
export function formatDay(day: string | null | undefined): string {
  if (!day) return "—";
  return formatTimexDate(day.slice(0, 10));
}

/** True when a TIMEX3 date value names a day, month or year without saying which year. */
export const isYearUnknown = (value: string | null | undefined): boolean => !!value && value.startsWith("XXXX");
