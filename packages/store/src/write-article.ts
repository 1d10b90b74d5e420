import type { Actor, Extraction } from "@parley/core/model";
import { isoDayOf } from "@parley/core/timeline";
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/**
 * Stores the extractions of articles and the rows queries need: actors,
 * mentions, events, issues, quotes. One multi-row statement a table for the whole group.
 */
export async function writeExtractionRows(
  trx: Kysely<Database>,
  items: readonly { articleId: string; extraction: Extraction }[],
): Promise<void> {
  if (!items.length) return;
  await insertChunked(
    trx,
    "extractions",
    items.map(({ articleId, extraction }) => ({ article_id: articleId, json: JSON.stringify(extraction) })),
  );
  await upsertActors(trx, items.flatMap((i) => i.extraction.actors));
  // One actor or event may appear twice in a sloppy extraction: keep the first.
  await insertChunked(
    trx,
    "article_actors",
    items.flatMap(({ articleId, extraction }) =>
      uniqueBy(extraction.actors, (a) => a.id).map((a) => ({
        article_id: articleId,
        actor_id: a.id,
        mention_count: a.mentions.length,
        mentions: JSON.stringify(a.mentions),
      })),
    ),
  );
  const events = items.flatMap(({ articleId, extraction }) => uniqueBy(extraction.events, (e) => e.id).map((e) => ({ articleId, e })));
  await insertChunked(
    trx,
    "events",
    events.map(({ articleId, e }) => ({
      article_id: articleId,
      event_id: e.id,
      type: e.type,
      date_value: e.date?.value ?? null,
      day: isoDayOf(e.date?.value),
      place: e.place,
      modality: e.modality,
      issues: JSON.stringify(e.issues),
    })),
  );
  await insertChunked(
    trx,
    "event_participants",
    events.flatMap(({ articleId, e }) => [...new Set(e.participants)].map((actor_id) => ({ article_id: articleId, event_id: e.id, actor_id }))),
  );
  await insertChunked(
    trx,
    "event_issues",
    events.flatMap(({ articleId, e }) => [...new Set(e.issues)].map((issue) => ({ article_id: articleId, event_id: e.id, issue }))),
  );
  await insertChunked(
    trx,
    "quotes",
    items.flatMap(({ articleId, extraction }) =>
      extraction.quotes.map((q, position) => ({
        article_id: articleId,
        position,
        start_offset: q.start,
        end_offset: q.end,
        text: q.text,
        speaker: q.speaker,
        via: q.via,
      })),
    ),
  );
}

/** Removes what `writeExtractionRows` wrote (the article row stays). Actors no article mentions any more go too. */
export async function deleteExtractionRows(trx: Kysely<Database>, articleId: string): Promise<void> {
  const actorIds = (
    await trx.selectFrom("article_actors").select("actor_id").where("article_id", "=", articleId).execute()
  ).map((r) => r.actor_id);
  await trx.deleteFrom("quotes").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("event_issues").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("event_participants").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("events").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("article_actors").where("article_id", "=", articleId).execute();
  await trx.deleteFrom("extractions").where("article_id", "=", articleId).execute();
  if (actorIds.length) {
    await trx
      .deleteFrom("actors")
      .where("id", "in", actorIds)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("article_actors").select("actor_id").whereRef("article_actors.actor_id", "=", "actors.id"))),
      )
      .execute();
  }
}

/**
 * Actors merge by canonical id: the first article to name one gives its name,
 * kind and country (a later one fills a missing country); aliases and roles
 * are the union over all articles.
 */
async function upsertActors(trx: Kysely<Database>, all: Actor[]): Promise<void> {
  // The same actor named by several articles of a group: one row, their aliases and roles merged.
  const byId = new Map<string, Actor>();
  for (const a of all) {
    const seen = byId.get(a.id);
    if (!seen) byId.set(a.id, { ...a, aliases: [...a.aliases], roles: [...(a.roles ?? [])] });
    else {
      seen.aliases = unique([...seen.aliases, ...a.aliases, ...(a.name !== seen.name ? [a.name] : [])]);
      seen.roles = uniqueBy([...(seen.roles ?? []), ...(a.roles ?? [])], (r) => JSON.stringify(r));
      seen.country ??= a.country;
    }
  }
  const actors = [...byId.values()];
  if (!actors.length) return;
  const existing = new Map(
    (
      await trx
        .selectFrom("actors")
        .selectAll()
        .where(
          "id",
          "in",
          actors.map((a) => a.id),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  await insertChunked(
    trx,
    "actors",
    actors
      .filter((a) => !existing.has(a.id))
      .map((a) => ({
        id: a.id,
        kind: a.kind,
        name: a.name,
        country: a.country,
        aliases: JSON.stringify(unique(a.aliases)),
        roles: JSON.stringify(a.roles ?? []),
      })),
  );
  for (const a of actors) {
    const old = existing.get(a.id);
    if (!old) continue;
    const aliases = unique([...(JSON.parse(old.aliases) as string[]), ...a.aliases, ...(a.name !== old.name ? [a.name] : [])]);
    const oldRoles = JSON.parse(old.roles) as unknown[];
    const roles = uniqueBy([...oldRoles, ...(a.roles ?? [])], (r) => JSON.stringify(r));
    const changed =
      aliases.length !== (JSON.parse(old.aliases) as string[]).length || roles.length !== oldRoles.length || (!old.country && a.country);
    if (changed) {
      await trx
        .updateTable("actors")
        .set({ aliases: JSON.stringify(aliases), roles: JSON.stringify(roles), country: old.country ?? a.country })
        .where("id", "=", a.id)
        .execute();
    }
  }
}

type Row<T extends keyof Database> = { [K in keyof Database[T]]: Database[T][K] };

/** Multi-row inserts, in chunks that stay under both engines' limit of bound parameters. */
export async function insertChunked<T extends Exclude<keyof Database, "timeline_entries">>(
  trx: Kysely<Database>,
  table: T,
  rows: Row<T>[],
): Promise<void> {
  const columns = rows[0] ? Object.keys(rows[0]).length : 1;
  const size = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    // kysely cannot narrow a generic table name; the rows are typed by the caller.
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
