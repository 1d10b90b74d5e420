import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { BatchReportSchema, TimelineEntrySchema } from "@parley/core/model";
import { seededStore } from "./fixtures/seeded-store.js";
import { folder, parley, removeFolders, ROOT, SEED, SEEDS, STACK_FRAME } from "./run-cli.js";

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let dir: string;
/** A store seeded with the hand-made seed extraction (5 events), closed again so that the CLI opens it. */
let seeded: string;
let down: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "parley-cmd-"));
  const store = await seededStore("fixture");
  seeded = store.url;
  await store.corpus.close();
  down = `http://127.0.0.1:${await closedPort()}`;
  return async () => rmSync(store.dir, { recursive: true, force: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeFolders();
});

let n = 0;
const freshDb = () => `sqlite:${join(dir, `fresh-${++n}.db`)}`;

describe("parley ingest", () => {
  it("ingests the seeds: exit 0, the report as JSON on stdout, a summary on stderr; again: already there", () => {
    const db = freshDb();
    const r = parley(["ingest", SEEDS, "--db", db]);
    expect(r.code, r.stderr).toBe(0);
    const report = BatchReportSchema.parse(JSON.parse(r.stdout));
    expect(report.stored).toHaveLength(1);
    expect(report.skipped).toEqual([]);
    expect(r.stderr).toContain("1 stored, 0 already there, 0 skipped");
    const again = parley(["ingest", SEEDS, "--db", db]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ stored: [], existing: [expect.stringContaining("000_d9bf279fc9ea0bf9")] });
  });

  it("--progress writes one line per file on stderr when it is not a terminal", () => {
    const r = parley(["ingest", SEEDS, "--progress", "--db", freshDb()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\[1\/1\] stored .*000_d9bf279fc9ea0bf9\.txt/);
    expect(r.stdout).not.toContain("[1/1]");
  });

  it("a single .txt file with its .meta.json goes in", () => {
    const r = parley(["ingest", SEED, "--db", freshDb()]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).stored).toEqual([SEED]);
  });

  it.each([
    ["a missing file", (d: string) => join(d, "missing.txt"), "no such file or directory"],
    // Tests run as root, so chmod 000 would not stop a read: a file where a folder is expected fails the same way for everyone.
    ["a file where a folder is expected", () => `${SEED}/`, "not a directory"],
    ["a path under a file", () => join(SEED, "inner.txt"), "not a directory"],
  ])("%s is skipped with its reason, the rest goes in, exit 1", (_what, path, reason) => {
    const good = folder({ "ok.txt": "Die Außenminister trafen sich in Genf." });
    const bad = path(good);
    const r = parley(["ingest", good, bad, "--db", freshDb()]);
    expect(r.code, r.stderr).toBe(1);
    const report = BatchReportSchema.parse(JSON.parse(r.stdout));
    expect(report.stored).toHaveLength(1);
    expect(report.skipped).toEqual([{ file: bad, reason: expect.stringContaining(reason) }]);
    expect(r.stderr).toContain(`skipped ${bad}: `);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("a file that is not UTF-8 and a malformed .meta.json are skipped by name, exit 1", () => {
    const d = folder({ "a.txt": "Ein gutes Treffen.", "b.txt": Buffer.from([0x66, 0xfc, 0x72, 0xff]), "c.txt": "Noch ein Text.", "c.meta.json": "{ nope" });
    const r = parley(["ingest", d, "--db", freshDb()]);
    expect(r.code, r.stderr).toBe(1);
    const report = BatchReportSchema.parse(JSON.parse(r.stdout));
    expect(report.stored).toEqual(["a.txt"]);
    expect(report.skipped.map((s) => s.file).sort()).toEqual(["b.txt", expect.stringMatching(/^c\.(meta\.json|txt)$/)]);
  });

  it.each([
    [[], "give at least one PATH"],
    [["--bogus", SEEDS], "unknown option --bogus"],
    [["--db"], "--db needs a value"],
  ])("usage errors exit 2: %j", (args, message) => {
    const r = parley(["ingest", ...args]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("--help documents the options and the exit codes", () => {
    const r = parley(["ingest", "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Usage: parley ingest PATH...");
    expect(r.stdout).toContain("--progress");
    expect(r.stdout).toContain("Exit codes: 0");
  });

  it("an API that is down: exit 3, nothing on stdout", () => {
    const r = parley(["ingest", SEEDS, "--api", down]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain(`cannot reach the Parley API at ${down}`);
    expect(r.stdout).toBe("");
  });

  it("a database URL that cannot be opened: exit 3", () => {
    const r = parley(["ingest", SEEDS, "--db", "mysql://nope"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("cannot open the store mysql://nope");
  });
});

describe("parley timeline", () => {
  it("table (the default): a header and one row per event", () => {
    const r = parley(["timeline", "--db", seeded]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Date\s+Type\s+Participants\s+Place$/);
    expect(lines).toHaveLength(6);
    expect(r.stdout).toMatch(/16 May\s+meeting\s+Russia, Ukraine/);
    expect(r.stdout).toMatch(/agreement\s+Russia, Ukraine\s+Istanbul/);
  });

  it("json: one array of timeline entries that match the schema", () => {
    const r = parley(["timeline", "--format", "json", "--db", seeded]);
    expect(r.code, r.stderr).toBe(0);
    const entries = TimelineEntrySchema.array().parse(JSON.parse(r.stdout));
    expect(entries).toHaveLength(5);
    expect(entries.find((e) => e.date?.value === "XXXX-05-16")).toMatchObject({ type: "meeting", reportCount: 1 });
  });

  it("ndjson: one entry a line", () => {
    const r = parley(["timeline", "--format", "ndjson", "--db", seeded]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    for (const l of lines) TimelineEntrySchema.parse(JSON.parse(l));
  });

  it("csv: a header and a row per event, quoted where needed", () => {
    const r = parley(["timeline", "--format", "csv", "--db", seeded]);
    const [head, ...rows] = r.stdout.trimEnd().split("\n");
    expect(head).toBe("id,day,date,type,participants,participant_ids,place,issues,modality,reports");
    expect(rows).toHaveLength(5);
    expect(rows.some((row) => row.includes(",XXXX-05-16,meeting,Russia; Ukraine,state:RUS; state:UKR,,,asserted,1"))).toBe(true);
  });

  it.each([
    [["--actor", "Medinsky"], 1],
    [["--actor", "person:vladimir-medinsky"], 1],
    [["--type", "meeting"], 2],
    [["--issue", "neutrality"], 1],
    [["--limit", "2"], 2],
    [["--actor", "Nobody At All"], 0],
    [["--q", "Kriegsgefangenen"], 1],
  ])("filters %j → %i events", (args, count) => {
    const r = parley(["timeline", ...args, "--format", "json", "--db", seeded]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(count);
  });

  it("--actor Medinsky gives his meeting with Umerov", () => {
    const r = parley(["timeline", "--actor", "Medinsky", "--format", "json", "--db", seeded]);
    const [entry] = JSON.parse(r.stdout) as Array<{ participants: Array<{ id: string }> }>;
    expect(entry!.participants.map((p) => p.id)).toEqual(["person:vladimir-medinsky", "person:rustem-umerov"]);
  });

  it.each([
    [["--from", "2025-13-01"], "--from \"2025-13-01\": expected a calendar date"],
    [["--to", "2025-02-30"], "--to \"2025-02-30\": expected a calendar date"],
    [["--from", "16.05.2025"], "expected a calendar date YYYY-MM-DD"],
    [["--from", "2025-06-01", "--to", "2025-05-01"], "--from 2025-06-01 is after --to 2025-05-01"],
    [["--type", "party"], "--type \"party\": expected one of meeting"],
    [["--issue", "peace"], "--issue \"peace\": expected one of"],
    [["--format", "xml"], "--format \"xml\": expected one of table, json, ndjson, csv"],
    [["--limit", "0"], "--limit \"0\""],
    [["--limit", "ten"], "--limit \"ten\""],
    [["extra"], "unexpected argument"],
  ])("bad input %j: exit 2 with a message, nothing on stdout", (args, message) => {
    const r = parley(["timeline", ...args, "--db", seeded]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it("an API that is down: exit 3 and not even a header on stdout", () => {
    for (const format of ["table", "json", "csv"]) {
      const r = parley(["timeline", "--format", format, "--api", down]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("cannot reach the Parley API");
    }
  });

  it("--api that is not a URL: exit 3 with the reason", () => {
    const r = parley(["timeline", "--api", "not a url"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("--api: not a URL");
  });
});

describe("parley export", () => {
  it.each(["json", "ndjson", "csv", "plover"])("--format %s streams to stdout", (format) => {
    const r = parley(["export", "--format", format, "--db", seeded]);
    expect(r.stderr).toBe("");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    if (format === "json") expect(() => JSON.parse(r.stdout)).not.toThrow();
    if (format === "ndjson" || format === "plover") for (const l of r.stdout.trimEnd().split("\n")) expect(() => JSON.parse(l)).not.toThrow();
    if (format === "csv") expect(r.stdout.split("\n")[0]).toMatch(/^[a-z_]+(,[a-z_]+)+\r?$/);
  });

  it("--out FILE writes the file, not stdout", () => {
    const out = join(dir, "export.ndjson");
    const r = parley(["export", "--format", "ndjson", "--out", out, "--db", seeded]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(readFileSync(out, "utf8").trimEnd().split("\n").length).toBeGreaterThan(0);
  });

  it("--out under a file (a folder expected): exit 1, the reason", () => {
    const r = parley(["export", "--out", join(SEED, "out.json"), "--db", seeded]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("cannot write");
    expect(r.stderr).toContain("not a directory");
  });

  it.each([
    [["--format", "xml"], "--format \"xml\": expected one of json, ndjson, csv, plover"],
    [["--nope"], "unknown option --nope"],
  ])("bad input %j: exit 2", (args, message) => {
    const r = parley(["export", ...args, "--db", seeded]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("an API that is down: exit 3, and no file is left under --out", () => {
    const out = join(dir, "never.json");
    const r = parley(["export", "--api", down, "--out", out]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain("cannot reach the Parley API");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
  });
});

/** Starts `parley serve` and resolves with its URL (the first line on stdout). */
function serve(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; stderr: () => string }> {
  const bin = inject("parleyBin");
  const child = spawn(process.execPath, [bin, "serve", "--port", "0", ...args], { cwd: ROOT, env: { ...process.env, PARLEY_API_TOKEN: "" } });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve({ child, url: line.trim(), stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const exitOf = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((done) => child.on("exit", (code) => done(code)));

// Each test starts a server and several CLI processes: generous time on a shared, busy machine.
describe("parley serve, and the commands with --api on it", { timeout: 180_000 }, () => {
  it("serves the store; timeline, ingest and export work through --api; SIGTERM stops it with exit 0", async () => {
    const db = freshDb();
    parley(["ingest", SEEDS, "--db", db]);
    const { child, url, stderr } = await serve(["--db", seeded]);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await vi.waitFor(() => expect(stderr()).toContain(`listening on ${url}`), { timeout: 10_000 });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);

      const timeline = parley(["timeline", "--format", "json", "--api", url]);
      expect(timeline.code).toBe(0);
      expect(TimelineEntrySchema.array().parse(JSON.parse(timeline.stdout))).toHaveLength(5);
      const medinsky = parley(["timeline", "--actor", "Medinsky", "--format", "json", "--api", url]);
      expect(JSON.parse(medinsky.stdout)).toHaveLength(1);

      const d = folder({ "new.txt": "Die Außenminister trafen sich am Montag in Genf.", "bad.txt": Buffer.from([0xff, 0xfe, 0x00]) });
      const ingest = parley(["ingest", d, "--api", url]);
      expect(ingest.code).toBe(1);
      expect(JSON.parse(ingest.stdout)).toMatchObject({ stored: [join(d, "new.txt")], skipped: [{ file: join(d, "bad.txt") }] });

      const exported = parley(["export", "--format", "ndjson", "--api", url]);
      expect(exported.code).toBe(0);
      expect(exported.stdout.trim().length).toBeGreaterThan(0);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exitOf(child)).toBe(0);
  });

  it("with --token, writes without the token are refused (exit 3) and go in with it", async () => {
    const { child, url } = await serve(["--db", freshDb(), "--token", "s3cret"]);
    try {
      const refused = parley(["ingest", SEED, "--api", url]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/answered 401/);
      const ok = parley(["ingest", SEED, "--api", url, "--token", "s3cret"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout).stored).toEqual([SEED]);
    } finally {
      child.kill("SIGTERM");
    }
    await exitOf(child);
  });

  it.each([
    [["--port", "http"], "--port \"http\": expected a port"],
    [["--port", "70000"], "expected a port 0..65535"],
    [["--host", "0.0.0.0"], "Refusing to listen on 0.0.0.0 without a token"],
  ])("bad input %j: exit 2", (args, message) => {
    const r = parley(["serve", ...args, "--db", freshDb()]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("a port that is taken: exit 3", async () => {
    const { child, url } = await serve(["--db", freshDb()]);
    try {
      const port = new URL(url).port;
      const r = parley(["serve", "--port", port, "--db", freshDb()]);
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toContain("the port is taken");
    } finally {
      child.kill("SIGTERM");
    }
    await exitOf(child);
  });
});

describe("parley ui (the script side)", () => {
  it("--help, and a bad --view is a usage error", () => {
    expect(parley(["ui", "--help"]).stdout).toContain("Usage: parley [ui] [options]");
    const r = parley(["--view", "nope"]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--view "nope": expected one of timeline, actors, articles, ingest');
  });

  it("without a terminal on standard input the UI refuses with exit 2 and says what to use", () => {
    const r = parley(["--db", seeded]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain("the terminal UI needs a terminal on standard input; in scripts use parley timeline");
    expect(r.stdout).toBe("");
  });

  it("the top-level help lists the commands", () => {
    const r = parley(["--help"]);
    for (const c of ["ingest", "timeline", "export", "serve", "ui"]) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s`, "m"));
    expect(existsSync(inject("parleyBin"))).toBe(true);
  });
});
