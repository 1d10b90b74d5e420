import { describe, expect, it } from "vitest";
import { germanPack } from "../../lang/de/index.js";
import { englishPack } from "../../lang/en/index.js";
import { loadKnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { Doc, PipelineContext } from "../types.js";
import { segmentSentences } from "./segment-sentences.js";

const kb = loadKnowledgeBase();
const contexts: Record<"de" | "en", PipelineContext> = {
  de: { lang: germanPack(), kb, memo: new Map() },
  en: { lang: englishPack(), kb, memo: new Map() },
};

function segment(text: string, language: "de" | "en") {
  const doc = { text, language, publishedAt: null, title: null } as unknown as Doc;
  return segmentSentences(doc, contexts[language]).sentences.map((s) => ({ text: text.slice(s.start, s.end), headline: s.headline }));
}
const sentences = (text: string, language: "de" | "en") => segment(text, language).map((s) => s.text);

describe("segmentSentences", () => {
  it.each([
    ["no break after a date's ordinal", "de", "Die Delegationen trafen sich am 16. Mai in Istanbul. Danach reisten sie ab.", ["Die Delegationen trafen sich am 16. Mai in Istanbul.", "Danach reisten sie ab."]],
    ["no break after an ordinal at the sentence start", "de", "Am 2. Juni veröffentlichte Moskau ein Memorandum. Kiew reagierte.", ["Am 2. Juni veröffentlichte Moskau ein Memorandum.", "Kiew reagierte."]],
    ["no break before a month in a second date", "de", "Sie trafen sich am 16. Mai. Am 17. Mai folgte ein zweites Treffen.", ["Sie trafen sich am 16. Mai.", "Am 17. Mai folgte ein zweites Treffen."]],
    ["a break after a month name ending a sentence", "de", "Der Gipfel endete am 15. August. Trump reiste ab.", ["Der Gipfel endete am 15. August.", "Trump reiste ab."]],
    ["no break after Dr.", "de", "Dr. Müller leitete die Gespräche. Sie dauerten zwei Stunden.", ["Dr. Müller leitete die Gespräche.", "Sie dauerten zwei Stunden."]],
    ["no break after ca.", "de", "Das Treffen dauerte ca. 2 Stunden. Danach sprach er.", ["Das Treffen dauerte ca. 2 Stunden.", "Danach sprach er."]],
    ["no break after Präs.", "de", "Dabei war auch Präs. Erdoğan. Er vermittelte.", ["Dabei war auch Präs. Erdoğan.", "Er vermittelte."]],
    ["no break after initials", "de", "Er nannte J. D. Vance als Vermittler. Vance reiste an.", ["Er nannte J. D. Vance als Vermittler.", "Vance reiste an."]],
    ["a break after a year", "de", "Das war 2024. Im Jahr 2025 änderte sich das.", ["Das war 2024.", "Im Jahr 2025 änderte sich das."]],
    ["a break after a clock time", "de", "Sie trafen sich um 10 Uhr. Um 12 Uhr war Schluss.", ["Sie trafen sich um 10 Uhr.", "Um 12 Uhr war Schluss."]],
    ["a break after a question mark", "de", "Was nun? Niemand weiß es.", ["Was nun?", "Niemand weiß es."]],
    ["no break after U.S.", "en", "Officials of the U.S. Treasury joined the talks. They left early.", ["Officials of the U.S. Treasury joined the talks.", "They left early."]],
    ["no break inside u. a.", "de", "Beteiligt waren u. a. Katar und Ägypten. Sie vermittelten.", ["Beteiligt waren u. a. Katar und Ägypten.", "Sie vermittelten."]],
    ["no break after Mr.", "en", "Mr. Witkoff met Mr. Dmitriev. The talks lasted three hours.", ["Mr. Witkoff met Mr. Dmitriev.", "The talks lasted three hours."]],
    ["a break after a day number ending a sentence", "en", "The talks ended on June 2. Both sides left.", ["The talks ended on June 2.", "Both sides left."]],
    ["a German quote closing a sentence", "de", "„Wir sind bereit.“ Das sagte Medinski.", ["„Wir sind bereit.“", "Das sagte Medinski."]],
    ["a German quote after a colon closing a sentence", "de", "Er sagte: „Das Treffen war gut.“ Danach reiste er ab.", ["Er sagte: „Das Treffen war gut.“", "Danach reiste er ab."]],
    ["an English quote closing a sentence", "en", "\"We are ready.\" Umerov said so on Monday.", ["\"We are ready.\"", "Umerov said so on Monday."]],
    ["curly English quotes closing a sentence", "en", "He said: “The meeting was useful.” Then he left.", ["He said: “The meeting was useful.”", "Then he left."]],
    ["guillemets closing a sentence", "de", "Er sagte: »Wir verhandeln weiter.« Danach reiste er ab.", ["Er sagte: »Wir verhandeln weiter.«", "Danach reiste er ab."]],
    ["a sentence ending in a closing bracket", "de", "Die Gespräche dauerten an (so die Agentur.) Danach reisten sie ab.", ["Die Gespräche dauerten an (so die Agentur.)", "Danach reisten sie ab."]],
    ["a hard-wrapped line continuing in lower case", "de", "Die Delegationen trafen sich\nin Istanbul zu Gesprächen.", ["Die Delegationen trafen sich\nin Istanbul zu Gesprächen."]],
  ] as const)("accepts %s", (_label, lang, text, want) => {
    expect(sentences(text, lang)).toEqual(want);
  });

  it.each([
    ["de", "Ukraine und Russland vereinbaren neuen Austausch\nDie Delegationen trafen sich in Istanbul.", "Ukraine und Russland vereinbaren neuen Austausch"],
    ["en", "Talks in Geneva\n\nThe delegations met on Sunday.", "Talks in Geneva"],
    ["en", "Ceasefire talks resume in Jeddah\r\nU.S. and Ukrainian officials met on Tuesday.", "Ceasefire talks resume in Jeddah"],
  ] as const)("makes a headline without a full stop its own sentence (%s: %j)", (lang, text, headline) => {
    const got = segment(text, lang);
    expect(got[0]).toEqual({ text: headline, headline: true });
    expect(got).toHaveLength(2);
    expect(got[1]?.headline).toBe(false);
  });

  it.each([
    ["de", "Die Delegationen trafen sich in Istanbul."],
    ["en", "“We are ready,” Umerov said."],
    ["de", "Was nun?"],
  ] as const)("does not take a finished sentence for a headline (%s: %j)", (lang, text) => {
    expect(segment(text, lang)).toEqual([{ text, headline: false }]);
  });

  it.each([
    ["", []],
    ["   \n\n\t ", []],
    ["...", ["..."]],
    ["Nur ein Satz ohne Punkt", ["Nur ein Satz ohne Punkt"]],
  ] as const)("handles the edge case %j", (text, want) => {
    expect(sentences(text, "de")).toEqual(want);
  });

  it("keeps offsets into the original text and never overlaps sentences", () => {
    const text = "  Kopfzeile ohne Punkt\n\nDr. Müller sprach am 16. Mai.   Dann reiste er ab!  „Gut.“ Ende.";
    const doc = segmentSentences({ text, language: "de" } as unknown as Doc, contexts.de);
    let last = 0;
    for (const s of doc.sentences) {
      expect(s.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
      last = s.end;
    }
    expect(doc.sentences.map((s) => s.index)).toEqual(doc.sentences.map((_, i) => i));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ text: "Ein Satz. Noch einer.", language: "de", sentences: Object.freeze([]) }) as unknown as Doc;
    const out = segmentSentences(input, contexts.de);
    expect(out).not.toBe(input);
    expect(input.sentences).toEqual([]);
  });

  /*
   * Parked: reasonable cases the stage gets wrong today (reported). Unskip
   * each once the stage handles it.
   */
  it.each([
    // Actual: breaks after "z." ("Es ging um humanitäre Fragen, z." | "B. Gefangene."):
    // the abbreviation check looks at the text up to the first full stop of "z. B." only.
    ["no break inside z. B.", "de", "Es ging um humanitäre Fragen, z. B. Gefangene. Eine Einigung gab es nicht.", ["Es ging um humanitäre Fragen, z. B. Gefangene.", "Eine Einigung gab es nicht."]],
    // Actual: breaks after "2." ("Die zweite Runde …": an ordinal before a capitalised noun that is not a month).
    ["no break after an ordinal before a noun", "de", "Die Delegationen kamen zur 2. Verhandlungsrunde zusammen. Sie dauerte drei Stunden.", ["Die Delegationen kamen zur 2. Verhandlungsrunde zusammen.", "Sie dauerte drei Stunden."]],
  ] as const)("accepts %s", (_label, lang, text, want) => {
    expect(sentences(text, lang)).toEqual(want);
  });
});
