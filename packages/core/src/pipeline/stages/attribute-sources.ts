import { fold } from "../../text/fold.js";
import { WordSet, wordIndex } from "../../lang/phrase-index.js";
import { compiled, type Attribution, type Stage, type Token } from "../types.js";

/**
 * Finds who a sentence is attributed to: outlets named in it ("TASS",
 * "russische Medien"), sources after a cue ("laut X", "according to X", "X
 * zufolge"), and whom an outlet cites ("berief sich auf Aussagen Medinskijs",
 * "citing Peskov"). Outlets come first in the chain, then who they cite.
 */
export const attributeSources: Stage = (doc, ctx) => {
  const { lang } = ctx;
  const lex = compiled(ctx, "attribute-sources", () => {
    const before = wordIndex(lang.reporting.before);
    const after = wordIndex(lang.reporting.after);
    const citing = wordIndex(lang.reporting.citing.filter((c) => !c.includes("…")));
    // "sich auf … berief": the cited speaker stands between the two parts (German verb-final clauses).
    const citingAround = lang.reporting.citing.filter((c) => c.includes("…")).map((c) => {
      const [open = "", close = ""] = c.split("…").map((part) => part.trim());
      return { open: wordIndex([open]), close: wordIndex([close]) };
    });
    // The first words of every cue: most tokens start none and are passed at once.
    const starts = new WordSet([before, after, citing, ...citingAround.map((c) => c.open)].flatMap((index) => [...index.firstTokens()]));
    return { before, after, citing, citingAround, starts, speechNouns: new Set(lang.reporting.speechNouns.map(fold)) };
  });
  const tokens = doc.tokens;
  const folded = doc.folded;
  const bySentence = new Map<number, number[]>();
  doc.actorMentions.forEach((m, idx) => {
    const list = bySentence.get(m.sentence) ?? [];
    list.push(idx);
    bySentence.set(m.sentence, list);
  });
  const attributions: Attribution[] = [];

  for (const s of doc.sentences) {
    const mentionIdx = bySentence.get(s.index) ?? [];
    if (!mentionIdx.length) continue;
    const chain: Attribution["chain"] = [];
    const groupOf = (idx: number) => {
      const m = doc.actorMentions[idx]!;
      if (m.via === "group") return undefined;
      return mentionIdx.find((j) => j !== idx && doc.actorMentions[j]!.via === "group" && doc.actorMentions[j]!.start <= m.start && doc.actorMentions[j]!.end >= m.end);
    };
    const used = new Set<number>();
    const add = (idx: number, role: "outlet" | "speaker" | "source", cue: Token[] | null) => {
      // A demonym inside a media group ("russischen" of "russischen Medien") attributes as its group.
      const g = groupOf(idx);
      if (g !== undefined) {
        // Named by a cue ("laut russischen Medien") the state only attributes; as the agent of a sentence it acts.
        if (cue) used.add(idx);
        idx = g;
        role = "outlet";
      }
      const m = doc.actorMentions[idx]!;
      used.add(idx);
      if (chain.some((c) => c.actor === m.actorId)) return;
      const first = cue?.[0];
      const last = cue?.[cue.length - 1];
      chain.push({
        actor: m.actorId,
        role,
        cue: first && last ? { start: first.start, end: last.end, text: doc.text.slice(first.start, last.end) } : null,
      });
    };

    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!lex.starts.has(folded[i] as string)) continue;
      const before = lex.before.longestAt(folded, i, s.tokenEnd);
      if (before) {
        const from = i + before.tokens.length;
        const hit = mentionIdx.filter((idx) => {
          const m = doc.actorMentions[idx]!;
          return m.tokenStart >= from && m.tokenStart <= from + 3;
        });
        for (const idx of hit) add(idx, doc.actors[doc.actorMentions[idx]!.actorId]?.outlet ? "outlet" : "source", tokens.slice(i, from));
      }
      const citing = lex.citing.longestAt(folded, i, s.tokenEnd);
      if (citing) {
        let from = i + citing.tokens.length;
        while (from < s.tokenEnd && (lex.speechNouns.has(folded[from]!) || !tokens[from]!.upper) && from < i + citing.tokens.length + 3) from++;
        const hit = mentionIdx.find((idx) => {
          const m = doc.actorMentions[idx]!;
          return m.tokenStart >= from && m.tokenStart <= from + 2;
        });
        if (hit !== undefined) add(hit, "speaker", tokens.slice(i, i + citing.tokens.length));
      }
      for (const { open, close } of lex.citingAround) {
        const o = open.longestAt(folded, i, s.tokenEnd);
        if (!o) continue;
        const from = i + o.tokens.length;
        for (let j = from + 1; j < Math.min(s.tokenEnd, from + 8); j++) {
          const c = close.longestAt(folded, j, s.tokenEnd);
          if (!c) continue;
          const hit = mentionIdx.find((idx) => {
            const m = doc.actorMentions[idx]!;
            return m.tokenStart >= from && m.tokenEnd <= j;
          });
          if (hit !== undefined) add(hit, "speaker", [...tokens.slice(i, from), ...tokens.slice(j, j + c.tokens.length)]);
          break;
        }
      }
      const after = lex.after.longestAt(folded, i, s.tokenEnd);
      if (after) {
        const hit = mentionIdx.filter((idx) => {
          const m = doc.actorMentions[idx]!;
          return m.tokenEnd <= i && m.tokenEnd >= i - 1 && doc.actors[m.actorId]?.outlet;
        });
        for (const idx of hit) add(idx, "outlet", tokens.slice(i, i + after.tokens.length));
      }
    }
    for (const idx of mentionIdx) {
      const a = doc.actors[doc.actorMentions[idx]!.actorId];
      if (a?.outlet && !used.has(idx)) add(idx, "outlet", null);
    }
    if (chain.length) {
      // Outlets first, then whom they cite.
      chain.sort((a, b) => (a.role === "outlet" ? 0 : 1) - (b.role === "outlet" ? 0 : 1));
      attributions.push({ sentence: s.index, chain, mentionIndexes: [...used] });
    }
  }
  return { ...doc, attributions };
};
