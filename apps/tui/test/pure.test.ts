import { describe, expect, it } from "vitest";
import type { Key } from "ink";
import { annotate, wrapAnnotated } from "../src/ui/annotate.js";
import { fit, formatParticipants, formatTime } from "../src/ui/format-entry.js";
import { parseEventType, parseIssue } from "../src/ui/filters.js";
import { splitKeys } from "../src/ui/hooks/use-keys.js";
import { isMoveKey, moveSelection, windowStart } from "../src/ui/list-keys.js";
import { wrapPlain } from "../src/ui/components/scroll-lines.js";
import { csvField, csvRow } from "../src/commands/timeline.js";
import { entry } from "./fixtures/fake-source.js";

describe("formatTime: TIMEX3 values for people", () => {
  it.each([
    [{ value: "2025-05-16" }, "16 May 2025"],
    [{ value: "XXXX-05-16" }, "16 May"],
    [{ value: "2025-06-02TEV" }, "2 Jun 2025 evening"],
    [{ value: "XXXX-06-02TEV" }, "2 Jun evening"],
    [{ value: "2025-05" }, "May 2025"],
    [{ value: "2025" }, "2025"],
    [{ value: "PT2H", mod: "MORE_THAN" as const }, "2h"],
    [{ value: "P3D" }, "3d"],
    [{ value: "2025-05-16", mod: "APPROX" as const }, "~16 May 2025"],
    [{ value: "PRESENT_REF" }, "PRESENT_REF"],
    [null, ""],
  ])("%j → %s", (time, text) => expect(formatTime(time)).toBe(text));
});

describe("rows", () => {
  it("fit pads and cuts with an ellipsis", () => {
    expect(fit("abc", 5)).toBe("abc  ");
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(fit("abc", 0)).toBe("");
  });
  it("participants: at most three names, then a count", () => {
    const e = entry(1, { participants: ["A", "B", "C", "D", "E"].map((n) => ({ id: `x:${n}`, name: n, kind: "person" as const, country: null })) });
    expect(formatParticipants(e)).toBe("A, B, C +2");
  });
  it("csv quotes commas, quotes and newlines (RFC 4180)", () => {
    expect(csvField('say "hi", then\ngo')).toBe('"say ""hi"", then\ngo"');
    expect(csvField(null)).toBe("");
    expect(csvRow(entry(0))).toMatch(/^evt-0,2025-01-01,2025-01-01,meeting,Person 0,person:p0,,,asserted,1$/);
  });
});

describe("filters take a unique prefix", () => {
  it.each([
    ["meet", "meeting"],
    ["phone call", "phone_call"],
    ["PRISONER", "prisoner_exchange"],
  ])("type %s → %s", (input, type) => expect(parseEventType(input)).toBe(type));
  it.each([
    ["p", "could be phone_call, prisoner_exchange, proposal, publication"],
    ["xyz", 'unknown "xyz"'],
  ])("type %s is refused: %s", (input, message) => {
    const r = parseEventType(input);
    expect(typeof r).toBe("object");
    expect((r as { error: string }).error).toContain(message.split(",")[0]!);
  });
  it("issues too", () => {
    expect(parseIssue("neutral")).toBe("neutrality");
    expect(parseIssue("s")).toEqual({ error: '"s" could be security_guarantees, sanctions' });
  });
});

const key = (over: Partial<Key> = {}) => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over }) as Key;

describe("list keys", () => {
  it.each([
    ["j", key(), 5, 6],
    ["k", key(), 5, 4],
    ["", key({ downArrow: true }), 9, 9],
    ["", key({ upArrow: true }), 0, 0],
    ["g", key(), 5, 0],
    ["G", key(), 5, 9],
    ["", key({ pageDown: true }), 2, 6],
    ["d", key({ ctrl: true }), 2, 6],
    ["u", key({ ctrl: true }), 8, 4],
    [" ", key(), 0, 4],
    ["x", key(), 5, null],
  ])("%j %o from %i → %s (10 rows, page 4)", (input, k, from, to) => expect(moveSelection(input, k, from, 10, 4)).toBe(to));
  it("isMoveKey", () => {
    expect(isMoveKey("j", key())).toBe(true);
    expect(isMoveKey("a", key())).toBe(false);
    expect(isMoveKey("", key({ return: true }))).toBe(false);
  });
  it("the window keeps the selection in view", () => {
    expect(windowStart(0, 100, 10)).toBe(0);
    expect(windowStart(50, 100, 10)).toBe(45);
    expect(windowStart(99, 100, 10)).toBe(90);
    expect(windowStart(3, 5, 10)).toBe(0);
  });
});

describe("splitKeys: a burst from one read becomes single keys", () => {
  it("plain characters, Enter, Tab, Backspace and Ctrl keys", () => {
    const keys = splitKeys("Gg\r\t\u007F\u0004", key());
    expect(keys.map(([i]) => i)).toEqual(["G", "g", "", "", "", "d"]);
    expect(keys[2]![1].return).toBe(true);
    expect(keys[3]![1].tab).toBe(true);
    expect(keys[4]![1].backspace).toBe(true);
    expect(keys[5]![1].ctrl).toBe(true);
  });
  it("a single key and escape sequences pass through", () => {
    const k = key({ upArrow: true });
    expect(splitKeys("", k)).toEqual([["", k]]);
    expect(splitKeys("j", key())).toEqual([["j", key()]]);
    expect(splitKeys("ü", key())).toHaveLength(1);
  });
});

describe("annotate and wrap", () => {
  const text = "Medinsky traf Umerov in Istanbul am 16. Mai.";
  const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const extraction = {
    actors: [
      { id: "person:m", kind: "person" as const, name: "Medinsky", aliases: [], country: null, mentions: [span("Medinsky")] },
      { id: "person:u", kind: "person" as const, name: "Umerov", aliases: [], country: null, mentions: [span("Umerov")] },
    ],
    places: [{ id: "place:istanbul", name: "Istanbul", country: null, mentions: [span("Istanbul")] }],
    timexes: [{ ...span("am 16. Mai"), type: "DATE" as const, value: "XXXX-05-16", mod: null }],
    events: [],
    quotes: [],
  };

  it("brackets every mark when colours are off", () => {
    const cells = annotate(text, extraction, { brackets: true });
    expect(cells.map((c) => c.ch).join("")).toBe("[Medinsky] traf [Umerov] in {Istanbul} <am 16. Mai>.");
  });

  it("without brackets the text is unchanged, marks are runs", () => {
    const { lines } = wrapAnnotated(annotate(text, extraction), 80);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.map((r) => r.text).join("")).toBe(text);
    expect(lines[0]!.filter((r) => r.mark).map((r) => `${r.mark}:${r.text}`)).toEqual(["actor:Medinsky", "actor:Umerov", "place:Istanbul", "timex:am 16. Mai"]);
  });

  it("a trigger wins over an actor on the same characters; spans past the end are clamped", () => {
    const cells = annotate("ab", { ...extraction, actors: [{ ...extraction.actors[0]!, mentions: [{ start: 0, end: 9, text: "ab" }] }], places: [], timexes: [], events: [{ triggers: [{ start: 1, end: 2, text: "b" }] } as never] });
    expect(cells.map((c) => c.mark)).toEqual(["actor", "trigger"]);
  });

  it("wraps at words, keeps long words whole up to the width, and finds the focus line", () => {
    const { lines, focusLine } = wrapAnnotated(annotate(text, extraction, { focus: [span("am 16. Mai")] }), 16);
    const plain = lines.map((l) => l.map((r) => r.text).join(""));
    expect(plain.every((l) => l.length <= 16)).toBe(true);
    expect(plain.join(" ")).toBe(text);
    expect(plain[focusLine]).toContain("am");
    expect(wrapAnnotated(annotate("x".repeat(20), { ...extraction, actors: [], places: [], timexes: [] }), 8).lines.map((l) => l.map((r) => r.text).join(""))).toEqual(["xxxxxxxx", "xxxxxxxx", "xxxx"]);
  });

  it("wrapPlain keeps paragraphs", () => {
    expect(wrapPlain("one two three\nfour", 9)).toEqual(["one two", "three", "four"]);
  });
});
