import { fold } from "../../text/fold.js";
import { tokenize } from "../../text/tokenize.js";
import { compiled, type Sentence, type Stage, type Token } from "../types.js";

/** Tokenises each sentence; tokens keep absolute offsets and a folded form. */
export const tokenizeSentences: Stage = (doc, ctx) => {
  // Folding is the costly part; words repeat across a corpus, so folds are cached (bounded).
  const cache = compiled(ctx, "fold-cache", () => new Map<string, string>());
  if (cache.size > 200_000) cache.clear();
  const foldCached = (w: string) => {
    let f = cache.get(w);
    if (f === undefined) {
      f = fold(w);
      cache.set(w, f);
    }
    return f;
  };
  const tokens: Token[] = [];
  const folded: string[] = [];
  const sentences: Sentence[] = doc.sentences.map((s) => {
    const tokenStart = tokens.length;
    for (const t of tokenize(doc.text, s.start, s.end)) {
      const f = foldCached(t.text);
      const c = t.text.charCodeAt(0);
      // ASCII capitals without the regex; anything else by Unicode category.
      const upper = c >= 65 && c <= 90 ? true : c < 128 ? false : /^\p{Lu}/u.test(t.text);
      tokens.push({ start: t.start, end: t.end, text: t.text, fold: f, sentence: s.index, upper });
      folded.push(f);
    }
    return { ...s, tokenStart, tokenEnd: tokens.length };
  });
  return { ...doc, sentences, tokens, folded };
};
