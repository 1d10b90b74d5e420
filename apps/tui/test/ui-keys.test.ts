import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup } from "ink-testing-library";
import { fakeSource } from "./fixtures/fake-source.js";
import { KEY, renderApp } from "./helpers.js";

afterEach(() => cleanup());

function start(options: Parameters<typeof fakeSource>[0] = {}, props: { initialView?: "timeline" | "actors" | "articles" | "ingest"; noColor?: boolean } = {}) {
  const source = fakeSource(options);
  return { ...renderApp(source, props), source };
}

describe("list keys (timeline of 40 events, 24 rows)", () => {
  it.each([
    ["j", ["j"], "Person 1"],
    ["↓", [KEY.down], "Person 1"],
    ["j j k", ["j", "j", "k"], "Person 1"],
    ["↓ ↑", [KEY.down, KEY.up], "Person 0"],
    ["G (last)", ["G"], "Person 39"],
    ["G g (first)", ["G", "g"], "Person 0"],
    ["k at the top stays", ["k"], "Person 0"],
    ["PgDn", [KEY.pageDown], /Person (1[0-9]|[5-9])\b/],
    ["Ctrl-d", [KEY.ctrlD], /Person (1[0-9]|[5-9])\b/],
    ["PgDn PgUp", [KEY.pageDown, KEY.pageUp], "Person 0"],
    ["G Ctrl-u", ["G", KEY.ctrlU], /Person (2[0-9]|3[0-4])\b/],
  ] as const)("%s selects the right row", async (_name, keys, expected) => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press(...keys);
    await vi.waitFor(() => (typeof expected === "string" ? expect(ui.selectedRow()).toMatch(new RegExp(`${expected}\\b`)) : expect(ui.selectedRow()).toMatch(expected)), { timeout: 10_000 });
  });

  it("scrolls: the window follows the selection and shows the position", async () => {
    const ui = start();
    await ui.see("Person 0");
    expect(ui.frame()).not.toContain("Person 39");
    await ui.press("G");
    await ui.see("Person 39");
    await ui.see("40/40");
    expect(ui.frame()).not.toMatch(/Person 0\b/);
  });
});

describe("paging", () => {
  it("loads the next page of the timeline when the selection nears the end", async () => {
    const ui = start({ count: 75, pageSize: 30 });
    await ui.see("1/30");
    await ui.press("G");
    await ui.see(/\d+\/60/);
    await ui.press("G");
    await ui.see(/\d+\/75/);
    await ui.press("G");
    await ui.see("75/75");
    await ui.see("Person 74");
    expect(ui.source.calls.filter((c) => c.startsWith("timeline")).map((c) => JSON.parse(c.slice("timeline ".length)).cursor)).toEqual([undefined, "30", "60"]);
  });
});

describe("global keys", () => {
  it("number keys and Tab switch views; Shift-Tab goes back", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("2");
    await ui.see("Vladimir Medinsky");
    await ui.press("3");
    await ui.see("The seed");
    await ui.press("4");
    await ui.see("Press Enter (or i) to type a path");
    await ui.press(KEY.tab);
    await ui.see("Person 0");
    await ui.press(KEY.tab);
    await ui.see("Rustem Umerov");
    await ui.press(KEY.shiftTab);
    await ui.see("Timeline  all events");
  });

  it("Enter opens the event, Esc and Backspace go back", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("j", KEY.enter);
    await ui.see("Timeline › Event");
    await ui.see("Participants: Person 1");
    await ui.press(KEY.escape);
    await ui.notSee("Timeline › Event");
    await ui.see("Timeline  all events");
    expect(ui.selectedRow()).toContain("Person 1");
    await ui.press(KEY.enter);
    await ui.see("Timeline › Event");
    await ui.press(KEY.backspace);
    await ui.notSee("Timeline › Event");
    for (const back of ["h", "\u001B[D"]) {
      await ui.press(KEY.enter);
      await ui.see("Timeline › Event");
      await ui.press(back);
      await ui.notSee("Timeline › Event");
    }
  });

  it("? shows the help, any key closes it", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("?");
    await ui.see("Keys (any key closes this)");
    expect(ui.frame()).toContain("actor filter (a name)");
    expect(ui.frame()).not.toContain("Person 0");
    await ui.press("x");
    await ui.see("Person 0");
    expect(ui.frame()).not.toContain("Keys (any key closes this)");
  });

  it("the footer names the keys of the view", async () => {
    const ui = start();
    await ui.see("Person 0");
    expect(ui.frame()).toContain("a actor · t type · i issue · / text");
    expect(ui.frame()).toContain("? help · q quit");
    await ui.press(KEY.enter);
    await ui.see("Enter read article · Esc/h back");
  });

  it("q quits", async () => {
    const ui = start();
    await ui.see("Person 0");
    const exited = vi.fn();
    // waitUntilExit is on the Ink instance; here we see the unmount as the last frame no longer changing on keys.
    await ui.press("q");
    await new Promise((r) => setTimeout(r, 50));
    const before = ui.frame();
    await ui.press("j");
    await new Promise((r) => setTimeout(r, 50));
    expect(ui.frame()).toBe(before);
    expect(exited).not.toHaveBeenCalled();
  });
});

describe("timeline filters", () => {
  it("a resolves an actor name through the corpus and filters by its id", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("a");
    await ui.see("Actor:");
    await ui.press("M", "e", "d", "i", "n", "s", "k", "y", KEY.enter);
    await ui.see("filtered by actor: Vladimir Medinsky");
    expect(ui.source.calls).toContain("listActors Medinsky");
    await vi.waitFor(() => expect(ui.source.calls.some((c) => c.includes('"actor":"person:vladimir-medinsky"'))).toBe(true), { timeout: 10_000 });
  });

  it("q typed in a prompt is text, not quit; Esc cancels the prompt", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("/");
    await ui.see("Search:");
    await ui.press("q", "2");
    await ui.see("Search: q2");
    expect(ui.frame()).toContain("type · Enter apply · Esc cancel");
    await ui.press(KEY.escape);
    await ui.notSee("Search:");
    await ui.see("Timeline  all events");
  });

  it("/ filters by text, Backspace edits, c clears", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("/", "P", "e", "r", "s", "o", "n", " ", "7", "x", KEY.backspace, KEY.enter);
    await ui.see("filtered by text: “Person 7”");
    await ui.notSee("Person 0");
    await ui.press("c");
    await ui.see("Timeline  all events");
    await ui.see("Person 0");
  });

  it("t takes a unique prefix of an event type and refuses an unknown one", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("t", "m", "e", "e", "t", KEY.enter);
    await ui.see("filtered by type: meeting");
    await ui.press("t", "x", "y", KEY.enter);
    await ui.see('unknown "xy"');
  });

  it("i filters by issue; an ambiguous prefix is explained", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("i", "s", KEY.enter);
    await ui.see('"s" could be security_guarantees, sanctions');
    await ui.press("i", "c", "e", "a", "s", "e", KEY.enter);
    await ui.see("filtered by issue: ceasefire");
    await ui.see("No event matches these filters");
  });

  it("an actor nobody matches is said so", async () => {
    const ui = start();
    await ui.see("Person 0");
    await ui.press("a", "Z", "z", KEY.enter);
    await ui.see('no actor matches "Zz"');
  });
});

describe("views on the fake source", () => {
  it("actors: / searches, Enter opens the actor with roles, counterparts and events; Enter opens an event", async () => {
    const ui = start({}, { initialView: "actors" });
    await ui.see("Vladimir Medinsky");
    await ui.press("/", "U", "m", KEY.enter);
    await ui.see("matching “Um”");
    await ui.notSee("Vladimir Medinsky");
    await ui.press("c");
    await ui.see("Vladimir Medinsky");
    await ui.press(KEY.enter);
    await ui.see("Actors › Actor");
    await ui.see("Role: Head of delegation");
    await ui.see("Rustem Umerov ×1 (meeting)");
    await ui.see("Events (3)");
    await ui.press("j", KEY.enter);
    await ui.see("Actors › Actor › Event");
    await ui.see("Participants: Person 1");
  });

  it("articles: Enter opens the reader; j/k, Space, g/G scroll", async () => {
    const ui = start({}, { initialView: "articles" });
    await ui.see("The seed");
    await ui.press(KEY.enter);
    await ui.see("Articles › Reader");
    await ui.see(/lines 1–\d+ of \d+/);
    await ui.press("j");
    await ui.see(/lines 2–/);
    await ui.press("k");
    await ui.see(/lines 1–/);
    await ui.press("G");
    await ui.see("Konfliktfragen zu lösen.");
    await ui.press("g");
    await ui.see(/lines 1–/);
    await ui.press(" ");
    await ui.notSee("lines 1–");
  });

  it("ingest: a path, a progress bar, then what went in and what was skipped and why", async () => {
    const ui = start({ ingestDelayMs: 60 }, { initialView: "ingest" });
    await ui.see("Press Enter (or i) to type a path");
    await ui.press("i");
    await ui.see("Path:");
    await ui.press(..."/some/folder".split(""), KEY.enter);
    await ui.see("Ingesting /some/folder");
    await ui.see(/\[█+░*\] [12]\/3/);
    await ui.see("2 stored · 0 already there · 1 skipped");
    await ui.see("c.txt: not UTF-8 text");
    await ui.see("+ a.txt");
    expect(ui.source.calls).toContain("ingest /some/folder");
  });

  it("a source that fails shows the error in the view instead of crashing", async () => {
    const ui = start({ fail: "cannot reach the Parley API at http://127.0.0.1:1: ECONNREFUSED" });
    await ui.see("Error: cannot reach the Parley API");
    await ui.press("4", KEY.enter, "x", KEY.enter);
    await ui.see("Ingest of x failed: cannot reach the Parley API");
  });
});

describe("terminal size", () => {
  it("follows resize: fewer rows show fewer events, a narrow terminal drops the preview pane", async () => {
    const ui = start();
    await ui.see("Person 0");
    expect(ui.frame()).toContain("Enter: reports, sources, quotes");
    const stdout = ui.stdout as unknown as { columns: number; rows: number; emit(e: string): void };
    Object.defineProperty(stdout, "columns", { value: 70, configurable: true });
    Object.defineProperty(stdout, "rows", { value: 12, configurable: true });
    stdout.emit("resize");
    await ui.notSee("Enter: reports, sources, quotes");
    const lines = ui.frame().split("\n");
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(70);
    Object.defineProperty(stdout, "rows", { value: 40, configurable: true });
    Object.defineProperty(stdout, "columns", { value: 120, configurable: true });
    stdout.emit("resize");
    await ui.see("Enter: reports, sources, quotes");
    expect(ui.frame().split("\n").length).toBeGreaterThan(30);
  });
});

describe("without a terminal", () => {
  it("renders with keys off instead of throwing (Ink's useInput needs raw mode)", async () => {
    const { render } = await import("ink");
    const { createElement } = await import("react");
    const { App } = await import("../src/app.js");
    const { EventEmitter } = await import("node:events");
    // A stdin that is not a TTY, as when parley's input is a pipe.
    const stdin = Object.assign(new EventEmitter(), { isTTY: false, setEncoding() {}, setRawMode() {}, resume() {}, pause() {}, ref() {}, unref() {}, read: () => null });
    let out = "";
    const stdout = Object.assign(new EventEmitter(), { columns: 100, rows: 24, write: (s: string) => ((out = s), true) });
    const instance = render(createElement(App, { source: fakeSource(), noColor: true }), { stdin: stdin as never, stdout: stdout as never, debug: true, patchConsole: false, exitOnCtrlC: false });
    await vi.waitFor(() => expect(out).toContain("Person 0"), { timeout: 10_000 });
    stdin.emit("data", "j");
    instance.unmount();
  });
});
