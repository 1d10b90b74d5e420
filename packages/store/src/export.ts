import type { EVENT_CODES as Codes, TimelineEntry } from "@parley/core/model";
import type { Kysely } from "kysely";
import type { ExportFormat } from "./corpus.js";
import type { Database } from "./schema.js";

const PAGE = 500;

/**
 * The timeline and the extractions, chunk by chunk, read page by page so that
 * a corpus of any size streams in constant memory.
 *
 * - `json`: one document `{"timeline": [entries], "extractions": [{article, extraction}]}`;
 * - `ndjson`: one line per record, `{"kind": "timeline_entry", …}` then `{"kind": "extraction", …}`;
 * - `csv`: the timeline, one row per entry (a header row first);
 * - `plover`: one JSON line per timeline entry with a PLOVER category, after
 *   the PLOVER event data model (event type, mode, actors, date, source, evidence).
 */
export async function* exportCorpus(
  db: Kysely<Database>,
  format: ExportFormat,
  codes: typeof Codes,
): AsyncGenerator<string> {
  switch (format) {
    case "json": {
      yield '{"timeline":[';
      let first = true;
      for await (const e of entries(db)) {
        yield (first ? "\n" : ",\n") + JSON.stringify(e);
        first = false;
      }
      yield '\n],"extractions":[';
      first = true;
      for await (const x of extractions(db)) {
        yield (first ? "\n" : ",\n") + JSON.stringify(x);
        first = false;
      }
      yield "\n]}\n";
      return;
    }
    case "ndjson":
      for await (const e of entries(db)) yield `${JSON.stringify({ kind: "timeline_entry", ...e })}\n`;
      for await (const x of extractions(db)) yield `${JSON.stringify({ kind: "extraction", ...x })}\n`;
      return;
    case "csv":
      yield `${CSV_COLUMNS.join(",")}\r\n`;
      for await (const e of entries(db)) yield `${csvRow(e).map(csvCell).join(",")}\r\n`;
      return;
    case "plover":
      for await (const e of entries(db)) {
        const record = ploverRecord(e, codes);
        if (record) yield `${JSON.stringify(record)}\n`;
      }
      return;
    default:
      throw new Error(`unknown export format "${String(format)}": json, ndjson, csv or plover`);
  }
}

async function* entries(db: Kysely<Database>): AsyncGenerator<TimelineEntry> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("timeline_entries")
      .select(["sort_key", "entry"])
      .where("sort_key", ">", after)
      .orderBy("sort_key")
      .limit(PAGE)
      .execute();
    for (const r of rows) yield JSON.parse(r.entry) as TimelineEntry;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.sort_key;
  }
}

async function* extractions(db: Kysely<Database>): AsyncGenerator<Record<string, unknown>> {
  let after = "";
  for (;;) {
    const rows = await db
      .selectFrom("articles")
      .innerJoin("extractions", "extractions.article_id", "articles.id")
      .select([
        "articles.id",
        "articles.title",
        "articles.source",
        "articles.url",
        "articles.language",
        "articles.published_at",
        "articles.ingested_at",
        "articles.extractor_version",
        "extractions.json",
      ])
      .where("articles.id", ">", after)
      .orderBy("articles.id")
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      yield {
        article: {
          id: r.id,
          title: r.title,
          source: r.source,
          url: r.url,
          language: r.language,
          publishedAt: r.published_at,
          ingestedAt: r.ingested_at,
          extractorVersion: r.extractor_version,
        },
        extraction: JSON.parse(r.json),
      };
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

export const CSV_COLUMNS = [
  "id",
  "type",
  "date",
  "day",
  "place",
  "duration",
  "participants",
  "participant_names",
  "issues",
  "modality",
  "report_count",
  "article_ids",
  "sources",
  "disagreements",
  "evidence",
] as const;

function csvRow(e: TimelineEntry): (string | number)[] {
  return [
    e.id,
    e.type,
    e.date?.value ?? "",
    e.day ?? "",
    e.place?.name ?? "",
    e.duration?.value ?? "",
    e.participants.map((p) => p.id).join(";"),
    e.participants.map((p) => p.name).join(";"),
    e.issues.join(";"),
    e.modality,
    e.reportCount,
    e.reports.map((r) => r.articleId).join(";"),
    [...new Set(e.reports.flatMap((r) => r.sources))].join(";"),
    e.disagreements.map((d) => d.field).join(";"),
    e.reports[0]?.evidence[0]?.text ?? "",
  ];
}

/** RFC 4180: quote a cell that holds a comma, a quote or a line break; double the quotes. */
export function csvCell(v: string | number): string {
  const s = String(v);
  // A leading = + - @ would be a formula to a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function ploverRecord(e: TimelineEntry, codes: typeof Codes): Record<string, unknown> | null {
  const code = codes[e.type];
  if (!code.plover) return null;
  const [a1, a2] = e.participants;
  return {
    event_id: e.id,
    event_date: e.day ?? e.date?.value ?? null,
    event_type: code.plover.type,
    mode: code.plover.mode,
    context: e.issues,
    cameo: code.cameo,
    actor1: a1?.name ?? null,
    actor1_id: a1?.id ?? null,
    actor1_country: a1?.country ?? null,
    actor2: a2?.name ?? null,
    actor2_id: a2?.id ?? null,
    actor2_country: a2?.country ?? null,
    actors: e.participants.map((p) => p.id),
    location: e.place?.name ?? null,
    modality: e.modality,
    source: [...new Set(e.reports.flatMap((r) => r.sources))],
    articles: e.reports.map((r) => r.articleId),
    report_count: e.reportCount,
    evidence: e.reports.map((r) => r.evidence.map((s) => s.text).join(" … ")),
  };
}
