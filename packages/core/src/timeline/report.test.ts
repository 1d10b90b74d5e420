import { describe, expect, it } from "vitest";
import { figuresOf } from "./report.js";

const span = (text: string, start = 0) => ({ start, end: start + text.length, text });

describe("figuresOf", () => {
  it.each([
    ["Russia and Ukraine agreed to exchange 1,000 prisoners of war each.", ["1000"]],
    ["Nach Angaben Umerows sollen je 1.200 Kriegsgefangene freikommen.", ["1200"]],
    ["Ukraine handed over a list of 400 children and 30 names.", ["30", "400"]],
    ["Die Gespräche seit 2022 dauerten 2,5 Stunden.", []],
    ["One delegation, one table.", []],
  ])("%s", (text, figures) => {
    expect(figuresOf([span(text)], [])).toEqual(figures);
  });

  it("leaves out numbers inside time expressions", () => {
    const text = "Am 16. Mai trafen sich 12 Delegierte.";
    expect(figuresOf([span(text)], [span("Am 16. Mai")])).toEqual(["12"]);
  });
});
