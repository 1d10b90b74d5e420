import { describe, expect, it } from "vitest";
import { buildHighlightTree, type Highlight, type HighlightNode } from "../lib/highlight";
import { formatDuration, formatEventTime, formatTimexDate } from "../lib/labels";
import { excerpt } from "../lib/context";

const h = (key: string, kind: Highlight["kind"], start: number, end: number): Highlight => ({
  key,
  kind,
  start,
  end,
  label: kind.toUpperCase(),
  fact: key,
  href: null,
});

/** The tree back as text with brackets: `[key:…]`. */
function show(nodes: HighlightNode[]): string {
  return nodes.map((n) => (n.type === "text" ? n.text : `[${n.highlight.key}:${show(n.children)}]`)).join("");
}

describe("buildHighlightTree", () => {
  const text = "Medinsky met Umerov in Istanbul on 16 May.";

  it("keeps the text whole and in order", () => {
    const tree = buildHighlightTree(text, [h("a", "actor", 0, 8), h("p", "place", 23, 31)]);
    expect(show(tree).replace(/\[\w+:|\]/g, "")).toBe(text);
    expect(show(tree)).toBe("[a:Medinsky] met Umerov in [p:Istanbul] on 16 May.");
  });

  it("nests entities inside the event sentence, outermost first", () => {
    const tree = buildHighlightTree(text, [h("a", "actor", 0, 8), h("e", "evidence", 0, text.length), h("t", "trigger", 9, 12)]);
    expect(show(tree)).toBe("[e:[a:Medinsky] [t:met] Umerov in Istanbul on 16 May.]");
  });

  it("splits a span that crosses another into pieces, marking the first and the last", () => {
    // A quote that starts inside one sentence and ends in the next.
    const tree = buildHighlightTree("One two. Three four.", [h("s1", "evidence", 0, 8), h("s2", "evidence", 9, 20), h("q", "quote", 4, 14)]);
    expect(show(tree)).toBe("[s1:One [q:two.]][q: ][s2:[q:Three] four.]");
    const pieces: HighlightNode[] = [];
    const walk = (ns: HighlightNode[]) => ns.forEach((n) => n.type === "mark" && (n.highlight.key === "q" && pieces.push(n), walk(n.children)));
    walk(tree);
    expect(pieces.map((p) => p.type === "mark" && [p.first, p.last])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
  });

  it.each([
    ["negative start", -1, 3],
    ["past the end", 40, 400],
    ["empty", 5, 5],
    ["reversed", 8, 2],
    ["fractional", 1.5, 3],
  ])("drops a bad span (%s) instead of trusting it", (_, start, end) => {
    expect(show(buildHighlightTree(text, [h("x", "actor", start, end)]))).toBe(text);
  });

  it("treats markup in the text as text", () => {
    const hostile = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`;
    const tree = buildHighlightTree(hostile, [h("a", "actor", 8, 14)]);
    expect(show(tree)).toBe(`<script>[a:window].__pwned=1</script><img src=x onerror="window.__pwned=1">`);
  });
});

describe("time values in words", () => {
  it.each([
    ["XXXX-05-16", "16 May (year not stated)"],
    ["2025-05-16", "16 May 2025"],
    ["2025-06-02TEV", "2 June 2025, evening"],
    ["XXXX-06-02TEV", "2 June (year not stated), evening"],
    ["2025-05", "May 2025"],
    ["PRESENT_REF", "now"],
    ["nonsense", "nonsense"],
  ])("%s reads %s", (value, words) => {
    expect(formatTimexDate(value)).toBe(words);
  });

  it.each([
    ["PT2H", "2 hours"],
    ["PT1H", "1 hour"],
    ["P3M", "3 months"],
    ["P1DT12H", "1 day 12 hours"],
  ])("duration %s reads %s", (value, words) => {
    expect(formatDuration(value)).toBe(words);
  });

  it("puts the modifier first", () => {
    expect(formatEventTime({ value: "PT2H", mod: "MORE_THAN" }, "duration")).toBe("more than 2 hours");
    expect(formatEventTime(null, "date")).toBe("Date not stated");
  });
});

describe("excerpt", () => {
  it("marks the span with some words around it, cut at spaces", () => {
    const text = "alpha beta gamma delta epsilon zeta eta theta";
    const start = text.indexOf("delta");
    const { parts, clippedStart, clippedEnd } = excerpt(text, [{ start, end: start + 5, text: "delta" }], 8);
    expect(parts.find((p) => p.marked)?.text).toBe("delta");
    expect(parts.map((p) => p.text).join("")).toBe("gamma delta epsilon");
    expect([clippedStart, clippedEnd]).toEqual([true, true]);
  });
});
