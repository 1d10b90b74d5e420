/**
 * Folds a string for comparison: NFKD, no diacritics, lower case, ß → ss.
 * The same folding the gold scorer uses (FORMAT.md, section 4).
 */
export function fold(s: string): string {
  // Fast path: plain ASCII needs only lower-casing.
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

/** A slug for ids: folded, non-alphanumerics to single hyphens. */
export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}
