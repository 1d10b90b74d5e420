import { TimelineEntrySchema, type TimelineEntry } from "@parley/core/model";
import { mergeTimeline } from "@parley/core/timeline";
import { describe, expect, it } from "vitest";
import { articleIdOf } from "../src/article-id.js";
import { fixtureExtract, fixtureFiles } from "./fixtures/extractions.js";

/** The fixture articles as the pure merge takes them, in file order. */
function fixtureArticles() {
  return fixtureFiles().map(({ file, text, meta }) => {
    const input = { ...(meta ?? {}), text } as Parameters<typeof fixtureExtract>[0];
    return {
      file,
      id: articleIdOf(text),
      title: (meta?.title as string | undefined) ?? null,
      publishedAt: (meta?.publishedAt as string | undefined) ?? null,
      extraction: fixtureExtract(input),
    };
  });
}

const articles = fixtureArticles();
const idOf = (prefix: string) => articles.find((a) => a.file.startsWith(prefix))!.id;
const timeline = mergeTimeline(articles);
const find = (type: TimelineEntry["type"], day: string | null) =>
  timeline.filter((e) => e.type === type && (e.day ?? e.date?.value ?? null) === day);

describe("mergeTimeline over German and English reports of the same events", () => {
  it("returns entries that pass the schema", () => {
    for (const e of timeline) expect(() => TimelineEntrySchema.parse(e)).not.toThrow();
  });

  it("merges 19 article events into 12 entries", () => {
    expect(articles.flatMap((a) => a.extraction.events)).toHaveLength(19);
    expect(timeline.map((e) => `${e.type}:${e.day ?? e.date?.value ?? "-"}:${e.reportCount}`).sort()).toEqual(
      [
        "agreement:2025-05-16:1",
        "agreement:2025-06-02:2",
        "meeting:2025-05-16:2",
        "meeting:2025-06-02:2",
        "negotiation:2025-06-02:2",
        "phone_call:2025-05-19:1",
        "prisoner_exchange:-:2",
        "proposal:2025-06-02:1",
        "publication:2025-06-02:1",
        "publication:2025-06-02:2",
        "rejection:-:2",
        "statement:2025-05-19:1",
      ].sort(),
    );
  });

  it("merges a German and an English account of one meeting and shows where they disagree", () => {
    const [meeting] = find("meeting", "2025-06-02");
    expect(meeting!.reports.map((r) => r.articleId)).toEqual([idOf("01"), idOf("02")]);
    expect(meeting!.participants.map((p) => p.id)).toEqual(["person:vladimir-medinsky", "person:rustem-umerov"]);
    const fields = Object.fromEntries(meeting!.disagreements.map((d) => [d.field, d.values]));
    expect(fields.duration).toEqual([
      { value: "PT2H", articleIds: [idOf("01")] },
      { value: "PT1H", articleIds: [idOf("02")] },
    ]);
    expect(fields.place).toEqual([
      { value: "place:istanbul", articleIds: [idOf("01")] },
      { value: "place:ciragan-palace", articleIds: [idOf("02")] },
    ]);
    expect(meeting!.reports[0]!.sources).toEqual(["organization:tass", "person:vladimir-medinsky"]);
    expect(meeting!.reports[1]!.sources).toEqual(["organization:reuters"]);
  });

  it("merges by the participants' countries when the accounts name different actors", () => {
    const [talks] = find("negotiation", "2025-06-02");
    expect(talks!.reports.map((r) => r.articleId)).toEqual([idOf("02"), idOf("03")]);
    expect(talks!.participants.map((p) => p.id)).toEqual(["delegation:russia", "delegation:ukraine", "state:RUS", "state:UKR"]);
    expect(talks!.disagreements).toEqual([]);
  });

  it("reports different figures for one agreement", () => {
    const [deal] = find("agreement", "2025-06-02");
    expect(deal!.issues).toEqual(["prisoner_exchange"]);
    expect(deal!.disagreements).toEqual([
      {
        field: "figure",
        values: [
          { value: "1200", articleIds: [idOf("03")] },
          { value: "1000", articleIds: [idOf("04")] },
        ],
      },
    ]);
  });

  it("merges dates a day apart when the issues agree, and shows the dates", () => {
    const [memo] = find("publication", "2025-06-02").filter((e) => e.issues.includes("neutrality"));
    expect(memo!.reports.map((r) => r.articleId)).toEqual([idOf("05"), idOf("06")]);
    expect(memo!.disagreements).toEqual([
      {
        field: "date",
        values: [
          { value: "2025-06-02TEV", articleIds: [idOf("05")] },
          { value: "2025-06-03", articleIds: [idOf("06")] },
        ],
      },
    ]);
  });

  it("keeps events apart whose issues differ", () => {
    const pubs = timeline.filter((e) => e.type === "publication");
    expect(pubs.map((p) => p.issues)).toEqual([["humanitarian"], ["neutrality", "elections", "withdrawal"]]);
  });

  it("merges a year-less date with a dated account of the same day and takes its year", () => {
    const [first] = find("meeting", "2025-05-16");
    expect(first!.reports.map((r) => r.articleId)).toEqual([idOf("08"), idOf("09")]);
    expect(first!.date?.value).toBe("2025-05-16");
    // "knapp zwei Stunden" and "less than two hours" give the same value: no disagreement.
    expect(first!.disagreements).toEqual([]);
  });

  it("merges undated accounts published within days of each other", () => {
    const [swap] = find("prisoner_exchange", null);
    expect(swap!.modality).toBe("planned");
    expect(swap!.reports.map((r) => r.articleId)).toEqual([idOf("03"), idOf("04")]);
  });

  it("gives stable ids that do not depend on the other articles", () => {
    const again = mergeTimeline(articles.slice(0, 2));
    const meeting = timeline.find((e) => e.type === "meeting" && e.day === "2025-06-02")!;
    expect(again.find((e) => e.type === "meeting")!.id).toBe(meeting.id);
    expect(meeting.id).toMatch(/^evt_[0-9a-f]{16}$/);
    expect(new Set(timeline.map((e) => e.id)).size).toBe(timeline.length);
  });
});
