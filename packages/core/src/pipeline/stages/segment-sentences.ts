import { fold } from "../../text/fold.js";
import { compiled, type Sentence, type Stage } from "../types.js";

/** Characters: a sentence longer than this is junk or a list, and is cut. */
const MAX_SENTENCE = 2000;

/** The letters right before `end` in `s`. */
function lettersBefore(s: string, end: number): string {
  let from = end;
  while (from > 0 && isLetter(s, from - 1)) from--;
  return s.slice(from, end);
}

const isLetter = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(s[i] as string);
};

const isDigit = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c < 128) return c >= 48 && c <= 57;
  return /\p{N}/u.test(s[i] as string);
};

/** The letters and digits right before `end`, not before `from`. */
function wordBefore(s: string, end: number, from: number): string {
  let w = end;
  while (w > from && (isLetter(s, w - 1) || isDigit(s, w - 1))) w--;
  return s.slice(w, end);
}

const isSpace = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 128) return false;
  return /\s/u.test(s[i] as string);
};

/**
 * The abbreviations of a language by the letters before each of their full
 * stops ("z. B." under "z" and "B"), with where that full stop sits in them.
 */
function abbreviationIndex(abbreviations: readonly string[]): Map<string, { a: string; dot: number }[]> {
  const index = new Map<string, { a: string; dot: number }[]>();
  for (const a of abbreviations) {
    for (let p = a.indexOf("."); p >= 0; p = a.indexOf(".", p + 1)) {
      const key = lettersBefore(a, p);
      index.set(key, [...(index.get(key) ?? []), { a, dot: p }]);
    }
  }
  return index;
}

/** Whether an abbreviation covers the full stop at `dot` (at its end or inside it), not glued to a word before it. */
function abbreviationAt(block: string, dot: number, index: Map<string, { a: string; dot: number }[]>): boolean {
  for (const { a, dot: p } of index.get(lettersBefore(block, dot)) ?? []) {
    const from = dot - p;
    if (from < 0 || !block.startsWith(a, from)) continue;
    if (from > 0 && isLetter(block, from - 1)) continue;
    return true;
  }
  return false;
}

const OPENERS = /["„“»«‚'(\[–—-]/u;
// A run of final punctuation with closing quotes or brackets after it.
const FINAL = /[.!?…]+["“”»«'’)\]]*(?=\s|$)/gu;

/**
 * Splits the text into sentences. Linear in the text's length: one pass per
 * line, constant work per candidate boundary. A line without final punctuation
 * (a headline) is a sentence of its own; a hard-wrapped line that continues in
 * lower case is joined with the next. No break after abbreviations of the
 * language, after initials, or after an ordinal followed by a month or a
 * lower-case word ("am 16. Mai", "2. Juni").
 */
export const segmentSentences: Stage = (doc, ctx) => {
  const { text } = doc;
  const months = compiled(ctx, "segment.months", () => new Set(Object.keys(ctx.lang.temporal.months).map(fold)));
  const abbreviations = compiled(ctx, "segment.abbreviations", () => abbreviationIndex(ctx.lang.abbreviations));
  const determiners = compiled(ctx, "segment.determiners", () => new Set([...ctx.lang.cues.definite, ...ctx.lang.cues.indefinite].map(fold)));
  const sentences: Sentence[] = [];
  const push = (start: number, end: number, headline: boolean) => {
    while (start < end && isSpace(text, start)) start++;
    while (end > start && isSpace(text, end - 1)) end--;
    // No real sentence is this long: cut junk at white space so that work per sentence stays bounded.
    while (end - start > MAX_SENTENCE) {
      let cut = start + MAX_SENTENCE;
      const space = text.lastIndexOf(" ", cut);
      if (space > start + MAX_SENTENCE / 2) cut = space;
      // Never cut a surrogate pair.
      if (/[\uD800-\uDBFF]/u.test(text[cut - 1] ?? "")) cut--;
      sentences.push({ index: sentences.length, start, end: cut, tokenStart: 0, tokenEnd: 0, headline: false });
      start = cut;
      while (start < end && isSpace(text, start)) start++;
    }
    if (end > start) sentences.push({ index: sentences.length, start, end, tokenStart: 0, tokenEnd: 0, headline });
  };

  // Lines, joined where a hard wrap continues a sentence in lower case.
  const lines: [number, number][] = [];
  for (let lineStart = 0; lineStart <= text.length; ) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    lines.push([lineStart, lineEnd]);
    lineStart = lineEnd + 1;
  }
  const blocks: [number, number][] = [];
  for (const [s, e] of lines) {
    const prev = blocks[blocks.length - 1];
    const line = text.slice(s, Math.min(e, s + 2)).trimStart();
    if (prev && /[\p{Ll},;]$/u.test(text.slice(Math.max(prev[0], prev[1] - 1), prev[1]).trimEnd()) && /^\p{Ll}/u.test(line)) {
      prev[1] = e;
    } else if (text.slice(s, e).trim().length > 0) {
      blocks.push([s, e]);
    }
  }

  for (const [bs, be] of blocks) {
    const block = text.slice(bs, be);
    let start = 0;
    FINAL.lastIndex = 0;
    for (let m = FINAL.exec(block); m !== null; m = FINAL.exec(block)) {
      const punctEnd = m.index + m[0].length;
      let next = punctEnd;
      while (next < block.length && isSpace(block, next)) next++;
      if (next >= block.length) break;
      const c = block[next] as string;
      if (!/[\p{Lu}\p{N}]/u.test(c) && !OPENERS.test(c)) continue;
      if (m[0] === ".") {
        // The full stop may end an abbreviation ("Dr.") or sit inside one ("z. B.").
        if (abbreviationAt(block, m.index, abbreviations)) continue;
        const word = wordBefore(block, m.index, Math.max(start, m.index - 20));
        if (/^\p{Lu}$/u.test(word)) continue;
        if (/^\d{1,2}$/u.test(word)) {
          const nextWord = /^[\p{L}]+/u.exec(block.slice(next, next + 20))?.[0] ?? "";
          if (months.has(fold(nextWord)) || /^\p{Ll}/u.test(nextWord)) continue;
          // "zur 2. Verhandlungsrunde": a number after an article or contracted preposition is an ordinal.
          const wordBefore = /([\p{L}]+)\s+\d{1,2}$/u.exec(block.slice(Math.max(start, m.index - 24), m.index))?.[1] ?? "";
          if (determiners.has(fold(wordBefore))) continue;
        }
      }
      push(bs + start, bs + punctEnd, false);
      start = next;
    }
    const rest = block.slice(start);
    push(bs + start, be, !/[.!?…:"“”»«'’)]\s*$/u.test(rest));
  }
  return { ...doc, sentences };
};
