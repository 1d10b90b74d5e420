import { foldPlain } from "../text/fold.js";

/**
 * Folds a string for comparison (FORMAT.md section 4): NFKD, no diacritics,
 * lower case, ß → ss. "Großbritanniens" and "GROSSBRITANNIENS" fold alike.
 */
export function fold(s: string): string {
  // White space normalised for comparing names.
  return foldPlain(s).trim().replace(/\s+/g, " ");
}

/**
 * Folds like {@link fold}, character by character, and keeps for every
 * folded code unit the offset of the original code unit it came from, so that
 * a match in the folded text can be mapped back to the original.
 */
export function foldWithOffsets(s: string): { folded: string; offsets: number[] } {
  let folded = "";
  const offsets: number[] = [];
  let lastWasSpace = false;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (/\s/.test(ch)) {
      // Runs of white space fold to one space, as in fold().
      if (!lastWasSpace) {
        folded += " ";
        offsets.push(i);
      }
      lastWasSpace = true;
    } else {
      const f = ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
      for (let k = 0; k < f.length; k++) {
        folded += f[k];
        offsets.push(i);
      }
      lastWasSpace = false;
    }
    i += width;
  }
  offsets.push(s.length);
  return { folded, offsets };
}
