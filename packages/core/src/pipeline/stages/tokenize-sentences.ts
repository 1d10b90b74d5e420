import { fold } from "../../text/fold.js";
import { tokenize } from "../../text/tokenize.js";
import type { Sentence, Stage, Token } from "../types.js";

/** Tokenises each sentence; tokens keep absolute offsets and a folded form. */
export const tokenizeSentences: Stage = (doc) => {
  const tokens: Token[] = [];
  const sentences: Sentence[] = doc.sentences.map((s) => {
    const tokenStart = tokens.length;
    for (const t of tokenize(doc.text, s.start, s.end)) {
      tokens.push({ ...t, fold: fold(t.text), sentence: s.index, upper: /^\p{Lu}/u.test(t.text) });
    }
    return { ...s, tokenStart, tokenEnd: tokens.length };
  });
  return { ...doc, sentences, tokens };
};
