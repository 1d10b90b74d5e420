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

/** English: the data files of this folder, checked, plus the possessive of names. */
export function englishPack(): LanguagePack {
  const files = parsePackFiles({ triggers, issues, reporting, temporal, cues, titles, abbreviations, stopwords, demonyms });
  const stopwordSet = new Set(files.stopwords);
  const determiners = new Set([...files.cues.indefinite, ...files.cues.definite, ...files.cues.possessive].map((w) => w.toLowerCase()));
  return {
    code: "en",
    ...files,
    compoundTitles: false,
    capitalisedNouns: false,
    adjectiveEndings: [""],
    // "a painstakingly negotiated treaty", "the agreed text": determiner or -ly adverb before, a lower-case word after.
    attributiveParticiple(previous, next) {
      if (!previous || !next || !/^\p{Ll}/u.test(next) || stopwordSet.has(next.toLowerCase())) return false;
      return determiners.has(previous.toLowerCase()) || /\p{L}{3,}ly$/u.test(previous);
    },
    // Possessives: "Putin's", "Putin’s", "the Emirates'".
    nameBases(token) {
      if (/['’]s$/u.test(token)) return [token.slice(0, -2)];
      if (/s['’]$/u.test(token)) return [token.slice(0, -1)];
      return [];
    },
  };
}
