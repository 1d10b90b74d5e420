import { describe, expect, it } from "vitest";
import { fold, foldPlain, slug } from "./fold.js";

describe("fold (the extractor's matching)", () => {
  it.each([
    ["Großbritannien", "grossbritannien"],
    ["Erdoğan", "erdogan"],
    ["İstanbul", "istanbul"],
    ["Ｔａｓｓ", "tass"],
    // Umlauts stay apart from their vowels: they tell the subjunctive from the indicative.
    ["würde", "wuerde"],
    ["wurde", "wurde"],
    ["Gespräche", "gespraeche"],
    ["Gespraeche", "gespraeche"],
    ["ÖSTERREICH", "oesterreich"],
  ])("folds %j to %j", (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it("keeps apart the German word pairs that differ by an umlaut only", () => {
    for (const [a, b] of [["würde", "wurde"], ["würden", "wurden"], ["wären", "waren"], ["könnte", "konnte"], ["hätte", "hatte"]]) {
      expect(fold(a!), `${a} / ${b}`).not.toBe(fold(b!));
    }
  });
});

describe("foldPlain and slug (the scorer's folding and ids)", () => {
  it("drop every diacritic, as FORMAT.md section 4 says", () => {
    expect(foldPlain("Zürich")).toBe("zurich");
    expect(foldPlain("Großbritannien")).toBe("grossbritannien");
    expect(slug("Recep Tayyip Erdoğan")).toBe("recep-tayyip-erdogan");
    expect(slug("Müller-Lüdenscheidt")).toBe("muller-ludenscheidt");
  });
});
