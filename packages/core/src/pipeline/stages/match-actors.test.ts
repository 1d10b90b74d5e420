import { describe, expect, it } from "vitest";
import { extract } from "../../extract.js";

/*
 * Actors and places through `extract()`: the knowledge base's names and
 * transliterations, German inflection, demonyms, capital metonyms (a capital
 * that acts is its state, a capital after a preposition is a place), and
 * people found from their title.
 */

type Lang = "de" | "en";
const run = (text: string, language: Lang) => extract({ text, language, publishedAt: null });
const actorsOf = (text: string, language: Lang) => run(text, language).actors.map((a) => ({ id: a.id, mentions: a.mentions.map((m) => m.text) }));

describe("matchActors (through extract)", () => {
  it.each([
    ["TASS berief sich auf Aussagen Medinskijs.", "de", "person:vladimir-medinsky", "Medinskijs"],
    ["Wladimir Medinskiy leitete die russische Delegation.", "de", "person:vladimir-medinsky", "Wladimir Medinskiy"],
    ["Medinsky led the Russian delegation.", "en", "person:vladimir-medinsky", "Medinsky"],
    ["Мединский провёл переговоры.", "en", "person:vladimir-medinsky", "Мединский"],
    ["Der ukrainische Verteidigungsminister Umjerow reiste nach Istanbul.", "de", "person:rustem-umerov", "Umjerow"],
    ["Rustem Umerov led the Ukrainian delegation.", "en", "person:rustem-umerov", "Rustem Umerov"],
    ["Umerow sprach von Fortschritten.", "de", "person:rustem-umerov", "Umerow"],
    ["Die russische Delegation traf in Istanbul ein.", "de", "state:RUS", "russische"],
    ["Laut russischen Medien dauerte das Treffen zwei Stunden.", "de", "state:RUS", "russischen"],
    ["Die ukrainischen Unterhändler reisten ab.", "de", "state:UKR", "ukrainischen"],
    ["Russian and Ukrainian delegations met in Istanbul.", "en", "state:UKR", "Ukrainian"],
    ["Russian and Ukrainian delegations met in Istanbul.", "en", "state:RUS", "Russian"],
    ["Moskau erklärte, man sei zu weiteren Gesprächen bereit.", "de", "state:RUS", "Moskau"],
    ["Kiew lehnte den Vorschlag ab.", "de", "state:UKR", "Kiew"],
    ["Tatjana Moskalkowa kündigte einen weiteren Austausch an.", "de", "person:tatyana-moskalkova", "Tatjana Moskalkowa"],
    ["Russia's Defence Ministry published a list of the returned soldiers.", "en", "organization:russian-ministry-of-defence", "Russia's Defence Ministry"],
    ["Das Forum der Geiselfamilien forderte eine rasche Einigung.", "de", "organization:hostages-and-missing-families-forum", "Forum der Geiselfamilien"],
    ["Ankara bot an, die Gespräche auszurichten.", "de", "state:TUR", "Ankara"],
    ["The Kremlin said the talks were useful.", "en", "state:RUS", "Kremlin"],
    ["Washington and Moscow agreed on a prisoner exchange.", "en", "state:USA", "Washington"],
    ["Der russische Außenminister Sergej Lawrow traf Rubio.", "de", "person:sergey-lavrov", "Sergej Lawrow"],
    ["Der russische Außenminister Sergej Lawrow traf Rubio.", "de", "person:marco-rubio", "Rubio"],
    ["Kremlin spokesman Dmitry Peskov said Moscow was open.", "en", "person:dmitry-peskov", "Dmitry Peskov"],
    ["Sprecher Dmitri Peskow sagte, der Kreml sei offen.", "de", "person:dmitry-peskov", "Dmitri Peskow"],
    ["The Turkish foreign minister Hakan Fidan hosted the talks in Istanbul.", "en", "state:TUR", "Turkish"],
    ["Die Hamas und Israel verhandelten in Doha.", "de", "organization:hamas", "Hamas"],
    ["Weißrussland und Belarus sind dasselbe Land.", "de", "state:BLR", "Weißrussland"],
    ["Das Weiße Haus erklärte, man sei zufrieden.", "de", "organization:white-house", "Weiße Haus"],
    ["Pressesprecherin Karoline Leavitt sagte, die Gespräche seien gut.", "de", "person:karoline-leavitt", "Karoline Leavitt"],
    ["Der katarische Vermittler Mohammed Al-Khulaifi traf die Delegationen.", "de", "person:mohammed-al-khulaifi", "Mohammed Al-Khulaifi"],
    ["Chief negotiator Jane Doe met her counterpart.", "en", "person:jane-doe", "Jane Doe"],
  ] as const)("accepts %j (%s): %s from %j", (text, lang, id, mention) => {
    const actor = actorsOf(text, lang).find((a) => a.id === id);
    expect(actor?.mentions).toContain(mention);
  });

  it.each([
    ["Die Gespräche in Moskau dauerten drei Stunden.", "de", "state:RUS", "place:moscow", "Moskau"],
    ["Die Gespräche fanden in Ankara statt.", "de", "state:TUR", "place:ankara", "Ankara"],
    ["The talks in Brussels ended.", "en", "organization:eu", "place:brussels", "Brussels"],
    ["Die Gespräche in Genf endeten ohne Ergebnis.", "de", "state:CHE", "place:geneva", "Genf"],
  ] as const)("rejects a capital after a preposition as an actor: %j is a place", (text, lang, notActor, place, mention) => {
    const x = run(text, lang);
    expect(x.actors.map((a) => a.id)).not.toContain(notActor);
    expect(x.places.find((p) => p.id === place)?.mentions.map((m) => m.text)).toEqual([mention]);
  });

  it.each([
    ["Der Außenminister reiste ab.", "de"],
    ["The president left early.", "en"],
    ["Am Montag begann die Konferenz.", "de"],
    ["Neue Hoffnung Für Die Verhandlungen", "de"],
    ["Peace Talks Resume In Geneva", "en"],
    ["Die Gespräche in Genf endeten ohne Ergebnis.", "de"],
    ["Die Delegationen trafen sich mit Mustermann.", "de"],
  ] as const)("rejects %j: no person, state or organisation", (text, lang) => {
    expect(actorsOf(text, lang)).toEqual([]);
  });

  it("keeps one person one actor however spelled and inflected", () => {
    const x = run("Wladimir Medinskiy sprach zuerst. Später betonte Medinski, Medinskijs Team sei bereit. Medinsky reiste ab.", "de");
    const people = x.actors.filter((a) => a.kind === "person");
    expect(people.map((a) => a.id)).toEqual(["person:vladimir-medinsky"]);
    expect(people[0]?.mentions.map((m) => m.text)).toEqual(["Wladimir Medinskiy", "Medinski", "Medinskijs", "Medinsky"]);
    expect(people[0]).toMatchObject({ name: "Vladimir Medinsky", country: "RUS", known: true });
  });

  it("gives a person outside the knowledge base a stable id from the name, and a later surname is the same actor", () => {
    const text = "Außenminister Max Mustermann traf sich mit seinem Kollegen. Mustermann sagte, das Treffen sei gut gewesen.";
    const first = run(text, "de").actors.filter((a) => a.kind === "person");
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ id: "person:max-mustermann", known: false, country: null });
    expect(first[0]?.mentions.map((m) => m.text)).toEqual(["Max Mustermann", "Mustermann"]);
    // Stable: another article naming him gets the same id.
    const other = run("Chefunterhändler Max Mustermann reiste nach Genf.", "de").actors.find((a) => a.kind === "person");
    expect(other?.id).toBe("person:max-mustermann");
  });

  it("finds an unknown English negotiator and the later surname", () => {
    const x = run("Chief negotiator Jane Doe met her counterpart. Doe said later that progress was made.", "en");
    expect(x.actors.find((a) => a.id === "person:jane-doe")?.mentions.map((m) => m.text)).toEqual(["Jane Doe", "Doe"]);
  });

  /*
   * Parked: reasonable cases the stage gets wrong today (reported). Unskip
   * each once it passes.
   */
  it.each([
    ["Der Sprecher des Weißen Hauses, Karoline Leavitt, sagte, die Gespräche seien gut.", "de", "organization:white-house", "Weißen Hauses"],
  ] as const)("accepts %j (%s): %s from %j", (text, lang, id, mention) => {
    const actor = actorsOf(text, lang).find((a) => a.id === id);
    expect(actor?.mentions).toContain(mention);
  });

  // A name in apposition after the title and its complement, with the complement's country.
  it.each([
    ["Der Sprecher des Weißen Hauses, Harrison Fields, sagte, die Gespräche seien gut.", "de", "person:harrison-fields", "Harrison Fields", "USA"],
    ["Der Sprecher des ukrainischen Außenministeriums, Oleh Nikolenko, sagte: „Wir sind bereit.“", "de", "person:oleh-nikolenko", "Oleh Nikolenko", "UKR"],
    ["A spokesman for Ukraine's foreign ministry, Oleh Nikolenko, said the talks were useful.", "en", "person:oleh-nikolenko", "Oleh Nikolenko", "UKR"],
  ] as const)("accepts %j (%s): %s from %j, of %s", (text, lang, id, mention, country) => {
    const actor = run(text, lang).actors.find((a) => a.id === id);
    expect(actor?.mentions.map((m) => m.text)).toContain(mention);
    expect(actor?.country).toBe(country);
  });

  it("takes no apposition of common nouns: 'Der Sprecher des Ministeriums, Frieden und Freiheit, …'", () => {
    expect(actorsOf("Der Sprecher des Ministeriums, Frieden und Freiheit, sagte nichts.", "de").filter((a) => a.id.startsWith("person:"))).toEqual([]);
  });

  it("does not make an acting White House a place too", () => {
    // Actual: "Weiße Haus" is both organization:white-house and a mention of place:white-house,
    // unlike "Moskau erklärte" (actor only) and "in Moskau" (place only).
    const x = run("Das Weiße Haus erklärte, man sei zufrieden.", "de");
    expect(x.places).toEqual([]);
  });
});
