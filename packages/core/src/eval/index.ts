export { fold } from "./fold.js";
export {
  GoldSchema,
  GoldActorSchema,
  GoldPlaceSchema,
  GoldTimexSchema,
  GoldEventSchema,
  GoldNegativeSchema,
  GoldQuoteSchema,
  type Gold,
  type GoldInput,
  type GoldActor,
  type GoldPlace,
  type GoldTimex,
  type GoldEvent,
  type GoldNegative,
  type GoldQuote,
} from "./gold.js";
export { splitSentences } from "./sentences.js";
export { locate, overlaps } from "./locate.js";
export { prf, accuracy, type Prf, type Accuracy } from "./metrics.js";
export {
  scoreArticle,
  dayPart,
  type ArticleScore,
  type Scores,
  type EventScores,
  type TimexScores,
  type QuoteScores,
  type ScoreDetails,
  type Missed,
  type FalsePositive,
  type WrongValue,
} from "./score.js";
export { aggregate, type TotalScore } from "./aggregate.js";
export { formatScores, formatDetails, formatSummary, formatReport } from "./format.js";
