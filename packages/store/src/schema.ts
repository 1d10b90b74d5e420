import type { Generated } from "kysely";

/** The tables, as kysely sees them. JSON is kept as text on both engines, so every query reads the same. */
export interface ArticlesTable {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  language: string;
  published_at: string | null;
  text: string;
  ingested_at: string;
  extractor_version: string;
  event_count: number;
}

export interface ExtractionsTable {
  article_id: string;
  json: string;
}

export interface ActorsTable {
  id: string;
  kind: string;
  name: string;
  country: string | null;
  /** JSON array of strings. */
  aliases: string;
  /** JSON array of roles. */
  roles: string;
}

export interface ArticleActorsTable {
  article_id: string;
  actor_id: string;
  mention_count: number;
  /** JSON array of spans. */
  mentions: string;
}

export interface EventsTable {
  article_id: string;
  event_id: string;
  type: string;
  date_value: string | null;
  day: string | null;
  place: string | null;
  modality: string;
  /** JSON array of issues, as the extraction gives them; rows in event_issues for queries. */
  issues: string;
}

export interface EventParticipantsTable {
  article_id: string;
  event_id: string;
  actor_id: string;
}

export interface EventIssuesTable {
  article_id: string;
  event_id: string;
  issue: string;
}

export interface QuotesTable {
  article_id: string;
  position: number;
  start_offset: number;
  end_offset: number;
  text: string;
  speaker: string | null;
  via: string | null;
}

export interface TimelineEntriesTable {
  seq: Generated<number>;
  id: string;
  type: string;
  sort_key: string;
  day_from: string | null;
  day_to: string | null;
  /** `MM-DD` of the entry's date when it names a day, known year or not: finds merge candidates. */
  month_day: string | null;
  /** Since 0002: the first day of the date, else the first report's publication day. */
  anchor_day: string | null;
  report_count: number;
  /** The TimelineEntry as JSON. */
  entry: string;
  /** Unused since 0004 (search runs over timeline_reports.body): always empty. */
  body: string;
}

export interface TimelineReportsTable {
  article_id: string;
  event_id: string;
  entry_id: string;
  position: number;
  /** The TimelineReport as JSON. */
  report: string;
  /** Since 0004: the report's evidence, the article's title, the names of the parties and the place: what `q` searches. */
  body: string;
}

export interface TimelineActorsTable {
  entry_id: string;
  actor_id: string;
  country: string | null;
  /** The entry's sort key (since 0002), so that one actor's timeline pages from an index. */
  sort_key: string;
}

export interface TimelineIssuesTable {
  entry_id: string;
  issue: string;
  sort_key: string;
}

export interface CountersTable {
  /** "articles", "timeline_entries" or "revision" (see `Corpus.revision`). */
  name: string;
  value: number | string;
}

export interface Database {
  counters: CountersTable;
  articles: ArticlesTable;
  extractions: ExtractionsTable;
  actors: ActorsTable;
  article_actors: ArticleActorsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  event_issues: EventIssuesTable;
  quotes: QuotesTable;
  timeline_entries: TimelineEntriesTable;
  timeline_reports: TimelineReportsTable;
  timeline_actors: TimelineActorsTable;
  timeline_issues: TimelineIssuesTable;
}
