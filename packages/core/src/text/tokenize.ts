/** A word or punctuation mark with its offsets in the original text. */
export interface RawToken {
  start: number;
  end: number;
  text: string;
}

// Dotted acronyms ("U.S.", "z.B."), words with inner hyphens and apostrophes
// ("US-Außenminister", "Putin's"), or any other single non-space character.
// Astral characters (emoji) match as one code point; lone surrogates as one unit.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/gu;

/** Splits `text` between `start` and `end` into tokens with absolute offsets. Linear time. */
export function tokenize(text: string, start = 0, end = text.length): RawToken[] {
  const out: RawToken[] = [];
  const slice = text.slice(start, end);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, text: m[0] });
  }
  return out;
}
