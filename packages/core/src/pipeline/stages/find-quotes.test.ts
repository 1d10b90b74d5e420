import { describe, expect, it } from "vitest";
import { extract } from "../../extract.js";

/*
 * Quotes through `extract()`: the four kinds of quotation marks, the speaker
 * from the reporting clause before or after the quote, the outlet it came
 * through, and quoted titles and slogans that are not speech.
 */

type Lang = "de" | "en";
const quotesOf = (text: string, language: Lang) =>
  extract({ text, language, publishedAt: null }).quotes.map(({ text, speaker, via }) => ({ text, speaker, via }));

describe("findQuotes (through extract)", () => {
  it.each([
    // Speaker after the quote.
    ["„Wir sind bereit“, sagte Medinski nach dem Treffen.", "de", "Wir sind bereit", "person:vladimir-medinsky", null],
    ["»Wir sind bereit«, sagte Umjerow.", "de", "Wir sind bereit", "person:rustem-umerov", null],
    ["\"We are ready\", Umerov said after the meeting.", "en", "We are ready", "person:rustem-umerov", null],
    ["“We will not give up territory,” Zelensky said in Kyiv.", "en", "We will not give up territory,", "person:volodymyr-zelensky", null],
    ["„Das war ein guter Tag“, sagte Lawrow laut der Agentur Interfax.", "de", "Das war ein guter Tag", "person:sergey-lavrov", "organization:interfax"],
    // Speaker before the quote, introduced by a colon.
    ["Lawrow sagte: „Russland ist zu Gesprächen bereit.“", "de", "Russland ist zu Gesprächen bereit.", "person:sergey-lavrov", null],
    ["Umerov said: \"We are ready for a ceasefire.\"", "en", "We are ready for a ceasefire.", "person:rustem-umerov", null],
    ["Peskov told reporters: “There is no date for a summit yet.”", "en", "There is no date for a summit yet.", "person:dmitry-peskov", null],
    ["Selenskyj schrieb auf X: „Wir wollen Frieden.“", "de", "Wir wollen Frieden.", "person:volodymyr-zelensky", "organization:x"],
    // Through an outlet.
    ["Medinsky told TASS: \"The meeting was useful.\"", "en", "The meeting was useful.", "person:vladimir-medinsky", "organization:tass"],
    ["According to Reuters, Witkoff said: \"We made progress.\"", "en", "We made progress.", "person:steve-witkoff", "organization:reuters"],
    ["Lavrov cautioned that it was \"too soon\" to speak of a summit.", "en", "too soon", "person:sergey-lavrov", null],
    // The seed: TASS citing Medinsky, the quote inside a "dass" clause.
    [
      "Details dieses Treffens wurden von der russischen Staatlichen Nachrichtenagentur TASS veröffentlicht, die sich auf Aussagen Medinskijs berief, der betonte, dass dieses Gespräch „eine wichtige Rolle bei der Vorbereitung auf die Gesamtsitzung der Verhandlungen“ spielte.",
      "de",
      "eine wichtige Rolle bei der Vorbereitung auf die Gesamtsitzung der Verhandlungen",
      "person:vladimir-medinsky",
      "organization:tass",
    ],
  ] as const)("accepts %j (%s): %j by %s via %s", (text, lang, quote, speaker, via) => {
    expect(quotesOf(text, lang)).toContainEqual({ text: quote, speaker, via });
  });

  it.each([
    ["Der Verhandlungsprozess endete mit einer Einigung über die Rückkehr „Alles für alle“ — sowohl schwer Verletzter als auch junger Kämpfer.", "de", "Alles für alle"],
    ["Die Einigung betrifft die Rückkehr „Alles für alle“.", "de", "Alles für alle"],
    ["Am Abend des 2. Juni veröffentlichten russische Staatsagenturen den Text eines „Memorandums zur Beilegung“.", "de", "Memorandums zur Beilegung"],
    ["Der Plan trägt den Titel „Frieden durch Stärke“.", "de", "Frieden durch Stärke"],
    ["Er sprach von einem „konstruktiven“ Treffen.", "de", "konstruktiven"],
    ["The plan, dubbed \"Peace through Strength\", was discussed in Geneva.", "en", "Peace through Strength"],
    ["The so-called “coalition of the willing” met in Paris.", "en", "coalition of the willing"],
    ["Umerov said Kyiv had put forward an \"everyone for everyone\" swap in Istanbul.", "en", "everyone for everyone"],
    ["Medinski sagte, Moskau wolle einen „Frieden ohne Sieger“ anstreben.", "de", "Frieden ohne Sieger"],
  ] as const)("rejects %j: %j is a title or slogan, not speech", (text, lang, title) => {
    const start = text.indexOf(title);
    const end = start + title.length;
    const x = extract({ text, language: lang, publishedAt: null });
    const over = x.quotes.filter((q) => q.speaker !== null && q.start < end && start < q.end);
    expect(over).toEqual([]);
  });

  it("keeps quote spans exact, quotation marks outside", () => {
    const text = "„Wir sind bereit“, sagte Medinski. Umerov said: \"We are ready for a ceasefire.\"";
    const x = extract({ text, language: "de", publishedAt: null });
    for (const q of x.quotes) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).not.toMatch(/^["„“»«]|["“”»«]$/u);
    }
  });

  it.each([
    // The government speaks from its seat: "aus" after a verb of saying names the source.
    ["„Wir sind bereit“, hieß es aus Kiew.", "de", "Wir sind bereit", "state:UKR", null],
    ["„Wir sind bereit“, verlautete aus dem Kreml.", "de", "Wir sind bereit", "state:RUS", null],
  ] as const)("takes the source from its seat: %j (%s): %j by %s via %s", (text, lang, quote, speaker, via) => {
    expect(quotesOf(text, lang)).toContainEqual({ text: quote, speaker, via });
  });

  it("a place where something was said is no source: 'sagte in Moskau'", () => {
    const x = extract({ text: "„Wir sind bereit“, sagte Putin in Moskau.", language: "de", publishedAt: null });
    expect(x.quotes.map((q) => q.speaker)).toEqual(["person:vladimir-putin"]);
    expect(x.places.map((p) => p.id)).toEqual(["place:moscow"]);
  });
});
