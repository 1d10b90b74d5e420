import type { EventTime, TimelineEntry } from "@parley/core/model";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PARTS: Record<string, string> = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night" };
const MODS: Record<string, string> = { APPROX: "~", BEFORE: "before ", AFTER: "after ", START: "early ", MID: "mid ", END: "late " };

/**
 * A TIMEX3 value for people: `2025-05-16` → "16 May 2025", `XXXX-05-16` →
 * "16 May" (year unknown), `2025-06-02TEV` → "2 Jun 2025 evening", `PT2H` → "2h".
 */
export function formatTime(time: EventTime | null | undefined): string {
  if (!time) return "";
  const mod = time.mod ? (MODS[time.mod] ?? "") : "";
  const v = time.value;
  const m = /^(\d{4}|XXXX)(?:-(\d{2}|XX))?(?:-(\d{2}|XX))?(?:T(MO|AF|EV|NI|[\d:]+))?$/.exec(v);
  if (m) {
    const [, y, mo, d, part] = m;
    const year = y === "XXXX" ? "" : y!;
    const month = mo && mo !== "XX" ? MONTHS[Number(mo) - 1] : undefined;
    const day = d && d !== "XX" ? String(Number(d)) : undefined;
    const text = [day, month, year].filter(Boolean).join(" ") || v;
    const tail = part ? ` ${PARTS[part] ?? part}` : "";
    return `${mod}${text}${tail}`;
  }
  const dur = /^P(?:T)?(\d+(?:\.\d+)?)([YMWDHS])$/.exec(v);
  if (dur) return `${mod}${dur[1]}${dur[2]!.toLowerCase()}`;
  return `${mod}${v}`;
}

/** "Medinsky, Umerov +2": participants' names, shortened to fit. */
export function formatParticipants(entry: Pick<TimelineEntry, "participants">, max = 3): string {
  const names = entry.participants.map((p) => p.name);
  return names.length > max ? `${names.slice(0, max).join(", ")} +${names.length - max}` : names.join(", ");
}

/** "meeting" → "meeting", "phone_call" → "phone call". */
export const formatType = (type: string) => type.replace(/_/g, " ");

/** "organization:tass" → "tass": a readable fallback for ids without a name. */
export const nameOfId = (id: string, names?: Map<string, string>) => names?.get(id) ?? id.replace(/^[a-z]+:/, "");

/** Pads or cuts to exactly `width` columns. */
export function fit(text: string, width: number): string {
  if (width <= 0) return "";
  if (text.length <= width) return text.padEnd(width);
  return width === 1 ? "…" : `${text.slice(0, width - 1)}…`;
}
