import { describe, expect, it } from "vitest";
import { accuracy, maxMatching, prf } from "./metrics.js";

describe("prf", () => {
  it.each([
    ["hits and misses", [3, 1, 2], { precision: 0.75, recall: 0.6 }],
    ["nothing to find, nothing found", [0, 0, 0], { precision: 1, recall: 1, f1: 1 }],
    ["nothing found", [0, 0, 4], { precision: 0, recall: 0, f1: 0 }],
    ["nothing to find, something found", [0, 2, 0], { precision: 0, recall: 1, f1: 0 }],
  ] as const)("%s", (_label, [tp, fp, fn], want) => {
    expect(prf(tp, fp, fn)).toMatchObject({ tp, fp, fn, ...want });
  });

  it("F1 is the harmonic mean", () => {
    expect(prf(3, 1, 2).f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
});

describe("accuracy", () => {
  it.each([
    [3, 4, 0.75],
    [0, 0, null],
  ])("%i of %i is %s", (right, total, value) => {
    expect(accuracy(right, total)).toEqual({ right, total, value });
  });
});

describe("maxMatching", () => {
  it.each([
    ["one to one", [[0], [1]], [0, 1]],
    ["a conflict: the second is a duplicate", [[0], [0]], [0, -1]],
    ["an augmenting path frees the first choice", [[0, 1], [0]], [1, 0]],
    ["no candidates", [[], [2]], [-1, 2]],
  ])("%s", (_label, candidates, want) => {
    expect(maxMatching(candidates)).toEqual(want);
  });

  it("tries left items in the given order", () => {
    expect(maxMatching([[0], [0]], [1, 0])).toEqual([-1, 0]);
  });
});
