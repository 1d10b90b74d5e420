/** Calendar arithmetic on ISO dates in UTC: no clock, no time zone. */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function parseIso(s: string): Ymd {
  const [y, m, d] = s.split("-").map(Number);
  return { y: y as number, m: m as number, d: d as number };
}

export function toDate({ y, m, d }: Ymd): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function fromDate(dt: Date): Ymd {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addDays(date: Ymd, days: number): Ymd {
  const dt = toDate(date);
  dt.setUTCDate(dt.getUTCDate() + days);
  return fromDate(dt);
}

export function addMonths(date: Ymd, months: number): { y: number; m: number } {
  const total = date.y * 12 + (date.m - 1) + months;
  return { y: Math.floor(total / 12), m: (total % 12) + 1 };
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function isoWeekday(date: Ymd): number {
  const w = toDate(date).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO week as TIMEX3 writes it: "2025-W23". */
export function isoWeek(date: Ymd): string {
  const dt = toDate(date);
  const day = isoWeekday(date);
  dt.setUTCDate(dt.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(dt.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((dt.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${dt.getUTCFullYear()}-W${pad(week)}`;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

/** The year that puts month-day closest to the reference date (news speak of the recent past and near future). */
export function closestYear(ref: Ymd, m: number, d: number): number {
  let best = ref.y;
  let bestDiff = Infinity;
  for (const y of [ref.y - 1, ref.y, ref.y + 1]) {
    if (!isValidDay(y, m, Math.min(d, 28)) ) continue;
    const diff = Math.abs(toDate({ y, m, d: Math.min(d, 28) }).getTime() - toDate(ref).getTime());
    if (diff < bestDiff) {
      bestDiff = diff;
      best = y;
    }
  }
  return best;
}
