import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences.js";

const split = (text: string) => splitSentences(text).map((s) => s.text);

describe("splitSentences", () => {
  it.each([
    ["Die Delegationen trafen sich. Danach sprachen sie.", ["Die Delegationen trafen sich.", "Danach sprachen sie."]],
    ["They met in Istanbul. The talks lasted two hours.", ["They met in Istanbul.", "The talks lasted two hours."]],
    ["Wer verhandelt? Die Delegationen! Sonst niemand.", ["Wer verhandelt?", "Die Delegationen!", "Sonst niemand."]],
    ["Er sagte: „Wir sind bereit.“ Dann ging er.", ["Er sagte: „Wir sind bereit.“", "Dann ging er."]],
    ['He said: "We are ready." Then he left.', ['He said: "We are ready."', "Then he left."]],
    ["Sie trafen sich. „Das war gut“, sagte er.", ["Sie trafen sich.", "„Das war gut“, sagte er."]],
    ["Eine Überschrift ohne Punkt\nDer erste Satz.", ["Eine Überschrift ohne Punkt", "Der erste Satz."]],
    ["Sie trafen sich 2024. Im Juni folgte mehr.", ["Sie trafen sich 2024.", "Im Juni folgte mehr."]],
    ["Kurz.\n\nAbsatz zwei.", ["Kurz.", "Absatz zwei."]],
  ])("splits %j", (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    ["Am 2. Juni trafen sie sich in Istanbul."],
    ["Das Treffen am 16. Mai dauerte eine Stunde."],
    ["They met on 2. June in Istanbul."],
    ["Zum 3. mal trafen sich die Seiten."],
    ["Dr. Müller und Prof. Schmidt reisten an."],
    ["Laut Art. 5 gilt das, z. B. für Nr. 3 usw. Weiter geht es nicht."],
    ["Mr. Umerov met Gen. Smith."],
    ["J. F. Kennedy sprach in Berlin."],
    ["The U.S. Secretary of State spoke."],
    ["Die Zahl stieg auf 3.5 Prozent."],
  ])("does not split %j", (text) => {
    expect(split(text)).toHaveLength(1);
  });

  it("returns trimmed spans whose text is the slice of the input", () => {
    const text = "  Erster Satz.   Zweiter Satz.\n  Dritter  ";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(split(text)).toEqual(["Erster Satz.", "Zweiter Satz.", "Dritter"]);
  });

  it("returns nothing for white space", () => {
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
});
