import { describe, expect, it } from "vitest";
import { extract } from "../extract.js";
import { ArticleInputSchema, DocumentSchema, PublishedAtSchema } from "./index.js";

describe("PublishedAtSchema", () => {
  it.each([
    ["2025-06-03", "2025-06-03"],
    ["2025-06-03T14:05:00Z", "2025-06-03"],
    ["2025-06-03T14:05:00.123Z", "2025-06-03"],
    ["2025-06-03t14:05:00z", "2025-06-03"],
    ["2025-06-03T14:05Z", "2025-06-03"],
    ["2025-06-03 14:05", "2025-06-03"],
    ["2025-06-03T14:05:00+02:00", "2025-06-03"],
    ["2025-06-03T14:05:00+0200", "2025-06-03"],
    // The publisher's date, not UTC's (that would be the 3rd).
    ["2025-06-02T23:30:00-04:00", "2025-06-02"],
    ["2016-12-31T23:59:60Z", "2016-12-31"],
  ])("reads %s as %s", (given, date) => {
    expect(PublishedAtSchema.parse(given)).toBe(date);
  });

  it.each([
    "2025-02-30",
    "2025-02-30T10:00:00Z",
    "2025-06-03T24:00:00Z",
    "2025-06-03T14:60:00Z",
    "2025-06-03T14:05:00+25:00",
    "2025-06-03T",
    "2025-06-03T14",
    "03.06.2025",
    "June 3, 2025",
    "2025-06-03T14:05:00Z; DROP TABLE articles",
    "",
  ])("refuses %s with a message that shows the forms it takes", (given) => {
    const result = PublishedAtSchema.safeParse(given);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/expected a date YYYY-MM-DD or a date and time such as 2025-06-03T14:05:00\+02:00/);
  });

  it("is what documents and articles take", () => {
    expect(DocumentSchema.parse({ text: "x", publishedAt: "2025-06-03T08:00:00Z" }).publishedAt).toBe("2025-06-03");
    expect(ArticleInputSchema.parse({ text: "x", publishedAt: "2025-06-03T08:00:00+03:00" }).publishedAt).toBe("2025-06-03");
    expect(ArticleInputSchema.parse({ text: "x", publishedAt: null }).publishedAt).toBeNull();
  });
});

describe("extract with a publication date and time", () => {
  const text = "Die Delegationen trafen sich am Montag in Istanbul.";

  it("resolves relative dates against the date of a date and time, as against the date alone", () => {
    const byDate = extract({ text, language: "de", publishedAt: "2025-06-04" });
    const byDateTime = extract({ text, language: "de", publishedAt: "2025-06-04T09:30:00+02:00" });
    expect(byDateTime.document.publishedAt).toBe("2025-06-04");
    expect(byDateTime.timexes).toEqual(byDate.timexes);
    expect(byDateTime.timexes.map((t) => t.value)).toContain("2025-06-02");
  });

  it("refuses a publication date that is none", () => {
    expect(() => extract({ text, language: "de", publishedAt: "last Tuesday" })).toThrow(/expected a date YYYY-MM-DD/);
  });
});
