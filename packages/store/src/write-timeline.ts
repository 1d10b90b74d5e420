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
import type { Kysely } from "kysely";
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
 * Merges an article's reports into the stored timeline: each joins the entry
 * it fits best (the pure rules of @parley/core/timeline) or opens a new one.
 * Runs inside the ingest transaction, with writers serialised.
 */
export async function addReports(trx: Kysely<Database>, reports: readonly TimelineReport[]): Promise<void> {
  const touched = new Map<string, LoadedEntry>();
  const added: { entryId: string; report: TimelineReport }[] = [];
  // The ids these reports would give new entries, looked up at once: one is
  // taken only when this article was stored, deleted and stored again.
  const taken = new Set(
    reports.length
      ? (await trx.selectFrom("timeline_entries").select("id").where("id", "in", reports.map(entryIdOf)).execute()).map((r) => r.id)
      : [],
  );
  for (const report of reports) {
    const candidates = await loadCandidates(trx, report, touched);
    const best = bestCluster(candidates, report);
    let entry: LoadedEntry;
    if (best) {
      entry = best;
    } else {
      const id = entryIdOf(report);
      entry = { id: taken.has(id) || touched.has(id) ? await freshEntryId(trx, report, touched) : id, seq: Number.MAX_SAFE_INTEGER, reports: [], before: [], isNew: true };
    }
    entry.reports.push(report);
    touched.set(entry.id, entry);
    added.push({ entryId: entry.id, report });
  }
  // Entries first: the report rows reference them.
  for (const entry of touched.values()) await saveEntry(trx, entry.id, entry.reports, entry.isNew, entry.before);
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
  const near = (which: "anchor" | "month_day" | "none" | "all") => {
    let q = trx.selectFrom("timeline_entries as e").select(["e.id", "e.seq"]).where("e.type", "=", report.type);
    if (which === "anchor" && anchor) {
      q = q.where("e.anchor_day", ">=", shiftDay(anchor, -UNDATED_WINDOW_DAYS)).where("e.anchor_day", "<=", shiftDay(anchor, UNDATED_WINDOW_DAYS));
    }
    if (which === "month_day" && days) q = q.where("e.month_day", "in", days);
    if (which === "none") q = q.where("e.anchor_day", "is", null);
    if (ids.length) {
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("timeline_actors as a")
            .select("a.entry_id")
            .whereRef("a.entry_id", "=", "e.id")
            .where((w) => w.or([w("a.actor_id", "in", ids), ...(countries.length ? [w("a.country", "in", countries)] : [])])),
        ),
      );
    }
    return q;
  };
  let q = anchor || days ? near("none") : near("all");
  if (anchor) q = q.union(near("anchor"));
  if (days) q = q.union(near("month_day"));
  const rows = await q.orderBy("seq", "desc").limit(MAX_CANDIDATES).execute();

  const missing = rows.filter((r) => !touched.has(r.id)).map((r) => r.id);
  const loaded = new Map<string, TimelineReport[]>();
  if (missing.length) {
    const reportRows = await trx
      .selectFrom("timeline_reports")
      .select(["entry_id", "report"])
      .where("entry_id", "in", missing)
      .orderBy("entry_id")
      .orderBy("position")
      .execute();
    for (const r of reportRows) {
      const list = loaded.get(r.entry_id) ?? [];
      list.push(JSON.parse(r.report) as TimelineReport);
      loaded.set(r.entry_id, list);
    }
  }
  const out = rows.map(
    (r) =>
      touched.get(r.id) ?? {
        id: r.id,
        seq: Number(r.seq),
        reports: loaded.get(r.id) ?? [],
        before: [...(loaded.get(r.id) ?? [])],
        isNew: false,
      },
  );
  // Entries opened by this article (not yet stored) cannot take a second report of it: canMerge says so.
  // Older entries first, so that ties go to them.
  return out.sort((a, b) => a.seq - b.seq);
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

async function saveEntry(
  trx: Kysely<Database>,
  id: string,
  reports: TimelineReport[],
  isNew: boolean,
  before: TimelineReport[] = [],
): Promise<void> {
  const entry = buildEntry(id, reports);
  const index = indexOf(entry, reports);
  const row = {
    type: entry.type,
    sort_key: index.sortKey,
    day_from: index.dayFrom,
    day_to: index.dayTo,
    month_day: index.monthDay,
    anchor_day: index.anchorDay,
    report_count: entry.reportCount,
    entry: JSON.stringify(entry),
    body: "",
  };
  if (isNew) {
    await trx.insertInto("timeline_entries").values({ id, ...row }).execute();
  } else {
    await trx.updateTable("timeline_entries").set(row).where("id", "=", id).execute();
    // Most reports that join an entry name the same parties and issues: then its index rows stay.
    if (before.length && sameIndexRows(buildEntry(id, before), entry, before, index.sortKey)) return;
    await trx.deleteFrom("timeline_actors").where("entry_id", "=", id).execute();
    await trx.deleteFrom("timeline_issues").where("entry_id", "=", id).execute();
  }
  await insertChunked(
    trx,
    "timeline_actors",
    entry.participants.map((p) => ({ entry_id: id, actor_id: p.id, country: p.country, sort_key: index.sortKey })),
  );
  await insertChunked(
    trx,
    "timeline_issues",
    entry.issues.map((issue) => ({ entry_id: id, issue, sort_key: index.sortKey })),
  );
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
