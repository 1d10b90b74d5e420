import { EXTRACTOR_VERSION, extract as coreExtract } from "@parley/core";
import {
  ArticleInputSchema,
  ExtractionSchema,
  EVENT_CODES,
  TimelineFilterSchema,
  type ActorDetail,
  type ActorRef,
  type ActorSummary,
  type Article,
  type ArticleInput,
  type ArticleSummary,
  type BatchReport,
  type EventType,
  type Extraction,
  type Page,
  type PageRequest,
  type TimelineEntry,
  type TimelineFilter,
} from "@parley/core/model";
import { fallbackActorRef, reportsOf } from "@parley/core/timeline";
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from "kysely";
import { articleIdOf } from "./article-id.js";
import type { Connection } from "./connection.js";
import type { BatchProgress, Corpus, ExportFormat, ExtractFn, IngestResult } from "./corpus.js";
import { decodeCursor, encodeCursor, isOffset, isString, isStringPair } from "./cursor.js";
import { exportCorpus } from "./export.js";
import { listArticleFiles, readArticleFile } from "./folder.js";
import type { ArticlesTable, Database, TimelineEntriesTable } from "./schema.js";
import { articleMatches, articleRank, entryMatches } from "./text-search.js";
import { deleteExtractionRows, writeExtractionRows } from "./write-article.js";
import { addReports, bumpCounter, removeArticleReports } from "./write-timeline.js";

export interface CorpusOptions {
  /** The extractor; by default `extract` of @parley/core. Tests inject their own. */
  extract?: ExtractFn;
  /**
   * The version stored with each extraction. An article stored with another
   * version is extracted again when it is ingested again. Default: EXTRACTOR_VERSION of @parley/core.
   */
  extractorVersion?: string;
}

/** Event types that bring two parties together: what makes a counterpart. */
const ENCOUNTER_TYPES: EventType[] = [
  "meeting",
  "negotiation",
  "consultation",
  "phone_call",
  "visit",
  "agreement",
  "signing",
  "prisoner_exchange",
  "ceasefire",
];

const DEFAULT_LIMIT = 50;

/** Articles written in one transaction by ingestMany and ingestFolder. */
const BATCH_SIZE = 32;

interface Prepared {
  id: string;
  row: Selectable<ArticlesTable>;
  extraction: Extraction;
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/** The corpus on a kysely connection: every query written once, for both engines. */
export class SqlCorpus implements Corpus {
  readonly engine: Connection["engine"];
  private readonly db: Kysely<Database>;
  private readonly extractFn: ExtractFn;
  readonly extractorVersion: string;

  constructor(
    private readonly conn: Connection,
    options: CorpusOptions = {},
  ) {
    this.engine = conn.engine;
    this.db = conn.db;
    this.extractFn = options.extract ?? ((input) => coreExtract(input));
    this.extractorVersion = options.extractorVersion ?? EXTRACTOR_VERSION;
  }

  async ingest(input: ArticleInput): Promise<IngestResult> {
    const [result] = await this.ingestBatch([input]);
    if (result instanceof Error) throw result;
    return result!;
  }

  /** Ingests in groups of up to BATCH_SIZE articles a transaction; throws the first error. */
  async ingestMany(inputs: ArticleInput[]): Promise<IngestResult[]> {
    const out: IngestResult[] = [];
    for (let i = 0; i < inputs.length; i += BATCH_SIZE) {
      for (const r of await this.ingestBatch(inputs.slice(i, i + BATCH_SIZE))) {
        if (r instanceof Error) throw r;
        out.push(r);
      }
    }
    return out;
  }

  async ingestFolder(path: string, onProgress?: (p: BatchProgress) => void): Promise<BatchReport> {
    const files = await listArticleFiles(path);
    const report: BatchReport = { stored: [], existing: [], skipped: [] };
    let done = 0;
    for (let i = 0; i < files.length; i += BATCH_SIZE) {
      const items = await Promise.all(files.slice(i, i + BATCH_SIZE).map((name) => readArticleFile(path, name)));
      const inputs = items.flatMap((item) => ("input" in item ? [item.input] : []));
      const results = await this.ingestBatch(inputs);
      let k = 0;
      for (const [j, item] of items.entries()) {
        const name = files[i + j]!;
        let outcome: BatchProgress["outcome"];
        if ("skip" in item) {
          report.skipped.push({ file: item.file, reason: item.skip });
          outcome = "skipped";
        } else {
          const result = results[k++]!;
          if (result instanceof Error) {
            report.skipped.push({ file: name, reason: result.message.slice(0, 500) });
            outcome = "skipped";
          } else {
            outcome = result.created ? "stored" : "existing";
            report[outcome].push(name);
          }
        }
        onProgress?.({ done: ++done, total: files.length, file: name, outcome });
      }
    }
    return report;
  }

  /**
   * Ingests a group of articles: each is read, hashed and extracted first
   * (pure work, outside the write lock), then all are written in one
   * transaction, so that the cost of a commit is shared. Each article is still
   * stored whole or not at all; when the group's transaction fails, each is
   * tried again on its own, so one bad article cannot keep the others out.
   * Returns a result or an error per input, in order.
   */
  private async ingestBatch(inputs: ArticleInput[]): Promise<(IngestResult | Error)[]> {
    const prepared = await this.prepare(inputs);
    const pending = prepared.filter((p): p is Prepared => !(p instanceof Error) && "row" in p);
    const created = new Map<Prepared, boolean>();
    if (pending.length) {
      try {
        const written = await this.conn.write((trx) => this.writeArticles(trx, pending));
        for (const [p, c] of written) created.set(p, c);
      } catch (error) {
        created.clear();
        if (pending.length === 1) {
          prepared[prepared.indexOf(pending[0]!)] = asError(error);
        } else {
          for (const p of pending) {
            try {
              const written = await this.conn.write((trx) => this.writeArticles(trx, [p]));
              created.set(p, written.get(p)!);
            } catch (e) {
              prepared[prepared.indexOf(p)] = asError(e);
            }
          }
        }
      }
    }
    const out: (IngestResult | Error)[] = [];
    for (const p of prepared) {
      if (p instanceof Error) out.push(p);
      else if ("row" in p && created.get(p)) out.push({ article: { ...summaryOf(p.row), text: p.row.text, extraction: p.extraction }, created: true });
      else {
        const article = await this.getArticle(p.id);
        out.push(article ? { article, created: false } : new Error(`article ${p.id} vanished while it was ingested`));
      }
    }
    return out;
  }

  /** Validates, hashes and extracts; `{ id }` alone when the article is stored by this extractor version already. */
  private async prepare(inputs: ArticleInput[]): Promise<(Prepared | { id: string } | Error)[]> {
    const docs = inputs.map((input) => {
      try {
        const doc = ArticleInputSchema.parse(input);
        return { doc, id: articleIdOf(doc.text) };
      } catch (error) {
        return asError(error);
      }
    });
    const ids = docs.flatMap((d) => (d instanceof Error ? [] : [d.id]));
    const current = new Set(
      ids.length
        ? (
            await this.db
              .selectFrom("articles")
              .select("id")
              .where("id", "in", [...new Set(ids)])
              .where("extractor_version", "=", this.extractorVersion)
              .execute()
          ).map((r) => r.id)
        : [],
    );
    const ingestedAt = new Date().toISOString();
    return docs.map((d) => {
      if (d instanceof Error) return d;
      const { doc, id } = d;
      if (current.has(id)) return { id };
      try {
        const extraction = ExtractionSchema.parse(this.extractFn(doc));
        const row: Selectable<ArticlesTable> = {
          id,
          title: doc.title ?? extraction.document.title ?? null,
          source: doc.source ?? extraction.document.source ?? null,
          url: doc.url ?? extraction.document.url ?? null,
          language: doc.language ?? extraction.document.language,
          published_at: doc.publishedAt ?? extraction.document.publishedAt ?? null,
          text: doc.text,
          ingested_at: ingestedAt,
          extractor_version: this.extractorVersion,
          event_count: extraction.events.length,
        };
        return { id, row, extraction };
      } catch (error) {
        return asError(error);
      }
    });
  }

  /**
   * Stores prepared articles inside the write transaction, with one statement
   * a table for the group; for each, true when it is new, false when the same
   * text was there already (stored by another process, earlier in the group,
   * or by another extractor version, and then extracted again).
   */
  private async writeArticles(trx: Kysely<Database>, group: Prepared[]): Promise<Map<Prepared, boolean>> {
    const inserted = new Set<string>();
    for (let i = 0; i < group.length; i += 500) {
      const rows = await trx
        .insertInto("articles")
        .values(group.slice(i, i + 500).map((p) => p.row))
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .execute();
      for (const r of rows) inserted.add(r.id);
    }
    await bumpCounter(trx, "articles", inserted.size);
    const result = new Map<Prepared, boolean>();
    const toWrite: Prepared[] = [];
    const titles = new Map<string, { title: string | null; published_at: string | null }>();
    const firstOf = new Map<string, Prepared>();
    for (const p of group) {
      if (inserted.has(p.id) && !firstOf.has(p.id)) {
        firstOf.set(p.id, p);
        result.set(p, true);
        toWrite.push(p);
        titles.set(p.id, p.row);
        continue;
      }
      // Someone stored the same text first: another process, this group, or an older extractor.
      const stored = await trx
        .selectFrom("articles")
        .select(["extractor_version", "title", "published_at"])
        .where("id", "=", p.id)
        .executeTakeFirstOrThrow();
      result.set(p, false);
      if (stored.extractor_version === this.extractorVersion) continue;
      await removeArticleReports(trx, p.id);
      await deleteExtractionRows(trx, p.id);
      await trx
        .updateTable("articles")
        .set({ extractor_version: p.row.extractor_version, event_count: p.row.event_count })
        .where("id", "=", p.id)
        .execute();
      // A reingested article keeps the metadata it was first stored with.
      titles.set(p.id, stored);
      toWrite.push(p);
    }
    // Readers that cache (the API) key on the revision: one more for any change.
    if (toWrite.length) await bumpCounter(trx, "revision", 1);
    await writeExtractionRows(
      trx,
      toWrite.map((p) => ({ articleId: p.id, extraction: p.extraction })),
    );
    await addReports(
      trx,
      toWrite.flatMap((p) =>
        reportsOf({ id: p.id, title: titles.get(p.id)!.title, publishedAt: titles.get(p.id)!.published_at, extraction: p.extraction }),
      ),
    );
    return result;
  }

  async getArticle(id: string): Promise<Article | null> {
    const row = await this.db
      .selectFrom("articles")
      .innerJoin("extractions", "extractions.article_id", "articles.id")
      .selectAll("articles")
      .select("extractions.json")
      .where("articles.id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    return { ...summaryOf(row), text: row.text, extraction: JSON.parse(row.json) as Extraction };
  }

  async listArticles(page: Partial<PageRequest> & { q?: string } = {}): Promise<Page<ArticleSummary>> {
    const limit = limitOf(page.limit);
    let q = this.db.selectFrom("articles").select(SUMMARY_COLUMNS);
    const match = page.q ? articleMatches(this.engine, page.q) : null;
    if (page.q && !match) return { items: [], nextCursor: null, total: 0 };
    if (match) q = q.where(match);
    const total = page.cursor
      ? undefined
      : match
        ? await countOf(q.clearSelect().select((eb) => eb.fn.countAll().as("n")))
        : await this.counter("articles");
    // Newest first; the id breaks ties of the same millisecond.
    if (page.cursor) {
      const [at, id] = decodeCursor(page.cursor, isStringPair);
      q = q.where((eb) => eb(eb.refTuple("ingested_at", "id"), "<", eb.tuple(at, id)));
    }
    const rows = await q.orderBy("ingested_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(summaryOf);
    const last = rows[limit - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.ingested_at, last.id]) : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  async search(q: string, page: Partial<PageRequest> = {}): Promise<Page<ArticleSummary>> {
    const limit = limitOf(page.limit);
    const match = articleMatches(this.engine, q);
    if (!match) return { items: [], nextCursor: null, total: 0 };
    const offset = page.cursor ? decodeCursor(page.cursor, isOffset) : 0;
    const base = this.db.selectFrom("articles").where(match);
    const total = offset ? undefined : await countOf(base.select((eb) => eb.fn.countAll().as("n")));
    const rows = await base
      .select(SUMMARY_COLUMNS)
      .select(articleRank(this.engine, q).as("rank"))
      .orderBy("rank", "desc")
      .orderBy("id")
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return {
      items: rows.slice(0, limit).map(summaryOf),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  async deleteArticle(id: string): Promise<boolean> {
    return this.conn.write(async (trx) => {
      const found = await trx.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst();
      if (!found) return false;
      await removeArticleReports(trx, id);
      await deleteExtractionRows(trx, id);
      await trx.deleteFrom("articles").where("id", "=", id).execute();
      await bumpCounter(trx, "articles", -1);
      await bumpCounter(trx, "revision", 1);
      return true;
    });
  }

  /**
   * The timeline, oldest first: the dates of a known year in calendar order,
   * then the dates without a year (`XXXX-05-16`) by month and day, then the
   * entries without a date. `from`/`to` keep entries whose date falls on those
   * days (inclusive); entries without a known year then drop out. `q` searches
   * the evidence, the articles' titles and the names of the parties and the place.
   */
  async timeline(filter: TimelineFilter & Partial<PageRequest> = {}): Promise<Page<TimelineEntry>> {
    const f = TimelineFilterSchema.parse(filter);
    const limit = limitOf(filter.limit);
    // One actor's or one issue's timeline pages straight from its index in timeline
    // order (k.sort_key), however rare or common the actor; else the entries' own order.
    // kysely types a join chosen at run time only loosely: the builder is typed by hand below.
    let q: SelectQueryBuilder<Database & { e: TimelineEntriesTable; k: { sort_key: string } }, "e" | "k", object>;
    let sortKey: "e.sort_key" | "k.sort_key" = "k.sort_key";
    const base = this.db.selectFrom("timeline_entries as e");
    if (f.actor) {
      const actor = f.actor;
      q = base.innerJoin("timeline_actors as k", (j) => j.onRef("k.entry_id", "=", "e.id").on("k.actor_id", "=", actor)) as never;
    } else if (f.issue) {
      const issue = f.issue;
      q = base.innerJoin("timeline_issues as k", (j) => j.onRef("k.entry_id", "=", "e.id").on("k.issue", "=", issue)) as never;
    } else {
      q = base as never;
      sortKey = "e.sort_key";
    }
    if (f.type) q = q.where("e.type", "=", f.type);
    if (f.actor && f.issue) {
      const issue = f.issue;
      q = q.where(({ exists, selectFrom }) =>
        exists(selectFrom("timeline_issues as i").select("i.entry_id").whereRef("i.entry_id", "=", "e.id").where("i.issue", "=", issue)),
      );
    }
    if (f.from) q = q.where("e.day_to", ">=", f.from);
    if (f.to) q = q.where("e.day_from", "<=", f.to);
    if (f.q) {
      const match = entryMatches(this.engine, f.q);
      if (!match) return { items: [], nextCursor: null, total: 0 };
      q = q.where(match);
    }
    let total: number | undefined;
    if (!filter.cursor) {
      const onlyJoin = !f.type && !f.from && !f.to && !f.q && !(f.actor && f.issue);
      if (!f.actor && !f.issue && onlyJoin) total = await this.counter("timeline_entries");
      else if (onlyJoin && f.actor) total = await countOf(this.db.selectFrom("timeline_actors").select((eb) => eb.fn.countAll().as("n")).where("actor_id", "=", f.actor));
      else if (onlyJoin && f.issue) total = await countOf(this.db.selectFrom("timeline_issues").select((eb) => eb.fn.countAll().as("n")).where("issue", "=", f.issue));
      else total = await countOf(q.select((eb) => eb.fn.countAll().as("n")));
    }
    if (filter.cursor) q = q.where(sortKey, ">", decodeCursor(filter.cursor, isString));
    const rows = await q.select(["e.entry", `${sortKey} as sort_key` as "e.sort_key"]).orderBy(sortKey).limit(limit + 1).execute();
    const last = rows[limit - 1];
    return {
      items: rows.slice(0, limit).map((r) => JSON.parse(r.entry) as TimelineEntry),
      nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key) : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  /**
   * The corpus's revision: a number that grows with every write that changes
   * the corpus, through this connection or any other (another process, another
   * API instance). Content read after it is at least as new as it says, so a
   * cache that keys on it never serves a page older than the revision. One
   * primary-key read: a prepared statement in-process on SQLite, one round trip
   * on PostgreSQL, shared by the callers that ask while the previous one is out.
   */
  revision(): Promise<number> {
    return this.conn.revision();
  }

  async getEvent(id: string): Promise<TimelineEntry | null> {
    const row = await this.db.selectFrom("timeline_entries").select("entry").where("id", "=", id).executeTakeFirst();
    return row ? (JSON.parse(row.entry) as TimelineEntry) : null;
  }

  /** Actors, most written about first; `q` matches names and aliases (case-insensitive substring). */
  async listActors(page: Partial<PageRequest> & { q?: string } = {}): Promise<Page<ActorSummary>> {
    const limit = limitOf(page.limit);
    const offset = page.cursor ? decodeCursor(page.cursor, isOffset) : 0;
    let q = this.db.selectFrom("actors");
    if (page.q) {
      const like = `%${page.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(actors.name) like ${like} escape '\\'`,
          sql<boolean>`lower(actors.aliases) like ${like} escape '\\'`,
          eb("actors.id", "=", page.q!),
        ]),
      );
    }
    const total = offset ? undefined : await countOf(q.select((eb) => eb.fn.countAll().as("n")));
    const rows = await q
      .selectAll("actors")
      .select((eb) => [
        eb.selectFrom("timeline_actors").select((e) => e.fn.countAll().as("n")).whereRef("timeline_actors.actor_id", "=", "actors.id").as("event_count"),
        eb.selectFrom("article_actors").select((e) => e.fn.countAll().as("n")).whereRef("article_actors.actor_id", "=", "actors.id").as("article_count"),
      ])
      .orderBy("article_count", "desc")
      .orderBy("actors.id")
      .limit(limit + 1)
      .offset(offset)
      .execute();
    return {
      items: rows.slice(0, limit).map((r) => ({
        ...refOfRow(r),
        aliases: JSON.parse(r.aliases) as string[],
        eventCount: Number(r.event_count ?? 0),
        articleCount: Number(r.article_count ?? 0),
      })),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
      ...(total === undefined ? {} : { total }),
    };
  }

  /** An actor with its timeline entries (the first 500, in timeline order), counterparts and quotes. */
  async getActor(id: string): Promise<ActorDetail | null> {
    const row = await this.db.selectFrom("actors").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return null;
    const [eventCount, articleCount] = await Promise.all([
      countOf(this.db.selectFrom("timeline_actors").select((eb) => eb.fn.countAll().as("n")).where("actor_id", "=", id)),
      countOf(this.db.selectFrom("article_actors").select((eb) => eb.fn.countAll().as("n")).where("actor_id", "=", id)),
    ]);
    const events = await this.db
      .selectFrom("timeline_entries")
      .select("entry")
      .where("id", "in", (eb) => eb.selectFrom("timeline_actors").select("entry_id").where("actor_id", "=", id))
      .orderBy("sort_key")
      .limit(500)
      .execute();
    const pairs = await this.db
      .selectFrom("timeline_actors as a")
      .innerJoin("timeline_actors as b", (j) => j.onRef("b.entry_id", "=", "a.entry_id").onRef("b.actor_id", "!=", "a.actor_id"))
      .innerJoin("timeline_entries as e", "e.id", "a.entry_id")
      .select(["b.actor_id", "e.type"])
      .select((eb) => eb.fn.countAll().as("n"))
      .where("a.actor_id", "=", id)
      .where("e.type", "in", ENCOUNTER_TYPES)
      .groupBy(["b.actor_id", "e.type"])
      .execute();
    const byActor = new Map<string, { count: number; types: EventType[] }>();
    for (const p of pairs) {
      const c = byActor.get(p.actor_id) ?? { count: 0, types: [] };
      c.count += Number(p.n);
      c.types.push(p.type as EventType);
      byActor.set(p.actor_id, c);
    }
    const refs = await this.actorRefs([...byActor.keys()]);
    const counterparts = [...byActor.entries()]
      .map(([actorId, c]) => ({ ...refs.get(actorId)!, count: c.count, types: c.types.sort() }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
    const quotes = await this.db
      .selectFrom("quotes")
      .selectAll()
      .where("speaker", "=", id)
      .orderBy("article_id")
      .orderBy("position")
      .limit(500)
      .execute();
    return {
      ...refOfRow(row),
      aliases: JSON.parse(row.aliases) as string[],
      eventCount,
      articleCount,
      roles: JSON.parse(row.roles) as ActorDetail["roles"],
      events: events.map((e) => JSON.parse(e.entry) as TimelineEntry),
      counterparts,
      quotes: quotes.map((q) => ({ start: q.start_offset, end: q.end_offset, text: q.text, articleId: q.article_id, via: q.via })),
    };
  }

  private async counter(name: "articles" | "timeline_entries"): Promise<number> {
    const row = await this.db.selectFrom("counters").select("value").where("name", "=", name).executeTakeFirst();
    return Number(row?.value ?? 0);
  }

  /** Names for actor ids; ids no article describes get a name from the id. */
  private async actorRefs(ids: string[]): Promise<Map<string, ActorRef>> {
    const out = new Map(ids.map((id) => [id, fallbackActorRef(id)]));
    if (!ids.length) return out;
    const rows = await this.db.selectFrom("actors").selectAll().where("id", "in", ids).execute();
    for (const r of rows) out.set(r.id, refOfRow(r));
    return out;
  }

  export(format: ExportFormat): AsyncIterable<string> {
    return exportCorpus(this.db, format, EVENT_CODES);
  }

  /**
   * Checks that the store is whole: every article has its extraction and its
   * events, every event is in the timeline once, every entry has the reports it
   * counts. Returns what is wrong (empty when nothing is). For tests and for
   * an operator after a crash.
   */
  async checkIntegrity(): Promise<string[]> {
    const problems: string[] = [];
    const count = async (label: string, query: string) => {
      const { rows } = await sql.raw<{ n: string | number }>(`select count(*) as n from (${query}) as x`).execute(this.db);
      const n = Number(rows[0]?.n ?? 0);
      if (n) problems.push(`${n} ${label}`);
    };
    await count("articles without an extraction", `select a.id from articles a left join extractions x on x.article_id = a.id where x.article_id is null`);
    await count(
      "articles whose event count differs from their event rows",
      `select a.id from articles a where a.event_count <> (select count(*) from events e where e.article_id = a.id)`,
    );
    await count(
      "article events missing from the timeline",
      `select e.event_id from events e left join timeline_reports r on r.article_id = e.article_id and r.event_id = e.event_id where r.article_id is null`,
    );
    await count(
      "timeline reports of no article event",
      `select r.event_id from timeline_reports r left join events e on r.article_id = e.article_id and r.event_id = e.event_id where e.article_id is null`,
    );
    await count(
      "timeline entries whose report count is wrong",
      `select t.id from timeline_entries t where t.report_count <> (select count(*) from timeline_reports r where r.entry_id = t.id)`,
    );
    await count("timeline entries without reports", `select t.id from timeline_entries t where t.report_count = 0`);
    await count(
      "actors no article mentions",
      `select a.id from actors a where not exists (select 1 from article_actors x where x.actor_id = a.id)`,
    );
    await count(
      "timeline entries in one article twice",
      `select entry_id from timeline_reports group by entry_id, article_id having count(*) > 1`,
    );
    for (const table of ["articles", "timeline_entries"] as const) {
      const counted = Number((await sql.raw<{ n: string | number }>(`select count(*) as n from ${table}`).execute(this.db)).rows[0]?.n ?? 0);
      const kept = await this.counter(table);
      if (counted !== kept) problems.push(`counter of ${table} says ${kept}, the table holds ${counted}`);
    }
    return problems;
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

const SUMMARY_COLUMNS = [
  "articles.id",
  "articles.title",
  "articles.source",
  "articles.url",
  "articles.language",
  "articles.published_at",
  "articles.ingested_at",
  "articles.extractor_version",
  "articles.event_count",
] as const;

function summaryOf(r: Omit<Selectable<ArticlesTable>, "text">): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    url: r.url,
    language: r.language as ArticleSummary["language"],
    publishedAt: r.published_at,
    ingestedAt: r.ingested_at,
    extractorVersion: r.extractor_version,
    eventCount: Number(r.event_count),
  };
}

function refOfRow(r: { id: string; name: string; kind: string; country: string | null }): ActorRef {
  return { id: r.id, name: r.name, kind: r.kind as ActorRef["kind"], country: r.country };
}

function limitOf(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  return Math.min(200, Math.max(1, Math.trunc(Number(limit)) || DEFAULT_LIMIT));
}

async function countOf(q: { executeTakeFirst(): Promise<{ n: string | number | bigint } | undefined> }): Promise<number> {
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}
