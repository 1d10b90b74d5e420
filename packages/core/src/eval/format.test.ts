import { describe, expect, it } from "vitest";
import type { Extraction } from "../model/index.js";
import { aggregate } from "./aggregate.js";
import { formatDetails, formatReport, formatSummary } from "./format.js";
import { GoldSchema } from "./gold.js";
import { scoreArticle } from "./score.js";

const text = "Die Delegationen trafen sich am 16. Mai in Istanbul. Russland und die Ukraine einigten sich auf einen Austausch.";
const gold = GoldSchema.parse({
  file: "a.txt",
  actors: [
    { key: "RUS", kind: "state", country: "RUS", names: ["Russland"] },
    { key: "UKR", kind: "state", country: "UKR", names: ["Ukraine"] },
  ],
  timexes: [{ text: "am 16. Mai", value: "XXXX-05-16" }],
  events: [
    { key: "E1", type: "meeting", sentences: ["Delegationen trafen sich"], date: "XXXX-05-16" },
    { key: "E2", type: "agreement", sentences: ["einigten sich"], issues: ["prisoner_exchange"] },
  ],
});
const extraction: Extraction = {
  document: { language: "de", publishedAt: null, title: null },
  actors: [{ id: "state:RUS", kind: "state", name: "Russland", aliases: [], country: "RUS", mentions: [] }],
  places: [],
  timexes: [{ start: 30, end: 40, text: "am 16. Mai", type: "DATE", value: "XXXX-05-17", mod: null }],
  events: [
    {
      id: "m1",
      type: "meeting",
      participants: [],
      place: null,
      date: null,
      duration: null,
      issues: [],
      sources: [],
      evidence: [{ start: 0, end: 52, text: text.slice(0, 52) }],
      modality: "asserted",
      plover: null,
      cameo: null,
    },
  ],
  quotes: [],
  claims: [],
  extractor: { name: "t", version: "0" },
};
const score = scoreArticle(gold, extraction, text);
const total = aggregate([score]);

describe("formatSummary", () => {
  it("starts with the four F1 scores, three decimals, then more key=value pairs", () => {
    const line = formatSummary(total);
    expect(line).toMatch(/^SUMMARY actors_f1=0\.667 events_f1=0\.667 timexes_f1=1\.000 quotes_f1=1\.000( [a-z_0-9]+=\S+)+$/);
    expect(line).toContain(" event_dates=0.000 ");
    expect(line).toContain(" timex_values=0.000 ");
    expect(line).toContain(" events_negatives_fp=0 ");
    expect(line).toMatch(/ articles=1$/);
  });
});

describe("formatReport", () => {
  it("prints the article, the totals and the SUMMARY line last", () => {
    const report = formatReport([score], total);
    const lines = report.split("\n");
    expect(lines[0]).toBe("a.txt");
    expect(report).toContain("TOTAL (1 article, micro-averaged)");
    expect(report).toMatch(/^ {2}actors +1 +0 +1 +1\.000 +0\.500 +0\.667$/m);
    expect(lines.at(-1)).toBe(formatSummary(total));
    expect(report).not.toContain("missed");
  });

  it("lists misses, false positives and wrong values when verbose", () => {
    const report = formatReport([score], total, { verbose: true });
    expect(report).toContain("  missed actor UKR: Ukraine");
    expect(report).toContain("  missed event E2: agreement: einigten sich");
    expect(report).toContain("      in: Russland und die Ukraine einigten sich auf einen Austausch.");
    expect(report).toContain("  wrong date of E1: gold XXXX-05-16, extracted null");
    expect(report).toContain("  wrong timex value of am 16. Mai: gold XXXX-05-16, extracted XXXX-05-17");
  });

  it("says so when there is nothing to report", () => {
    const all = scoreArticle(GoldSchema.parse({ file: "b.txt" }), { ...extraction, actors: [], timexes: [], events: [] }, "Nichts.");
    expect(formatDetails(all)).toBe("  nothing missed, nothing wrong");
  });
});
