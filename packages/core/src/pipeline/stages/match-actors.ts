import { fold, slug } from "../../text/fold.js";
import { SuffixIndex, WordSet, wordIndex } from "../../lang/phrase-index.js";
import type { ActorName } from "../../knowledge/knowledge-base.js";
import { hyphenParts, matchName } from "../match-names.js";
import { compiled, isClauseBreak, Shape, type ActorMention, type ActorRecord, type Stage, type Token } from "../types.js";

/**
 * Finds actors: names and aliases of the knowledge base (with inflection),
 * demonyms ("russische" → Russia), capital metonyms when they act ("Moskau
 * erklärte", not "in Moskau"), media groups ("russische Medien"), and people
 * outside the knowledge base from their titles ("Außenminister X") or a given
 * name, who are then found again by surname.
 */
export const matchActors: Stage = (doc, ctx) => {
  const { lang, kb } = ctx;
  const tokens = doc.tokens;
  const foldedTokens = doc.folded;
  const { locative, determiners, titleHeads, titleIndex, givenNames, notNames, mediaNouns, months, triggerWords, sayingVerbs, sourcePrepositions } = compiled(ctx, "match-actors", () => ({
    locative: new Set(lang.cues.locative.map(fold)),
    sayingVerbs: wordIndex([...lang.reporting.verbs, ...lang.reporting.before]),
    sourcePrepositions: new Set(lang.reporting.sourcePrepositions.map(fold)),
    determiners: new Set(lang.cues.definite.map(fold)),
    titleHeads: new SuffixIndex(lang.titles.titles.map((t) => [fold(t), t] as [string, string])),
    titleIndex: wordIndex(lang.titles.titles),
    givenNames: new WordSet(lang.titles.givenNames),
    notNames: new Set(lang.titles.notNames.map(fold)),
    mediaNouns: wordIndex(lang.reporting.mediaNouns),
    months: new Set([...Object.keys(lang.temporal.months), ...Object.keys(lang.temporal.weekdays)].map(fold)),
    triggerWords: new Set(lang.triggers.flatMap((t) => t.forms.map(fold))),
  }));
  const demonyms = kb.demonyms(lang);
  // The first words of every name and demonym: most tokens start none (names inflect only when capitalised).
  const nameStarts = compiled(ctx, "match-actors.starts", () => new WordSet([...kb.actorNames.firstTokens(), ...demonyms.firstTokens()]));
  const mayStartName = (t: Token) => nameStarts.has(t.fold) || (t.upper && t.bases.some((b) => nameStarts.has(b)));

  const actors: Record<string, ActorRecord> = {};
  const mentions: ActorMention[] = [];
  // A plain array: a typed array this size lives off the heap and costs more to allocate and collect than it saves.
  const covered: number[] = new Array<number>(tokens.length).fill(0);

  const known = (id: string): ActorRecord | null => {
    if (actors[id]) return actors[id];
    const k = kb.actors.get(id);
    if (!k) return null;
    actors[id] = {
      id: k.id,
      kind: k.kind,
      name: k.name,
      aliases: k.aliases,
      country: k.country,
      roles: k.roles ?? [],
      known: true,
      outlet: k.outlet ?? false,
    };
    return actors[id];
  };
  const mention = (actorId: string, via: ActorMention["via"], start: number, end: number, ts: number, te: number, sentence: number) => {
    mentions.push({ actorId, via, start, end, text: doc.text.slice(start, end), sentence, tokenStart: ts, tokenEnd: te });
    for (let k = ts; k < te; k++) covered[k] = 1;
  };
  // "hieß es aus Kiew", "nach Angaben aus Baku": a verb of saying or a cue of attribution ends right before the preposition.
  const saidRightBefore = (at: number, sentence: number) => {
    for (let k = at - 1; k >= Math.max(0, at - 3) && (tokens[k] as Token).sentence === sentence; k--) {
      const p = sayingVerbs.longestAt(foldedTokens, k, at);
      if (p && k + p.tokens.length === at) return true;
    }
    return false;
  };
    const accept = (p: { value: ActorName; tokens: string[] }, first: Token, i: number) => {
    const v = p.value;
    if (v.exactCase !== null) {
      const surface = doc.text.slice(first.start, tokens[i + p.tokens.length - 1]?.end ?? first.end);
      if (surface !== v.exactCase && surface.replace(/['’]s$/u, "") !== v.exactCase) return false;
    }
    if (v.upperFirst && !first.upper) return false;
    if (v.via === "metonym") {
      const prev = tokens[i - 1];
      const prev2 = tokens[i - 2];
      const prepAt = prev && prev.sentence === first.sentence ? (locative.has(prev.fold) ? i - 1 : prev2 && locative.has(prev2.fold) && determiners.has(prev.fold) ? i - 2 : -1) : -1;
      if (prepAt >= 0 && !(sourcePrepositions.has(foldedTokens[prepAt] as string) && saidRightBefore(prepAt, first.sentence))) return false;
    }
    return true;
  };

  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (covered[i]) continue;
      const token = tokens[i] as Token;
      const m = mayStartName(token)
        ? (matchName(kb.actorNames, tokens, i, s.tokenEnd, accept) ?? matchName(demonyms, tokens, i, s.tokenEnd, accept))
        : null;
      if (m) {
        const actor = known(m.phrase.value.actorId);
        if (actor) {
          const end = (tokens[m.tokenEnd - 1] as Token).end;
          mention(actor.id, m.phrase.value.via, token.start, end, i, m.tokenEnd, s.index);
          // "russische Medien": a media group of that state, which attributes rather than acts.
          const media = m.phrase.value.via === "demonym" ? mediaAfter(m.tokenEnd, s.tokenEnd) : null;
          if (media && actor.country) {
            const id = `group:${actor.country.toLowerCase()}-${slug(media.text)}`;
            actors[id] ??= { id, kind: "group", name: doc.text.slice(token.start, media.end), aliases: [], country: actor.country, roles: [], known: false, outlet: true };
            mentions.push({ actorId: id, via: "group", start: token.start, end: media.end, text: doc.text.slice(token.start, media.end), sentence: s.index, tokenStart: i, tokenEnd: media.tokenEnd });
          }
          i = m.tokenEnd - 1;
          continue;
        }
      }
      // Parts of hyphenated compounds: "US-Außenminister", "russisch-ukrainischen".
      for (const part of hyphenParts(token)) {
        const pf = fold(part.text);
        const hit = [...kb.actorNames.candidates(pf), ...demonyms.candidates(pf)].find(
          (p) => p.tokens.length === 1 && (p.value.exactCase === null || p.value.exactCase === part.text),
        );
        if (hit) {
          const actor = known(hit.value.actorId);
          if (actor) {
            mentions.push({ actorId: actor.id, via: hit.value.via, start: part.start, end: part.end, text: part.text, sentence: s.index, tokenStart: i, tokenEnd: i + 1 });
            covered[i] = 1;
          }
        }
      }
    }
  }

  function mediaAfter(from: number, end: number): { end: number; text: string; tokenEnd: number } | null {
    for (let j = from; j < Math.min(from + 3, end); j++) {
      const p = mediaNouns.longestAt(foldedTokens, j, end);
      if (p) {
        const last = tokens[j + p.tokens.length - 1] as Token;
        return { end: last.end, text: p.source, tokenEnd: j + p.tokens.length };
      }
      const t = tokens[j] as Token;
      // Only adjectives may stand between the demonym and the noun.
      if (t.upper || !(t.shape & Shape.LETTERS)) return null;
    }
    return null;
  }

  // Known mentions by sentence, for the country of people found from context.
  const knownBySentence = new Map<number, ActorMention[]>();
  for (const m of mentions) {
    const list = knownBySentence.get(m.sentence) ?? [];
    list.push(m);
    knownBySentence.set(m.sentence, list);
  }
  const sentenceOf = (tokenIndex: number) => tokens[tokenIndex]?.sentence ?? -1;

  // People from context: a title, then capitalised words that are not known names.
  const isNameWord = (t: Token | undefined, covered_: boolean) =>
    !!t && t.upper && !covered_ && (t.shape & Shape.NAME_WORD) !== 0 && !notNames.has(t.fold) && !months.has(t.fold) && !triggerWords.has(t.fold) && !titleIndex.candidates(t.fold).length;
  const contextPeople: { id: string; surname: string }[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = tokens[i] as Token;
      let nameStart = -1;
      let titleToken: Token | null = null;
      const titlePhrase = titleIndex.longestAt(foldedTokens, i, s.tokenEnd);
      if (titlePhrase) {
        nameStart = i + titlePhrase.tokens.length;
        titleToken = t;
      } else if (lang.compoundTitles && t.upper && (titleHeads.headOf(t.fold)?.form.length ?? Infinity) < t.fold.length - 2) {
        // German compounds end in the title: "Kremlsprecher", "Chefunterhändler".
        nameStart = i + 1;
        titleToken = t;
      } else if (t.upper && givenNames.has(t.text) && !covered[i]) {
        nameStart = i;
      }
      if (nameStart < 0) continue;
      let j = nameStart;
      while (j < s.tokenEnd && j - nameStart < 3 && isNameWord(tokens[j], covered[j] === 1)) j++;
      let count = j - nameStart;
      let complementFrom = -1;
      // "Der Sprecher des Weißen Hauses, Karoline Leavitt, sagte": the name in apposition after the title's complement,
      // two name words at least, closed by a comma or the end of the clause.
      if (count === 0 && titleToken) {
        let comma = nameStart;
        while (comma < s.tokenEnd && comma - nameStart < 6 && tokens[comma]!.text !== "," && !isClauseBreak(tokens[comma] as Token)) comma++;
        if (comma > nameStart && tokens[comma]?.text === ",") {
          let k = comma + 1;
          while (k < s.tokenEnd && k - comma - 1 < 3 && isNameWord(tokens[k], covered[k] === 1)) k++;
          const closed = k >= s.tokenEnd || isClauseBreak(tokens[k] as Token);
          if (k - comma - 1 >= 2 && closed) {
            complementFrom = nameStart;
            nameStart = comma + 1;
            j = k;
            count = j - nameStart;
          }
        }
      }
      const needed = titleToken ? 1 : 2;
      if (count < needed) continue;
      // A lone German capitalised word after a title may be a noun: take it only before a verb, comma or end.
      if (count === 1 && lang.capitalisedNouns) {
        const after = tokens[j];
        if (after && after.sentence === s.index && after.upper) continue;
      }
      const first = tokens[nameStart] as Token;
      const last = tokens[j - 1] as Token;
      const name = doc.text.slice(first.start, last.end);
      const id = `person:${slug(name)}`;
      actors[id] ??= {
        id,
        kind: "person",
        name,
        aliases: [],
        country: contextCountry(i, titleToken, s.tokenStart) ?? (complementFrom >= 0 ? countryIn(complementFrom, nameStart - 1, s.tokenStart) : null),
        roles: titleToken ? [{ title: titleToken.text }] : [],
        known: false,
        outlet: false,
      };
      mention(id, "context", first.start, last.end, nameStart, j, s.index);
      if (count > 1) contextPeople.push({ id, surname: last.fold });
      i = j - 1;
    }
  }

  /** The country of an actor named in tokens [from, to): "des ukrainischen Außenministeriums", "for the White House". */
  function countryIn(from: number, to: number, sentenceStart: number): string | null {
    const near = knownBySentence.get(sentenceOf(sentenceStart)) ?? [];
    const m = near.find((x) => x.tokenStart >= from && x.tokenEnd <= to && !!actors[x.actorId]?.country);
    return m ? (actors[m.actorId]?.country ?? null) : null;
  }

  function contextCountry(titleAt: number, titleToken: Token | null, sentenceStart: number): string | null {
    const near = knownBySentence.get(sentenceOf(sentenceStart)) ?? [];
    for (let k = titleAt - 1; k >= Math.max(sentenceStart, titleAt - 3); k--) {
      const m = near.find((x) => x.tokenStart <= k && k < x.tokenEnd && (x.via === "demonym" || actors[x.actorId]?.kind === "state"));
      if (m) return actors[m.actorId]?.country ?? null;
    }
    if (titleToken) {
      const same = near.find((x) => x.start >= titleToken.start && x.end <= titleToken.end);
      if (same) return actors[same.actorId]?.country ?? null;
      // "Kremlsprecher": a metonym or name at the front of the compound.
      for (let cut = 3; cut < titleToken.fold.length - 3; cut++) {
        const hit = kb.actorNames.candidates(titleToken.fold.slice(0, cut)).find((p) => p.tokens.length === 1);
        if (hit) {
          const a = kb.actors.get(hit.value.actorId);
          if (a) return a.country;
        }
      }
    }
    return null;
  }

  // Surnames of people found from context name them again later.
  if (contextPeople.length) {
    const bySurname = new Map(contextPeople.map((p) => [p.surname, p.id]));
    for (let i = 0; i < tokens.length; i++) {
      if (covered[i]) continue;
      const t = tokens[i] as Token;
      if (!t.upper) continue;
      const id = bySurname.get(t.fold) ?? t.bases.map((b) => bySurname.get(b)).find(Boolean);
      if (id) mention(id, "coref", t.start, t.end, i, i + 1, t.sentence);
    }
  }

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { ...doc, actors, actorMentions: mentions };
};

