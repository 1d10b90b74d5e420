import {
  bestCluster,
  buildEntry,
  clusterReports,
  entryIdOf,
  indexOf,
  isoDayOf,
  parseDateValue,
  UNDATED_WINDOW_DAYS,
  type TimelineReport,
} from "@parley/core/timeline";
import type { TimelineEntry } from "@parley/core/model";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { insertChunked } from "./write-article.js";
import type { Database } from "./schema.js";

/** Entries looked at for one report, newest first, when its date cannot narrow them down. */
const MAX_CANDIDATES = 200;

interface LoadedEntry {
  id: string;
  seq: number;
  reports: TimelineReport[];
  /** The reports as stored before this ingest (empty for a new entry). */
  before: TimelineReport[];
  isNew: boolean;
}

/**
 * Merges reports (of one article or of a group of articles, in order) into the
 * stored timeline: each joins the entry it fits best (the pure rules of
 * @parley/core/timeline) or opens a new one. Runs inside the ingest
 * transaction, with writers serialised. Entries opened by earlier reports of
 * the group are candidates too, from memory; all entries are written at the end.
 */
export async function addReports(trx: Kysely<Database>, reports: readonly TimelineReport[]): Promise<void> {
  if (!reports.length) return;
  const touched = new Map<string, LoadedEntry>();
  const added: { entryId: string; report: TimelineReport }[] = [];
  // The ids these reports would give new entries, looked up at once: one is
  // taken only when an article was stored, deleted and stored again.
  const taken = new Set<string>();
  const wanted = [...new Set(reports.map(entryIdOf))];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await trx.selectFrom("timeline_entries").select("id").where("id", "in", wanted.slice(i, i + 500)).execute();
    for (const r of rows) taken.add(r.id);
  }
  let opened = 0;
  for (const report of reports) {
    const candidates = await loadCandidates(trx, report, touched);
    const best = bestCluster(candidates, report);
    let entry: LoadedEntry;
    if (best) {
      entry = best;
    } else {
      const id = entryIdOf(report);
      entry = {
        id: taken.has(id) || touched.has(id) ? await freshEntryId(trx, report, touched) : id,
        // After every stored entry, in the order opened: ties go to older entries.
        seq: Number.MAX_SAFE_INTEGER - 1_000_000 + opened++,
        reports: [],
        before: [],
        isNew: true,
      };
    }
    entry.reports.push(report);
    touched.set(entry.id, entry);
    added.push({ entryId: entry.id, report });
  }
  // Entries first: the report rows reference them.
  await saveEntries(trx, [...touched.values()]);
  await insertChunked(
    trx,
    "timeline_reports",
    added.map(({ entryId, report }) => ({
      article_id: report.articleId,
      event_id: report.eventId,
      entry_id: entryId,
      position: touched.get(entryId)!.reports.indexOf(report),
      report: JSON.stringify(report),
      body: searchTextOf(report),
    })),
  );
}

/**
 * Takes an article's reports out of the timeline. An entry left without
 * reports disappears; the rest of an entry is merged again from scratch, since
 * the report that was taken out may have been what held two accounts together:
 * the first group keeps the entry's id, any other becomes an entry of its own.
 */
export async function removeArticleReports(trx: Kysely<Database>, articleId: string): Promise<void> {
  const entryIds = [
    ...new Set(
      (await trx.selectFrom("timeline_reports").select("entry_id").where("article_id", "=", articleId).execute()).map(
        (r) => r.entry_id,
      ),
    ),
  ];
  await trx.deleteFrom("timeline_reports").where("article_id", "=", articleId).execute();
  for (const id of entryIds) {
    const remaining = (
      await trx.selectFrom("timeline_reports").select("report").where("entry_id", "=", id).orderBy("position").execute()
    ).map((r) => JSON.parse(r.report) as TimelineReport);
    if (!remaining.length) {
      await trx.deleteFrom("timeline_entries").where("id", "=", id).execute();
      await bumpCounter(trx, "timeline_entries", -1);
      continue;
    }
    const [keep, ...split] = clusterReports(remaining);
    await saveEntry(trx, id, keep!.reports, false);
    await renumber(trx, id, keep!.reports);
    for (const cluster of split) {
      const newId = await freshEntryId(trx, cluster.reports[0]!, new Map());
      await saveEntry(trx, newId, cluster.reports, true);
      await renumber(trx, newId, cluster.reports);
    }
  }
}

async function renumber(trx: Kysely<Database>, entryId: string, reports: TimelineReport[]): Promise<void> {
  for (const [position, r] of reports.entries()) {
    await trx
      .updateTable("timeline_reports")
      .set({ entry_id: entryId, position })
      .where("article_id", "=", r.articleId)
      .where("event_id", "=", r.eventId)
      .execute();
  }
}

/**
 * Entries that may take the report: of its type, near its day (the entry's
 * anchor day within a week, or the same month and day whatever the year, or no
 * anchor at all), sharing a party; with their reports. canMerge decides.
 */
async function loadCandidates(
  trx: Kysely<Database>,
  report: TimelineReport,
  touched: Map<string, LoadedEntry>,
): Promise<LoadedEntry[]> {
  const ids = report.participants.map((p) => p.id);
  const countries = [...new Set(report.participants.map((p) => p.country).filter((c): c is string => c !== null))];
  const anchor = isoDayOf(report.date?.value) ?? report.publishedAt;
  const days = neighbourMonthDays(report.date?.value);
  // One query a way to be near, united: each one runs on its own index
  // (type, anchor_day) or (type, month_day); an OR of them would scan the type.
  // Written as SQL (the same on both engines): this runs for every report, and
  // building it with the query builder cost ten times what running it costs.
  const party = ids.length
    ? sql`and exists (select 1 from timeline_actors a where a.entry_id = e.id
        and (a.actor_id in (${sql.join(ids)})${countries.length ? sql` or a.country in (${sql.join(countries)})` : sql``}))`
    : sql``;
  const branch = (where: RawBuilder<unknown>) =>
    sql`select e.id, e.seq from timeline_entries e where e.type = ${report.type} and ${where} ${party}`;
  const branches = [
    ...(anchor || days ? [branch(sql`e.anchor_day is null`)] : [branch(sql`1 = 1`)]),
    ...(anchor
      ? [branch(sql`e.anchor_day >= ${shiftDay(anchor, -UNDATED_WINDOW_DAYS)} and e.anchor_day <= ${shiftDay(anchor, UNDATED_WINDOW_DAYS)}`)]
      : []),
    ...(days ? [branch(sql`e.month_day in (${sql.join(days)})`)] : []),
  ];
  // The entries and their reports in one round trip.
  const { rows } = await sql<{ id: string; seq: number | string; report: string }>`select c.id, c.seq, r.report
    from (${sql.join(branches, sql` union `)} order by seq desc limit ${MAX_CANDIDATES}) c
    join timeline_reports r on r.entry_id = c.id
    order by c.seq, r.position`.execute(trx);
  const found = new Map<string, LoadedEntry>();
  for (const r of rows) {
    const known = touched.get(r.id);
    if (known) {
      found.set(r.id, known);
      continue;
    }
    let entry = found.get(r.id);
    if (!entry) {
      entry = { id: r.id, seq: Number(r.seq), reports: [], before: [], isNew: false };
      found.set(r.id, entry);
    }
    const report = JSON.parse(r.report) as TimelineReport;
    entry.reports.push(report);
    entry.before.push(report);
  }
  // Entries this group opened are not stored yet: they are candidates from memory.
  for (const e of touched.values()) if (e.isNew && e.reports[0]!.type === report.type) found.set(e.id, e);
  // Older entries first, so that ties go to them.
  return [...found.values()].sort((a, b) => a.seq - b.seq);
}

/** `MM-DD` of the day and of the days either side, or null when the value names no day. */
function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function neighbourMonthDays(value: string | null | undefined): string[] | null {
  const p = parseDateValue(value);
  if (!p || !p.month || !p.day) return null;
  const t = Date.UTC(Number(p.year ?? 2000), Number(p.month) - 1, Number(p.day));
  return [-1, 0, 1].map((d) => new Date(t + d * 86_400_000).toISOString().slice(5, 10));
}

async function freshEntryId(
  trx: Kysely<Database>,
  report: TimelineReport,
  touched: Map<string, LoadedEntry>,
): Promise<string> {
  // The id of the report that opens an entry; a reingested article may find
  // its old id still held by the entry it left, then count on.
  for (let n = 0; ; n++) {
    const id = entryIdOf(n === 0 ? report : { articleId: report.articleId, eventId: `${report.eventId}#${n}` });
    if (touched.has(id)) continue;
    const taken = await trx.selectFrom("timeline_entries").select("id").where("id", "=", id).executeTakeFirst();
    if (!taken) return id;
  }
}

/** Writes entries (new and changed) and their actor and issue rows, in as few statements as the engines allow. */
async function saveEntries(trx: Kysely<Database>, entries: LoadedEntry[]): Promise<void> {
  const built = entries.map((e) => {
    const entry = buildEntry(e.id, e.reports);
    return { e, entry, index: indexOf(entry, e.reports) };
  });
  const rowOf = ({ entry, index }: (typeof built)[number]) => ({
    type: entry.type,
    sort_key: index.sortKey,
    day_from: index.dayFrom,
    day_to: index.dayTo,
    month_day: index.monthDay,
    anchor_day: index.anchorDay,
    report_count: entry.reportCount,
    entry: JSON.stringify(entry),
    body: "",
  });
  const fresh = built.filter((b) => b.e.isNew);
  await bumpCounter(trx, "timeline_entries", fresh.length);
  for (let i = 0; i < fresh.length; i += 200) {
    await trx
      .insertInto("timeline_entries")
      .values(fresh.slice(i, i + 200).map((b) => ({ id: b.e.id, ...rowOf(b) })))
      .execute();
  }
  // Most reports that join an entry name the same parties and issues: then its index rows stay.
  const reindex = [...fresh];
  for (const b of built.filter((x) => !x.e.isNew)) {
    await trx.updateTable("timeline_entries").set(rowOf(b)).where("id", "=", b.e.id).execute();
    if (!(b.e.before.length && sameIndexRows(buildEntry(b.e.id, b.e.before), b.entry, b.e.before, b.index.sortKey))) {
      reindex.push(b);
    }
  }
  const stale = reindex.filter((b) => !b.e.isNew).map((b) => b.e.id);
  if (stale.length) {
    await trx.deleteFrom("timeline_actors").where("entry_id", "in", stale).execute();
    await trx.deleteFrom("timeline_issues").where("entry_id", "in", stale).execute();
  }
  await insertChunked(
    trx,
    "timeline_actors",
    reindex.flatMap(({ e, entry, index }) =>
      entry.participants.map((p) => ({ entry_id: e.id, actor_id: p.id, country: p.country, sort_key: index.sortKey })),
    ),
  );
  await insertChunked(
    trx,
    "timeline_issues",
    reindex.flatMap(({ e, entry, index }) => entry.issues.map((issue) => ({ entry_id: e.id, issue, sort_key: index.sortKey }))),
  );
}

/** Writes one entry from its reports (after a deletion). */
async function saveEntry(trx: Kysely<Database>, id: string, reports: TimelineReport[], isNew: boolean): Promise<void> {
  await saveEntries(trx, [{ id, seq: 0, reports, before: [], isNew }]);
}

function sameIndexRows(old: TimelineEntry, now: TimelineEntry, oldReports: TimelineReport[], sortKey: string): boolean {
  const actors = (e: TimelineEntry) => e.participants.map((p) => `${p.id} ${p.country}`).join("\n");
  return (
    indexOf(old, oldReports).sortKey === sortKey && actors(old) === actors(now) && old.issues.join(" ") === now.issues.join(" ")
  );
}

/** The words a report is found by. */
function searchTextOf(r: TimelineReport): string {
  return [
    ...r.evidence.map((s) => s.text),
    r.articleTitle ?? "",
    ...r.participants.map((p) => p.name),
    r.placeRef?.name ?? "",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Adds `by` to a counter (inside the write transaction). */
export async function bumpCounter(trx: Kysely<Database>, name: "articles" | "timeline_entries" | "revision", by: number): Promise<void> {
  if (by) await trx.updateTable("counters").set((eb) => ({ value: eb("value", "+", by) })).where("name", "=", name).execute();
}
