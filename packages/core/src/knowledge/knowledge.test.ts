import { describe, expect, it } from "vitest";
import actorsJson from "./actors.json";
import placesJson from "./places.json";
import deDemonymsJson from "../lang/de/demonyms.json";
import enDemonymsJson from "../lang/en/demonyms.json";
import { DemonymsFileSchema } from "../lang/demonyms-schema.js";
import { KnowledgeActorsFileSchema, KnowledgePlacesFileSchema } from "./schema.js";

/** The scorer's folding (FORMAT.md §4): NFKD, no diacritics, lower case, ß→ss. */
const fold = (s: string) =>
  s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");

const actors = KnowledgeActorsFileSchema.parse(actorsJson);
const places = KnowledgePlacesFileSchema.parse(placesJson);
const demonyms = { de: DemonymsFileSchema.parse(deDemonymsJson), en: DemonymsFileSchema.parse(enDemonymsJson) };

const actorById = new Map(actors.map((a) => [a.id, a]));
const placeById = new Map(places.map((p) => [p.id, p]));
const stateCodes = new Set(actors.flatMap((a) => (a.kind === "state" && a.country !== null ? [a.country] : [])));

/** Folded surface form → ids of the entries that list it. */
function index<T extends { id: string }>(entries: T[], forms: (e: T) => string[]) {
  const map = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const form of forms(e)) {
      const key = fold(form);
      map.set(key, (map.get(key) ?? new Set()).add(e.id));
    }
  }
  return map;
}
// The knowledge base indexes the canonical name as a name too.
const actorForms = index(actors, (a) => [a.name, ...a.aliases, ...(a.metonyms ?? [])]);
const placeForms = index(places, (p) => [p.name, ...p.aliases]);
const shared = (map: Map<string, Set<string>>) =>
  [...map].filter(([, ids]) => ids.size > 1).map(([form, ids]) => `${form}: ${[...ids].join(", ")}`);

const lookupActor = (form: string) => [...(actorForms.get(fold(form)) ?? [])];
/** As the extractor matches: short all-caps names ("WELT", "US") only in that case. */
const isShortCaps = (s: string) => s.length <= 4 && /^[A-Z.]+$/.test(s);
const matchesActor = (form: string) =>
  actors
    .filter((a) => [a.name, ...a.aliases, ...(a.metonyms ?? [])].some((f) => (isShortCaps(f) ? f === form : fold(f) === fold(form))))
    .map((a) => a.id);
const lookupPlace = (form: string) => [...(placeForms.get(fold(form)) ?? [])];

describe("actors.json", () => {
  it("has unique ids", () => {
    expect(actors.length).toBe(actorById.size);
  });

  it("shares no name, alias or metonym between two actors", () => {
    expect(shared(actorForms)).toEqual([]);
  });

  // Folded duplicates on one actor are wanted ("Türkei" and "Turkei"): only exact repeats are noise.
  it("does not list a form twice on one actor", () => {
    const repeated = actors.flatMap((a) => {
      const forms = [...a.aliases, ...(a.metonyms ?? [])];
      return forms.filter((f, i) => forms.indexOf(f) !== i).map((f) => `${a.id}: ${f}`);
    });
    expect(repeated).toEqual([]);
  });

  it("prefixes each id with its kind, and a state id with its own country", () => {
    for (const a of actors) {
      expect(a.id.split(":")[0], a.id).toBe(a.kind);
      if (a.kind === "state") expect(a.id, a.id).toBe(`state:${a.country}`);
    }
  });

  it("gives every actor's country and every role's holder as a known state or actor", () => {
    for (const a of actors) {
      if (a.country !== null) expect(stateCodes.has(a.country), `${a.id} ${a.country}`).toBe(true);
      for (const role of a.roles ?? []) {
        if (role.of) expect(actorById.has(role.of), `${a.id} ${role.of}`).toBe(true);
      }
    }
  });

  it("writes role dates as YYYY or YYYY-MM, in order", () => {
    const date = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
    for (const a of actors) {
      for (const role of a.roles ?? []) {
        if (role.from) expect(role.from, a.id).toMatch(date);
        if (role.to) expect(role.to, a.id).toMatch(date);
        // "2022" as an end means the whole year: compare "2022-02" with "2022-12".
        const start = role.from?.padEnd(7, "-01");
        const end = role.to?.length === 4 ? `${role.to}-12` : role.to;
        if (start && end) expect(start <= end, `${a.id} ${role.title}`).toBe(true);
      }
    }
  });

  it("marks only organisations as outlets", () => {
    for (const a of actors.filter((x) => x.outlet)) expect(a.kind, a.id).toBe("organization");
  });

  it.each([
    ["Medinskij", "person:vladimir-medinsky"],
    ["Wladimir Medinskiy", "person:vladimir-medinsky"],
    ["Мединский", "person:vladimir-medinsky"],
    ["Umjerow", "person:rustem-umerov"],
    ["Rustem Umerov", "person:rustem-umerov"],
    ["Selenskyj", "person:volodymyr-zelensky"],
    ["Zelenskyy", "person:volodymyr-zelensky"],
    ["Lawrow", "person:sergey-lavrov"],
    ["Peskow", "person:dmitry-peskov"],
    ["Uschakow", "person:yuri-ushakov"],
    ["Dmitrijew", "person:kirill-dmitriev"],
    ["Jermak", "person:andriy-yermak"],
    ["Sybiga", "person:andrii-sybiha"],
    ["Araghtschi", "person:abbas-araghchi"],
    ["Araqchi", "person:abbas-araghchi"],
    ["Erdogan", "person:recep-tayyip-erdogan"],
    ["Erdoğan", "person:recep-tayyip-erdogan"],
    ["Witkoff", "person:steve-witkoff"],
    ["Netanjahu", "person:benjamin-netanyahu"],
    ["Paschinjan", "person:nikol-pashinyan"],
    ["Alijew", "person:ilham-aliyev"],
    ["Mohammed bin Salman", "person:mohammed-bin-salman"],
    ["Yahya Sinwar", "person:yahya-sinwar"],
    ["Mohammed Sinwar", "person:mohammed-sinwar"],
    ["Papst Leo XIV.", "person:pope-leo-xiv"],
    ["Hisbollah", "organization:hezbollah"],
    ["Huthi", "organization:houthis"],
    ["Hamas", "organization:hamas"],
    ["White House", "organization:white-house"],
    ["Weiße Haus", "organization:white-house"],
    ["Badr al-Bussaidi", "person:badr-albusaidi"],
    ["Russische Föderation", "state:RUS"],
    ["Russian Federation", "state:RUS"],
    ["Vereinigte Staaten", "state:USA"],
    ["U.S.", "state:USA"],
    ["Türkiye", "state:TUR"],
    ["Turkei", "state:TUR"],
    ["Großbritannien", "state:GBR"],
    ["Grossbritannien", "state:GBR"],
    ["Vereinigtes Königreich", "state:GBR"],
    ["Heiliger Stuhl", "state:VAT"],
    ["TASS", "organization:tass"],
    ["ТАСС", "organization:tass"],
    ["Vereinte Nationen", "organization:un"],
    ["UN-Sicherheitsrat", "organization:un-security-council"],
    ["Internationale Atomenergiebehörde", "organization:iaea"],
    ["Rotes Kreuz", "organization:icrc"],
  ])("finds %s as %s", (form, id) => {
    expect(lookupActor(form)).toEqual([id]);
  });

  it.each([
    ["Moskau", "state:RUS"],
    ["Kreml", "state:RUS"],
    ["Kremlin", "state:RUS"],
    ["Kyjiw", "state:UKR"],
    ["Kiev", "state:UKR"],
    ["Peking", "state:CHN"],
    ["Teheran", "state:IRN"],
    ["Jerewan", "state:ARM"],
    ["Brüssel", "organization:eu"],
  ])("knows %s as a metonym of %s", (form, id) => {
    const actor = actorById.get(id);
    expect(actor?.metonyms?.map(fold)).toContain(fold(form));
    expect(actor?.aliases.map(fold)).not.toContain(fold(form));
  });

  // Capitalised aliases match only capitalised words, so English "Gallant" or "Waltz" are safe;
  // German nouns ("Herzog", "Spiegel", "Bild") and shared names are not.
  it.each(["Sinwar", "Al Thani", "bin Salman", "Powell", "Herzog", "Saar", "Costa", "Sullivan", "Spiegel", "Bild", "Welt", "Die Welt", "Die Zeit", "Guardian"])(
    "lists no ambiguous or ordinary word %s as a name",
    (form) => {
      expect(matchesActor(form)).toEqual([]);
    },
  );

  // English plurals of groups ("Houthis") are fine; names of people and states take no -s.
  it("does not list German genitive -s forms of people and states", () => {
    const genitives = actors.filter((a) => a.kind === "person" || a.kind === "state").flatMap((a) => {
      const forms = new Set(a.aliases);
      return a.aliases.filter((f) => f.endsWith("s") && forms.has(f.slice(0, -1))).map((f) => `${a.id}: ${f}`);
    });
    expect(genitives).toEqual([]);
  });
});

describe("places.json", () => {
  it("has unique ids and no alias on two places", () => {
    expect(places.length).toBe(placeById.size);
    expect(shared(placeForms)).toEqual([]);
  });

  it("puts every venue in an existing city", () => {
    for (const p of places.filter((x) => x.in !== undefined)) {
      expect(p.kind, p.id).toBe("venue");
      expect(placeById.get(p.in ?? "")?.kind, p.id).toBe("city");
      expect(placeById.get(p.in ?? "")?.country, p.id).toBe(p.country);
    }
  });

  it("gives every place the country of a known state, and every state a country place", () => {
    for (const p of places) if (p.country !== null) expect(stateCodes.has(p.country), p.id).toBe(true);
    const countries = new Set(places.filter((p) => p.kind === "country").map((p) => p.country));
    // The Holy See is a city state: place:vatican-city stands for it.
    const missing = [...stateCodes].filter((c) => !countries.has(c) && c !== "VAT");
    expect(missing).toEqual([]);
  });

  it.each([
    ["Genf", "place:geneva", "CHE"],
    ["Istanbul", "place:istanbul", "TUR"],
    ["İstanbul", "place:istanbul", "TUR"],
    ["Kyjiw", "place:kyiv", "UKR"],
    ["Charkiw", "place:kharkiv", "UKR"],
    ["Saporischschja", "place:zaporizhzhia", "UKR"],
    ["Dschidda", "place:jeddah", "SAU"],
    ["Eriwan", "place:yerevan", "ARM"],
    ["Dolmabahce-Palast", "place:dolmabahce-palace", "TUR"],
    ["Weißes Haus", "place:white-house", "USA"],
    ["Türkei", "place:turkey", "TUR"],
    ["Gazastreifen", "place:gaza-strip", "PSE"],
    ["Bergkarabach", "place:nagorno-karabakh", "AZE"],
  ])("finds %s as %s in %s", (form, id, country) => {
    expect(lookupPlace(form)).toEqual([id]);
    expect(placeById.get(id)?.country).toBe(country);
  });

  it.each([
    ["place:istanbul", 41.01, 28.98],
    ["place:geneva", 46.2, 6.14],
    ["place:anchorage", 61.22, -149.9],
    ["place:doha", 25.29, 51.53],
  ])("places %s near %f, %f", (id, lat, lon) => {
    const p = placeById.get(id);
    expect(Math.abs((p?.lat ?? 0) - lat)).toBeLessThan(0.1);
    expect(Math.abs((p?.lon ?? 0) - lon)).toBeLessThan(0.1);
  });
});

describe.each(["de", "en"] as const)("lang/%s/demonyms.json", (lang) => {
  const file = demonyms[lang];

  it("names only states of actors.json", () => {
    expect(file.filter((d) => !stateCodes.has(d.country))).toEqual([]);
  });

  it("covers every state", () => {
    const covered = new Set(file.map((d) => d.country));
    expect([...stateCodes].filter((c) => !covered.has(c))).toEqual([]);
  });

  it("has no adjective or noun on two countries", () => {
    const forms = index(
      file.map((d, i) => ({ ...d, id: d.country, key: i })),
      (d) => [d.adjective, ...d.nouns],
    );
    expect(shared(forms)).toEqual([]);
  });

  it("lists no noun that is also a state's name", () => {
    const clashes = file.flatMap((d) => d.nouns.filter((n) => lookupActor(n).length > 0));
    expect(clashes).toEqual([]);
  });
});

describe("German demonyms", () => {
  it("lists adjective stems without endings", () => {
    for (const d of demonyms.de) expect(d.adjective, d.adjective).toMatch(/sch$/);
  });

  it.each([
    ["russisch", "RUS"],
    ["US-amerikanisch", "USA"],
    ["aserbaidschanisch", "AZE"],
    ["saudi-arabisch", "SAU"],
  ])("maps %s to %s", (adjective, country) => {
    expect(demonyms.de.find((d) => d.adjective === adjective)?.country).toBe(country);
  });

  it("leaves out europäisch and sowjetisch", () => {
    expect(demonyms.de.map((d) => d.adjective)).not.toContain("europäisch");
    expect(demonyms.de.map((d) => d.adjective)).not.toContain("sowjetisch");
  });
});

describe("English demonyms", () => {
  it.each([
    ["Russian", "RUS"],
    ["Ukrainian", "UKR"],
    ["Qatari", "QAT"],
  ])("maps %s to %s", (adjective, country) => {
    expect(demonyms.en.find((d) => d.adjective === adjective)?.country).toBe(country);
  });
});
