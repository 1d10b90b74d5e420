import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { extract } from "@parley/core";
import { seededStore, SEEDS, type SeededStore } from "./fixtures/seeded-store.js";

/**
 * The built `parley` in a real terminal: tmux on a private socket, the screen
 * read with capture-pane at each step, each wait a bounded poll.
 */
const TMUX = "/usr/bin/tmux";
const SOCKET = `parley-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync(TMUX, ["-L", SOCKET, ...args], { encoding: "utf8" });
}

class Terminal {
  constructor(readonly name: string) {}
  screen(escapes = false): string {
    return tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", this.name);
  }
  keys(...keys: string[]): void {
    tmux("send-keys", "-t", this.name, ...keys);
  }
  text(text: string): void {
    tmux("send-keys", "-t", this.name, "-l", text);
  }
  /** Polls the screen every 25 ms until `test` passes; fails with the last screen after `timeoutMs`. */
  async waitFor(what: string, test: (screen: string) => boolean, timeoutMs = 30_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    let screen = "";
    while (Date.now() < until) {
      screen = this.screen();
      if (test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${screen}`);
  }
  see(text: string | RegExp, timeoutMs?: number): Promise<string> {
    return this.waitFor(JSON.stringify(String(text)), (s) => (typeof text === "string" ? s.includes(text) : text.test(s)), timeoutMs);
  }
  selectedRow(screen = this.screen()): string {
    return screen.split("\n").find((l) => l.startsWith("›")) ?? "";
  }
  /** Whether the program ended, its exit status, and the signal that ended it (if one did). */
  exit(): { dead: boolean; status: number | null; signal: string | null } {
    const [dead, status, signal] = tmux("display-message", "-p", "-t", this.name, "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").trim().split("|");
    return { dead: dead === "1", status: status ? Number(status) : null, signal: signal || null };
  }
  /** Waits for the program to end; resolves with how it ended. */
  async ended(): Promise<{ status: number | null; signal: string | null }> {
    await this.waitFor("parley to exit", () => this.exit().dead, 30_000);
    // tmux may set the status a moment after the pane dies.
    await this.waitFor("the exit status", () => this.exit().status !== null || this.exit().signal !== null, 5_000).catch(() => "");
    const { status, signal } = this.exit();
    return { status, signal };
  }
  size(): { columns: number; rows: number } {
    const [columns, rows] = tmux("display-message", "-p", "-t", this.name, "#{window_width} #{window_height}").trim().split(" ").map(Number);
    return { columns: columns!, rows: rows! };
  }
}

/**
 * parley ended by itself with status 0. tmux 3.3 sometimes marks a pane dead
 * without recording the status (seen on this busy machine, never with a
 * non-zero one): an unknown status passes, a wrong one or a signal fails.
 */
function expectCleanExit(end: { status: number | null; signal: string | null }): void {
  expect(end.signal).toBeNull();
  if (end.status !== null) expect(end.status).toBe(0);
}

let sessions = 0;
/** Starts `parley` with `args` in a new detached tmux session of the given size. */
function start(args: string[], env: Record<string, string>, columns = 120, rows = 32, cwd = tmpdir()): Terminal {
  const name = `s${++sessions}`;
  const bin = inject("parleyBin");
  const envs = Object.entries({ NO_COLOR: "", TERM: "xterm-256color", ...env }).map(([k, v]) => `${k}=${v}`);
  // Ink draws only its last frame when it believes it runs in CI (is-in-ci: CI, CONTINUOUS_INTEGRATION):
  // a person's terminal has neither, and neither has this one, though the test runner may (CI=true).
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "-c", cwd, "env", "-u", "PARLEY_DATABASE_URL", "-u", "CI", "-u", "CONTINUOUS_INTEGRATION", ...envs, process.execPath, bin, ...args);
  // Keep the pane after parley exits, to read its exit status.
  tmux("set-option", "-t", name, "remain-on-exit", "on");
  return new Terminal(name);
}

const haveTmux = existsSync(TMUX);
const SEED_TEXT = readFileSync(join(SEEDS, "000_d9bf279fc9ea0bf9.txt"), "utf8");
/** The extractor of @parley/core finds the seed's events (it is a stub until it lands). */
const extractorReady = extract({ text: SEED_TEXT, language: "de" }).events.length > 0;

afterAll(() => {
  try {
    tmux("kill-server");
  } catch {
    // No server left: every session ended.
  }
});

/** The journey of the issue, on a store seeded one way or the other. */
function journey(label: string, seed: () => Promise<SeededStore>, exact: boolean) {
  describe.skipIf(!haveTmux)(`parley in tmux on ${label}`, () => {
    let store: SeededStore;
    let folder: string;
    beforeAll(async () => {
      store = await seed();
      await store.corpus.close();
      folder = mkdtempSync(join(tmpdir(), "parley-e2e-ingest-"));
      // Enough files that the bar is seen moving (the store reports progress in batches).
      for (let i = 0; i < 300; i++) writeFileSync(join(folder, `report-${String(i).padStart(3, "0")}.txt`), `Die Außenminister trafen sich am ${(i % 28) + 1}. März in Genf (Bericht ${i}).`);
      writeFileSync(join(folder, "broken.txt"), Buffer.from([0x66, 0xfc, 0x72, 0xff, 0xfe]));
    });
    afterAll(() => {
      rmSync(store.dir, { recursive: true, force: true });
      rmSync(folder, { recursive: true, force: true });
    });

    it("navigates to the 16 May meeting, opens it, filters by Medinsky, reads the article, ingests, resizes and quits", async () => {
      const t = start(["--db", store.url], {});

      // 1. The timeline, with the 16 May meeting.
      await t.see(/16 May\s+meeting/);
      expect(t.screen()).toContain("? help · q quit");
      t.keys("G");
      await t.waitFor("the last row selected", (s) => !/^›.*16 May/m.test(s) || /items/.test(s));
      t.keys("g");
      for (let i = 0; i < 10 && !/16 May\s+meeting/.test(t.selectedRow()); i++) {
        const before = t.selectedRow();
        t.keys("j");
        await t.waitFor("the selection to move", (s) => t.selectedRow(s) !== before, 5_000);
      }
      expect(t.selectedRow()).toMatch(/16 May\s+meeting/);

      // 2. Its detail: the report, its sentences.
      t.keys("Enter");
      await t.see("Timeline › Event");
      let screen = await t.see("Reports (1)");
      expect(screen).toMatch(/meeting · 16 May/);
      expect(screen).toContain("am 16. Mai");
      t.keys("Escape");
      await t.see("all events");

      // 3. Filter by Medinsky.
      t.keys("a");
      await t.see("Actor:");
      t.text("Medinsky");
      await t.see("Actor: Medinsky");
      t.keys("Enter");
      screen = await t.see("filtered by actor: Vladimir Medinsky");
      if (exact) {
        // The hand-made extraction: Medinsky is in one event, his meeting with Umerov, told by TASS.
        await t.see(/^1 item/m);
        expect(t.selectedRow()).toMatch(/meeting\s+Vladimir Medinsky/);
      } else {
        // The extractor's own reading: at least his meeting.
        screen = await t.see(/^\d+ items?/m);
        expect(screen).toMatch(/^[› ].*meeting/m);
      }

      // 4. The article reader, from the event's report.
      t.keys("Enter");
      await t.see("Reports (");
      if (exact) await t.see("Sources: TASS citing Vladimir Medinsky");
      t.keys("Enter");
      screen = await t.see("Timeline › Event › Reader");
      await t.see("Wladimir Medinskiy");
      const colours = t.screen(true);
      // Colours are on (NO_COLOR is empty): an actor in bold cyan.
      expect(colours).toMatch(/\x1b\[[0-9;]*36m[^\x1b]*Wladimir Medinskiy/);

      // 5. Ingest a folder from inside the UI: the progress bar, then the summary.
      t.keys("4");
      await t.see("Press Enter (or i) to type a path");
      t.keys("Enter");
      await t.see("Path:");
      t.text(folder);
      t.keys("Enter");
      screen = await t.see(/\[█*░+\] \d+\/301/, 60_000);
      expect(screen).toMatch(/Ingesting .*parley-e2e-ingest-/);
      screen = await t.see(/\[█+\] 301\/301/, 120_000);
      expect(screen).toContain("300 stored · 0 already there · 1 skipped");
      expect(screen).toMatch(/broken\.txt: .*UTF-8/);
      t.keys("3");
      await t.see(/^Articles/m);
      await t.see("(untitled)");

      // 6. Resize: a narrow, short window, then a wide one. The timeline tab kept its reader open: Esc twice.
      t.keys("1");
      await t.see("Timeline › Event › Reader");
      t.keys("Escape");
      await t.see("Timeline › Event");
      t.keys("Escape");
      await t.see("Enter: reports, sources, quotes");
      tmux("resize-window", "-t", t.name, "-x", "70", "-y", "16");
      // Ink redraws twice on a resize (its own, then ours at the new size): wait for the screen to settle.
      screen = await t.waitFor("the narrow layout", (s) => s.startsWith("Parley") && !s.includes("Enter: reports, sources, quotes") && s.includes("q quit"));
      expect(t.size()).toEqual({ columns: 70, rows: 16 });
      const lines = screen.trimEnd().split("\n");
      expect(lines.length).toBeLessThanOrEqual(16);
      expect(lines[0]).toMatch(/^Parley/);
      tmux("resize-window", "-t", t.name, "-x", "130", "-y", "40");
      await t.see("Enter: reports, sources, quotes");

      // 7. q quits with status 0.
      t.keys("q");
      expectCleanExit(await t.ended());
    }, 240_000);

    it("respects NO_COLOR: the reader marks with brackets, no colour codes", async () => {
      const t = start(["--db", store.url, "--view", "articles"], { NO_COLOR: "1" }, 100, 30);
      await t.see("Articles");
      // The other test ingested 40 reports: search for the seed.
      t.keys("/");
      await t.see("Search articles:");
      t.text("Kriegsgefangenen");
      t.keys("Enter");
      await t.see("Vor Beginn der internationalen");
      t.keys("Enter");
      await t.see("[actor] {place} <time> *trigger*");
      const screen = await t.see("[Wladimir Medinskiy]");
      expect(screen).toContain("{Istanbul}");
      expect(t.screen(true)).not.toMatch(/\x1b\[3[0-7]m/);
      t.keys("?");
      await t.see("Keys (any key closes this)");
      t.keys("q");
      expectCleanExit(await t.ended());
    }, 120_000);
  });
}

describe.skipIf(!haveTmux)("parley in tmux, first start", () => {
  it("on the default store, ./seeds goes in and the timeline shows it", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "parley-first-"));
    try {
      cpSync(SEEDS, join(cwd, "seeds"), { recursive: true });
      const t = start([], {}, 120, 30, cwd);
      await t.see("sqlite:./data/parley.db");
      await t.see(/\d+ items?/, 60_000);
      expect(existsSync(join(cwd, "data", "parley.db"))).toBe(true);
      t.keys("3");
      await t.see("Vor Beginn der internationalen");
      t.keys("q");
      expectCleanExit(await t.ended());
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }, 120_000);
});

// The hand-made extraction of the seed, stored through the real store: runs now.
journey("a store seeded from seeds/ (hand-made seed extraction)", () => seededStore("fixture"), true);

// The same journey with the real extractor: the target, which passes once @parley/core's extractor lands.
if (extractorReady) journey("a store seeded from seeds/ by the real extractor", () => seededStore("real"), false);
else describe.skip("parley in tmux on a store seeded by the real extractor (the extractor of @parley/core finds no events yet)", () => it("waits for the extractor", () => undefined));
