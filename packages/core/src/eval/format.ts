import type { TotalScore } from "./aggregate.js";
import type { Accuracy, Prf } from "./metrics.js";
import type { ArticleScore, Scores } from "./score.js";

const num = (x: number): string => x.toFixed(3);
const acc = (a: Accuracy): string => (a.value == null ? "n/a" : `${num(a.value)} (${a.right}/${a.total})`);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

function row(label: string, p: Prf): string {
  // Nothing to find and nothing found: say so rather than print a perfect score.
  if (p.tp + p.fp + p.fn === 0) return `  ${label.padEnd(16)}${pad(0, 5)}${pad(0, 5)}${pad(0, 5)}${pad("n/a", 8)}${pad("n/a", 8)}${pad("n/a", 8)}`;
  return `  ${label.padEnd(16)}${pad(p.tp, 5)}${pad(p.fp, 5)}${pad(p.fn, 5)}${pad(num(p.precision), 8)}${pad(num(p.recall), 8)}${pad(num(p.f1), 8)}`;
}

/** The table of one article's or of the total scores. */
export function formatScores(title: string, s: Scores): string {
  const lines = [
    title,
    `  ${"category".padEnd(16)}${pad("TP", 5)}${pad("FP", 5)}${pad("FN", 5)}${pad("P", 8)}${pad("R", 8)}${pad("F1", 8)}`,
    row("actors", s.actors),
    row("events", s.events),
    row("timexes", s.timexes),
    row("quotes", s.quotes),
    row("quote spans", s.quotes.detection),
    row("event issues", s.events.issues),
    `  events: date ${acc(s.events.date)}  place ${acc(s.events.place)}  duration ${acc(s.events.duration)}  countries ${acc(s.events.countries)}`,
    `          duplicates ${s.events.duplicates}  in negative sentences ${s.events.negatives}`,
    `  timexes: values ${acc(s.timexes.values)}`,
    `  quotes: speaker ${acc(s.quotes.speaker)}  via ${acc(s.quotes.via)}  over notQuotes ${s.quotes.notQuotes}`,
  ];
  return lines.join("\n");
}

const SINGULAR = { actors: "actor", events: "event", timexes: "timex", quotes: "quote" } as const;
const clip = (s: string, n = 160): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** What was missed, what is wrong and what was found in excess, for a developer. */
export function formatDetails(score: ArticleScore): string {
  const out: string[] = [];
  const { missed, falsePositives, wrong } = score.details;
  for (const cat of ["actors", "events", "timexes", "quotes"] as const) {
    const one = SINGULAR[cat];
    for (const m of missed[cat]) {
      out.push(`  missed ${one} ${m.key === m.text ? JSON.stringify(m.text) : `${m.key}: ${clip(m.text)}`}`);
      if (m.context) out.push(`      in: ${clip(m.context)}`);
    }
    for (const f of falsePositives[cat]) {
      const of = f.of === undefined ? "" : ` of ${f.of}`;
      out.push(`  false ${one} (${f.reason}${of}) ${f.id}: ${clip(f.text)}`);
    }
  }
  for (const w of wrong) out.push(`  wrong ${w.field} of ${clip(w.key, 60)}: gold ${w.gold}, extracted ${w.extracted ?? "null"}`);
  for (const w of score.warnings) out.push(`  gold warning: ${w}`);
  return out.length === 0 ? "  nothing missed, nothing wrong" : out.join("\n");
}

const summaryValue = (a: Accuracy): string => (a.value == null ? "n/a" : num(a.value));
const summaryF1 = (p: Prf): string => (p.tp + p.fp + p.fn === 0 ? "n/a" : num(p.f1));

/**
 * The one-line summary: `SUMMARY actors_f1=… events_f1=… timexes_f1=… quotes_f1=…`
 * then more `key=value` pairs. Scripts read this line; keep the first four fixed.
 */
export function formatSummary(total: TotalScore): string {
  return [
    "SUMMARY",
    `actors_f1=${num(total.actors.f1)}`,
    `events_f1=${num(total.events.f1)}`,
    `timexes_f1=${num(total.timexes.f1)}`,
    `quotes_f1=${num(total.quotes.f1)}`,
    `event_dates=${summaryValue(total.events.date)}`,
    `event_places=${summaryValue(total.events.place)}`,
    `event_durations=${summaryValue(total.events.duration)}`,
    `event_countries=${summaryValue(total.events.countries)}`,
    `event_issues_f1=${summaryF1(total.events.issues)}`,
    `events_negatives_fp=${total.events.negatives}`,
    `timex_values=${summaryValue(total.timexes.values)}`,
    `quote_spans_f1=${num(total.quotes.detection.f1)}`,
    `articles=${total.articles}`,
  ].join(" ");
}

/** The whole report: per article (with details when verbose), the totals, and the SUMMARY line last. */
export function formatReport(articles: readonly ArticleScore[], total: TotalScore, options: { verbose?: boolean } = {}): string {
  const parts: string[] = [];
  for (const a of articles) {
    parts.push(formatScores(a.file, a));
    if (options.verbose) parts.push(formatDetails(a));
    else if (a.warnings.length > 0) parts.push(a.warnings.map((w) => `  gold warning: ${w}`).join("\n"));
    parts.push("");
  }
  parts.push(formatScores(`TOTAL (${total.articles} article${total.articles === 1 ? "" : "s"}, micro-averaged)`, total));
  parts.push("");
  parts.push(formatSummary(total));
  return parts.join("\n");
}
