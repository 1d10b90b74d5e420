import { describe, expect, it } from "vitest";
import { extract } from "../../extract.js";

/*
 * Time expressions through `extract()`, as the contract's `timexes` show
 * them. Every publication date is given explicitly: tests never depend on
 * today's date.
 */

type Lang = "de" | "en";
const timexes = (text: string, language: Lang, publishedAt: string | null = null) =>
  extract({ text, language, publishedAt }).timexes.map(({ text, type, value, mod }) => ({ text, type, value, mod }));

describe("findTimexes (through extract)", () => {
  it.each([
    // [sentence, language, publishedAt, text, type, value, mod]
    ["Die Delegationen trafen sich am 16. Mai in Istanbul.", "de", null, "am 16. Mai", "DATE", "XXXX-05-16", null],
    ["Die Delegationen trafen sich am 16. Mai in Istanbul.", "de", "2025-06-03", "am 16. Mai", "DATE", "2025-05-16", null],
    ["Am 16. Mai 2025 trafen sich die Delegationen.", "de", null, "Am 16. Mai 2025", "DATE", "2025-05-16", null],
    ["Am Abend des 2. Juni veröffentlichten russische Staatsagenturen ein Memorandum.", "de", null, "Am Abend des 2. Juni", "TIME", "XXXX-06-02TEV", null],
    ["Das Treffen dauerte mehr als zwei Stunden.", "de", null, "mehr als zwei Stunden", "DURATION", "PT2H", "MORE_THAN"],
    ["Das Gespräch dauerte knapp anderthalb Stunden.", "de", null, "knapp anderthalb Stunden", "DURATION", "PT1H30M", "LESS_THAN"],
    ["The talks lasted one and a half hours.", "en", null, "one and a half hours", "DURATION", "PT1H30M", null],
    ["The talks on March 11-12 ended.", "en", "2025-06-04", "March 11-12", "DATE", "2025-03-11", null],
    ["Die Gespräche sollen Anfang kommender Woche beginnen.", "de", "2025-06-04", "Anfang kommender Woche", "DATE", "2025-W24", null],
    ["Trump will noch in diesem Monat in die Region reisen.", "de", "2025-06-04", "in diesem Monat", "DATE", "2025-06", null],
    ["A deal is expected by the end of the month.", "en", "2025-06-04", "the end of the month", "DATE", "2025-06", null],
    ["Die Gespräche dauerten drei Tage.", "de", null, "drei Tage", "DURATION", "P3D", null],
    ["Die Gespräche fanden im Mai statt.", "de", null, "im Mai", "DATE", "XXXX-05", null],
    // A month name that ends the sentence leaves the full stop out ("Mai." is no abbreviation).
    ["Die Delegationen trafen sich am 16. Mai.", "de", null, "am 16. Mai", "DATE", "XXXX-05-16", null],
    ["Die Gespräche fanden im Juli.", "de", null, "im Juli", "DATE", "XXXX-07", null],
    ["The talks took place in June.", "en", null, "in June", "DATE", "XXXX-06", null],
    ["Im Mai trafen sie sich.", "de", "2025-06-03", "Im Mai", "DATE", "2025-05", null],
    ["Die Gespräche sollen Mitte Mai stattfinden.", "de", null, "Mitte Mai", "DATE", "XXXX-05", "MID"],
    ["Anfang Juni trafen sich die Minister.", "de", null, "Anfang Juni", "DATE", "XXXX-06", "START"],
    ["Ende Mai reisten sie nach Istanbul.", "de", "2025-06-04", "Ende Mai", "DATE", "2025-05", "END"],
    // 2025-06-04 is a Wednesday: "am Montag" in a report of that day is 2 June.
    ["Die Minister trafen sich am Montag in Genf.", "de", "2025-06-04", "am Montag", "DATE", "2025-06-02", null],
    ["Die Minister trafen sich am Dienstag.", "de", null, "am Dienstag", "DATE", "XXXX-WXX-2", null],
    ["Die Minister telefonierten am Montagabend.", "de", "2025-06-04", "am Montagabend", "TIME", "2025-06-02TEV", null],
    ["Die Minister telefonierten am Montagabend.", "de", null, "am Montagabend", "TIME", "XXXX-WXX-1TEV", null],
    ["Am Mittwochmorgen sprachen sie.", "de", "2025-06-04", "Am Mittwochmorgen", "TIME", "2025-06-04TMO", null],
    ["Das Treffen fand am Sonntag, dem 1. Juni, statt.", "de", "2025-06-04", "1. Juni", "DATE", "2025-06-01", null],
    ["Seit 2022 gibt es keine direkten Gespräche.", "de", null, "Seit 2022", "DATE", "2022", "SINCE"],
    ["Die Minister trafen sich gestern in Genf.", "de", "2025-06-04", "gestern", "DATE", "2025-06-03", null],
    ["Die Minister trafen sich vor zwei Tagen in Genf.", "de", "2025-06-04", "vor zwei Tagen", "DATE", "2025-06-02", null],
    ["Die Minister trafen sich letzte Woche in Genf.", "de", "2025-06-04", "letzte Woche", "DATE", "2025-W22", null],
    ["Die Gespräche sollen nächste Woche fortgesetzt werden.", "de", "2025-06-04", "nächste Woche", "DATE", "2025-W24", null],
    ["Vor drei Wochen trafen sie sich.", "de", "2025-06-04", "Vor drei Wochen", "DATE", "2025-W20", null],
    ["Die Gespräche sollen in den kommenden Monaten fortgesetzt werden.", "de", null, "in den kommenden Monaten", "DATE", "FUTURE_REF", null],
    ["Talks will resume in the coming months.", "en", null, "in the coming months", "DATE", "FUTURE_REF", null],
    ["Die Gespräche laufen seit langem.", "de", null, "seit langem", "DURATION", null, null],
    ["The statement was published on the evening of June 2.", "en", null, "the evening of June 2", "TIME", "XXXX-06-02TEV", null],
    ["The statement was published on the evening of June 2.", "en", "2025-06-05", "the evening of June 2", "TIME", "2025-06-02TEV", null],
    // "on" stays outside English dates (German "am" belongs to the date).
    ["The two sides met on 16 May 2025.", "en", null, "16 May 2025", "DATE", "2025-05-16", null],
    ["The delegations met in Istanbul on May 16. The day before, they had spoken by phone.", "en", "2025-05-20", "The day before", "DATE", "2025-05-15", null],
    ["The ministers met two days ago in Geneva.", "en", "2025-06-04", "two days ago", "DATE", "2025-06-02", null],
    ["The ministers met yesterday in Geneva.", "en", "2025-06-04", "yesterday", "DATE", "2025-06-03", null],
    ["The ministers met last week in Geneva.", "en", "2025-06-04", "last week", "DATE", "2025-W22", null],
    ["Talks are expected next week.", "en", "2025-06-04", "next week", "DATE", "2025-W24", null],
    ["The ministers spoke for about 90 minutes.", "en", null, "about 90 minutes", "DURATION", "PT90M", "APPROX"],
    ["The talks lasted more than two hours.", "en", null, "more than two hours", "DURATION", "PT2H", "MORE_THAN"],
    ["The talks lasted for three days.", "en", null, "three days", "DURATION", "P3D", null],
    ["The ministers met on Tuesday evening.", "en", "2025-06-04", "Tuesday evening", "TIME", "2025-06-03TEV", null],
  ] as const)("accepts %j (%s, published %s): %j → %s %s", (sentence, lang, publishedAt, text, type, value, mod) => {
    expect(timexes(sentence, lang, publishedAt)).toContainEqual({ text, type, value, mod });
  });

  it("resolves the seed's \"am Vortag\" against the event, not the publication date", () => {
    const got = extract({ text: "Zuvor, am Vortag, führten die Delegationen jeweils ein kurzes Treffen durch, das etwas mehr als eine Stunde dauerte — am 16. Mai.", language: "de", publishedAt: "2025-06-03" });
    const vortag = got.timexes.find((t) => t.text === "am Vortag");
    expect(vortag).toMatchObject({ type: "DATE", anchor: "event" });
    // Never counted from the publication date (chrono's reading would be 2025-06-02).
    expect(vortag?.value).not.toBe("2025-06-02");
  });

  it("never invents a year without a publication date", () => {
    const text = "Am 16. Mai trafen sich die Delegationen. Am Abend des 2. Juni folgte ein Memorandum. Im Juli gab es eine dritte Runde, am Montag ein Telefonat.";
    for (const t of extract({ text, language: "de", publishedAt: null }).timexes) {
      if (t.value && /^\d{4}/u.test(t.value)) throw new Error(`year invented for ${t.text}: ${t.value}`);
    }
  });

  it.each([
    ["The talks may resume.", "en"],
    ["Protesters march to the embassy.", "en"],
    ["Resolution 2231 was discussed.", "en"],
    ["Insgesamt 1000 Gefangene wurden ausgetauscht.", "de"],
    ["Die Resolution 2231 des Sicherheitsrats wurde erwähnt.", "de"],
    ["Rund 2025 Soldaten kehrten zurück.", "de"],
    ["Mehr als 2000 Gefangene kamen frei.", "de"],
    ["The trucks carried 1990 tonnes of aid.", "en"],
    ["The 2000 prisoners were released.", "en"],
    ["Kyiv demanded the release of 1200 Ukrainian soldiers.", "en"],
    ["Die Front rückte 2010 km vor.", "de"],
    ["Der Plan hat 28 Punkte.", "de"],
    ["Sie sprachen über Artikel 5 des Nato-Vertrags.", "de"],
    ["Die Minsker Vereinbarungen wurden nie umgesetzt.", "de"],
  ] as const)("rejects %j: no time expression", (sentence, lang) => {
    expect(timexes(sentence, lang, "2025-06-04")).toEqual([]);
  });

  // A past verb puts a year-less date before the publication; a plan or no tense takes the closest year.
  it.each([
    ["Im Mai trafen sie sich.", "de", "2025-03-03", "Im Mai", "DATE", "2024-05", null],
    ["Am 12. Dezember hatten sich beide Seiten geeinigt.", "de", "2025-06-04", "Am 12. Dezember", "DATE", "2024-12-12", null],
    ["The two leaders met in August in Alaska.", "en", "2025-06-04", "in August", "DATE", "2024-08", null],
    ["Im August soll ein Gipfel stattfinden.", "de", "2025-06-04", "Im August", "DATE", "2025-08", null],
    ["Putin said he expected to meet Trump in August.", "en", "2025-06-04", "in August", "DATE", "2025-08", null],
    ["Die Delegationen trafen sich am 16. Mai in Istanbul.", "de", "2025-06-04", "am 16. Mai", "DATE", "2025-05-16", null],
  ] as const)("accepts %j (%s, published %s): %j → %s %s", (sentence, lang, publishedAt, text, type, value, mod) => {
    expect(timexes(sentence, lang, publishedAt)).toContainEqual({ text, type, value, mod });
  });

  // A bare part of the day, or "the same day", falls on the sentence's date, else the dated event told before, else the publication date.
  it.each([
    ["Am 3. März trafen sich die Minister in Genf und sprachen am Abend erneut.", "de", null, "am Abend", "TIME", "XXXX-03-03TEV"],
    ["Die Minister trafen sich am Dienstag in Wien. Am Nachmittag unterzeichneten sie eine Erklärung.", "de", "2025-06-06", "Am Nachmittag", "TIME", "2025-06-03TAF"],
    ["Der Sprecher teilte am Morgen mit, die Gespräche seien beendet.", "de", "2025-06-06", "am Morgen", "TIME", "2025-06-06TMO"],
    ["Der Sprecher teilte am Morgen mit, die Gespräche seien beendet.", "de", null, "am Morgen", "TIME", "XXXX-XX-XXTMO"],
    ["Die Minister trafen sich am 4. Juni in Wien. Am selben Tag telefonierte der Kanzler mit Washington.", "de", null, "Am selben Tag", "DATE", "XXXX-06-04"],
    ["Die Minister trafen sich am 4. Juni in Wien. Noch am gleichen Tag reiste die Delegation ab.", "de", null, "am gleichen Tag", "DATE", "XXXX-06-04"],
    ["The envoys met in Vienna on June 4. That evening the two sides issued a joint statement.", "en", null, "That evening", "TIME", "XXXX-06-04TEV"],
    ["The envoys met in Vienna on June 4. The same day, the minister called his counterpart.", "en", "2025-06-09", "The same day", "DATE", "2025-06-04"],
    ["The spokesman said in the afternoon that the talks were over.", "en", "2025-06-09", "in the afternoon", "TIME", "2025-06-09TAF"],
  ] as const)("resolves %j (%s, published %s): %j → %s %s", (sentence, lang, publishedAt, text, type, value) => {
    expect(timexes(sentence, lang, publishedAt)).toContainEqual({ text, type, value, mod: null });
  });

  // A year or a decade as a modifier is a date of that year or decade.
  it.each([
    ["Die Sanktionen waren mit dem Abkommen von 2015 aufgehoben worden.", "de", "2015", "2015", null],
    ["Die Rückgabe der 2016 enteigneten Grundstücke steht nicht zur Debatte.", "de", "2016", "2016", null],
    ["The 2015 nuclear deal collapsed after the U.S. withdrawal.", "en", "2015", "2015", null],
    ["Armenia has held the villages since the early 1990s.", "en", "since the early 1990s", "199", "START"],
    ["Die Dörfer sind seit Anfang der 1990er Jahre umstritten.", "de", "seit Anfang der 1990er Jahre", "199", "START"],
    ["In den 1980er-Jahren gab es keine Gespräche.", "de", "1980er-Jahren", "198", null],
  ] as const)("takes %j (%s): %j → %s %s", (sentence, lang, text, value, mod) => {
    expect(timexes(sentence, lang, "2025-06-04")).toContainEqual({ text, type: "DATE", value, mod });
  });

  // Counted from the event told before, also when that event is named again in the sentence.
  it.each([
    ["The envoys met in Vienna on March 8. They discussed the outcome in a phone call the following day.", "en", "the following day", "XXXX-03-09"],
    ["Die Gesandten trafen sich am 8. März in Wien. Tags darauf besprachen sie die Ergebnisse am Telefon.", "de", "Tags darauf", "XXXX-03-09"],
    ["Die Gesandten trafen sich am 8. März in Wien. Am Folgetag telefonierten die Minister.", "de", "Am Folgetag", "XXXX-03-09"],
  ] as const)("counts %j (%s): %j → %s", (sentence, lang, text, value) => {
    expect(timexes(sentence, lang, null)).toContainEqual({ text, type: "DATE", value, mod: null });
  });

  /*
   * Parked: reasonable cases the stage gets wrong today (reported to the
   * engineer working on the stages). Unskip each once it passes.
   */
  it.each([
    // Actual: "seit dem 18. März." with mod null ("Seit 2022" gets SINCE).
    ["Die Waffenruhe gilt seit dem 18. März.", "de", "2025-06-04", "seit dem 18. März", "DATE", "2025-03-18", "SINCE"],
    // Actual: value 2024, mod null ("Ende" works before months only).
    ["Ende 2024 trafen sich die Minister.", "de", null, "Ende 2024", "DATE", "2024", "END"],
    // Actual: no timex. Single-word vague adverbs were dropped on purpose (commit 7240b6e), but the
    // issue asks for vague references: "Derzeit" is PRESENT_REF (it was until that commit).
    ["Derzeit laufen Gespräche.", "de", null, "Derzeit", "DATE", "PRESENT_REF", null],
    ["Zurzeit gibt es keine Gespräche.", "de", null, "Zurzeit", "DATE", "PRESENT_REF", null],
    // Actual: no timex (seasons are not in the data).
    ["The talks were held in the spring.", "en", "2025-06-04", "in the spring", "DATE", "2025-SP", null],
  ] as const)("accepts %j (%s, published %s): %j → %s %s", (sentence, lang, publishedAt, text, type, value, mod) => {
    expect(timexes(sentence, lang, publishedAt)).toContainEqual({ text, type, value, mod });
  });
});
