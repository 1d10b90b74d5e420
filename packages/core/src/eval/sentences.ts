import type { Span } from "../model/span.js";
import { fold } from "./fold.js";

/*
 * A small sentence splitter for scoring, independent of the extractor's own
 * segmentation on purpose: the scorer must not move when the extractor does.
 * The word lists are the scorer's, not a language pack's; they only keep the
 * splitter from breaking after "Dr." or "2. Juni".
 */

/** Abbreviations (folded, without the final dot) after which a dot does not end a sentence. */
const ABBREVIATIONS = new Set([
  // German
  "abs", "art", "bzw", "ca", "d.h", "dr", "evtl", "ggf", "hr", "fr", "inkl", "jh", "mio", "mrd", "nr", "prof",
  "s", "sog", "st", "str", "u.a", "usw", "vgl", "z.b", "z.t", "zb", "bspw", "ehem", "gen", "min", "max", "tel",
  // English
  "mr", "mrs", "ms", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "gov", "sen",
  "rep", "lt", "col", "capt", "sgt", "maj", "gen", "adm", "amb", "approx", "dept", "est", "fig", "mt", "u.s",
  "u.k", "u.n", "e.u", "p.m", "a.m",
  // Months, both languages
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec",
]);

/** Month names (folded): "am 2. Juni" is not the end of a sentence. */
const MONTHS = new Set([
  "januar", "jaenner", "februar", "marz", "maerz", "april", "mai", "juni", "juli", "august", "september",
  "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july", "october",
  "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "oct", "nov", "dez", "dec",
]);

/** Sentence-final punctuation, closing quotes or brackets, then the white space before the next sentence. */
const BOUNDARY = /([.!?…]+)(["'“”»«’)\]]*)(\s+)/gu;

/** What may start a sentence: an opening quote or bracket, then an upper-case letter or a digit. */
const SENTENCE_START = /^["'„“‚‘»«(\[]*[\p{Lu}\d]/u;

/**
 * Splits a text into sentence spans (trimmed, never empty). Splits at every
 * line break, and at `.`, `!`, `?` followed by white space and an upper-case
 * letter, a digit or an opening quote; not after an abbreviation, an initial,
 * or a number followed by a month name ("am 2. Juni") or a lower-case word.
 */
export function splitSentences(text: string): Span[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(BOUNDARY)) {
    const punct = m[1] ?? "";
    const closing = m[2] ?? "";
    const space = m[3] ?? "";
    const at = m.index ?? 0;
    const end = at + punct.length + closing.length;
    const rest = text.slice(end + space.length);
    if (space.includes("\n")) continue; // line breaks are cut below
    if (!SENTENCE_START.test(rest)) continue;
    if (punct === "." && closing === "" && !endsSentence(text.slice(0, at), rest)) continue;
    cuts.push(end);
  }
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) cuts.push(i);
  cuts.sort((a, b) => a - b);

  const spans: Span[] = [];
  let start = 0;
  for (const cut of [...cuts, text.length]) {
    pushTrimmed(text, start, cut, spans);
    start = cut;
  }
  return spans;
}

function endsSentence(before: string, rest: string): boolean {
  const token = /(\S+)$/u.exec(before)?.[1] ?? "";
  const word = token.replace(/^["'„“‚‘»«(\[]+/u, "");
  if (word === "") return true;
  // "am 2. Juni", "der 3. Oktober", "am 16. Mai": an ordinal, not an end.
  if (/^\d{1,4}$/.test(word)) {
    const next = fold(/^[^\s]+/u.exec(rest)?.[0] ?? "").replace(/[^\p{L}]/gu, "");
    return !MONTHS.has(next);
  }
  if (/^\p{L}$/u.test(word)) return false; // an initial: "J. Smith"
  if (ABBREVIATIONS.has(fold(word))) return false;
  if (/^\p{L}+(\.\p{L}+)+$/u.test(word)) return false; // "z.B", "U.S"
  return true;
}

function pushTrimmed(text: string, from: number, to: number, out: Span[]): void {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(text[s] ?? "")) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? "")) e--;
  if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
}
