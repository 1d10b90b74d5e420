import Database from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type SqliteDatabase } from "kysely";
import pg from "pg";
import { migrationsFor } from "./migrations.js";
import type { Database as Schema } from "./schema.js";
import { ensureParentDir, type DatabaseTarget, type Engine } from "./url.js";

/** An open database: the query builder and how to write atomically on this engine. */
export interface Connection {
  engine: Engine;
  db: Kysely<Schema>;
  /** Runs `fn` in one write transaction; writers are serialised (see below). */
  write<T>(fn: (trx: Kysely<Schema>) => Promise<T>): Promise<T>;
  /** The committed revision (counters.revision); see `SqlCorpus.revision`. */
  revision(): Promise<number>;
  close(): Promise<void>;
}

const REVISION_SQL = "select value from counters where name = 'revision'";

/**
 * One read shared by the callers that ask while it is out, yet never a value
 * read before a caller asked: a caller that arrives while a read is out waits
 * for the next one, which starts when that one ends and serves everyone who
 * arrived meanwhile. Under load a revision check costs a round trip per wave
 * of requests, not per request, and a write committed before a request came
 * in is always seen by it.
 */
export function sharedFreshRead<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p: Promise<T> = read().finally(() => {
      if (current === p) current = null;
    });
    current = p;
    return p;
  };
  const settled = () => undefined;
  return () => {
    if (current === null) return start();
    next ??= current.then(settled, settled).then(() => {
      next = null;
      return start();
    });
    return next;
  };
}

/** Any number fixed for this project: the advisory lock that serialises writers on PostgreSQL. */
const PG_WRITE_LOCK = 0x5061726c; // "Parl"

export async function connect(target: DatabaseTarget): Promise<Connection> {
  const conn = target.engine === "sqlite" ? connectSqlite(target.path) : connectPostgres(target.url);
  try {
    await migrate(conn);
  } catch (error) {
    await conn.close();
    throw error;
  }
  return conn;
}

function connectSqlite(path: string): Connection {
  ensureParentDir(path);
  // A long busy timeout: another process may hold the write lock for a whole ingest.
  const database = new Database(path, { timeout: 30_000 });
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  // Every ingest touches the same index pages (timeline, full-text): a larger
  // cache, and checkpoints every 10,000 pages rather than 1,000, so that a hot
  // page is copied from the WAL to the file once per checkpoint, not per commit.
  database.pragma("cache_size = -65536");
  database.pragma("wal_autocheckpoint = 10000");
  database.pragma("temp_store = memory");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  // Prepared on first use: the table exists once the migrations have run.
  let readRevision: Database.Statement | null = null;
  return {
    engine: "sqlite",
    db,
    revision: async () => {
      // Inside this connection's write transaction a direct read would see the
      // revision it has not committed (and may roll back); kysely's queue waits
      // for the transaction to end.
      if (database.inTransaction) {
        const row = await db.selectFrom("counters").select("value").where("name", "=", "revision").executeTakeFirst();
        return Number(row?.value ?? 0);
      }
      readRevision ??= database.prepare(REVISION_SQL).pluck();
      return Number(readRevision.get() ?? 0);
    },
    // BEGIN IMMEDIATE takes the write lock at once: a deferred transaction that
    // reads and then writes can fail with SQLITE_BUSY when another process wrote in between.
    write: (fn) =>
      db.connection().execute(async (c) => {
        await sql`begin immediate`.execute(c);
        try {
          const result = await fn(c);
          await sql`commit`.execute(c);
          return result;
        } catch (error) {
          await sql`rollback`.execute(c).catch(() => undefined);
          throw error;
        }
      }),
    close: () => db.destroy(),
  };
}

/**
 * kysely prepares every statement anew; an ingest runs some twenty, the same
 * ones each time, and preparing (parsing, planning) costs as much as running
 * them. One connection, statements run to completion synchronously: reusing a
 * prepared statement is safe. The cache keeps the 500 most recent.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare: (query: string) => {
      let stmt = cache.get(query);
      if (stmt) {
        cache.delete(query);
      } else {
        stmt = database.prepare(query);
        if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      }
      cache.set(query, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase["prepare"]>;
    },
  };
}

function connectPostgres(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its server must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  // A named statement: parsed and planned once per pooled client.
  const readRevision = sharedFreshRead(async () => {
    const { rows } = await pool.query<{ value: string }>({ name: "parley_revision", text: REVISION_SQL });
    return Number(rows[0]?.value ?? 0);
  });
  return {
    engine: "postgres",
    db,
    revision: readRevision,
    // Writers take one transaction-scoped advisory lock: merging an article into
    // the timeline reads entries that another writer may be changing, and two
    // processes ingesting the same event at once must not open two entries for it.
    write: (fn) =>
      db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(${sql.lit(PG_WRITE_LOCK)})`.execute(trx);
        return fn(trx);
      }),
    close: () => db.destroy(),
  };
}

/**
 * Brings the schema to the latest version. On PostgreSQL kysely's migrator
 * holds a session advisory lock while it migrates, so two processes starting
 * at once migrate once. SQLite has no such lock: the loser of the race gets
 * SQLITE_BUSY, waits and tries again, and then finds nothing left to do.
 */
async function migrate(conn: Connection): Promise<void> {
  const migrator = new Migrator({ db: conn.db, provider: migrationsFor(conn.engine) });
  for (let attempt = 0; ; attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (!error) return;
    const code = (error as { code?: string }).code ?? "";
    const racing = code.startsWith("SQLITE_BUSY") || /already exists|locked/i.test(String((error as Error).message));
    if (!racing || attempt >= 20) throw error;
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
}
