import { fold } from "../../text/fold.js";
import { compiled, type Sentence, type Stage } from "../types.js";

/** Characters: a sentence longer than this is junk or a list, and is cut. */
const MAX_SENTENCE = 2000;

/** Whether abbreviation `a` covers the full stop at `dot` (at its end or inside it). */
function abbreviationAt(block: string, dot: number, a: string): boolean {
  for (let p = a.indexOf("."); p >= 0; p = a.indexOf(".", p + 1)) {
    const from = dot - p;
    if (from < 0 || block.slice(from, from + a.length) !== a) continue;
    if (/\p{L}/u.test(block[from - 1] ?? " ")) continue;
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
  const abbreviations = ctx.lang.abbreviations;
  const determiners = compiled(ctx, "segment.determiners", () => new Set([...ctx.lang.cues.definite, ...ctx.lang.cues.indefinite].map(fold)));
  const sentences: Sentence[] = [];
  const push = (start: number, end: number, headline: boolean) => {
    while (start < end && /\s/u.test(text[start] as string)) start++;
    while (end > start && /\s/u.test(text[end - 1] as string)) end--;
    // No real sentence is this long: cut junk at white space so that work per sentence stays bounded.
    while (end - start > MAX_SENTENCE) {
      let cut = start + MAX_SENTENCE;
      const space = text.lastIndexOf(" ", cut);
      if (space > start + MAX_SENTENCE / 2) cut = space;
      // Never cut a surrogate pair.
      if (/[\uD800-\uDBFF]/u.test(text[cut - 1] ?? "")) cut--;
      sentences.push({ index: sentences.length, start, end: cut, tokenStart: 0, tokenEnd: 0, headline: false });
      start = cut;
      while (start < end && /\s/u.test(text[start] as string)) start++;
    }
    if (end > start) sentences.push({ index: sentences.length, start, end, tokenStart: 0, tokenEnd: 0, headline });
  };

  // Lines, joined where a hard wrap continues a sentence in lower case.
  const lines: [number, number][] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === "\n") {
      lines.push([lineStart, i]);
      lineStart = i + 1;
    }
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
      while (next < block.length && /\s/u.test(block[next] as string)) next++;
      if (next >= block.length) break;
      const c = block[next] as string;
      if (!/[\p{Lu}\p{N}]/u.test(c) && !OPENERS.test(c)) continue;
      if (m[0] === ".") {
        // The full stop may end an abbreviation ("Dr.") or sit inside one ("z. B.").
        if (abbreviations.some((a) => abbreviationAt(block, m.index, a))) continue;
        const word = /[\p{L}\p{N}]+$/u.exec(block.slice(Math.max(start, m.index - 20), m.index))?.[0] ?? "";
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
