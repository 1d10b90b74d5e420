import { accuracy, prf, type Accuracy, type Prf } from "./metrics.js";
import type { Scores } from "./score.js";

/** Scores over many articles. */
export interface TotalScore extends Scores {
  articles: number;
}

const sumPrf = (xs: Prf[]): Prf =>
  prf(
    xs.reduce((n, x) => n + x.tp, 0),
    xs.reduce((n, x) => n + x.fp, 0),
    xs.reduce((n, x) => n + x.fn, 0),
  );

const sumAccuracy = (xs: Accuracy[]): Accuracy =>
  accuracy(
    xs.reduce((n, x) => n + x.right, 0),
    xs.reduce((n, x) => n + x.total, 0),
  );

const sum = (xs: number[]): number => xs.reduce((n, x) => n + x, 0);

/** Micro-averages article scores: counts are summed, then P/R/F1 and accuracies computed once. */
export function aggregate(scores: readonly Scores[]): TotalScore {
  const events = scores.map((s) => s.events);
  const timexes = scores.map((s) => s.timexes);
  const quotes = scores.map((s) => s.quotes);
  return {
    articles: scores.length,
    actors: sumPrf(scores.map((s) => s.actors)),
    events: {
      ...sumPrf(events),
      duplicates: sum(events.map((e) => e.duplicates)),
      negatives: sum(events.map((e) => e.negatives)),
      date: sumAccuracy(events.map((e) => e.date)),
      place: sumAccuracy(events.map((e) => e.place)),
      duration: sumAccuracy(events.map((e) => e.duration)),
      countries: sumAccuracy(events.map((e) => e.countries)),
      issues: sumPrf(events.map((e) => e.issues)),
    },
    timexes: { ...sumPrf(timexes), values: sumAccuracy(timexes.map((t) => t.values)) },
    quotes: {
      ...sumPrf(quotes),
      detection: sumPrf(quotes.map((q) => q.detection)),
      speaker: sumAccuracy(quotes.map((q) => q.speaker)),
      via: sumAccuracy(quotes.map((q) => q.via)),
      notQuotes: sum(quotes.map((q) => q.notQuotes)),
    },
  };
}
