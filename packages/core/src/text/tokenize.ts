/** A word or punctuation mark with its offsets in the original text. */
export interface RawToken {
  start: number;
  end: number;
  text: string;
}

// A token is a dotted acronym ("U.S.", "z.B."), a word with inner hyphens and
// apostrophes ("US-Außenminister", "Putin's"), or any other single non-space
// character: the regular expression
//   (?:\p{L}\.){2,} | [\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)* | \S
// scanned by hand, since a Unicode regular expression per token costs more
// than the rest of tokenising. Astral characters (emoji) are one code point;
// lone surrogates one unit.

const LETTER = 1;
const WORD = 2;
const SPACE = 4;
const KNOWN = 8;

const IS_LETTER = /^\p{L}$/u;
const IS_WORD = /^[\p{L}\p{M}\p{N}]$/u;
const IS_SPACE = /^\s$/u;

/** Character classes of the Basic Multilingual Plane, computed on first sight. */
const bmp = new Uint8Array(0x10000);

function classify(ch: string): number {
  return KNOWN | (IS_LETTER.test(ch) ? LETTER : 0) | (IS_WORD.test(ch) ? WORD : 0) | (IS_SPACE.test(ch) ? SPACE : 0);
}

/** Classes of ASCII characters, with the length 1 in the high bits. */
const ascii = new Uint16Array(128);
for (let c = 0; c < 128; c++) ascii[c] = classify(String.fromCharCode(c)) | (1 << 8);

/** The classes of the code point at `pos` and its length in code units (high bits). */
function at(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c < 128) return ascii[c] as number;
  if (c >= 0xd800 && c <= 0xdbff && pos + 1 < text.length) {
    const d = text.charCodeAt(pos + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return classify(text.slice(pos, pos + 2)) | (2 << 8);
  }
  let k = bmp[c] as number;
  if (k === 0) {
    k = c >= 0xd800 && c <= 0xdfff ? KNOWN : classify(String.fromCharCode(c));
    bmp[c] = k;
  }
  return k | (1 << 8);
}

const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019;

/** Splits `text` between `start` and `end` into tokens with absolute offsets. Linear time. */
export function tokenize(text: string, start = 0, end = text.length): RawToken[] {
  const out: RawToken[] = [];
  forEachToken(text, start, end, (s, e) => out.push({ start: s, end: e, text: text.slice(s, e) }));
  return out;
}

/** Calls `visit` with the offsets of each token between `start` and `end`, in order, allocating nothing. */
export function forEachToken(text: string, start: number, end: number, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let pos = start;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    // ASCII fast paths: white space, letters and digits.
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 160) {
      pos++;
      continue;
    }
    const k = at(text, pos);
    if (k & SPACE) {
      pos++;
      continue;
    }
    const len = k >> 8;
    let tokenEnd = pos + len;
    if (k & LETTER && text.charCodeAt(pos + len) === 46) {
      // A dotted acronym: two or more letter-and-full-stop pairs.
      let p = pos;
      let pairs = 0;
      while (p < n) {
        const q = at(text, p);
        if (!(q & LETTER) || text.charCodeAt(p + (q >> 8)) !== 46) break;
        p += (q >> 8) + 1;
        pairs++;
      }
      if (pairs >= 2) tokenEnd = p;
    }
    if (tokenEnd === pos + len && k & WORD) {
      let p = pos + len;
      for (;;) {
        while (p < n) {
          // ASCII letters and digits without the table.
          const a = text.charCodeAt(p);
          if ((a >= 97 && a <= 122) || (a >= 65 && a <= 90) || (a >= 48 && a <= 57)) {
            p++;
            continue;
          }
          if (a < 128) break;
          const q = at(text, p);
          if (!(q & WORD)) break;
          p += q >> 8;
        }
        if (p + 1 < n && isJoiner(text.charCodeAt(p)) && at(text, p + 1) & WORD) p++;
        else break;
      }
      tokenEnd = p;
    }
    if (tokenEnd > end) tokenEnd = end;
    visit(pos, tokenEnd);
    pos = tokenEnd;
  }
}
