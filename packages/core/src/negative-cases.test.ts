import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "./extract.js";

/*
 * False positives, as chrono keeps its negative cases: sentences that state
 * no event at all. Generic remarks, goals, hypotheticals and conditions,
 * denials, plans that are not planned, opinions and assessments. Each must
 * produce no event (not even a planned or proposed one).
 */

type Lang = "de" | "en";
const eventsOf = (text: string, language: Lang) =>
  extract({ text, language, publishedAt: "2025-06-04" }).events.map((e) => `${e.type} (${e.modality}) from ${(e.triggers ?? []).map((t) => t.text).join(", ")}`);

const SEED_NEGATIVES = [
  "Dies ist einer der Schlüsselpunkt auf der Verhandlungsagenda, da Austausche seit langem ein bedeutendes Element diplomatischer Bemühungen sind, um Spannungen abzubauen und Menschenleben zu schützen.",
  "Trotz der angespannten Natur des Verhandlungsprozesses zeigen persönliche Treffen auf höchster Ebene das Bestreben der Parteien, Kompromisse einzugehen und konstruktiv zur Beilegung der Situation beizutragen.",
  "Derzeit ist es entscheidend, die möglichen umgesetzten vereinbarten Anstrengungen zu realisieren, um einen nachhaltigen Frieden zu erreichen und die im Verlauf der letzten Jahre entstandenen Konfliktfragen zu lösen.",
  "Das Hauptziel dieser Treffen war es, einen Konsens über die weiteren Schritte zu erzielen und die Positionen im Rahmen des diplomatischen Dialogs zu organisieren.",
];

describe("negative cases: no event", () => {
  it.each([
    // Goals.
    ["goal", "de", "Das Ziel sei es, eine Waffenruhe zu erreichen."],
    ["goal", "en", "The aim is to reach a lasting ceasefire."],
    // Generic remarks.
    ["generic", "de", "Verhandlungen sind oft ein langwieriger Prozess."],
    ["generic", "de", "Frieden lässt sich nur durch Verhandlungen erreichen."],
    ["generic", "en", "Negotiations are usually a slow process."],
    ["generic", "en", "Peace can only be achieved through negotiations."],
    ["generic", "en", "Ceasefires in this conflict have rarely lasted long."],
    ["generic", "en", "In the past, such exchanges have often been delayed."],
    // Hypotheticals and conditions.
    ["hypothetical", "de", "Wenn die Gespräche scheitern, droht eine weitere Eskalation."],
    ["hypothetical", "de", "Falls es zu einem Treffen kommt, könnte Istanbul der Ort sein."],
    ["hypothetical", "de", "Sollte Moskau zustimmen, könnte ein Austausch schon bald stattfinden."],
    ["hypothetical", "de", "Ob es zu einem Gipfeltreffen kommt, ist offen."],
    ["hypothetical", "en", "If the talks succeed, a ceasefire could follow within weeks."],
    ["hypothetical", "en", "Should the sides agree, a signing ceremony could be held in Geneva."],
    ["hypothetical", "en", "Whether a summit will take place remains unclear."],
    ["hypothetical", "en", "A prisoner exchange would be an important first step, experts say."],
    // Denials and negation.
    ["denial", "de", "Eine Einigung über eine Waffenruhe wurde nicht erzielt."],
    ["denial", "de", "Es gab keine Einigung über einen Waffenstillstand."],
    ["denial", "de", "Ein Gefangenenaustausch wurde bislang nicht vereinbart."],
    ["denial", "de", "Es gebe derzeit keine Pläne für ein Treffen der Präsidenten."],
    ["denial", "en", "No agreement on a ceasefire was reached."],
    ["denial", "en", "There were no talks on Friday."],
    ["denial", "en", "The Kremlin denied that any phone call had taken place."],
    ["denial", "en", "The White House denied reports of a secret meeting."],
    ["denial", "en", "Neither side has proposed a date for new talks."],
    ["denial", "en", "There are currently no plans for a meeting of the presidents."],
    ["denial", "de", "Ein Treffen sei nicht geplant."],
    ["denial", "de", "Ein Treffen zwischen Putin und Selenskyj ist derzeit nicht geplant."],
    ["denial", "en", "A meeting between the two presidents is not planned."],
    ["denial", "en", "Washington has not yet decided whether to join the talks."],
    // Hopes, opinions and assessments.
    ["opinion", "de", "Nach Ansicht von Experten wäre ein Gipfeltreffen verfrüht."],
    ["opinion", "de", "Kritiker bezweifeln, dass ein Abkommen lange halten würde."],
    ["opinion", "de", "Ein Waffenstillstand ist nach Einschätzung westlicher Diplomaten nicht in Sicht."],
    ["opinion", "de", "Russland will mögliche Gespräche nicht ausschließen."],
    ["opinion", "de", "Im Prinzip sind beide Seiten zu Gesprächen bereit."],
    ["opinion", "de", "Beobachter halten ein baldiges Abkommen für unwahrscheinlich."],
    ["opinion", "en", "Diplomats hope that a ceasefire agreement can be reached soon."],
    ["opinion", "en", "Many observers believe a deal is still far off."],
    ["opinion", "de", "Diplomaten hoffen, dass bald eine Einigung erzielt werden kann."],
    ["opinion", "en", "Officials said a summit would be premature."],
    // Readiness for talks is not talks.
    ["opinion", "de", "Moskau erklärte, man sei zu weiteren Gesprächen bereit."],
    ["opinion", "de", "Lawrow sagte: „Russland ist zu Gesprächen bereit.“"],
    // Speaking is not meeting: "mit Blick auf", the press.
    ["speech", "de", "Er hat mit Blick auf die Lage von Fortschritten gesprochen."],
    ["speech", "de", "Trump hat am Montag mit Journalisten gesprochen."],
        // The seed's four negative sentences, each on its own.
    ...SEED_NEGATIVES.map((s) => ["seed", "de", s] as const),
  ] as const)("%s (%s): %j", (_kind, lang, sentence) => {
    expect(eventsOf(sentence, lang)).toEqual([]);
  });

  it("the seed's negative sentences get no event in the context of the whole article", () => {
    const text = readFileSync(new URL("../../../seeds/000_d9bf279fc9ea0bf9.txt", import.meta.url), "utf8");
    const x = extract({ text, language: "de", publishedAt: null });
    for (const sentence of SEED_NEGATIVES) {
      const start = text.indexOf(sentence);
      expect(start).toBeGreaterThanOrEqual(0);
      const end = start + sentence.length;
      const inside = x.events.filter((e) => e.evidence.some((s) => s.start < end && start < s.end));
      expect(inside.map((e) => e.type), sentence).toEqual([]);
    }
  });

  /*
   * Parked: sentences that produce an event today (reported to the engineer
   * on the stages); the comment gives the actual output. Unskip once fixed.
   */
  it.each([
    // Actual: phone_call (asserted) from "Telefonat": "dementierte, dass" does not negate.
    ["denial", "de", "Der Kreml dementierte, dass ein Telefonat stattgefunden habe."],
    // Actual: negotiation (asserted) from "Gespräche": "bestreitet, dass" does not negate.
    ["denial", "de", "Die Ukraine bestreitet, dass es geheime Gespräche gegeben habe."],
    // Actual: agreement (asserted) from "deal": the doubt is not seen.
    ["opinion", "en", "Analysts doubt that a deal is within reach."],
  ] as const)("%s (%s): %j", (_kind, lang, sentence) => {
    expect(eventsOf(sentence, lang)).toEqual([]);
  });
});
