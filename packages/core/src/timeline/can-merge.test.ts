import { describe, expect, it } from "vitest";
import type { ActorRef } from "../model/corpus.js";
import { buildEntry, entryIdOf } from "./build-entry.js";
import { canMerge } from "./can-merge.js";
import { clusterReports } from "./merge-timeline.js";
import type { TimelineReport } from "./report.js";

const actor = (id: string, country: string | null): ActorRef => ({ id, name: id, kind: "person", country });
const MEDINSKY = actor("person:vladimir-medinsky", "RUS");
const UMEROV = actor("person:rustem-umerov", "UKR");
const RUSSIA = { ...actor("state:RUS", "RUS"), kind: "state" as const };
const UKRAINE = { ...actor("state:UKR", "UKR"), kind: "state" as const };
const ISTANBUL = { id: "place:istanbul", name: "Istanbul", country: "TUR" };
const PALACE = { id: "place:ciragan-palace", name: "Çırağan Palace", country: "TUR" };
const GENEVA = { id: "place:geneva", name: "Geneva", country: "CHE" };

let n = 0;
function report(over: Partial<TimelineReport> = {}): TimelineReport {
  n++;
  return {
    articleId: `article-${n}`,
    articleTitle: null,
    publishedAt: "2025-06-02",
    eventId: `meeting-${n}`,
    evidence: [{ start: 0, end: 5, text: "met" }],
    sources: [],
    date: { value: "2025-06-02" },
    duration: null,
    place: null,
    modality: "asserted",
    type: "meeting",
    participants: [MEDINSKY, UMEROV],
    placeRef: null,
    issues: [],
    figures: [],
    ...over,
    ...(over.placeRef !== undefined ? { place: over.placeRef?.id ?? null } : {}),
  };
}

describe("canMerge accepts accounts of the same event", () => {
  it.each<[string, Partial<TimelineReport>, Partial<TimelineReport>]>([
    ["the same day and parties", {}, {}],
    ["one shared party", {}, { participants: [MEDINSKY] }],
    ["parties of the same countries", {}, { participants: [RUSSIA] }],
    ["one date unknown, published days apart", {}, { date: null, publishedAt: "2025-06-04" }],
    ["a year-less date", {}, { date: { value: "XXXX-06-02" } }],
    ["one place unknown", { placeRef: ISTANBUL }, {}],
    ["a venue in the same city's country on the same day", { placeRef: ISTANBUL }, { placeRef: PALACE }],
    ["a day apart in the same place", { placeRef: ISTANBUL }, { placeRef: ISTANBUL, date: { value: "2025-06-03" } }],
    ["a day apart on the same issue", { issues: ["ceasefire"] }, { issues: ["ceasefire"], date: { value: "2025-06-01" } }],
    ["no day at all, but the same two people", { date: null, publishedAt: null }, { date: { value: "2025-03-11" } }],
    ["no day at all, but a shared person in the same place", { date: null, publishedAt: null, placeRef: ISTANBUL }, { participants: [MEDINSKY], placeRef: ISTANBUL }],
  ])("%s", (_, a, b) => {
    expect(canMerge([report(a)], report(b))).not.toBeNull();
  });
});

describe("canMerge keeps different events apart", () => {
  it.each<[string, Partial<TimelineReport>, Partial<TimelineReport>]>([
    ["another type", {}, { type: "negotiation" }],
    ["no party in common", {}, { participants: [actor("person:donald-trump", "USA")] }],
    ["another day", {}, { date: { value: "2025-06-05" } }],
    ["no day at all and only a state in common", { date: null, publishedAt: null, participants: [RUSSIA] }, { date: { value: "2025-03-10" }, participants: [RUSSIA, UMEROV] }],
    ["no day at all and only states in common", { date: null, publishedAt: null, participants: [RUSSIA, UKRAINE, MEDINSKY] }, { participants: [RUSSIA, UKRAINE, actor("person:donald-trump", "USA")] }],
    ["no day at all and one shared person, no place or issue", { date: null, publishedAt: null }, { participants: [MEDINSKY, actor("person:marco-rubio", "USA")] }],
    ["a day apart with nothing else in common", {}, { date: { value: "2025-06-03" } }],
    ["another country's place", { placeRef: ISTANBUL }, { placeRef: GENEVA }],
    ["disjoint issues", { issues: ["prisoner_exchange"] }, { issues: ["ceasefire"] }],
    ["undated, published weeks apart", { date: null }, { date: null, publishedAt: "2025-07-01" }],
    ["undated, published long after the date", {}, { date: null, publishedAt: "2025-09-01" }],
  ])("%s", (_, a, b) => {
    expect(canMerge([report(a)], report(b))).toBeNull();
  });

  it("never merges two events of one article", () => {
    const first = report();
    expect(canMerge([first], { ...report(), articleId: first.articleId })).toBeNull();
  });
});

describe("clusterReports and buildEntry", () => {
  it("prefers the entry that fits best and names entries after their first report", () => {
    const a = report({ placeRef: ISTANBUL });
    // Shares only a country with a, a day apart: an entry of its own.
    const b = report({ date: { value: "2025-06-03" }, participants: [RUSSIA] });
    // Fits both; b's entry better (the same day) than a's (a day apart).
    const c = report({ date: { value: "2025-06-03" }, participants: [MEDINSKY, RUSSIA], placeRef: ISTANBUL });
    const clusters = clusterReports([a, b, c]);
    expect(clusters.map((x) => x.reports.map((r) => r.articleId))).toEqual([[a.articleId], [b.articleId, c.articleId]]);
    expect(clusters[0]!.id).toBe(entryIdOf(a));
  });

  it("splits what only a removed report held together", () => {
    const a = report({ participants: [MEDINSKY] });
    const bridge = report({ participants: [MEDINSKY, UMEROV] });
    const c = report({ participants: [UMEROV] });
    expect(clusterReports([a, bridge, c])).toHaveLength(1);
    expect(clusterReports([a, c])).toHaveLength(2);
  });

  it("takes the date most reports give, and lists the others as a disagreement", () => {
    const reports = [report(), report(), report({ date: { value: "2025-06-01" } })];
    const entry = buildEntry("evt_x", reports);
    expect(entry.date?.value).toBe("2025-06-02");
    expect(entry.day).toBe("2025-06-02");
    expect(entry.disagreements).toEqual([
      {
        field: "date",
        values: [
          { value: "2025-06-02", articleIds: [reports[0]!.articleId, reports[1]!.articleId] },
          { value: "2025-06-01", articleIds: [reports[2]!.articleId] },
        ],
      },
    ]);
  });
});
