#!/usr/bin/env node
// `npm start`: the embedded store with the seeds, the API and the web site, in one command.
// Run after `turbo run build` (the root script does both). Stops both on SIGINT/SIGTERM.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSeeded, openCorpus, parseDatabaseUrl, resolveDatabaseUrl } from "@parley/store";
import { startServer } from "@parley/api";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const webDir = join(root, "apps", "web");
const env = process.env;

function portOf(name, fallback) {
  const value = env[name] === undefined || env[name] === "" ? fallback : Number(env[name]);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) throw new Error(`${name} must be a port 0..65535, not "${env[name]}"`);
  return value;
}

/**
 * The database URL both processes open. A relative SQLite path is made absolute
 * here, since the web site runs in apps/web; an in-memory database cannot be
 * shared between two processes, so it is refused.
 */
function sharedDatabaseUrl() {
  const url = resolveDatabaseUrl(env.PARLEY_DATABASE_URL || undefined);
  const target = parseDatabaseUrl(url);
  if (target.engine === "postgres") return url;
  if (target.path === ":memory:") throw new Error("sqlite::memory: cannot be shared by the API and the web site: use a file (sqlite:./data/parley.db)");
  return `sqlite:${target.path}`;
}

async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the web site exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the web site did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function main() {
  const apiPort = portOf("PORT", 3000);
  const webPort = portOf("WEB_PORT", 3001);
  const host = env.HOST || "127.0.0.1";
  const databaseUrl = sharedDatabaseUrl();
  if (!existsSync(join(webDir, ".next", "BUILD_ID"))) throw new Error("the web site is not built: run `npm run build` (or `npm start`, which builds first)");

  const corpus = await openCorpus(databaseUrl);
  const seeding = await ensureSeeded(corpus, join(root, "seeds"));
  if (seeding.seeded) {
    const r = seeding.report;
    console.log(`Seeded the corpus from seeds/: ${r.stored.length} stored, ${r.existing.length} already there, ${r.skipped.length} skipped`);
    for (const s of r.skipped) console.log(`  skipped ${s.file}: ${s.reason}`);
  }

  const api = await startServer({ corpus, host, port: apiPort, databaseUrl, token: env.PARLEY_API_TOKEN ?? null });

  const nextBin = createRequire(join(webDir, "package.json")).resolve("next/dist/bin/next");
  const web = spawn(process.execPath, [nextBin, "start", "-p", String(webPort), "-H", host], {
    cwd: webDir,
    env: { ...env, PARLEY_DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", PORT: String(webPort) },
    stdio: ["ignore", "inherit", "inherit"],
  });

  let stopping = false;
  async function stop(code) {
    if (stopping) return;
    stopping = true;
    const webExited = web.exitCode !== null ? Promise.resolve() : new Promise((r) => web.once("exit", r));
    if (web.exitCode === null) web.kill("SIGTERM");
    const force = setTimeout(() => web.kill("SIGKILL"), 10_000);
    await Promise.allSettled([webExited, api.close()]);
    clearTimeout(force);
    await corpus.close().catch(() => undefined);
    process.exit(code);
  }
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  web.once("exit", (code, signal) => {
    if (stopping) return;
    console.error(`The web site stopped (${signal ?? `code ${code}`}); stopping the API.`);
    void stop(1);
  });

  const urlHost = host.includes(":") ? `[${host}]` : host;
  const webUrl = `http://${urlHost}:${webPort}`;
  try {
    await waitForHttp(`${webUrl}/about`, web);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    await stop(1);
    return;
  }
  console.log("");
  console.log(`Parley is running on ${databaseUrl.startsWith("sqlite:") ? databaseUrl : "PostgreSQL"}`);
  console.log(`  Web site: ${webUrl}`);
  console.log(`  API:      ${api.url}`);
  console.log("Press Ctrl+C to stop both.");
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
