import { EVENT_TYPES, EventTypeSchema, ISSUES, IssueSchema, IsoDateSchema, type TimelineEntry, type TimelineFilter } from "@parley/core/model";
import { EXIT, openSource, SOURCE_ARGS, SOURCE_HELP } from "../data/open-source.js";
import { SourceError, type DataSource } from "../data/source.js";
import { fit, formatParticipants, formatTime } from "../ui/format-entry.js";
import { parseCommandArgs, UserError, type Command, type Io } from "./shared.js";

const FORMATS = ["table", "json", "ndjson", "csv"] as const;
type Format = (typeof FORMATS)[number];

const usage = `Usage: parley timeline [options]

Prints the merged timeline: one row per real-world event, with the reports of
every article that tells of it. Oldest first.

Filters:
  --actor NAME|ID         events with this participant ("Medinsky" or
                          "person:vladimir-medinsky")
  --type TYPE             ${EVENT_TYPES.join(", ")}
  --issue ISSUE           ${ISSUES.join(", ")}
  --from YYYY-MM-DD       on or after this day
  --to YYYY-MM-DD         on or before this day
  --q TEXT                words in the evidence
  --limit N               at most N events (default: all)

Output:
  --format table|json|ndjson|csv   (default: table) json is one array, ndjson
                          one entry a line, csv a header and one row an event

${SOURCE_HELP}
  -h, --help              this help

Exit codes: 0 done, 2 bad options, 3 the store or the API cannot be reached.`;

/** RFC 4180: quote when needed, double the quotes. */
export function csvField(value: string | number | null | undefined): string {
  const s = value == null ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ["id", "day", "date", "type", "participants", "participant_ids", "place", "issues", "modality", "reports"];

export function csvRow(e: TimelineEntry): string {
  return [
    e.id,
    e.day,
    e.date?.value,
    e.type,
    e.participants.map((p) => p.name).join("; "),
    e.participants.map((p) => p.id).join("; "),
    e.place?.name,
    e.issues.join("; "),
    e.modality,
    e.reportCount,
  ]
    .map(csvField)
    .join(",");
}

/** Date, type, participants and place in columns that fill `width`. */
function tableRow(cells: [string, string, string, string], width: number): string {
  const participants = Math.max(16, width - 13 - 18 - 20 - 3);
  return [fit(cells[0], 13), fit(cells[1], 18), fit(cells[2], participants), fit(cells[3], 20)].join(" ").trimEnd();
}

function parseDate(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!IsoDateSchema.safeParse(value).success) throw new UserError(`${option} ${JSON.stringify(value)}: expected a calendar date YYYY-MM-DD, e.g. 2025-05-16`);
  return value;
}

function parseFromList<T extends string>(option: string, value: string | undefined, schema: { safeParse(v: unknown): { success: boolean } }, list: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!schema.safeParse(value).success) throw new UserError(`${option} ${JSON.stringify(value)}: expected one of ${list.join(", ")}`);
  return value as T;
}

/** "Medinsky" → the id of the first actor the corpus matches; an id is kept as it is. */
async function resolveActor(source: DataSource, actor: string): Promise<string | null> {
  if (/^[a-z]+:/.test(actor)) return actor;
  const found = await source.listActors({ q: actor, limit: 5 });
  return found.items[0]?.id ?? null;
}

/** Every entry of the timeline that matches, page after page, up to `limit`. */
export async function* timelineEntries(source: DataSource, filter: TimelineFilter, limit: number): AsyncIterable<TimelineEntry> {
  let cursor: string | undefined;
  let left = limit;
  while (left > 0) {
    const page = await source.timeline({ ...filter, limit: Math.min(200, left), ...(cursor ? { cursor } : {}) });
    for (const item of page.items.slice(0, left)) yield item;
    left -= page.items.length;
    if (!page.nextCursor || page.items.length === 0) return;
    cursor = page.nextCursor;
  }
}

/** `parley timeline`: the merged timeline, filtered, as a table, JSON, NDJSON or CSV. */
export const timelineCommand: Command = {
  name: "timeline",
  summary: "print the merged timeline (filters; table, json, ndjson or csv)",
  usage,
  async run(args: string[], io: Io) {
    const { values, positionals } = parseCommandArgs("timeline", args, {
      actor: { type: "string" },
      type: { type: "string" },
      issue: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      q: { type: "string" },
      limit: { type: "string" },
      format: { type: "string" },
      ...SOURCE_ARGS,
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.out(`${usage}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UserError(`unexpected argument ${JSON.stringify(positionals[0])} (see 'parley timeline --help')`);
    const format = (values.format ?? "table") as Format;
    if (!FORMATS.includes(format)) throw new UserError(`--format ${JSON.stringify(values.format)}: expected one of ${FORMATS.join(", ")}`);
    const from = parseDate("--from", values.from);
    const to = parseDate("--to", values.to);
    if (from && to && from > to) throw new UserError(`--from ${from} is after --to ${to}`);
    const type = parseFromList("--type", values.type, EventTypeSchema, EVENT_TYPES);
    const issue = parseFromList("--issue", values.issue, IssueSchema, ISSUES);
    let limit = Number.POSITIVE_INFINITY;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!/^\d+$/.test(values.limit) || limit < 1) throw new UserError(`--limit ${JSON.stringify(values.limit)}: expected a whole number of at least 1`);
    }
    if (values.q !== undefined && values.q.length > 500) throw new UserError("--q: at most 500 characters");

    let source: DataSource;
    try {
      source = await openSource(values);
    } catch (error) {
      if (error instanceof SourceError) {
        io.err(`parley timeline: ${error.message}\n`);
        return EXIT.unavailable;
      }
      throw error;
    }
    try {
      const filter: TimelineFilter = { type, issue, from, to, q: values.q || undefined };
      if (values.actor) {
        const actor = await resolveActor(source, values.actor);
        if (actor === null) {
          io.err(`parley timeline: no actor matches ${JSON.stringify(values.actor)}\n`);
          if (format === "json") io.out("[]\n");
          else if (format === "csv") io.out(`${CSV_HEADER.join(",")}\n`);
          return EXIT.ok;
        }
        filter.actor = actor;
      }
      const width = Math.max(80, process.stdout.columns ?? 100);
      let n = 0;
      // The head goes out with the first answer, so that an unreachable source prints nothing on stdout.
      let started = false;
      const start = () => {
        if (started) return;
        started = true;
        if (format === "json") io.out("[");
        if (format === "csv") io.out(`${CSV_HEADER.join(",")}\n`);
        if (format === "table") io.out(`${tableRow(["Date", "Type", "Participants", "Place"], width)}\n`);
      };
      for await (const entry of timelineEntries(source, filter, limit)) {
        start();
        if (format === "json") io.out(`${n > 0 ? "," : ""}\n${JSON.stringify(entry)}`);
        else if (format === "ndjson") io.out(`${JSON.stringify(entry)}\n`);
        else if (format === "csv") io.out(`${csvRow(entry)}\n`);
        else io.out(`${tableRow([formatTime(entry.date) || "—", entry.type, formatParticipants(entry, 4), entry.place?.name ?? ""], width)}\n`);
        n++;
      }
      start();
      if (format === "json") io.out(n > 0 ? "\n]\n" : "]\n");
      if (format === "table" && n === 0) io.err("no events\n");
      return EXIT.ok;
    } catch (error) {
      if (error instanceof SourceError) {
        io.err(`parley timeline: ${error.message}\n`);
        return EXIT.unavailable;
      }
      throw error;
    } finally {
      await source.close();
    }
  },
};
