import { EVENT_TYPES, type EventType, type TimelineEntry } from "@parley/core/model";
import { EVENT_TYPE_COLORS, eventTypeLabel, formatDay, formatTimexDate } from "../lib/labels";
import { eventHref } from "../lib/highlight";

const WIDTH = 960;
const LEFT = 150;
const RIGHT = 24;
const LANE = 26;
const TOP = 12;
const AXIS = 34;
const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface Mark {
  key: string;
  type: EventType;
  /** Position on the axis, in days since the epoch (or day of a leap year when the year is unknown). */
  x: number;
  /** The stretch it covers when only a month is known. */
  width?: number;
  label: string;
  entries: TimelineEntry[];
}

const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

/** The shared lane layout: one row per event type present, in vocabulary order. */
function lanesOf(marks: Mark[]): EventType[] {
  const present = new Set(marks.map((m) => m.type));
  return EVENT_TYPES.filter((t) => present.has(t));
}

function groupMarks(list: { entry: TimelineEntry; x: number; width?: number; label: string; slot: string }[]): Mark[] {
  const byKey = new Map<string, Mark>();
  for (const { entry, x, width, label, slot } of list) {
    const key = `${entry.type}|${slot}`;
    const m = byKey.get(key);
    if (m) m.entries.push(entry);
    else byKey.set(key, { key, type: entry.type, x, width, label, entries: [entry] });
  }
  return [...byKey.values()];
}

function hrefOf(m: Mark, slotQuery: string | null): string {
  if (m.entries.length === 1 || !slotQuery) return eventHref(m.entries[0]!.id);
  return `/?type=${m.type}&${slotQuery}`;
}

interface Tick {
  x: number;
  label: string;
}

function ticksFor(min: number, max: number): Tick[] {
  const span = max - min;
  const ticks: Tick[] = [];
  const d0 = new Date(min * DAY_MS);
  if (span <= 45) {
    const step = Math.max(1, Math.ceil(span / 7));
    for (let d = min; d <= max; d += step) {
      const iso = new Date(d * DAY_MS).toISOString().slice(0, 10);
      ticks.push({ x: d, label: `${+iso.slice(8, 10)} ${MONTHS[+iso.slice(5, 7) - 1]}` });
    }
    return ticks;
  }
  const yearly = span > 3 * 366;
  let y = d0.getUTCFullYear();
  let mo = yearly ? 0 : d0.getUTCMonth();
  const all: Tick[] = [];
  for (;;) {
    const x = Date.UTC(y, mo, 1) / DAY_MS;
    if (x > max) break;
    if (x >= min) all.push({ x, label: yearly ? String(y) : mo === 0 ? `${MONTHS[mo]} ${y}` : MONTHS[mo]! });
    if (yearly) y++;
    else if (++mo === 12) {
      mo = 0;
      y++;
    }
  }
  const every = Math.ceil(all.length / 8);
  return all.filter((_, i) => i % every === 0);
}

function Lanes({ lanes, height }: { lanes: EventType[]; height: number }) {
  return (
    <g className="chart-lanes">
      {lanes.map((t, i) => (
        <g key={t}>
          <rect x={LEFT} y={TOP + i * LANE} width={WIDTH - LEFT - RIGHT} height={LANE} className={i % 2 ? "lane-odd" : "lane-even"} />
          <text x={LEFT - 8} y={TOP + i * LANE + LANE / 2} textAnchor="end" dominantBaseline="middle" className="lane-label">
            {eventTypeLabel(t)}
          </text>
        </g>
      ))}
      <line x1={LEFT} x2={WIDTH - RIGHT} y1={height - AXIS} y2={height - AXIS} className="axis" />
    </g>
  );
}

function MarkShape({ m, cx, cy, w }: { m: Mark; cx: number; cy: number; w?: number }) {
  const color = EVENT_TYPE_COLORS[m.type];
  const n = m.entries.length;
  const r = 6 + Math.min(6, Math.sqrt(n - 1) * 2);
  return w ? (
    <rect x={cx} y={cy - 6} width={Math.max(w, 6)} height={12} rx={6} fill={color} fillOpacity={0.55} stroke={color} />
  ) : (
    <circle cx={cx} cy={cy} r={r} fill={color} stroke="#fff" strokeWidth={1.5} />
  );
}

/**
 * The timeline as a chart across time, one lane per event type, drawn on the
 * server as SVG with links, so it needs no JavaScript. Events whose year the
 * reports do not state get their own chart on a year-less January–December axis.
 */
export function TimelineChart({ entries }: { entries: readonly TimelineEntry[] }) {
  const dated = groupMarks(
    entries
      .filter((e) => e.day)
      .map((e) => ({ entry: e, x: toDays(e.day!), label: formatDay(e.day), slot: e.day! })),
  );
  const yearless = groupMarks(
    entries
      .filter((e) => !e.day && e.date?.value.startsWith("XXXX-"))
      .flatMap((e) => {
        const m = /^XXXX-(\d{2})(?:-(\d{2}))?/.exec(e.date!.value);
        if (!m) return [];
        const month = +m[1]! - 1;
        if (month < 0 || month > 11) return [];
        // A leap year, so that 29 February has a place.
        const start = Date.UTC(2000, month, 1) / DAY_MS;
        if (m[2]) return [{ entry: e, x: start + +m[2] - 1, label: formatTimexDate(e.date!.value.slice(0, 10)), slot: e.date!.value.slice(0, 10) }];
        const end = Date.UTC(2000, month + 1, 1) / DAY_MS;
        return [{ entry: e, x: start, width: end - start, label: formatTimexDate(`XXXX-${m[1]}`), slot: `XXXX-${m[1]}` }];
      }),
  );
  if (!dated.length && !yearless.length) return null;
  return (
    <div className="chart">
      {dated.length > 0 && <DatedChart marks={dated} />}
      {yearless.length > 0 && <YearlessChart marks={yearless} />}
      <Legend types={lanesOf([...dated, ...yearless])} />
    </div>
  );
}

function DatedChart({ marks }: { marks: Mark[] }) {
  const lanes = lanesOf(marks);
  const height = TOP + lanes.length * LANE + AXIS;
  let min = Math.min(...marks.map((m) => m.x));
  let max = Math.max(...marks.map((m) => m.x));
  if (max - min < 6) {
    min -= 3;
    max += 3;
  }
  const pad = (max - min) * 0.03;
  min -= pad;
  max += pad;
  const sx = (x: number) => LEFT + ((x - min) / (max - min)) * (WIDTH - LEFT - RIGHT);
  const ticks = ticksFor(Math.ceil(min), Math.floor(max));
  return (
    <figure className="chart-figure">
      <figcaption>Events by date and type</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label="Timeline chart of dated events" className="chart-svg">
        <Lanes lanes={lanes} height={height} />
        {ticks.map((t) => (
          <g key={t.x}>
            <line x1={sx(t.x)} x2={sx(t.x)} y1={TOP} y2={height - AXIS + 4} className="tick" />
            <text x={sx(t.x)} y={height - AXIS + 18} textAnchor="middle" className="tick-label">
              {t.label}
            </text>
          </g>
        ))}
        {marks.map((m) => {
          const cy = TOP + lanes.indexOf(m.type) * LANE + LANE / 2;
          const n = m.entries.length;
          const label = `${eventTypeLabel(m.type)}, ${m.label}${n > 1 ? ` (${n} events)` : ""}`;
          const day = m.key.split("|")[1]!;
          return (
            <a key={m.key} href={hrefOf(m, `from=${day}&to=${day}`)} aria-label={label} className="chart-mark">
              <title>{label}</title>
              <MarkShape m={m} cx={sx(m.x)} cy={cy} />
            </a>
          );
        })}
      </svg>
    </figure>
  );
}

function YearlessChart({ marks }: { marks: Mark[] }) {
  const lanes = lanesOf(marks);
  const height = TOP + lanes.length * LANE + AXIS;
  const min = Date.UTC(2000, 0, 1) / DAY_MS;
  const max = Date.UTC(2001, 0, 1) / DAY_MS;
  const sx = (x: number) => LEFT + ((x - min) / (max - min)) * (WIDTH - LEFT - RIGHT);
  return (
    <figure className="chart-figure">
      <figcaption>Year not stated: placed by month and day only</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="group" aria-label="Chart of events whose year is not stated" className="chart-svg">
        <Lanes lanes={lanes} height={height} />
        {MONTHS.map((name, i) => {
          const x = sx(Date.UTC(2000, i, 1) / DAY_MS);
          return (
            <g key={name}>
              <line x1={x} x2={x} y1={TOP} y2={height - AXIS + 4} className="tick" />
              <text x={x + 4} y={height - AXIS + 18} className="tick-label">
                {name}
              </text>
            </g>
          );
        })}
        {marks.map((m) => {
          const cy = TOP + lanes.indexOf(m.type) * LANE + LANE / 2;
          const n = m.entries.length;
          const label = `${eventTypeLabel(m.type)}, ${m.label}${n > 1 ? ` (${n} events)` : ""}`;
          const x = sx(m.x);
          const w = m.width ? sx(m.x + m.width) - x : undefined;
          return (
            <a key={m.key} href={hrefOf(m, null)} aria-label={label} className="chart-mark">
              <title>{label}</title>
              <MarkShape m={m} cx={x} cy={cy} w={w} />
            </a>
          );
        })}
      </svg>
    </figure>
  );
}

function Legend({ types }: { types: EventType[] }) {
  return (
    <ul className="legend" aria-label="Colours of event types">
      {types.map((t) => (
        <li key={t}>
          <span className="legend-swatch" style={{ background: EVENT_TYPE_COLORS[t] }} aria-hidden="true" />
          {eventTypeLabel(t)}
        </li>
      ))}
    </ul>
  );
}
