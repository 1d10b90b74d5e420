import { fold } from "../text/fold.js";
import type { Phrase, PhraseIndex } from "../lang/phrase-index.js";
import type { LanguagePack } from "../lang/language-pack.js";
import type { Token } from "./types.js";

const NONE: string[] = [];

/** A name matched over tokens [start, end). */
export interface NameMatch<T> {
  phrase: Phrase<T>;
  tokenStart: number;
  tokenEnd: number;
}

/**
 * The longest phrase of `index` at token `i`, letting the last token be
 * inflected (German genitive, English possessive) as the pack says.
 */
export function matchName<T>(
  index: PhraseIndex<T>,
  tokens: readonly Token[],
  i: number,
  end: number,
  lang: LanguagePack,
  accept: (p: Phrase<T>, first: Token) => boolean,
): NameMatch<T> | null {
  const first = tokens[i];
  if (!first) return null;
  // Only names inflect (German genitive, English possessive): lower-case words are taken as they are.
  const bases = first.upper ? lang.nameBases(first.text) : NONE;
  const firstForms = bases.length ? [first.fold, ...bases.map(fold)] : [first.fold];
  let best: NameMatch<T> | null = null;
  for (let f = 0; f < firstForms.length; f++) {
    for (const p of index.candidates(firstForms[f] as string)) {
      const n = p.tokens.length;
      if (i + n > end) continue;
      if (best && n <= best.tokenEnd - best.tokenStart) continue;
      // Only the last token of a name inflects.
      if (f > 0 && n > 1) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const t = tokens[i + k] as Token;
        if (t.fold === p.tokens[k]) continue;
        if (k === n - 1 && lang.nameBases(t.text).some((b) => fold(b) === p.tokens[k])) continue;
        ok = false;
        break;
      }
      if (ok && accept(p, first)) best = { phrase: p, tokenStart: i, tokenEnd: i + n };
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
