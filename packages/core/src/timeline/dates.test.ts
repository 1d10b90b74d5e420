import { describe, expect, it } from "vitest";
import { dayRangeOf, isoDayOf, parseDateValue, relateDates, sortKeyOf } from "./dates.js";

describe("relateDates", () => {
  it.each([
    ["2025-05-16", "2025-05-16", "equal"],
    ["2025-05-16TEV", "2025-05-16", "equal"],
    ["XXXX-05-16", "2025-05-16", "equal"],
    ["XXXX-05-16", "2019-05-16", "equal"],
    ["2025-05", "2025-05-16", "equal"],
    ["2025", "2025-05-16", "equal"],
    ["2025-05-16", "2025-05-17", "near"],
    ["2025-05-31", "2025-06-01", "near"],
    ["2024-12-31", "2025-01-01", "near"],
    ["XXXX-06-02", "2025-06-03", "near"],
    ["2025-05-16", "2025-05-18", "different"],
    ["2025-05-16", "2024-05-16", "different"],
    ["2025-04", "2025-05-16", "different"],
    [null, "2025-05-16", "unknown"],
    ["PRESENT_REF", "2025-05-16", "unknown"],
    [null, null, "unknown"],
  ] as const)("%s and %s are %s", (a, b, relation) => {
    expect(relateDates(a, b)).toBe(relation);
    expect(relateDates(b, a)).toBe(relation);
  });
});

describe("date values", () => {
  it.each([
    ["2025-06-02TEV", { year: "2025", month: "06", day: "02" }, "2025-06-02"],
    ["XXXX-05-16", { year: null, month: "05", day: "16" }, null],
    ["2025-05", { year: "2025", month: "05", day: null }, null],
    ["PT2H", null, null],
    ["FUTURE_REF", null, null],
  ])("%s", (value, parts, day) => {
    expect(parseDateValue(value)).toEqual(parts);
    expect(isoDayOf(value)).toBe(day);
  });

  it("gives the days a month or year can mean", () => {
    expect(dayRangeOf("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(dayRangeOf("2025")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(dayRangeOf("XXXX-05-16")).toBeNull();
  });

  it("sorts known days first, then year-less days by month and day, then no date", () => {
    const keys = [
      sortKeyOf(null, "a"),
      sortKeyOf("XXXX-01-05", "b"),
      sortKeyOf("2025-06-02TEV", "c"),
      sortKeyOf("2024-12-31", "d"),
      sortKeyOf("2025-06", "e"),
      sortKeyOf("XXXX-12-01", "f"),
    ].sort();
    expect(keys.map((k) => k.split("|")[2])).toEqual(["d", "e", "c", "b", "f", "a"]);
  });
});
