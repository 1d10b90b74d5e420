import type { Claim } from "../../model/index.js";
import { indexBySentence } from "../by-sentence.js";
import type { Stage } from "../types.js";

/** Who reports what: a claim for each attributed event and quote, outlets first. */
export const buildClaims: Stage = (doc) => {
  const claims: Claim[] = [];
  const idx = indexBySentence(doc);
  for (const e of doc.events) {
    for (const sentence of e.sentences) {
      const a = idx.attributions[sentence];
      const s = doc.sentences[sentence];
      if (!a || !s) continue;
      claims.push({
        id: `claim-${e.id}-${sentence}`,
        about: { kind: "event", id: e.id },
        chain: a.chain,
        evidence: { start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) },
      });
    }
  }
  doc.quotes.forEach((q, i) => {
    if (!q.speaker) return;
    const chain: Claim["chain"] = [];
    if (q.via) chain.push({ actor: q.via, role: "outlet", cue: null });
    chain.push({ actor: q.speaker, role: "speaker", cue: null });
    claims.push({ id: `claim-quote-${i}`, about: { kind: "quote", id: `quote-${q.start}` }, chain, evidence: { start: q.start, end: q.end, text: q.text } });
  });
  return { ...doc, claims };
};
