import type { Attribution, Doc, PlaceMention, TimexNote } from "./types.js";

/** Annotations of a document grouped by sentence, so that stages stay linear on long texts. */
export interface SentenceIndex {
  /** Indexes into `doc.actorMentions`. */
  mentions: number[][];
  places: PlaceMention[][];
  timexes: TimexNote[][];
  attributions: (Attribution | undefined)[];
}

/**
 * The last index built, with the document it was built from: later stages of
 * the same document pass the same arrays on and reuse it. One slot, not a
 * WeakMap: weak keys cost the garbage collector more than the index costs.
 */
let last: { doc: Doc; index: SentenceIndex } | null = null;

export function indexBySentence(doc: Doc): SentenceIndex {
  if (
    last &&
    last.doc.actorMentions === doc.actorMentions &&
    last.doc.sentences === doc.sentences &&
    last.doc.placeMentions === doc.placeMentions &&
    last.doc.timexes === doc.timexes &&
    last.doc.attributions === doc.attributions
  ) {
    return last.index;
  }
  const index = buildIndex(doc);
  last = { doc, index };
  return index;
}

function buildIndex(doc: Doc): SentenceIndex {
  const n = doc.sentences.length;
  const mentions: number[][] = Array.from({ length: n }, () => []);
  const places: PlaceMention[][] = Array.from({ length: n }, () => []);
  const timexes: TimexNote[][] = Array.from({ length: n }, () => []);
  const attributions: (Attribution | undefined)[] = new Array(n);
  doc.actorMentions.forEach((m, i) => mentions[m.sentence]?.push(i));
  for (const p of doc.placeMentions) places[p.sentence]?.push(p);
  for (const t of doc.timexes) timexes[t.sentence]?.push(t);
  for (const a of doc.attributions) attributions[a.sentence] = a;
  return { mentions, places, timexes, attributions };
}
