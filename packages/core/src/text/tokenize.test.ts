import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize, type RawToken } from "./tokenize.js";

/** The regular expression the hand-written scanner stands for, applied the slow way. */
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*|\S/uy;
function byRegExp(text: string, start = 0, end = text.length): RawToken[] {
  const out: RawToken[] = [];
  let pos = start;
  while (pos < end) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m) {
      pos++;
      continue;
    }
    const tokenEnd = Math.min(end, pos + m[0].length);
    out.push({ start: pos, end: tokenEnd, text: text.slice(pos, tokenEnd) });
    pos = tokenEnd;
  }
  return out;
}

const SEED = readFileSync(path.resolve(__dirname, "../../../../seeds/000_d9bf279fc9ea0bf9.txt"), "utf8");
const texts = (s: string) => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps acronyms, hyphenated and apostrophised words whole", () => {
    expect(texts("Der US-Außenminister traf z.B. Putin's Berater in den U.S.A. am 16. Mai.")).toEqual([
      "Der", "US-Außenminister", "traf", "z.B.", "Putin's", "Berater", "in", "den", "U.S.A.", "am", "16", ".", "Mai", ".",
    ]);
    expect(texts("Kyiv’s „Alles für alle“ — 90-minute-long talks-")).toEqual(["Kyiv’s", "„", "Alles", "für", "alle", "“", "—", "90-minute-long", "talks", "-"]);
  });

  it("takes an astral character as one token and a lone surrogate as one unit", () => {
    expect(texts("Frieden 🕊️ \uD800x")).toEqual(["Frieden", "🕊", "\uFE0F", "\uD800", "x"]);
  });

  it("gives the same tokens as the regular expression on the seed", () => {
    expect(tokenize(SEED)).toEqual(byRegExp(SEED));
  });

  it("gives the same tokens as the regular expression on any text and any bounds", () => {
    const alphabet = fc.constantFrom(..."aZß.-'’ 1\n\t\u00a0\u2028\u3000„“,é\u0301🕊\uD800\uDC00\uDFFF𝐀٣", "Dr.", "U.S.", "e.V.");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((xs) => xs.join("")), fc.nat(), fc.nat(), (text, a, b) => {
        let start = text.length ? a % text.length : 0;
        // Sentences never start inside a surrogate pair (where the regular expression would step back to the pair).
        if (/[\uD800-\uDBFF]/u.test(text[start - 1] ?? "") && /[\uDC00-\uDFFF]/u.test(text[start] ?? "")) start++;
        const end = start + (text.length - start ? b % (text.length - start + 1) : 0);
        expect(tokenize(text, start, end)).toEqual(byRegExp(text, start, end));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        expect(tokenize(text)).toEqual(byRegExp(text));
      }), { numRuns: 2000 });
  });
});
