import { fold } from "../../text/fold.js";
import { forEachToken } from "../../text/tokenize.js";
import type { LanguagePack } from "../../lang/language-pack.js";
import { compiled, Shape, type Sentence, type Stage, type Token } from "../types.js";

/** What a token is, whatever its place: computed once per distinct word. */
interface Lexeme {
  fold: string;
  upper: boolean;
  shape: number;
  bases: readonly string[];
}

const NO_BASES: readonly string[] = [];
const CACHE_LIMIT = 200_000;

function lexeme(w: string, lang: LanguagePack): Lexeme {
  const c = w.charCodeAt(0);
  // ASCII capitals without the regex; anything else by Unicode category.
  const upper = c >= 65 && c <= 90 ? true : c < 128 ? false : /^\p{Lu}/u.test(w);
  let shape = 0;
  if (/^\p{L}+$/u.test(w)) shape |= Shape.LETTERS;
  if (/^[0-9]+$/u.test(w)) shape |= Shape.DIGITS;
  if (/^[,;:—–()]$/u.test(w)) shape |= Shape.CLAUSE_BREAK;
  if (/^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(w)) shape |= Shape.NAME_WORD;
  if (/^[\p{L}-]+$/u.test(w)) shape |= Shape.LETTERS_OR_HYPHENS;
  const bases = lang.nameBases(w).map(fold);
  return { fold: fold(w), upper, shape, bases: bases.length ? bases : NO_BASES };
}

/** Tokenises each sentence; tokens keep absolute offsets, a folded form and their shape. */
export const tokenizeSentences: Stage = (doc, ctx) => {
  // Words repeat within and across articles: what a word is is computed once (the cache is bounded).
  const cache = compiled(ctx, "lexemes", () => new Map<string, Lexeme>());
  if (cache.size > CACHE_LIMIT) cache.clear();
  const { text } = doc;
  const tokens: Token[] = [];
  const folded: string[] = [];
  let sentence = 0;
  const add = (start: number, end: number) => {
    const word = text.slice(start, end);
    let x = cache.get(word);
    if (x === undefined) {
      x = lexeme(word, ctx.lang);
      cache.set(word, x);
    }
    tokens.push({ start, end, text: word, fold: x.fold, sentence, upper: x.upper, shape: x.shape, bases: x.bases });
    folded.push(x.fold);
  };
  const sentences: Sentence[] = doc.sentences.map((s) => {
    const tokenStart = tokens.length;
    sentence = s.index;
    forEachToken(text, s.start, s.end, add);
    return { ...s, tokenStart, tokenEnd: tokens.length };
  });
  return { ...doc, sentences, tokens, folded };
};
