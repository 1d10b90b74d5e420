/**
 * Folds a word for matching the language data and the knowledge base: NFKD,
 * lower case, ß → ss, and no diacritics except the umlauts of a, o and u,
 * which become ae, oe and ue. German tells "würde" from "wurde", "könnte" from
 * "konnte" and "wären" from "waren" by the umlaut alone, so dropping it would
 * read every passive ("wurde unterzeichnet") as a hypothetical; as ae, oe and
 * ue, text written without umlauts ("Gespraeche") still matches.
 *
 * The gold scorer folds differently, as FORMAT.md section 4 says (no
 * diacritics at all): see eval/fold.ts.
 */
export function fold(s: string): string {
  // Fast path: plain ASCII needs only lower-casing.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize("NFKD")
    .replace(/([aouAOU])\u0308/g, "$1e")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss");
}

/** Folds as FORMAT.md section 4 says: NFKD, no diacritics at all, lower case, ß → ss. */
export function foldPlain(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

/** A slug for ids: lower case, without any diacritics, non-alphanumerics to single hyphens. */
export function slug(s: string): string {
  return foldPlain(s).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}
