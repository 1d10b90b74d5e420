import type { Span } from "@parley/core/model";

/** A piece of an excerpt: plain, or one of the marked spans. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * The marked spans with some text around them, cut at word boundaries, so a
 * report's sentence can be read in its place without the whole article.
 */
export function excerpt(text: string, spans: readonly Span[], around = 160): { parts: ExcerptPart[]; clippedStart: boolean; clippedEnd: boolean } {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start);
  if (!valid.length) return { parts: [], clippedStart: false, clippedEnd: false };
  let from = Math.max(0, valid[0]!.start - around);
  let to = Math.min(text.length, Math.max(...valid.map((s) => s.end)) + around);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < valid[0]!.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > Math.max(...valid.map((s) => s.end))) to = space;
  }
  const parts: ExcerptPart[] = [];
  let at = from;
  for (const s of valid) {
    const start = Math.max(s.start, at);
    if (start >= s.end) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, s.end), marked: true });
    at = s.end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), marked: false });
  return { parts, clippedStart: from > 0, clippedEnd: to < text.length };
}
