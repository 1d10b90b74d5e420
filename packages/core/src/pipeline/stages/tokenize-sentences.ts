import { fold } from "../../text/fold.js";
import { forEachToken } from "../../text/tokenize.js";
import type { LanguagePack } from "../../lang/language-pack.js";
import { compiled, Shape, type Sentence, type Stage, type Token } from "../types.js";

/** What a token is, whatever its place: computed once per distinct word. */
interface Lexeme {
  word: string;
  /** The next word with the same hash. */
  next: Lexeme | undefined;
  fold: string;
  upper: boolean;
  shape: number;
  bases: readonly string[];
}

const NO_BASES: readonly string[] = [];
const CACHE_LIMIT = 100_000;
/** Slots of the word table, a power of two (words with the same slot are chained). */
const TABLE_SIZE = 1 << 15;

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
  return { word: w, next: undefined, fold: fold(w), upper, shape, bases: bases.length ? bases : NO_BASES };
}

/**
 * A copy of a slice that does not point into the text it came from: V8 keeps
 * longer slices as views of their parent, and the cache must not hold whole
 * articles alive through their words.
 */
const ownCopy = (s: string): string => (s.length < 13 ? s : s.split("").join(""));

/** Tokenises each sentence; tokens keep absolute offsets, a folded form and their shape. */
export const tokenizeSentences: Stage = (doc, ctx) => {
  // Words repeat within and across articles: what a word is is computed once (the cache is bounded).
  // Looked up by a hash of the characters in place, so that a known word costs no new string; its
  // tokens share the cached one.
  const cache = compiled(ctx, "lexemes", () => ({ byHash: new Array<Lexeme | undefined>(TABLE_SIZE).fill(undefined), size: 0 }));
  const { text } = doc;
  const tokens: Token[] = [];
  const folded: string[] = [];
  let sentence = 0;
  const add = (start: number, end: number) => {
    const n = end - start;
    let h = 0x811c9dc5 ^ n;
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    h &= TABLE_SIZE - 1;
    const first = cache.byHash[h];
    let x = first;
    while (x !== undefined && (x.word.length !== n || !text.startsWith(x.word, start))) x = x.next;
    if (x === undefined) {
      // Bounded, also within one long text of ever new words (junk): chains stay short.
      if (cache.size >= CACHE_LIMIT) {
        cache.byHash.fill(undefined);
        cache.size = 0;
      }
      x = lexeme(ownCopy(text.slice(start, end)), ctx.lang);
      x.next = cache.byHash[h];
      cache.byHash[h] = x;
      cache.size++;
    }
    tokens.push({ start, end, text: x.word, fold: x.fold, sentence, upper: x.upper, shape: x.shape, bases: x.bases });
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
