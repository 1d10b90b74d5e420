import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type EngineName = "sqlite" | "postgres";

/** The engines the suite runs on; PARLEY_TEST_ENGINES narrows them. */
export const ENGINES: EngineName[] = (process.env.PARLEY_TEST_ENGINES ?? "sqlite,postgres")
  .split(",")
  .map((s) => s.trim())
  .filter((s): s is EngineName => s === "sqlite" || s === "postgres");

/** A database on the server that each run makes its own database beside. */
export const PG_ADMIN_URL = process.env.PARLEY_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A place for a fresh, empty store: a URL to open and how to throw it away. */
export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** A new temporary SQLite file, or a new PostgreSQL database `parley_test_<random>`. */
export async function freshDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
    return { url: `sqlite:${join(dir, "data", "parley.db")}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `parley_test_${randomBytes(6).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), dispose: () => admin(`drop database if exists ${name} with (force)`) };
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
