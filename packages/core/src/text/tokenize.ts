/** A word or punctuation mark with its offsets in the original text. */
export interface RawToken {
  start: number;
  end: number;
  text: string;
}

// Dotted acronyms ("U.S.", "z.B."), words with inner hyphens and apostrophes
// ("US-Außenminister", "Putin's"), or any other single non-space character.
// Astral characters (emoji) match as one code point; lone surrogates as one unit.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/u;

// Sticky: matches exactly at lastIndex, which is set before every use (no state survives a call).
const STICKY = new RegExp(TOKEN.source, "guy");

/** Splits `text` between `start` and `end` into tokens with absolute offsets. Linear time. */
export function tokenize(text: string, start = 0, end = text.length): RawToken[] {
  const out: RawToken[] = [];
  const re = STICKY;
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    // Skip white space without the regex.
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 160) {
      pos++;
      continue;
    }
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      pos++;
      continue;
    }
    let tokenEnd = pos + m[0].length;
    if (tokenEnd > end) tokenEnd = end;
    out.push({ start: pos, end: tokenEnd, text: text.slice(pos, tokenEnd) });
    pos = tokenEnd;
  }
  return out;
}
