import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { TestProject } from "vitest/node";
import { ensureSeeded, openCorpus } from "@parley/store";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const seedsDir = resolve(webDir, "../../seeds");

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer at ${url}:\n${log()}`);
}

/**
 * One built site for all test files: a temporary SQLite corpus with the seeds
 * ingested through the store (and so through the real extractor), and
 * `next start` on a free port reading it.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(webDir, ".next", "BUILD_ID"))) {
    throw new Error("apps/web is not built: run `npx next build` in apps/web before the tests");
  }
  const dir = mkdtempSync(join(tmpdir(), "parley-web-test-"));
  const databaseUrl = `sqlite:${join(dir, "parley.db")}`;
  // PARLEY_WEB_TEST_DB: start from a copy of a prepared SQLite file instead (debugging the UI on known data).
  if (process.env.PARLEY_WEB_TEST_DB) copyFileSync(process.env.PARLEY_WEB_TEST_DB, join(dir, "parley.db"));
  const corpus = await openCorpus(databaseUrl);
  try {
    const { report } = await ensureSeeded(corpus, seedsDir);
    if (report?.skipped.length) throw new Error(`seeds skipped: ${JSON.stringify(report.skipped)}`);
  } finally {
    await corpus.close();
  }

  const port = await freePort();
  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  let output = "";
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: webDir,
    env: { ...process.env, PARLEY_DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(`${baseURL}/about`, child, () => output);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  project.provide("baseURL", baseURL);
  project.provide("databaseUrl", databaseUrl);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    }
    if (process.env.PARLEY_WEB_TEST_LOG) console.log(output);
    rmSync(dir, { recursive: true, force: true });
  };
}
