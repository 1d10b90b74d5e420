import { fold } from "../text/fold.js";
import { tokenize } from "../text/tokenize.js";

/** A phrase of the language data, tokenised and folded like the text. */
export interface Phrase<T> {
  /** Folded tokens. */
  tokens: string[];
  /** The phrase as written in the data. */
  source: string;
  value: T;
}

const SIGNATURES = 1 << 14;
const NO_PHRASES: readonly never[] = [];

/** A cheap, hash-free signature of a word: its length and first and last characters. */
function signature(word: string): number {
  const n = word.length;
  return n === 0 ? 0 : (n & 0xf) | ((word.charCodeAt(0) & 0x1f) << 4) | ((word.charCodeAt(n - 1) & 0x1f) << 9);
}

/**
 * An index of phrases by their first folded token, each bucket sorted longest
 * first, so that a match at a position is always the longest one. This is the
 * one place where language data becomes matchers: stages never hold words.
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  /** Which (length, first, last character) signatures occur among first tokens: most tokens miss without a hash lookup. */
  private readonly signatures = new Uint8Array(SIGNATURES);

  constructor(entries: Iterable<[string, T]>) {
    for (const [source, value] of entries) {
      const tokens = tokenize(source).map((t) => fold(t.text));
      const first = tokens[0];
      if (first === undefined) continue;
      const bucket = this.byFirst.get(first) ?? [];
      bucket.push({ tokens, source, value });
      this.byFirst.set(first, bucket);
      this.signatures[signature(first)] = 1;
    }
    for (const bucket of this.byFirst.values()) bucket.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** The folded first tokens of all phrases. */
  firstTokens(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** Phrases whose first token is `foldedToken`, longest first. */
  candidates(foldedToken: string): readonly Phrase<T>[] {
    if (this.signatures[signature(foldedToken)] === 0) return NO_PHRASES;
    return this.byFirst.get(foldedToken) ?? NO_PHRASES;
  }

  /**
   * The longest phrase that matches the folded tokens at `i` (contiguously),
   * not running past `end`. `accept` can veto a candidate.
   */
  longestAt(folded: readonly string[], i: number, end: number, accept?: (p: Phrase<T>) => boolean): Phrase<T> | null {
    const first = folded[i];
    if (first === undefined) return null;
    for (const p of this.candidates(first)) {
      if (i + p.tokens.length > end) continue;
      let ok = true;
      for (let k = 1; k < p.tokens.length; k++) {
        if (folded[i + k] !== p.tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok && (!accept || accept(p))) return p;
    }
    return null;
  }
}

const TAILS = 1 << 15;

/** The last three characters of a word (at least three long), five bits each. */
function tailSignature(word: string): number {
  const n = word.length;
  return (word.charCodeAt(n - 1) & 0x1f) | ((word.charCodeAt(n - 2) & 0x1f) << 5) | ((word.charCodeAt(n - 3) & 0x1f) << 10);
}

/**
 * German compounds end in their head: "Friedensverhandlungen" ends in
 * "verhandlungen". Finds the longest folded word of the data that a folded
 * token ends with (and is longer than), in constant time per token.
 */
export class SuffixIndex<T> {
  private readonly byTail = new Map<string, { form: string; value: T }[]>();
  /** Which three-letter tails occur, by a hash-free signature. */
  private readonly tails = new Uint8Array(TAILS);

  constructor(entries: Iterable<[string, T]>) {
    for (const [form, value] of entries) {
      if (form.length < 3) continue;
      const tail = form.slice(-3);
      this.tails[tailSignature(form)] = 1;
      const bucket = this.byTail.get(tail) ?? [];
      bucket.push({ form, value });
      this.byTail.set(tail, bucket);
    }
    for (const bucket of this.byTail.values()) bucket.sort((a, b) => b.form.length - a.form.length);
  }

  /** The longest entry `word` ends with, `word` being longer than it. */
  headOf(word: string): { form: string; value: T } | null {
    if (word.length < 4 || this.tails[tailSignature(word)] === 0) return null;
    const bucket = this.byTail.get(word.slice(-3));
    if (!bucket) return null;
    for (const e of bucket) if (word.length > e.form.length && word.endsWith(e.form)) return e;
    return null;
  }
}

/** A map from folded words that, like PhraseIndex, rejects most words without a hash lookup. */
export class WordMap<V> {
  private readonly map = new Map<string, V>();
  private readonly signatures = new Uint8Array(SIGNATURES);

  constructor(entries: Iterable<[string, V]>) {
    for (const [word, value] of entries) {
      this.map.set(word, value);
      this.signatures[signature(word)] = 1;
    }
  }

  get(word: string): V | undefined {
    return this.signatures[signature(word)] === 0 ? undefined : this.map.get(word);
  }
}

/** A set of folded words that rejects most words without a hash lookup. */
export class WordSet {
  private readonly set: Set<string>;
  private readonly signatures = new Uint8Array(SIGNATURES);

  constructor(words: Iterable<string>) {
    this.set = new Set(words);
    for (const word of this.set) this.signatures[signature(word)] = 1;
  }

  has(word: string): boolean {
    return this.signatures[signature(word)] !== 0 && this.set.has(word);
  }
}

/** Builds a phrase index from a list of words mapping each to itself. */
export function wordIndex(words: readonly string[]): PhraseIndex<string> {
  return new PhraseIndex(words.map((w) => [w, w] as [string, string]));
}

/** Escapes every regular-expression metacharacter of `s`. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** An alternation of the words, escaped, longest first: for the few matchers that are regular expressions. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join("|");
}
