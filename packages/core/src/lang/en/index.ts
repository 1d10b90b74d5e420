import {
  AbbreviationsFileSchema,
  CuesFileSchema,
  IssuesFileSchema,
  ReportingFileSchema,
  StopwordsFileSchema,
  TemporalFileSchema,
  TitlesFileSchema,
  TriggersFileSchema,
  type LanguagePack,
} from "../language-pack.js";
import { DemonymsFileSchema } from "../demonyms-schema.js";
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
  const stopwordSet = new Set(StopwordsFileSchema.parse(stopwords));
  return {
    code: "en",
    triggers: TriggersFileSchema.parse(triggers),
    issues: IssuesFileSchema.parse(issues),
    reporting: ReportingFileSchema.parse(reporting),
    temporal: TemporalFileSchema.parse(temporal),
    cues: CuesFileSchema.parse(cues),
    titles: TitlesFileSchema.parse(titles),
    abbreviations: AbbreviationsFileSchema.parse(abbreviations),
    stopwords: StopwordsFileSchema.parse(stopwords),
    demonyms: DemonymsFileSchema.parse(demonyms),
    compoundTitles: false,
    capitalisedNouns: false,
    adjectiveEndings: [""],
    // "a painstakingly negotiated treaty", "the agreed text": determiner or -ly adverb before, a lower-case word after.
    attributiveParticiple(previous, next) {
      if (!previous || !next || !/^\p{Ll}/u.test(next) || stopwordSet.has(next.toLowerCase())) return false;
      return /^(a|an|the|its|their|his|her|this|that)$/iu.test(previous) || /\p{L}{3,}ly$/u.test(previous);
    },
    // Possessives: "Putin's", "Putin’s", "the Emirates'".
    nameBases(token) {
      if (/['’]s$/u.test(token)) return [token.slice(0, -2)];
      if (/s['’]$/u.test(token)) return [token.slice(0, -1)];
      return [];
    },
  };
}
