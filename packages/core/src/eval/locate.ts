import type { Span } from "../model/span.js";
import { foldWithOffsets } from "./fold.js";

/** Whether two half-open spans share at least one code unit. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Number of code units two half-open spans share. */
export function overlapLength(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Every occurrence of `needle` in `text`. Exact occurrences when there are
 * any; otherwise occurrences after folding (case, diacritics, ß, runs of
 * white space), mapped back to offsets of the original text, so that a gold
 * file written with "Grossbritannien" or a different space still finds its text.
 */
export function locate(text: string, needle: string): Span[] {
  const found: Span[] = [];
  if (needle.length === 0) return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    found.push({ start: i, end: i + needle.length, text: needle });
  }
  if (found.length > 0) return found;

  const hay = foldWithOffsets(text);
  const pin = foldWithOffsets(needle.trim()).folded;
  if (pin.length === 0) return found;
  for (let i = hay.folded.indexOf(pin); i >= 0; i = hay.folded.indexOf(pin, i + 1)) {
    const start = hay.offsets[i] ?? 0;
    // The original end is where the last folded unit's source character ends.
    const lastSource = hay.offsets[i + pin.length - 1] ?? start;
    const next = hay.offsets.find((o, k) => k >= i + pin.length - 1 && o > lastSource);
    const end = next ?? text.length;
    found.push({ start, end, text: text.slice(start, end) });
  }
  return found;
}
