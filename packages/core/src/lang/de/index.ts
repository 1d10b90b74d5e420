import { parsePackFiles, type LanguagePack } from "../language-pack.js";
import abbreviations from "./abbreviations.json";
import cues from "./cues.json";
import demonyms from "./demonyms.json";
import issues from "./issues.json";
import reporting from "./reporting-verbs.json";
import stopwords from "./stopwords.json";
import temporal from "./temporal.json";
import titles from "./titles.json";
import triggers from "./triggers.json";

/** German: the data files of this folder, checked, plus German inflection of names. */
export function germanPack(): LanguagePack {
  const files = parsePackFiles({ triggers, issues, reporting, temporal, cues, titles, abbreviations, stopwords, demonyms });
  const determiners = new Set([...files.cues.indefinite, ...files.cues.definite, ...files.cues.demonstrative, ...files.cues.possessive].map((w) => w.toLowerCase()));
  return {
    code: "de",
    ...files,
    compoundTitles: true,
    capitalisedNouns: true,
    adjectiveEndings: ["", "e", "en", "er", "es", "em"],
    // "eine vereinbarte Linie", "die unterzeichneten Abkommen": a determiner before, a noun (capitalised) after.
    attributiveParticiple(previous, next) {
      return !!previous && !!next && /^\p{Lu}/u.test(next) && determiners.has(previous.toLowerCase());
    },
    // Genitive of names: "Medinskijs", "Deutschlands"; names ending in s, x, z take an apostrophe.
    nameBases(token) {
      const bases: string[] = [];
      if (/[^sxzß]s$/u.test(token) && token.length > 3) bases.push(token.slice(0, -1));
      // "des Weißen Hauses", "des Kremls".
      if (/[^e]es$/u.test(token) && token.length > 5) bases.push(token.slice(0, -2));
      if (/['’]s?$/u.test(token)) bases.push(token.replace(/['’]s?$/u, ""));
      return bases;
    },
  };
}
