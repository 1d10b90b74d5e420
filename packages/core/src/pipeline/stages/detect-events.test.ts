import { describe, expect, it } from "vitest";
import { extract } from "../../extract.js";

type Lang = "de" | "en";
const extractOne = (text: string, language: Lang) => extract({ text, language, publishedAt: "2025-07-25" });

describe("detectEvents: the scope of a goal or hypothetical", () => {
  it.each([
    ["en", "He said Moscow had also proposed short truces along the front so that medics could recover the wounded."],
    ["en", "The two sides met in Istanbul because both armies could no longer hold the line."],
    ["de", "Die Delegationen trafen sich in Istanbul, damit die Gefangenen bald freikommen könnten."],
  ] as const)("a cue in a subordinate clause leaves the main clause's event (%s): %j", (lang, sentence) => {
    const { events } = extractOne(sentence, lang);
    expect(events).toHaveLength(1);
    expect(events[0]!.modality).not.toBe("hypothetical");
  });

  it.each([
    ["en", "Moscow could propose short truces along the front."],
    ["en", "The goal is that the two sides could meet in Istanbul."],
  ] as const)("a cue in the trigger's own clause still makes no event (%s): %j", (lang, sentence) => {
    expect(extractOne(sentence, lang).events).toEqual([]);
  });

  it("plural truces are a ceasefire issue", () => {
    const { events } = extractOne("Moscow proposed short truces of 24 to 48 hours along parts of the front.", "en");
    expect(events.map((e) => [e.type, e.issues])).toEqual([["proposal", ["ceasefire"]]]);
  });
});

describe("detectEvents: where an event takes place", () => {
  it("talks at a venue take place in its city; the venue stays among the places", () => {
    const x = extractOne("Aliyev and Pashinyan signed a joint declaration at the White House on Friday.", "en");
    expect(x.events.map((e) => [e.type, e.place])).toEqual([["signing", "place:washington"]]);
    const places = Object.fromEntries(x.places.map((p) => [p.id, p.mentions.map((m) => m.text)]));
    expect(places).toEqual({ "place:white-house": ["White House"], "place:washington": [] });
  });

  it("a venue inside a venue climbs to the city", () => {
    const x = extractOne("The leaders met in the State Dining Room on Friday.", "en");
    expect(x.events.map((e) => e.place)).toEqual(["place:washington"]);
  });

  it("a place that is part of another name is no place: the Minsk Group, the Geneva Conventions", () => {
    const x = extractOne("Both sides agreed to ask the OSCE to dissolve its Minsk Group.", "en");
    expect(x.events.map((e) => [e.type, e.place])).toEqual([["agreement", null]]);
    expect(x.places).toEqual([]);
    expect(extractOne("The envoys met in Geneva to discuss the Geneva Conventions.", "en").places.map((p) => p.mentions.length)).toEqual([1]);
  });

  it("a city named in the text keeps its mentions", () => {
    const x = extractOne("Die Delegationen trafen sich im Ciragan-Palast in Istanbul.", "de");
    expect(x.events.map((e) => e.place)).toEqual(["place:istanbul"]);
    expect(x.places.find((p) => p.id === "place:istanbul")!.mentions.map((m) => m.text)).toEqual(["Istanbul"]);
  });
});

describe("detectEvents: German talks verbs", () => {
  it("'mit … gesprochen' is a meeting, with its date, place and duration", () => {
    const x = extractOne(
      "Die Außenminister Deutschlands und Frankreichs haben am 20. Juni in Genf mehr als drei Stunden lang mit dem iranischen Außenminister gesprochen.",
      "de",
    );
    expect(x.events.map((e) => [e.type, e.date?.value, e.place, e.duration?.value])).toEqual([["meeting", "2025-06-20", "place:geneva", "PT3H"]]);
  });

  it("'gesprochen' without a counterpart is speech, not a meeting", () => {
    expect(extractOne("Der Minister hat von einem wichtigen Schritt gesprochen.", "de").events).toEqual([]);
  });

  it("'tagten' is a meeting", () => {
    expect(extractOne("Die Außenminister der G7 tagten am Montag in Rom.", "de").events.map((e) => e.type)).toEqual(["meeting"]);
  });
});

describe("detectEvents: one event or two", () => {
  it.each([
    ["en", "The two foreign ministers signed a declaration on Friday. Separately, the two ministers signed a memorandum on trade."],
    ["de", "Die beiden Außenminister unterzeichneten am Freitag eine Erklärung. Unabhängig davon unterzeichneten die beiden Minister ein Memorandum über den Handel."],
  ] as const)("'separately' tells a new event of the same type, with the same parties (%s)", (lang, text) => {
    const signings = extractOne(text, lang).events.filter((e) => e.type === "signing");
    expect(signings.map((e) => e.evidence.length)).toEqual([1, 1]);
  });

  it.each([
    ["en", "The envoys met in Vienna on March 8. The two ministers talked by phone the following day.", "XXXX-03-09"],
    ["de", "Die Gesandten trafen sich am 8. März in Wien. Am Folgetag telefonierten die beiden Minister.", "XXXX-03-09"],
  ] as const)("a day counted from an earlier event tells another event, on that day (%s)", (lang, text, date) => {
    const x = extract({ text, language: lang, publishedAt: null });
    const call = x.events.find((e) => e.type === "phone_call");
    expect(call?.date?.value).toBe(date);
    expect(x.events.find((e) => e.type === "meeting")?.date?.value).toBe("XXXX-03-08");
  });
});

describe("detectEvents: triggers found since the golden set's misses", () => {
  it("'agreed that … must' is an agreement: the 'must' belongs to the 'that' clause", () => {
    const { events } = extractOne("In Geneva, both sides agreed that any final deal must fully uphold Ukraine's sovereignty.", "en");
    expect(events.map((e) => [e.type, e.modality])).toContainEqual(["agreement", "asserted"]);
  });

  it("a message handed over at talks is a publication, where the talks were", () => {
    const { events } = extractOne("He was in Moscow, where he held talks with Sergey Lavrov and handed over a message from Ali Khamenei.", "en");
    expect(events.map((e) => [e.type, e.place])).toEqual([
      ["meeting", "place:moscow"],
      ["publication", "place:moscow"],
    ]);
  });

  it("a letter 'geschickt' is a publication", () => {
    const { events } = extractOne("Trump hatte Anfang März einen Brief an Chamenei geschickt.", "de");
    expect(events.map((e) => e.type)).toEqual(["publication"]);
  });

  it("negotiators who 'reconvene' negotiate", () => {
    const { events } = extractOne("The two chief negotiators are to reconvene in Oman on Saturday.", "en");
    expect(events.map((e) => [e.type, e.modality, e.place])).toEqual([["negotiation", "planned", "place:oman"]]);
  });
});

describe("detectEvents: German passive and pluperfect", () => {
  it.each([
    ["Das Abkommen wurde am Freitag in Washington unterzeichnet.", "signing"],
    ["Die Gefangenen wurden am Samstag ausgetauscht.", "prisoner_exchange"],
    ["Die Delegationen waren am Montag in Genf zusammengekommen.", "meeting"],
    ["Die Delegationen konnten am Montag in Genf einen Gefangenenaustausch vereinbaren.", "agreement"],
  ] as const)("'wurde', 'waren', 'konnten' are no subjunctive: %j", (sentence, type) => {
    expect(extractOne(sentence, "de").events.map((e) => [e.type, e.modality])).toContainEqual([type, "asserted"]);
  });

  it.each([
    "Ein Treffen könnte in Genf stattfinden.",
    "Ein Abkommen würde am Freitag unterzeichnet.",
    "Die Gefangenen wären am Samstag ausgetauscht worden.",
  ])("'könnte', 'würde', 'wären' still are: %j", (sentence) => {
    expect(extractOne(sentence, "de").events).toEqual([]);
  });
});


describe("detectEvents: what is no event of its own", () => {
  it("'zu Gesprächen … getroffen': the talks are the meeting, though the verb comes last", () => {
    const { events } = extractOne("Vertreter Irans und Frankreichs haben sich am Freitag in Istanbul zu Gesprächen über das Atomprogramm getroffen.", "de");
    expect(events.map((e) => e.type)).toEqual(["meeting"]);
  });

  it.each([
    ["en", "Egypt handed the proposal to Hamas on Sunday. Netanyahu said he would only accept a deal in which all hostages were released at once."],
    ["de", "Ägypten übergab der Hamas am Sonntag den Vorschlag. Am Montag übergab die Hamas die Leichen von zwei Geiseln."],
  ] as const)("hostages released, bodies handed over: no publication, not even a mention of the one before (%s)", (lang, text) => {
    const publications = extractOne(text, lang).events.filter((e) => e.type === "publication");
    expect(publications.map((e) => e.evidence.length)).toEqual([1]);
  });
});

describe("detectEvents: a cue of another event after a verb of saying", () => {
  it("'sagte anschließend, die Gespräche …' speaks of the same talks", () => {
    const { events } = extractOne(
      "Vertreter Irans und Frankreichs haben sich am Freitag in Istanbul getroffen. Das Treffen dauerte rund vier Stunden. Der iranische Vizeaußenminister Kasem Gharibabadi sagte anschließend, die Gespräche seien ernst gewesen.",
      "de",
    );
    expect(events.map((e) => [e.type, e.evidence.length])).toEqual([["meeting", 3]]);
  });

  it("'Zuvor, am Vortag, …' still tells another meeting", () => {
    const { events } = extractOne("Die Delegationen trafen sich am 17. Mai in Istanbul. Zuvor, am Vortag, führten sie ein kurzes Treffen durch.", "de");
    expect(events.map((e) => e.type)).toEqual(["meeting", "meeting"]);
  });
});

describe("detectEvents: places and dates that are not the event's", () => {
  it("the place of 'the war in Ukraine' is not the agreement's", () => {
    const { events } = extractOne("Rubio and Lavrov agreed on Tuesday to set up teams to work on ending the war in Ukraine.", "en");
    expect(events.map((e) => [e.type, e.place])).toEqual([["agreement", null]]);
  });

  it("the date and the parties of a 'since' phrase after the trigger are not the meeting's", () => {
    const { events } = extractOne("The meeting in Riyadh was the first contact between Washington and Moscow since Russia's invasion of Ukraine in February 2022.", "en");
    expect(events.map((e) => [e.type, e.place, e.date])).toEqual([["meeting", "place:riyadh", null]]);
    expect(events[0]!.participants).not.toContain("state:UKR");
  });

  it("a 'since' phrase before the trigger leaves the clause's parties to the event", () => {
    const { events } = extractOne("Erstmals seit Beginn des Krieges haben Vertreter der USA und Russlands am 18. Februar in Riad miteinander verhandelt.", "de");
    expect(events.map((e) => [e.type, e.date?.value, e.participants])).toEqual([["negotiation", "2025-02-18", ["state:USA", "state:RUS"]]]);
  });

  it("'nach Angaben aus Baku' names a source, not another place of the meeting", () => {
    const { events } = extractOne(
      "Paschinjan und Alijew sind am Donnerstag in Abu Dhabi zusammengekommen. Die Unterredung dauerte nach Angaben aus Baku knapp zwei Stunden.",
      "de",
    );
    expect(events.map((e) => [e.type, e.place, e.duration?.value, e.evidence.length])).toEqual([["meeting", "place:abu-dhabi", "PT2H", 2]]);
  });
});

describe("detectEvents: rounds, headlines, participles and topics", () => {
  it("'the first round' is not 'the second round'", () => {
    const { events } = extractOne(
      "Russia and Ukraine held a second round of talks in Istanbul on Monday. The first round of talks, held in Istanbul on May 16, produced a prisoner exchange.",
      "en",
    );
    expect(events.filter((e) => e.type === "negotiation").map((e) => e.date?.value ?? null)).toEqual(["2025-07-21", "2025-05-16"]);
  });

  it("the lead tells the headline's agreement again beside another event's cue", () => {
    const { events } = extractOne(
      "Russia and Ukraine agree on prisoner swap\n\nISTANBUL (Reuters) - Russian and Ukrainian delegations met in Istanbul on Monday for their second round of talks, agreeing to exchange all severely wounded prisoners of war.",
      "en",
    );
    expect(events.filter((e) => e.type === "agreement").map((e) => e.evidence.length)).toEqual([2]);
  });

  it("'eine vereinbarte Linie' is no agreement", () => {
    expect(extractOne("Die israelische Armee soll sich auf eine vereinbarte Linie zurückziehen.", "de").events.map((e) => e.type)).not.toContain("agreement");
  });

  it("a plan 'für den Gazastreifen' is not in Gaza", () => {
    const { events } = extractOne("Trump legte am Montag einen Friedensplan für den Gazastreifen vor.", "de");
    expect(events.map((e) => [e.type, e.place])).toEqual([["proposal", null]]);
  });
});

describe("detectEvents: one event per phrase", () => {
  it("'held a fourth round of indirect talks' is one event", () => {
    const { events } = extractOne("Araqchi and Witkoff held a fourth round of indirect talks in Muscat on Sunday.", "en");
    expect(events.map((e) => [e.type, e.place, e.date?.value])).toEqual([["negotiation", "place:muscat", "2025-07-20"]]);
  });

  it("a memorandum signed is a signing, not a proposal", () => {
    expect(extractOne("The two countries signed a memorandum of understanding.", "en").events.map((e) => e.type)).toEqual(["signing"]);
  });

  it("'angeboten' proposes", () => {
    expect(extractOne("Russland hat der Ukraine eine 30-tägige Waffenruhe angeboten.", "de").events.map((e) => [e.type, e.issues])).toEqual([["proposal", ["ceasefire"]]]);
  });
});

describe("detectEvents: offers, refusals and rounds (data)", () => {
  it.each([
    ["en", "Turkey offers Istanbul as a venue for a new round of peace talks."],
    ["en", "Switzerland has offered to host the next meeting of the foreign ministers."],
  ] as const)("an offer to host is a proposal (%s): %j", (lang, sentence) => {
    expect(extractOne(sentence, lang).events.map((e) => e.type)).toEqual(["proposal"]);
  });

  it.each([
    ["en", "The Kremlin declined to comment on the report."],
    ["en", "A spokesman for the ministry declined to comment."],
  ] as const)("declining to comment is no rejection (%s): %j", (lang, sentence) => {
    expect(extractOne(sentence, lang).events).toEqual([]);
  });

  it("declining an invitation still is a rejection", () => {
    expect(extractOne("Tehran declined the invitation to the talks in Oslo on Monday.", "en").events.map((e) => e.type)).toEqual(["rejection"]);
  });

  it("a German 'Runde' that took place is a negotiation, with its date and place", () => {
    const x = extractOne("Die zweite Runde hatte Anfang März in Genf stattgefunden.", "de");
    expect(x.events.map((e) => [e.type, e.place])).toEqual([["negotiation", "place:geneva"]]);
  });
});

describe("detectEvents: how long an event lasted", () => {
  const durationOf = (text: string, lang: Lang, type: string) => extractOne(text, lang).events.find((e) => e.type === type)?.duration?.value ?? null;

  it.each([
    // A verb of lasting tells the length, over a shorter one told before.
    ["de", "Die Minister sprachen zunächst einige Minuten unter vier Augen miteinander. Insgesamt dauerte das Treffen rund drei Stunden.", "meeting", "PT3H"],
    ["en", "The envoys first spoke alone for a few minutes. In all, the meeting lasted about three hours.", "meeting", "PT3H"],
    // A length before "of talks" or in a compound measures those talks, not the truce beside them.
    ["en", "Kyiv backed a 30-day truce after more than six hours of talks with U.S. officials in Riyadh.", "negotiation", "PT6H"],
    ["de", "Nach einem zweistündigen Gespräch in Genf unterzeichneten die Minister eine Erklärung.", "meeting", "PT2H"],
    // "nach gut einer Stunde zu Ende gegangen": hours after "nach" are the talks' own length.
    ["de", "Die Verhandlungen in Genf gingen am Montag nach gut einer Stunde zu Ende.", "negotiation", "PT1H"],
  ] as const)("(%s) %j: the %s lasted %s", (lang, text, type, value) => {
    expect(durationOf(text, lang, type)).toBe(value);
  });

  it.each([
    ["en", "The first direct talks between the two countries in three years were held in Vienna on Monday.", "negotiation"],
    ["de", "Erstmals seit drei Jahren verhandelten die beiden Länder am Montag in Wien direkt miteinander.", "negotiation"],
    ["de", "Nach drei Jahren Pause trafen sich die Außenminister am Montag in Wien.", "meeting"],
    ["en", "The ministers agreed in Vienna on Monday on a month-long ceasefire.", "agreement"],
  ] as const)("(%s) %j: a gap or another thing's length is not the %s's", (lang, text, type) => {
    const x = extractOne(text, lang);
    expect(x.events.find((e) => e.type === type)).toBeDefined();
    expect(x.events.every((e) => e.duration === null)).toBe(true);
  });
});

describe("detectEvents: a place that is not where the event was", () => {
  const placeOf = (text: string, lang: Lang, type: string) => extractOne(text, lang).events.find((e) => e.type === type)?.place;

  it.each([
    // Origins: where the parties come from.
    ["de", "Unterhändler aus Russland und den USA verhandelten am Dienstag in Wien über den Austausch von Diplomaten.", "negotiation", "place:vienna"],
    ["en", "Negotiators from Russia and the United States held talks in Vienna on Tuesday.", "meeting", "place:vienna"],
    ["en", "Delegations from Kyiv and Moscow met on Tuesday.", "meeting", null],
    // The seat of who says it.
    ["de", "Beide Seiten einigten sich auf einen Austausch von Gefangenen, teilte das Außenministerium in Moskau mit.", "agreement", null],
    ["en", "The two sides agreed to reopen their consulates, the foreign ministry in Baku said.", "agreement", null],
    ["de", "Der Sprecher sagte in Washington, die Verhandlungen in Genf seien konstruktiv gewesen.", "negotiation", "place:geneva"],
  ] as const)("(%s) %j: the %s is at %s", (lang, text, type, place) => {
    expect(placeOf(text, lang, type)).toBe(place);
  });

  it("a state named as where parties come from still takes part", () => {
    const x = extractOne("Unterhändler aus Russland und den USA verhandelten am Dienstag in Wien.", "de");
    expect(x.events.find((e) => e.type === "negotiation")?.participants).toEqual(expect.arrayContaining(["state:RUS", "state:USA"]));
  });

  it("border provinces are places, with their countries", () => {
    const x = extractOne("The border commissions met on the frontier between Armenia's Tavush province and Azerbaijan's Qazax district on Monday.", "en");
    expect(Object.fromEntries(x.places.map((p) => [p.id, p.country]))).toMatchObject({ "place:tavush": "ARM", "place:gazakh": "AZE" });
    expect(x.events.find((e) => e.type === "meeting")?.place).toBe("place:tavush");
  });
});

describe("detectEvents: what came of dated talks takes their date", () => {
  const dateOf = (text: string, lang: Lang, type: string) => extractOne(text, lang).events.find((e) => e.type === type)?.date?.value ?? null;

  it.each([
    ["en", "Negotiators from Serbia and Kosovo met in Brussels on Monday. The two sides agreed to reopen a border crossing near Jarinje.", "agreement", "2025-07-21"],
    ["en", "Negotiators from Serbia and Kosovo met in Brussels on Monday. The Serbian delegation also handed over a list of missing persons.", "publication", "2025-07-21"],
    ["de", "Die Außenminister Serbiens und des Kosovo trafen sich am Dienstag in Brüssel. Beide Seiten einigten sich darauf, einen Grenzübergang wieder zu öffnen.", "agreement", "2025-07-22"],
    ["de", "Die Außenminister Serbiens und des Kosovo trafen sich am Dienstag in Brüssel. Serbien übergab außerdem eine Liste vermisster Personen.", "publication", "2025-07-22"],
  ] as const)("(%s) %j: the %s is on %s", (lang, text, type, date) => {
    expect(dateOf(text, lang, type)).toBe(date);
  });

  it.each([
    // Put before the talks.
    ["en", "Negotiators from Serbia and Kosovo met in Brussels on Monday. Kosovo had earlier proposed a joint commission on missing persons.", "proposal"],
    ["de", "Die Außenminister Serbiens und des Kosovo trafen sich am Dienstag in Brüssel. Der Kosovo hatte eine gemeinsame Kommission vorgeschlagen.", "proposal"],
    // Talks only planned have no day yet to give.
    ["en", "Negotiators from Serbia and Kosovo will meet in Brussels on Monday. The two sides agreed to reopen a border crossing near Jarinje.", "agreement"],
    // Another day told since the talks: the report has moved on.
    ["en", "Negotiators from Serbia and Kosovo met in Brussels on Monday. On Wednesday, Kosovo's prime minister visited Paris. The two sides agreed to reopen a border crossing near Jarinje.", "agreement"],
  ] as const)("(%s) %j: the %s keeps no date", (lang, text, type) => {
    expect(dateOf(text, lang, type)).toBeNull();
  });
});

describe("detectEvents: an exchange or release named inside an outcome is its issue", () => {
  it.each([
    ["en", "Georgia has offered to exchange three detained soldiers for its own citizens held in Abkhazia.", "proposal"],
    ["en", "The talks produced agreement on freeing elderly soldiers held by both sides.", "agreement"],
  ] as const)("(%s) %j: the %s is about a prisoner exchange", (lang, text, type) => {
    const event = extractOne(text, lang).events.find((e) => e.type === type);
    expect(event?.issues).toContain("prisoner_exchange");
  });

  it("an exchange of views is no issue", () => {
    const event = extractOne("The two ministers agreed to exchange views on regional security regularly.", "en").events.find((e) => e.type === "agreement");
    expect(event?.issues).toEqual([]);
  });
});

describe("detectEvents: German words of withdrawal", () => {
  it.each([
    "Serbien verlangt, dass sich die Polizei des Kosovo aus dem Norden zurückzieht.",
    "Aserbaidschan schlug vor, die Truppen beider Seiten von der Grenze zurückzuziehen.",
  ])("%j: the proposal is about a withdrawal", (text) => {
    const event = extractOne(text, "de").events.find((e) => e.type === "proposal");
    expect(event?.issues).toContain("withdrawal");
  });
});
