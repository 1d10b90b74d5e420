import { sql, type Kysely, type Migration, type MigrationProvider } from "kysely";
import type { Engine } from "./url.js";

/**
 * The schema, version by version. Written as SQL per engine where the engines
 * differ (keys, full-text search); everything else is the same text.
 * Never edit a migration that has shipped: add the next one.
 */
export function migrationsFor(engine: Engine): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "0001_init": { up: (db) => run(db, init(engine)) },
    "0002_timeline_anchors": { up: (db) => run(db, anchors(engine)) },
    "0003_fts_detail_column": { up: (db) => run(db, engine === "sqlite" ? leanerFts() : []) },
    "0004_search_reports": { up: (db) => run(db, searchReports(engine)) },
    "0005_drop_unused_indexes": { up: (db) => run(db, dropUnusedIndexes()) },
    "0006_counters": { up: (db) => run(db, counters()) },
    "0007_revision": { up: (db) => run(db, revision()) },
  };
  return { getMigrations: async () => migrations };
}

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

function init(engine: Engine): string[] {
  const pg = engine === "postgres";
  // PostgreSQL compares text by the database's collation, which may ignore
  // punctuation: the sort keys and cursors must compare byte by byte.
  const key = pg ? `text collate "C"` : "text";
  const seq = pg ? "seq bigserial primary key" : "seq integer primary key autoincrement";
  const common = [
    `create table articles (
      id text primary key,
      title text, source text, url text,
      language text not null,
      published_at text,
      text text not null,
      ingested_at ${key} not null,
      extractor_version text not null,
      event_count integer not null default 0
    )`,
    `create index articles_ingested on articles (ingested_at, id)`,
    `create index articles_published on articles (published_at)`,
    `create table extractions (
      article_id text primary key references articles (id) on delete cascade,
      json text not null
    )`,
    `create table actors (
      id text primary key, kind text not null, name text not null, country text,
      aliases text not null default '[]', roles text not null default '[]'
    )`,
    `create index actors_country on actors (country)`,
    `create table article_actors (
      article_id text not null references articles (id) on delete cascade,
      actor_id text not null,
      mention_count integer not null,
      mentions text not null,
      primary key (article_id, actor_id)
    )`,
    `create index article_actors_actor on article_actors (actor_id)`,
    `create table events (
      article_id text not null references articles (id) on delete cascade,
      event_id text not null,
      type text not null, date_value text, day text, place text,
      modality text not null, issues text not null,
      primary key (article_id, event_id)
    )`,
    `create index events_type_day on events (type, day)`,
    `create table event_participants (
      article_id text not null, event_id text not null, actor_id text not null,
      primary key (article_id, event_id, actor_id),
      foreign key (article_id, event_id) references events (article_id, event_id) on delete cascade
    )`,
    `create index event_participants_actor on event_participants (actor_id)`,
    `create table event_issues (
      article_id text not null, event_id text not null, issue text not null,
      primary key (article_id, event_id, issue),
      foreign key (article_id, event_id) references events (article_id, event_id) on delete cascade
    )`,
    `create index event_issues_issue on event_issues (issue)`,
    `create table quotes (
      article_id text not null references articles (id) on delete cascade,
      position integer not null,
      start_offset integer not null, end_offset integer not null,
      text text not null, speaker text, via text,
      primary key (article_id, position)
    )`,
    `create index quotes_speaker on quotes (speaker)`,
    `create table timeline_entries (
      ${seq},
      id ${key} not null unique,
      type text not null,
      sort_key ${key} not null unique,
      day_from text, day_to text, month_day text,
      report_count integer not null,
      entry text not null,
      body text not null
    )`,
    `create index timeline_type_sort on timeline_entries (type, sort_key)`,
    `create index timeline_days on timeline_entries (day_from, day_to)`,
    `create index timeline_type_month_day on timeline_entries (type, month_day)`,
    `create table timeline_reports (
      article_id text not null references articles (id) on delete cascade,
      event_id text not null,
      entry_id ${key} not null references timeline_entries (id) on delete cascade,
      position integer not null,
      report text not null,
      primary key (article_id, event_id)
    )`,
    `create index timeline_reports_entry on timeline_reports (entry_id, position)`,
    `create table timeline_actors (
      entry_id ${key} not null references timeline_entries (id) on delete cascade,
      actor_id text not null, country text,
      primary key (entry_id, actor_id)
    )`,
    `create index timeline_actors_actor on timeline_actors (actor_id, entry_id)`,
    `create index timeline_actors_country on timeline_actors (country, entry_id)`,
    `create table timeline_issues (
      entry_id ${key} not null references timeline_entries (id) on delete cascade,
      issue text not null,
      primary key (entry_id, issue)
    )`,
    `create index timeline_issues_issue on timeline_issues (issue, entry_id)`,
  ];
  if (pg) {
    // Both configurations, so that German and English words are found by their stems.
    // The text is cut at 200,000 characters: a tsvector holds at most 1 MB.
    return [
      ...common,
      `alter table articles add column tsv tsvector generated always as (
        to_tsvector('german', coalesce(title, '') || ' ' || left(text, 200000)) ||
        to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000))) stored`,
      `create index articles_tsv on articles using gin (tsv)`,
      `alter table timeline_entries add column tsv tsvector generated always as (
        to_tsvector('german', left(body, 200000)) || to_tsvector('english', left(body, 200000))) stored`,
      `create index timeline_tsv on timeline_entries using gin (tsv)`,
    ];
  }
  const tokenize = `tokenize = 'unicode61 remove_diacritics 2'`;
  return [
    ...common,
    // External-content FTS5 tables: the text is stored once, in its table; triggers keep the index.
    `create virtual table articles_fts using fts5 (title, text, content = 'articles', content_rowid = 'rowid', ${tokenize})`,
    `create trigger articles_fts_insert after insert on articles begin
       insert into articles_fts (rowid, title, text) values (new.rowid, new.title, new.text); end`,
    `create trigger articles_fts_delete after delete on articles begin
       insert into articles_fts (articles_fts, rowid, title, text) values ('delete', old.rowid, old.title, old.text); end`,
    `create trigger articles_fts_update after update of title, text on articles begin
       insert into articles_fts (articles_fts, rowid, title, text) values ('delete', old.rowid, old.title, old.text);
       insert into articles_fts (rowid, title, text) values (new.rowid, new.title, new.text); end`,
    `create virtual table timeline_fts using fts5 (body, content = 'timeline_entries', content_rowid = 'seq', ${tokenize})`,
    `create trigger timeline_fts_insert after insert on timeline_entries begin
       insert into timeline_fts (rowid, body) values (new.seq, new.body); end`,
    `create trigger timeline_fts_delete after delete on timeline_entries begin
       insert into timeline_fts (timeline_fts, rowid, body) values ('delete', old.seq, old.body); end`,
    `create trigger timeline_fts_update after update of body on timeline_entries begin
       insert into timeline_fts (timeline_fts, rowid, body) values ('delete', old.seq, old.body);
       insert into timeline_fts (rowid, body) values (new.seq, new.body); end`,
  ];
}

/**
 * Finding merge candidates by the day an entry is anchored to, and paging the
 * timeline of one actor or issue straight from an index in timeline order.
 */
function anchors(engine: Engine): string[] {
  const key = engine === "postgres" ? `text collate "C"` : "text";
  return [
    `alter table timeline_entries add column anchor_day text`,
    `update timeline_entries set anchor_day = day_from`,
    `create index timeline_type_anchor on timeline_entries (type, anchor_day)`,
    `alter table timeline_actors add column sort_key ${key} not null default ''`,
    `update timeline_actors set sort_key = (select e.sort_key from timeline_entries e where e.id = timeline_actors.entry_id)`,
    `create index timeline_actors_sorted on timeline_actors (actor_id, sort_key)`,
    `alter table timeline_issues add column sort_key ${key} not null default ''`,
    `update timeline_issues set sort_key = (select e.sort_key from timeline_entries e where e.id = timeline_issues.entry_id)`,
    `create index timeline_issues_sorted on timeline_issues (issue, sort_key)`,
  ];
}

/**
 * FTS5 without token offsets (`detail = column`): search is by words and
 * prefixes, never phrases, and an index without positions is a third smaller
 * and costs a third less to keep up at each ingest. Automerge waits for 16
 * segments a level: fewer merges for many small transactions.
 */
function leanerFts(): string[] {
  const options = `tokenize = 'unicode61 remove_diacritics 2', detail = 'column'`;
  return [
    `drop table articles_fts`,
    `create virtual table articles_fts using fts5 (title, text, content = 'articles', content_rowid = 'rowid', ${options})`,
    `insert into articles_fts (articles_fts) values ('rebuild')`,
    `insert into articles_fts (articles_fts, rank) values ('automerge', 16)`,
    `drop table timeline_fts`,
    `create virtual table timeline_fts using fts5 (body, content = 'timeline_entries', content_rowid = 'seq', ${options})`,
    `insert into timeline_fts (timeline_fts) values ('rebuild')`,
    `insert into timeline_fts (timeline_fts, rank) values ('automerge', 16)`,
  ];
}

/**
 * Text search over each report rather than each entry: a report's words are
 * indexed once, when it is stored, instead of the whole entry again each time
 * an account joins it (which grows with the square of its reports).
 */
function searchReports(engine: Engine): string[] {
  if (engine === "postgres") {
    return [
      `alter table timeline_entries drop column tsv`,
      `alter table timeline_reports add column body text not null default ''`,
      `update timeline_reports set body = coalesce(report::jsonb ->> 'articleTitle', '') || ' ' ||
         coalesce((select string_agg(x ->> 'text', ' ') from jsonb_array_elements(report::jsonb -> 'evidence') as x), '')`,
      `update timeline_entries set body = ''`,
      `alter table timeline_reports add column tsv tsvector generated always as (
        to_tsvector('german', left(body, 200000)) || to_tsvector('english', left(body, 200000))) stored`,
      `create index timeline_reports_tsv on timeline_reports using gin (tsv)`,
    ];
  }
  return [
    `drop trigger timeline_fts_insert`,
    `drop trigger timeline_fts_update`,
    `drop trigger timeline_fts_delete`,
    `drop table timeline_fts`,
    `alter table timeline_reports add column body text not null default ''`,
    `update timeline_reports set body = coalesce(json_extract(report, '$.articleTitle'), '') || ' ' ||
       coalesce((select group_concat(json_extract(value, '$.text'), ' ') from json_each(report, '$.evidence')), '')`,
    `update timeline_entries set body = ''`,
    `create virtual table reports_fts using fts5 (body, content = 'timeline_reports', content_rowid = 'rowid',
       tokenize = 'unicode61 remove_diacritics 2', detail = 'column')`,
    `insert into reports_fts (reports_fts) values ('rebuild')`,
    `insert into reports_fts (reports_fts, rank) values ('automerge', 16)`,
    `create trigger reports_fts_insert after insert on timeline_reports begin
       insert into reports_fts (rowid, body) values (new.rowid, new.body); end`,
    `create trigger reports_fts_delete after delete on timeline_reports begin
       insert into reports_fts (reports_fts, rowid, body) values ('delete', old.rowid, old.body); end`,
    `create trigger reports_fts_update after update of body on timeline_reports begin
       insert into reports_fts (reports_fts, rowid, body) values ('delete', old.rowid, old.body);
       insert into reports_fts (rowid, body) values (new.rowid, new.body); end`,
  ];
}

/**
 * Indexes no query uses any more (the timeline's own tables answer by actor,
 * issue and day): each cost every ingest a write. The primary keys stay.
 */
function dropUnusedIndexes(): string[] {
  return [
    "articles_published",
    "events_type_day",
    "event_participants_actor",
    "event_issues_issue",
    "timeline_actors_actor",
    "timeline_actors_country",
    "timeline_issues_issue",
  ].map((name) => `drop index if exists ${name}`);
}

/**
 * Counts kept by the writers, in their transactions: the first page of the
 * whole timeline or article list gives its total without counting 100,000 rows
 * (PostgreSQL's count(*) reads them all).
 */
function counters(): string[] {
  return [
    `create table counters (name text primary key, value bigint not null)`,
    `insert into counters (name, value) select 'articles', count(*) from articles`,
    `insert into counters (name, value) select 'timeline_entries', count(*) from timeline_entries`,
  ];
}

/**
 * The corpus's revision: every write transaction that changes the corpus adds
 * one, so that a reader (a response cache in another process) can tell with one
 * row whether anything changed since it last looked.
 */
function revision(): string[] {
  return [`insert into counters (name, value) values ('revision', 0)`];
}
