import type { Phrase, PhraseIndex } from "../lang/phrase-index.js";
import type { Token } from "./types.js";

/** A name matched over tokens [start, end). */
export interface NameMatch<T> {
  phrase: Phrase<T>;
  tokenStart: number;
  tokenEnd: number;
}

/**
 * The longest phrase of `index` at token `i`, letting the last token be
 * inflected (German genitive, English possessive): its `bases`, which the
 * language pack gave the tokens.
 */
export function matchName<T>(
  index: PhraseIndex<T>,
  tokens: readonly Token[],
  i: number,
  end: number,
  accept: (p: Phrase<T>, first: Token, i: number) => boolean,
): NameMatch<T> | null {
  const first = tokens[i];
  if (!first) return null;
  // Only names inflect (German genitive, English possessive): lower-case words are taken as they are.
  const forms = first.upper ? first.bases.length + 1 : 1;
  let best: NameMatch<T> | null = null;
  for (let f = 0; f < forms; f++) {
    for (const p of index.candidates(f === 0 ? first.fold : (first.bases[f - 1] as string))) {
      const n = p.tokens.length;
      if (i + n > end) continue;
      if (best && n <= best.tokenEnd - best.tokenStart) continue;
      // Only the last token of a name inflects.
      if (f > 0 && n > 1) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const t = tokens[i + k] as Token;
        if (t.fold === p.tokens[k]) continue;
        if (k === n - 1 && t.bases.includes(p.tokens[k] as string)) continue;
        ok = false;
        break;
      }
      if (ok && accept(p, first, i)) best = { phrase: p, tokenStart: i, tokenEnd: i + n };
    }
  }
  return best;
}

/** The parts of a hyphenated token with their offsets: "US-Außenminister" → "US", "Außenminister". */
export function hyphenParts(token: Token): { start: number; end: number; text: string }[] {
  if (!token.text.includes("-")) return [];
  const parts: { start: number; end: number; text: string }[] = [];
  let offset = 0;
  for (const part of token.text.split("-")) {
    if (part) parts.push({ start: token.start + offset, end: token.start + offset + part.length, text: part });
    offset += part.length + 1;
  }
  return parts;
}
