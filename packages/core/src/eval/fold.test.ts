import { describe, expect, it } from "vitest";
import { fold } from "./fold.js";
import { locate } from "./locate.js";

describe("fold", () => {
  it.each([
    ["Großbritannien", "grossbritannien"],
    ["GROSSBRITANNIEN", "grossbritannien"],
    ["Medinskijs", "medinskijs"],
    ["Wladimir  Medinskiy", "wladimir medinskiy"],
    ["Zürich", "zurich"],
    ["İstanbul", "istanbul"],
    ["Selenskyj", "selenskyj"],
    ["Ｔａｓｓ", "tass"],
  ])("folds %j to %j", (input, folded) => {
    expect(fold(input)).toBe(folded);
  });
});

describe("locate", () => {
  const text = "Am 16. Mai trafen sie sich in Großbritannien; am 16. Mai auch.";
  it("finds every exact occurrence", () => {
    expect(locate(text, "16. Mai").map((s) => s.start)).toEqual([3, 49]);
  });
  it.each([
    ["grossbritannien", "Großbritannien"],
    ["am  16.  mai trafen", "Am 16. Mai trafen"],
  ])("falls back to folded matching: %j finds %j", (needle, found) => {
    const spans = locate(text, needle);
    expect(spans[0]?.text).toBe(found);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it("finds nothing for text that is not there", () => {
    expect(locate(text, "Juni")).toEqual([]);
  });
});
