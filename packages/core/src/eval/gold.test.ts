import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GoldSchema } from "./gold.js";

const GOLD_DIR = new URL("../../../../../shared/eval/gold/", import.meta.url);
const goldFiles = readdirSync(GOLD_DIR).filter((f) => f.endsWith(".gold.json"));

describe("GoldSchema", () => {
  it.each(goldFiles)("accepts the shared gold file %s", (file) => {
    const result = GoldSchema.safeParse(JSON.parse(readFileSync(new URL(file, GOLD_DIR), "utf8")));
    expect(result.error).toBeUndefined();
  });

  it("fills optional fields with defaults", () => {
    const gold = GoldSchema.parse({
      file: "a.txt",
      actors: [{ key: "a", kind: "person", names: ["A"] }],
      timexes: [{ text: "heute" }],
      events: [{ key: "E1", type: "meeting", sentences: ["trafen sich"] }],
      quotes: [{ text: "Ja", speaker: "a" }],
    });
    expect(gold).toMatchObject({ publishedAt: null, places: [], negatives: [], notQuotes: [] });
    expect(gold.actors[0]).toMatchObject({ country: null, optional: false });
    expect(gold.timexes[0]).toMatchObject({ value: null, acceptValues: [], optional: false });
    expect(gold.events[0]).toMatchObject({ participants: [], countries: [], place: null, date: null, duration: null, issues: [], optionalIssues: [], optional: false });
    expect(gold.quotes[0]).toMatchObject({ via: null });
  });

  it.each([
    ["negatives as plain strings", { negatives: ["Nichts geschah"] }, (g: ReturnType<typeof GoldSchema.parse>) => g.negatives[0]?.sentence, "Nichts geschah"],
    ["dates as contract objects", { events: [{ key: "E", type: "visit", sentences: ["x"], date: { value: "2025-05-16" } }] }, (g: ReturnType<typeof GoldSchema.parse>) => g.events[0]?.date, "2025-05-16"],
    ["notQuotes as objects", { notQuotes: [{ text: "Alles für alle" }] }, (g: ReturnType<typeof GoldSchema.parse>) => g.notQuotes[0], "Alles für alle"],
    ["unknown fields", { comment: "checked by hand", events: [{ key: "E", type: "visit", sentences: ["x"], note: "n", extra: 1 }] }, (g: ReturnType<typeof GoldSchema.parse>) => g.events[0]?.note, "n"],
  ])("accepts %s", (_label, extra, pick, want) => {
    expect(pick(GoldSchema.parse({ file: "a.txt", ...extra }))).toBe(want);
  });

  it.each([
    ["no file", {}, "file"],
    ["an unknown actor kind", { file: "a.txt", actors: [{ key: "x", kind: "alien", names: ["X"] }] }, "kind"],
    ["an unknown event type", { file: "a.txt", events: [{ key: "E", type: "party", sentences: ["x"] }] }, "type"],
    ["an event without anchors", { file: "a.txt", events: [{ key: "E", type: "meeting", sentences: [] }] }, "sentences"],
    ["an unknown issue", { file: "a.txt", events: [{ key: "E", type: "agreement", sentences: ["x"], issues: ["peace"] }] }, "issues"],
    ["a lower-case country", { file: "a.txt", actors: [{ key: "x", kind: "state", country: "rus" }] }, "country"],
    ["a publication date that is not a date", { file: "a.txt", publishedAt: "2025-13-01" }, "publishedAt"],
  ])("rejects %s", (_label, value, path) => {
    const result = GoldSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining([expect.stringContaining(path)]));
  });
});
