import { fold } from "../../text/fold.js";
import { wordIndex } from "../../lang/phrase-index.js";
import { indexBySentence } from "../by-sentence.js";
import { compiled, isClauseBreak, type QuoteNote, type Sentence, type Stage, type Token } from "../types.js";

/** Opening marks and the marks that may close them. */
const PAIRS: Record<string, string> = { "„": "“”\"", "“": "”\"", "”": "”", '"': '"', "»": "«", "«": "»", "‚": "‘’", "‹": "›" };

/**
 * Finds direct speech and who said it. A quotation is speech when a verb of
 * saying or a colon introduces it and it is not a quoted title or slogan
 * („Alles für alle“, a „Memorandum zur Beilegung“ after an article). The
 * speaker comes from the reporting clause (the nearest person to the verb of
 * saying, or the speaker of the sentence before); the outlet it came through
 * from the sentence's attribution.
 */
export const findQuotes: Stage = (doc, ctx) => {
  const { lang } = ctx;
  const lex = compiled(ctx, "find-quotes", () => ({
    verbs: wordIndex(lang.reporting.verbs),
    determiners: new Set([...lang.cues.definite, ...lang.cues.indefinite].map(fold)),
    pronouns: new Set(lang.reporting.pronouns.map(fold)),
  }));
  const text = doc.text;
  const tokens = doc.tokens;
  const folded = doc.folded;
  const idx = indexBySentence(doc);
  const personIn = (sentence: number) =>
    (idx.mentions[sentence] ?? []).map((i) => doc.actorMentions[i]!).find((m) => doc.actors[m.actorId]?.kind === "person");
  const quotes: QuoteNote[] = [];
  const quotedTitles: { start: number; end: number; text: string }[] = [];
  const sentenceAt = (pos: number) => {
    let lo = 0;
    let hi = doc.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = doc.sentences[mid] as Sentence;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const verbsOf = new Map<number, number[]>();
  /** The first token ending after `pos`, by binary search. */
  const tokenAt = (pos: number, from: number, to: number) => {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid] as Token).end > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // Pair marks within a paragraph, left to right: linear.
  let lastSpeaker: string | null = null;
  let i = 0;
  const OPENERS = /[„“”"»«‚‹]/gu;
  while (i < text.length) {
    OPENERS.lastIndex = i;
    const next = OPENERS.exec(text);
    if (!next) break;
    i = next.index;
    const open = text[i] as string;
    const closers = PAIRS[open] as string;
    let j = i + 1;
    while (j < text.length && j - i < 2000 && text[j] !== "\n" && !closers.includes(text[j] as string)) j++;
    // Unclosed: no closer in this stretch for any opener in it either; go on after it. Linear.
    if (j >= text.length || text[j] === "\n" || j - i >= 2000) {
      i = Math.max(j, i + 1);
      continue;
    }
    if (j === i + 1) {
      i = j + 1;
      continue;
    }
    const start = i + 1;
    const end = j;
    i = j + 1;
    const s = sentenceAt(start);
    if (!s) continue;
    const inner = text.slice(start, end).trim();
    const words = inner.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
    const qs = tokenAt(start, s.tokenStart, s.tokenEnd);
    const qe = tokenAt(end, s.tokenStart, s.tokenEnd);
    const prev = tokens[qs - 2];
    const before = text.slice(Math.max(s.start, start - 3), start - 1);
    const colon = /:\s*$/u.test(before);
    // „eines „Memorandums zur Beilegung“": a capitalised name after an article is a title; "einer „konstruktiven Atmosphäre“" is speech.
    const afterDeterminer = !!prev && prev.sentence === s.index && lex.determiners.has(prev.fold) && !colon;
    // 'an "all for all" exchange': a short quotation between an article and the word it modifies is a term, not speech.
    const afterAt = tokenAt(end + 1, s.tokenStart, s.tokenEnd);
    const after = afterAt < s.tokenEnd ? tokens[afterAt] : undefined;
    // A noun follows: capitalised where all nouns are ("einen „umfassenden Vorschlag“ unterbreitet" stays speech), any word elsewhere.
    const isNoun = (w: string) => (lang.capitalisedNouns ? /^\p{Lu}/u : /^\p{L}/u).test(w);
    const attributive = afterDeterminer && words.length <= 4 && !!after && after.sentence === s.index && isNoun(after.text) && !lex.verbs.longestAt(folded, afterAt, s.tokenEnd);
    const titleLike = (afterDeterminer && /^\p{Lu}/u.test(inner)) || attributive;
    // A verb of saying outside the quotation, in the same sentence (the sentence's verbs are found once).
    let verbs = verbsOf.get(s.index);
    if (!verbs) {
      verbs = [];
      for (let k = s.tokenStart; k < s.tokenEnd; k++) if (lex.verbs.longestAt(folded, k, s.tokenEnd)) verbs.push(k);
      verbsOf.set(s.index, verbs);
    }
    let verbAt = -1;
    for (const k of verbs) {
      if (k >= qs && k < qe) continue;
      if (verbAt < 0 || Math.abs(k - qs) < Math.abs(verbAt - qs)) verbAt = k;
    }
    // Short quotations ("called the talks „konstruktiv“") are speech beside a verb of saying; longer ones also after a colon or as full sentences.
    const attributed = idx.attributions[s.index]?.chain.some((c) => c.role !== "outlet" || c.cue !== null) ?? false;
    const speech = !titleLike && words.length >= 1 && (verbAt >= 0 || attributed || (words.length >= 3 && (colon || /[.!?,]$/u.test(inner))));
    if (!speech) {
      quotedTitles.push({ start, end, text: text.slice(start, end) });
      continue;
    }

    // The speaker: an actor outside the quotation nearest to the verb of saying (people first).
    const outside = idx.mentions[s.index]!.map((i) => doc.actorMentions[i]!).filter((m) => (m.end <= start - 1 || m.start > end) && m.via !== "group");
    const attribution = idx.attributions[s.index];
    const outlets = new Set(attribution?.chain.filter((c) => c.role === "outlet").map((c) => c.actor) ?? []);
    const candidates = outside.filter((m) => !outlets.has(m.actorId) && !doc.actors[m.actorId]?.outlet);
    const anchor = verbAt >= 0 ? verbAt : qs;
    // The speaker is the subject of the verb of saying: in its clause, nearest to it; failing that, the sentence's first person
    // ("Rubio, who led the side with Witkoff, told reporters …").
    let clauseFrom = anchor;
    while (clauseFrom > s.tokenStart && !isClauseBreak(tokens[clauseFrom - 1] as Token)) clauseFrom--;
    let clauseTo = anchor;
    while (clauseTo < s.tokenEnd && !isClauseBreak(tokens[clauseTo] as Token)) clauseTo++;
    const inClause = (m: (typeof candidates)[number]) => m.tokenStart >= clauseFrom && m.tokenStart < clauseTo;
    const firstPerson = candidates.find((m) => doc.actors[m.actorId]?.kind === "person" && m.tokenStart < anchor);
    const score = (m: (typeof candidates)[number]) =>
      Math.abs((m.tokenStart < anchor ? m.tokenEnd : m.tokenStart) - anchor) +
      (doc.actors[m.actorId]?.kind === "person" ? 0 : 50) +
      (m.via === "demonym" ? 100 : 0) +
      (inClause(m) ? 0 : m === firstPerson ? 20 : 60);
    const best = [...candidates].sort((a, b) => score(a) - score(b))[0];
    // "…", he told reporters in Helsinki, where he met Stubb": a pronoun next to the verb is the speaker named before.
    const pronounSubject = verbAt >= 0 && [verbAt - 1, verbAt + 1, verbAt - 2].some((k) => k >= s.tokenStart && k < s.tokenEnd && lex.pronouns.has(folded[k] as string));
    const nearVerb = best && verbAt >= 0 && Math.abs((best.tokenStart < verbAt ? best.tokenEnd : best.tokenStart) - verbAt) <= 1;
    // The pronoun's antecedent: a person named earlier in this sentence ("Putin … said he hoped …"), else the sentence before.
    const antecedent = pronounSubject ? candidates.find((m) => doc.actors[m.actorId]?.kind === "person" && m.tokenEnd <= verbAt - 1) : undefined;
    let speaker = best && score(best) < 150 && !(pronounSubject && !nearVerb) ? best.actorId : (antecedent?.actorId ?? null);
    // "sagte der CDU-Politiker": a party or state inside a compound describes the person named before.
    if (best && doc.actors[best.actorId]?.kind !== "person" && best.text.length < (doc.tokens[best.tokenStart]?.text.length ?? 0)) {
      const prevPerson = personIn(s.index - 1);
      if (prevPerson) speaker = prevPerson.actorId;
    }
    if (!speaker && attribution) speaker = attribution.chain.find((c) => c.role !== "outlet")?.actor ?? null;
    // "…“, sagte er": the person the sentence before is about.
    if (!speaker) {
      const prevPerson = personIn(s.index - 1);
      speaker = prevPerson?.actorId ?? (outside.length ? null : lastSpeaker);
    }
    const via = [...outlets].find((o) => o !== speaker) ?? null;
    if (speaker) lastSpeaker = speaker;
    quotes.push({ start, end, text: text.slice(start, end), sentence: s.index, speaker, via });
  }
  return { ...doc, quotes, quotedTitles };
};
