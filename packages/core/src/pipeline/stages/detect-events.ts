import { fold } from "../../text/fold.js";
import { PhraseIndex, SuffixIndex, WordMap, WordSet, wordIndex } from "../../lang/phrase-index.js";
import type { LanguagePack, Trigger } from "../../lang/language-pack.js";
import type { EventType, Issue } from "../../model/index.js";
import { formatYmd, addDays, parseIso } from "../../time/calendar.js";
import { indexBySentence, type SentenceIndex } from "../by-sentence.js";
import { placeRecord } from "./match-places.js";
import { compiled, isClauseBreak, Shape, spanKey, type Doc, type EventDraft, type PipelineContext, type Sentence, type Stage, type TimexNote, type Token, type TriggerHit } from "../types.js";

/** Event types whose subject matter is coded as issues. */
const ISSUE_BEARING: ReadonlySet<EventType> = new Set(["agreement", "signing", "proposal", "rejection"]);
/** Event types that take the place of the talks told in the same sentence ("held talks in Moscow and handed over a message"). */
const AT_TALKS: ReadonlySet<EventType> = new Set([...ISSUE_BEARING, "publication", "statement"]);
/** Event types that have a duration: people spend time in them. */
const TIMED: ReadonlySet<EventType> = new Set(["meeting", "negotiation", "consultation", "phone_call", "visit"]);
/** Event types where the parties met, spoke or dealt with each other. */
/** Event types of people talking, which one report may name in turn ("die Gespräche", "das Treffen"). */
const FAMILY: ReadonlySet<EventType> = new Set(["meeting", "negotiation", "phone_call", "consultation"]);
/** Event types whose trigger can hold the subject matter after it ("Verhandlungen über eine Waffenruhe"). */
const CONTAINERS: ReadonlySet<EventType> = new Set(["meeting", "negotiation", "consultation", "phone_call", "agreement", "proposal", "signing", "rejection", "statement"]);
/** Event types whose subject matter is what an issue trigger names in the same sentence. */
const OUTCOMES: ReadonlySet<EventType> = new Set(["agreement", "proposal", "signing", "rejection"]);
const INTERACTIVE: ReadonlySet<EventType> = new Set(["meeting", "negotiation", "consultation", "phone_call", "agreement", "signing", "prisoner_exchange"]);

function compile(lang: LanguagePack) {
  const contiguous: [string, Trigger][] = [];
  const gapped: { tokens: string[]; trigger: Trigger; source: string }[] = [];
  const heads: { form: string; trigger: Trigger }[] = [];
  for (const trigger of lang.triggers) {
    for (const form of trigger.forms) {
      contiguous.push([form, trigger]);
      const parts = form.split(/\s+/u);
      if (trigger.pos === "verb" && parts.length > 1) gapped.push({ tokens: parts.map(fold), trigger, source: form });
      if (trigger.head && parts.length === 1) heads.push({ form: fold(form), trigger });
    }
  }
  const words = (list: string[]) => wordIndex(list);
  const requires = new Map<Trigger, PhraseIndex<string>>();
  const excludes = new Map<Trigger, PhraseIndex<string>>();
  for (const trigger of lang.triggers) {
    if (trigger.requires) requires.set(trigger, words(trigger.requires));
    if (trigger.excludes) excludes.set(trigger, words(trigger.excludes));
  }
  const gappedByFirst = new Map<string, typeof gapped>();
  for (const g of gapped) gappedByFirst.set(g.tokens[0]!, [...(gappedByFirst.get(g.tokens[0]!) ?? []), g]);
  const contiguousIndex = new PhraseIndex(contiguous);
  return {
    requires,
    excludes,
    triggerStarts: new WordSet([...contiguousIndex.firstTokens(), ...gappedByFirst.keys()]),
    contiguous: contiguousIndex,
    gapped: new WordMap(gappedByFirst),
    heads: new SuffixIndex(heads.map((h) => [h.form, h.trigger] as [string, Trigger])),
    issues: new PhraseIndex(lang.issues.flatMap((e) => e.forms.map((f) => [f, e.issue] as [string, Issue]))),
    issueHeads: new SuffixIndex(lang.issues.filter((e) => e.head).flatMap((e) => e.forms.filter((f) => !/\s/u.test(f)).map((f) => [fold(f), e.issue] as [string, Issue]))),
    negation: words(lang.cues.negation),
    negationDeterminers: new Set(lang.cues.negationDeterminers.map(fold)),
    attributionCues: words(lang.reporting.before),
    sayingVerbs: words(lang.reporting.verbs),
    placeComplementNouns: new Set(lang.cues.placeComplementNouns.map(fold)),
    topicPrepositions: words(lang.cues.topicPrepositions),
    origin: new Set(lang.cues.origin.map(fold)),
    ordinals: new Map(Object.entries(lang.cues.ordinals).map(([w, n]) => [fold(w), n] as [string, number])),
    since: new Set(lang.temporal.since.map(fold)),
    nonFactual: words(lang.cues.nonFactual),
    nonFactualHeads: new SuffixIndex(lang.cues.nonFactual.filter((w) => /^\p{Lu}/u.test(w)).map((w) => [fold(w), w] as [string, string])),
    generic: words(lang.cues.generic),
    planned: words(lang.cues.planned),
    indefinite: new Set(lang.cues.indefinite.map(fold)),
    definite: new Set(lang.cues.definite.map(fold)),
    demonstrative: new Set(lang.cues.demonstrative.map(fold)),
    possessive: new Set(lang.cues.possessive.map(fold)),
    attributive: lang.attributiveParticiple,
    background: words(lang.cues.background),
    separate: words(lang.cues.separate),
    earlier: words(lang.cues.earlier),
    purpose: new Set(lang.cues.purpose.map(fold)),
    infinitive: new Set(lang.cues.infinitive.map(fold)),
    subordinators: words(lang.cues.subordinators),
    durationVerbs: words(lang.cues.durationVerbs),
    durationLinks: new Set(lang.cues.durationLinks.map(fold)),
    notDuration: new Set(lang.cues.notDuration.map(fold)),
    afterDuration: new Set(lang.cues.afterDuration.map(fold)),
    units: new Set(Object.keys(lang.temporal.units).map(fold)),
  };
}
type Lex = ReturnType<typeof compile>;

/**
 * Finds event triggers and builds events: one real-world event mentioned in
 * several sentences is one event with several evidence spans. Sentences that
 * state goals, opinions, hypotheticals or generic truths make no event;
 * negated triggers make none either. Participants, place, date, duration and
 * issues are attached from the sentence and its neighbours.
 */
export const detectEvents: Stage = (doc, ctx: PipelineContext) => {
  const lex = compiled(ctx, "detect-events", () => compile(ctx.lang));
  const tokens = doc.tokens;
  const folded = doc.folded;
  const events: EventDraft[] = [];
  const knownTypes = new Set<EventType>();
  const hits: TriggerHit[] = [];
  const attributional = new Set(doc.attributions.flatMap((a) => a.mentionIndexes));
  // "die Lage in der Ukraine": a state named as a place is where, not who; it neither takes part nor counts as a new party.
  const placeSpans = new Set(doc.placeMentions.filter((p) => p.locative).map((p) => spanKey(p.start, p.end)));
  doc.actorMentions.forEach((m, i) => {
    if (placeSpans.has(spanKey(m.start, m.end))) attributional.add(i);
  });
  const idx = indexBySentence(doc);

  for (const s of doc.sentences) {
    const sentenceHits = findTriggers(s, lex, doc, folded, knownTypes);
    if (!sentenceHits.length) continue;
    const [nonFactualFrom, nonFactualTo] = nonFactualScope(s, lex.nonFactual, lex.nonFactualHeads, tokens, folded, lex);
    const specific =
      idx.mentions[s.index]!.some((i) => doc.actorMentions[i]!.via !== "group") ||
      // A day, or a measured duration ("Das Treffen dauerte etwa eine Stunde"), ties the sentence to an event.
      idx.timexes[s.index]!.some((t) => t.dayLevel || (t.type === "DURATION" && t.value !== null && !t.value.includes("X"))) ||
      idx.places[s.index]!.length > 0 ||
      sentenceHits.some((h) => h.determiner === "indefinite" || h.determiner === "demonstrative" || h.trigger.pos === "verb");
    const sentenceEvents = new Map<EventType, EventDraft>();
    const issueHits: TriggerHit[] = [];

    // A trigger found without its required words ("vote on the deal") holds no content.
    const holders = sentenceHits.filter((h) => !h.weakened);
    const outcome = holders.some((h) => OUTCOMES.has(h.trigger.type) && !h.trigger.issue);
    const sameClauseAsOutcome = (hit: TriggerHit) => holders.some((h) => OUTCOMES.has(h.trigger.type) && !h.trigger.issue && sameClause(h, hit, tokens, lex));
    // What is proposed, agreed or rejected ("rejected direct negotiations") is the content of that event.
    const firstProposalVerb = sentenceHits.find((h) => (h.trigger.type === "proposal" || h.trigger.type === "agreement" || h.trigger.type === "rejection") && h.trigger.pos === "verb");
    const verbTypes = new Set(sentenceHits.filter((h) => h.trigger.pos === "verb").map((h) => h.trigger.type));
    for (const hit of sentenceHits) {
      const { trigger } = hit;
      if (hit.tokenStart >= nonFactualFrom && hit.tokenStart < nonFactualTo) continue;
      if (!specific) continue;
      if (isNegated(hit, s, lex, tokens, folded)) continue;
      if (inAttribution(hit, s, doc, idx, lex, tokens, folded)) continue;
      if (hit.determiner === null && trigger.pos === "noun" && clauseHas(hit, s, lex.generic, tokens, folded, lex)) continue;
      // "Einigung über einen Austausch von Gefangenen", "Verhandlungen über eine Waffenruhe": the subject matter, not an event.
      if (trigger.issue && ((outcome && (trigger.pos === "noun" || sameClauseAsOutcome(hit))) || holders.some((h) => h !== hit && CONTAINERS.has(h.trigger.type) && !h.trigger.issue && h.tokenEnd <= hit.tokenStart && hit.tokenStart - h.tokenEnd <= 7 && sameClause(h, hit, tokens, lex)))) {
        // "offered to exchange two soldiers", "agreement on freeing wounded soldiers": what is agreed or proposed.
        if (!hit.weakened) issueHits.push(hit);
        continue;
      }
      // "schlug vor, die Gespräche fortzusetzen": what is proposed is no event of its own.
      if (
        firstProposalVerb &&
        hit !== firstProposalVerb &&
        trigger.type !== firstProposalVerb.trigger.type &&
        hit.tokenStart > firstProposalVerb.tokenStart &&
        hit.tokenStart < (firstProposalVerb.particleEnd ?? s.tokenEnd)
      )
        continue;
      // "Statement" names a document as often as an act: only "in einer Mitteilung", "in its statement" tell the act.
      if (trigger.determiners && !trigger.determiners.includes(hit.determiner ?? "none")) continue;
      // A talk named inside a quoted title ("Joint Statement on … Consultations in Geneva") is no talk.
      if (FAMILY.has(trigger.type) && doc.quotedTitles.some((t) => t.start <= hit.start && hit.end <= t.end)) continue;
      // "riefen ihre Delegationen zu Beratungen zurück": a noun of purpose beside another verb's event.
      let event = sentenceEvents.get(trigger.type) ?? null;
      // "held a fourth round of indirect talks": talks named inside the verb's own phrase are its event.
      if (!event && trigger.pos === "noun" && FAMILY.has(trigger.type)) {
        const verb = sentenceHits.find((h) => h.trigger.pos === "verb" && FAMILY.has(h.trigger.type) && h.particleEnd !== undefined && h.tokenEnd <= hit.tokenStart && hit.tokenStart < h.particleEnd);
        if (verb) event = sentenceEvents.get(verb.trigger.type) ?? null;
      }
      if (!event && trigger.pos === "noun" && isPurpose(hit, lex, tokens)) {
        // "met … for a third round of talks", "zu Friedensgesprächen zusammengekommen": the talks are the meeting.
        const talk = FAMILY.has(trigger.type) ? sentenceHits.find((h) => h.trigger.pos === "verb" && FAMILY.has(h.trigger.type) && h !== hit) : undefined;
        if (talk) {
          event = sentenceEvents.get(talk.trigger.type) ?? null;
          // German puts the verb last ("zu Gesprächen … getroffen"): the verb, still to come, makes the event.
          if (!event) continue;
        } else if ([...verbTypes].some((t) => t !== trigger.type)) continue;
      }

      if (!event && trigger.pos === "verb" && lex.attributive?.(tokens[hit.tokenStart - 1]?.text, tokens[hit.tokenEnd]?.text)) continue;
      if (!event) {
        event = corefer(hit, sentenceHits, s, events, doc, idx, lex, folded, attributional);
        if (!event && trigger.weak) continue;
        if (!event) {
          event = {
            id: `ev-${trigger.type}-${hit.start}`,
            type: trigger.type,
            triggers: [],
            sentences: [],
            participants: [],
            place: null,
            date: null,
            duration: null,
            issues: [],
            sources: [],
            modality: trigger.type === "proposal" ? "proposed" : clauseHas(hit, s, lex.planned, tokens, folded, lex) ? "planned" : "asserted",
          };
          events.push(event);
          knownTypes.add(event.type);
        }
      }
      if (!sentenceEvents.has(trigger.type)) sentenceEvents.set(trigger.type, event);
      event.triggers.push(hit);
      if (!event.sentences.includes(s.index)) event.sentences.push(s.index);
      hits.push(hit);
    }
    if (!sentenceEvents.size) continue;
    attachArguments(s, [...new Set(sentenceEvents.values())], issueHits, doc, idx, lex, folded, attributional);
  }

  // A report names one talk in turn a negotiation, a meeting, a conversation: it is what most of its mentions call it.
  for (const e of events) {
    // Ties keep the type of the first mention, which introduced the event.
    const counts = new Map<EventType, number>();
    // The noun a support verb takes says more than the verb: "held a second round of talks" is a negotiation.
    const inVerbPhrase = (h: TriggerHit) =>
      h.trigger.pos === "noun" && e.triggers.some((v) => v.particleEnd !== undefined && v.sentence === h.sentence && v.tokenEnd <= h.tokenStart && h.tokenStart < v.particleEnd);
    for (const h of e.triggers) counts.set(h.trigger.type, (counts.get(h.trigger.type) ?? 0) + (inVerbPhrase(h) ? 1.5 : 1));
    let best = e.triggers[0]!.trigger.type;
    for (const [type, n] of counts) if (n > (counts.get(best) ?? 0)) best = type;
    if (best !== e.type) {
      e.type = best;
      e.id = `ev-${best}-${e.triggers[0]!.start}`;
    }
  }
  inheritParticipants(doc, events);
  resolveEventRelative(doc, events);
  inheritTalkDates(doc, events, idx, lex, folded);
  const places = placeInCities(doc, ctx, events);
  // Sort evidence order; ids stay as built.
  for (const e of events) e.sentences.sort((a, b) => a - b);
  return { ...doc, places, triggers: hits, events, timexes: doc.timexes };
};

/**
 * The earlier event a trigger refers to, or null for a new one. Demonstratives
 * always refer back; a cue of separateness ("zuvor", "another"), a different
 * date or new parties make a new event; otherwise the latest event of the same
 * type, or a recent one of the talking family, is the one meant.
 */
function corefer(hit: TriggerHit, sentenceHits: TriggerHit[], s: Sentence, events: EventDraft[], doc: Doc, idx: SentenceIndex, lex: Lex, folded: readonly string[], attributional: Set<number>): EventDraft | null {
  const type = hit.trigger.type;
  const last = (e: EventDraft) => e.sentences[e.sentences.length - 1]!;
  // Events first named in this sentence are other events: one sentence names one event once per type.
  // Look back over a bounded number of events: linear on long texts.
  let sameType: EventDraft | null = null;
  let family: EventDraft | null = null;
  for (let i = events.length - 1, seen = 0; i >= 0 && seen < 200 && !(sameType && family); i--, seen++) {
    const e = events[i]!;
    if (e.sentences[0]! >= s.index) continue;
    if (!sameType && e.type === type) sameType = e;
    if (!family && FAMILY.has(type) && FAMILY.has(e.type) && s.index - last(e) <= 3) family = e;
  }
  const recent = (e: EventDraft | null) => !!e && s.index - last(e) <= 2;
  const [clauseFrom, clauseTo] = clauseBounds(hit, s, doc.tokens, lex);
  // A different day in the trigger's own clause, with no other trigger between them, tells another event
  // ("the talks … since Lavrov and Rubio met in Riyadh on Feb. 18": the date is the meeting's).
  const between = (a: number, b: number) => sentenceHits.some((h) => h !== hit && h.tokenStart >= Math.min(a, b) && h.tokenStart < Math.max(a, b));
  const inClause = (from: number) => from >= clauseFrom && from < clauseTo && !between(hit.tokenEnd, from);
  const dateConflict = (e: EventDraft) =>
    !!e.date &&
    idx.timexes[s.index]!.some((t) => {
      // "the following day", "am Vortag": counted from an event told before, so another day than that event's.
      if (t.eventOffset !== undefined && t.eventOffset !== 0 && inClause(t.tokenStart)) return true;
      if (!t.value || !/^(\d{4}|XXXX)-\d\d/u.test(t.value) || !inClause(t.tokenStart)) return false;
      // Compare at the coarser of the two: "im März" conflicts with 9 April, not with 3 March.
      const a = t.value.slice(0, 10);
      const b = e.date!.value.slice(0, 10);
      return !a.startsWith(b) && !b.startsWith(a);
    }) ||
    // Another place in the clause: "in Ankara getroffen" is not the meeting in Antalya.
    (!!e.place && idx.places[s.index]!.some((p) => p.locative && inClause(p.tokenStart) && !samePlace(p.placeId, e.place!)));
  // A venue is in its city; countries and regions are too coarse to tell events apart.
  const cityOf = (id: string) => doc.places[id]?.in ?? id;
  const samePlace = (a: string, b: string) =>
    cityOf(a) === cityOf(b) || ["country", "region"].includes(doc.places[a]?.kind ?? "") || ["country", "region"].includes(doc.places[b]?.kind ?? "");
  // A plan is not the talks that happened: "will meet on Wednesday" after "met on Saturday".
  const plannedHere = clauseHas(hit, s, lex.planned, doc.tokens, folded, lex);
  const sameModality = (e: EventDraft) => plannedHere === (e.modality === "planned");
  // New parties in the trigger's own clause make a new event ("traf … Erdoğan"); a mediator in the next clause does not.
  const newParties = (e: EventDraft) => {
    const countries = new Set(e.participants.map((id) => doc.actors[id]?.country).filter(Boolean));
    return idx.mentions[s.index]!.some((i) => {
      const m = doc.actorMentions[i]!;
      if (m.tokenStart < clauseFrom || m.tokenStart >= clauseTo) return false;
      if (attributional.has(i) || m.via === "group" || e.participants.includes(m.actorId)) return false;
      const a = doc.actors[m.actorId];
      if (!a || (a.kind !== "person" && a.kind !== "state")) return false;
      return !a.country || !countries.has(a.country);
    });
  };
  // "the first round" is not "the second round".
  const ordinal = ordinalOf(hit, doc.tokens, lex);
  const ordinalConflict = (e: EventDraft) => ordinal !== null && e.triggers.some((t) => {
    const o = ordinalOf(t, doc.tokens, lex);
    return o !== null && o !== ordinal;
  });
  const fits = (e: EventDraft | null) => !!e && !dateConflict(e) && !newParties(e) && sameModality(e) && !ordinalConflict(e);
  // A headline announces what the report then tells: its first mention in the body is the same event.
  const headlineOnly = (e: EventDraft | null) => !!e && e.sentences.every((i) => doc.sentences[i]?.headline) && !s.headline;

  if (hit.determiner === "demonstrative") return sameType ?? family;
  if (hit.trigger.weak) return recent(sameType) ? sameType : null;
  // Before the trigger, or right after a verb ("vereinbarten beide Präsidenten zudem").
  const after = hit.trigger.pos === "verb" ? Math.min(s.tokenEnd, hit.tokenEnd + 3) : hit.tokenStart;
  // After a verb of saying, only the trigger's own clause: "sagte anschließend, die Gespräche seien …" tells of the same talks
  // ("Zuvor, am Vortag, führten …" still tells another).
  const cuesFrom = hasCueIn(s.tokenStart, clauseFrom, lex.sayingVerbs, folded) ? clauseFrom : s.tokenStart;
  // A cue of another event; "own" only when it modifies no other trigger ("their second round of talks, agreeing to …").
  const separateCue = (from: number, to: number, own: boolean) => {
    for (let k = from; k < to; k++) {
      const cue = lex.separate.longestAt(folded, k, to);
      if (!cue) continue;
      const end = k + cue.tokens.length;
      if (!own || !sentenceHits.some((h) => h !== hit && h.tokenStart >= end && h.tokenStart <= end + 2)) return true;
    }
    return false;
  };
  if (separateCue(cuesFrom, hit.tokenStart, false) || separateCue(hit.tokenEnd, after, false)) {
    // The headline's event told again in the lead, beside another event's cue: "… hold second round of talks, agree on swap".
    const ownCue = separateCue(cuesFrom, hit.tokenStart, true) || separateCue(hit.tokenEnd, after, true);
    return !ownCue && headlineOnly(sameType) && !dateConflict(sameType!) && !ordinalConflict(sameType!) ? sameType : null;
  }
  if (headlineOnly(sameType) && !dateConflict(sameType!) && !ordinalConflict(sameType!)) return sameType;
  if (hit.determiner === "indefinite") {
    if (recent(sameType) && fits(sameType)) return sameType;
    return fits(family) ? family : null;
  }
  if (hit.determiner === "definite" && sameType && !dateConflict(sameType) && !ordinalConflict(sameType)) return sameType;
  if (fits(sameType)) return sameType;
  if (fits(family)) return family;
  return null;
}

/** The ordinal before a noun trigger, over adjectives: "the second round", "der zweiten Verhandlungsrunde". */
function ordinalOf(hit: TriggerHit, tokens: readonly Token[], lex: Lex): number | null {
  if (hit.trigger.pos !== "noun") return null;
  for (let k = hit.tokenStart - 1; k >= Math.max(0, hit.tokenStart - 3); k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== hit.sentence) return null;
    const n = lex.ordinals.get(t.fold);
    if (n !== undefined) return n;
    if (t.upper || !(t.shape & Shape.LETTERS)) return null;
  }
  return null;
}

function sameClause(a: TriggerHit, b: TriggerHit, tokens: readonly Token[], lex: Lex): boolean {
  const [from, to] = [Math.min(a.tokenStart, b.tokenStart), Math.max(a.tokenEnd, b.tokenEnd)];
  for (let k = from; k < to; k++) if (isClauseBreak(tokens[k] as Token)) return false;
  return true;
}

function isPurpose(hit: TriggerHit, lex: Lex, tokens: readonly Token[]): boolean {
  for (let k = hit.tokenStart - 1; k >= Math.max(0, hit.tokenStart - 3); k--) {
    const t = tokens[k] as Token;
    if (t.sentence !== hit.sentence) return false;
    if (lex.purpose.has(t.fold)) return true;
    if (t.upper || !(t.shape & Shape.LETTERS)) return false;
  }
  return false;
}

function hasCue(s: Sentence, index: PhraseIndex<string>, folded: readonly string[]): boolean {
  return hasCueIn(s.tokenStart, s.tokenEnd, index, folded);
}

function hasCueIn(from: number, to: number, index: PhraseIndex<string>, folded: readonly string[]): boolean {
  for (let k = from; k < to; k++) if (index.longestAt(folded, k, to)) return true;
  return false;
}

/**
 * The scope of the first goal, opinion or hypothetical cue: its clause, and the
 * clauses after it that continue it with an infinitive ("Ziel ist es, …
 * zu erzielen", "ist entscheidend, … zu realisieren"), not a separate adjunct
 * ("ready to accept a proposal, after eight hours of talks").
 */
function nonFactualScope(s: Sentence, index: PhraseIndex<string>, heads: SuffixIndex<string>, tokens: readonly Token[], folded: readonly string[], lex: Lex): [number, number] {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const t = tokens[k] as Token;
    const hit = index.longestAt(folded, k, s.tokenEnd) || (t.upper && heads.headOf(t.fold));
    if (!hit) continue;
    let from = k;
    while (from > s.tokenStart && !isClauseBreak(tokens[from - 1] as Token)) from--;
    // "…, so that medics could …": the cue's clause opens at its conjunction.
    for (let j = k - 1; j >= from; j--) {
      const opener = lex.subordinators.longestAt(folded, j, k);
      if (opener) {
        from = j;
        break;
      }
    }
    let to = k;
    for (;;) {
      while (to < s.tokenEnd && !isClauseBreak(tokens[to] as Token)) to++;
      if (to >= s.tokenEnd) break;
      let next = to + 1;
      while (next < s.tokenEnd && !isClauseBreak(tokens[next] as Token)) next++;
      let infinitive = false;
      for (let j = to + 1; j < next; j++) if (lex.infinitive.has(folded[j] as string)) infinitive = true;
      if (!infinitive) break;
      to = next;
    }
    return [from, to];
  }
  return [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
}

function clauseBounds(hit: TriggerHit, s: Sentence, tokens: readonly Token[], lex: Lex): [number, number] {
  let a = hit.tokenStart;
  while (a > s.tokenStart && !isClauseBreak(tokens[a - 1] as Token)) a--;
  let b = hit.tokenEnd;
  while (b < s.tokenEnd && !isClauseBreak(tokens[b] as Token)) b++;
  return [a, b];
}

function clauseHas(hit: TriggerHit, s: Sentence, index: PhraseIndex<string>, tokens: readonly Token[], folded: readonly string[], lex: Lex): boolean {
  const [a, b] = clauseBounds(hit, s, tokens, lex);
  for (let k = a; k < b; k++) if (index.longestAt(folded, k, b)) return true;
  return false;
}

/** A negation in the trigger's clause: "keine Einigung", "did not meet", "ein Treffen sei nicht geplant". */
function isNegated(hit: TriggerHit, s: Sentence, lex: Lex, tokens: readonly Token[], folded: readonly string[]): boolean {
  const [from, to] = clauseBounds(hit, s, tokens, lex);
  for (let k = from; k < to; k++) {
    if (k >= hit.tokenStart && k < hit.tokenEnd) continue;
    if (lex.negation.longestAt(folded, k, to)) return true;
  }
  // "keine Einigung", "without an agreement": a negating determiner shortly before the noun.
  for (let k = Math.max(from, hit.tokenStart - 4); k < hit.tokenStart; k++) {
    if (lex.negationDeterminers.has(folded[k] as string)) return true;
  }
  return false;
}

/**
 * Inside an attribution ("according to a source close to the negotiations
 * cited by …"): the noun phrase after the cue, up to its source's name (or six
 * words when none is named), is not an event.
 */
function inAttribution(hit: TriggerHit, s: Sentence, doc: Doc, idx: SentenceIndex, lex: Lex, tokens: readonly Token[], folded: readonly string[]): boolean {
  if (hit.trigger.pos !== "noun") return false;
  const [from] = clauseBounds(hit, s, tokens, lex);
  for (let k = from; k < hit.tokenStart; k++) {
    const cue = lex.attributionCues.longestAt(folded, k, hit.tokenStart);
    if (!cue) continue;
    const after = k + cue.tokens.length;
    const source = idx.mentions[s.index]!.map((i) => doc.actorMentions[i]!).find((m) => m.tokenStart >= after);
    const end = source ? source.tokenEnd : after + 6;
    if (hit.tokenStart < end) return true;
  }
  return false;
}

const NO_GAPPED: readonly { tokens: string[]; trigger: Trigger; source: string }[] = [];

/** Triggers of one sentence, longest form first, with determiner and background. */
function findTriggers(s: Sentence, lex: Lex, doc: Doc, folded: readonly string[], known: ReadonlySet<EventType>): TriggerHit[] {
  const tokens = doc.tokens;
  const out: TriggerHit[] = [];
  const sentenceHas = (idx: PhraseIndex<string> | undefined) => !idx || hasCue(s, idx, folded);
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i] as Token;
    // Only capitalised words can end in a trigger (compounds); others must start one.
    if (!t.upper && !lex.triggerStarts.has(t.fold)) continue;
    let found: { triggers: Trigger[]; end: number; gapEnd?: number } | null = null;
    const first = lex.contiguous.candidates(t.fold);
    for (const p of first) {
      if (i + p.tokens.length > s.tokenEnd) continue;
      if (!p.tokens.every((x, k) => folded[i + k] === x)) continue;
      const same = first.filter((q) => q.source === p.source || (q.tokens.length === p.tokens.length && q.tokens.every((x, k) => x === p.tokens[k])));
      found = { triggers: [...new Set(same.map((q) => q.value))], end: i + p.tokens.length };
      break;
    }
    if (!found) {
      for (const g of lex.gapped.get(t.fold) ?? NO_GAPPED) {
        // German separable verbs put the particle at the clause end: "schlug … eine Feuerpause … vor".
        let limit = i + 1;
        while (limit < Math.min(s.tokenEnd, i + 25) && !isClauseBreak(tokens[limit] as Token)) limit++;
        let k = i + 1;
        let ok = true;
        for (let n = 1; n < g.tokens.length && ok; n++) {
          while (k < limit && folded[k] !== g.tokens[n]) k++;
          if (k >= limit) ok = false;
          else k++;
        }
        if (ok) {
          found = { triggers: [g.trigger], end: i + 1, gapEnd: k };
          break;
        }
      }
    }
    if (!found && t.upper) {
      const head = lex.heads.headOf(t.fold);
      if (head) found = { triggers: [head.value], end: i + 1 };
    }
    if (!found) continue;
    // English nouns are lower case; a capitalised form mid-sentence is a name ("Peace Summit" stays a trigger, "Deal" as a name would not).
    for (const trigger of found.triggers) {
      // Without its required words the trigger may still name again an event of its type told before ("a call that lasted").
      const weakened = !sentenceHas(lex.requires.get(trigger));
      if (weakened && (trigger.strict || !known.has(trigger.type))) continue;
      if (trigger.excludes && sentenceHas(lex.excludes.get(trigger))) continue;
      const last = tokens[found.end - 1] as Token;
      out.push({
        start: t.start,
        end: last.end,
        text: doc.text.slice(t.start, last.end),
        trigger: weakened ? { ...trigger, weak: true } : trigger,
        weakened,
        sentence: s.index,
        tokenStart: i,
        tokenEnd: found.end,
        particleEnd: found.gapEnd,
        determiner: trigger.pos === "noun" ? determinerOf(i, s, lex, tokens) : null,
        background: trigger.pos === "noun" && isBackground(i, s, lex, tokens, folded),
      });
    }
    i = found.end - 1;
  }
  return out;
}

/** The determiner of a noun trigger, looking back over adjectives. */
function determinerOf(i: number, s: Sentence, lex: Lex, tokens: readonly Token[]): TriggerHit["determiner"] {
  for (let k = i - 1; k >= Math.max(s.tokenStart, i - 4); k--) {
    const t = tokens[k] as Token;
    if (lex.demonstrative.has(t.fold)) return "demonstrative";
    if (lex.possessive.has(t.fold)) return "possessive";
    if (lex.indefinite.has(t.fold)) return "indefinite";
    if (lex.definite.has(t.fold)) return "definite";
    if (!(t.shape & Shape.LETTERS_OR_HYPHENS)) return null;
    // Adjectives stand between: lower case in German; in English any word that is not capitalised.
    if (t.upper) return null;
  }
  return null;
}

/** "vor den Verhandlungen", "ahead of the talks": a trigger in a background phrase. */
function isBackground(i: number, s: Sentence, lex: Lex, tokens: readonly Token[], folded: readonly string[]): boolean {
  let k = i - 1;
  while (k >= s.tokenStart && k >= i - 4) {
    const t = tokens[k] as Token;
    if (lex.definite.has(t.fold) || lex.indefinite.has(t.fold) || (!t.upper && t.shape & Shape.LETTERS && !lex.background.candidates(t.fold).length)) k--;
    else break;
  }
  // A background phrase must end right before the noun phrase.
  for (let start = Math.max(s.tokenStart, k - 3); start <= k; start++) {
    const p = lex.background.longestAt(folded, start, k + 1);
    if (p && start + p.tokens.length === k + 1) return true;
  }
  return false;
}

/** The triggers of an event in one sentence: the last ones, since triggers are added in text order. */
function triggersIn(e: EventDraft, sentence: number): TriggerHit[] {
  let k = e.triggers.length;
  while (k > 0 && e.triggers[k - 1]!.sentence === sentence) k--;
  return e.triggers.slice(k);
}

/** Participants, place, date, duration, issues and sources of the events of one sentence. */
function attachArguments(s: Sentence, sentenceEvents: EventDraft[], issueHits: readonly TriggerHit[], doc: Doc, idx: SentenceIndex, lex: Lex, folded: readonly string[], attributional: Set<number>): void {
  // An event's triggers come in text order: this sentence's are its last ones (read from the end: linear on long texts).
  const here = new Map(sentenceEvents.map((e) => [e, triggersIn(e, s.index)]));
  const hitsHere = sentenceEvents.flatMap((e) => here.get(e)!);
  const main =
    sentenceEvents.find((e) => here.get(e)!.some((h) => h.trigger.pos === "verb")) ??
    sentenceEvents.find((e) => here.get(e)!.some((h) => !h.background)) ??
    sentenceEvents[0]!;

  // Participants: every actor of the sentence that does not only attribute.
  // "the first contact since Russia's invasion of Ukraine in February 2022": the date and the parties of a "since" phrase are not the event's.
  // Only after the event's trigger: "Erstmals seit Beginn des Krieges haben Vertreter der USA … verhandelt" puts the phrase first.
  const inSincePhrase = (t: { tokenStart: number }) => {
    for (let k = t.tokenStart - 1; k >= s.tokenStart; k--) {
      if (hitsHere.some((h) => h.tokenEnd === k + 1)) return false;
      if (isClauseBreak(doc.tokens[k] as Token)) return false;
      if (lex.since.has(folded[k] as string)) return hitsHere.some((h) => h.tokenEnd <= k);
    }
    return false;
  };
  const actors = idx.mentions[s.index]!
    .filter((i) => !attributional.has(i) && doc.actorMentions[i]!.via !== "group" && !inSincePhrase(doc.actorMentions[i]!))
    .map((i) => doc.actorMentions[i]!.actorId);
  // Talks named in passing ("vor den Verhandlungen") do not take the parties of the sentence's own event.
  const foreground = sentenceEvents.filter((e) => here.get(e)!.some((h) => !h.background));
  for (const e of foreground.length ? foreground : sentenceEvents) for (const a of actors) if (!e.participants.includes(a)) e.participants.push(a);

  // Sources: the sentence's attribution chain.
  const attribution = idx.attributions[s.index];
  if (attribution) for (const e of sentenceEvents) for (const c of attribution.chain) if (!e.sources.includes(c.actor)) e.sources.push(c.actor);

  // Place: bound to the trigger right before it ("Verhandlungen in Istanbul"), else to the main event.
  // Places after "in", "at" before bare names ("Gaza deal in Sharm el-Sheikh").
  // "the war in Ukraine": the place of a conflict noun is not the event's.
  const ofConflict = (p: { tokenStart: number; locative: boolean }) => {
    if (!p.locative) return false;
    // Noun, preposition, maybe an article, place.
    let k = p.tokenStart - 1;
    if (k > s.tokenStart && lex.definite.has((doc.tokens[k] as Token).fold)) k--;
    const noun = doc.tokens[k - 1];
    return k - 1 >= s.tokenStart && !!noun && lex.placeComplementNouns.has(noun.fold);
  };
  // "a peace plan for Gaza", "Gespräche über die Ukraine": a topic, not where.
  const ofTopic = (p: { tokenStart: number }) => {
    for (let k = p.tokenStart - 1; k >= Math.max(s.tokenStart, p.tokenStart - 3); k--) {
      const prep = lex.topicPrepositions.longestAt(folded, k, p.tokenStart);
      if (prep) return true;
      if (!lex.definite.has((doc.tokens[k] as Token).fold) && !lex.indefinite.has((doc.tokens[k] as Token).fold)) return false;
    }
    return false;
  };
  // "Diplomaten aus Russland", "delegations from Kyiv": where the parties come from.
  const ofOrigin = (p: { tokenStart: number }) => {
    let k = p.tokenStart - 1;
    if (k > s.tokenStart && (lex.definite.has(folded[k] as string) || !(doc.tokens[k] as Token).upper) && !lex.origin.has(folded[k] as string)) k--;
    return k >= s.tokenStart && lex.origin.has(folded[k] as string);
  };
  // "teilte das Außenministerium in Moskau mit", "the ministry in Baku said": the seat of who speaks, in a clause of saying
  // that names none of the event's triggers.
  const clauseOf = (at: number): [number, number] => {
    let a = at;
    while (a > s.tokenStart && !isClauseBreak(doc.tokens[a - 1] as Token)) a--;
    let b = at;
    while (b < s.tokenEnd && !isClauseBreak(doc.tokens[b] as Token)) b++;
    return [a, b];
  };
  const ofSpeaker = (p: { tokenStart: number; tokenEnd: number }, target: EventDraft) => {
    // "das Außenministerium in Moskau" as one name: the place names the actor.
    if (idx.mentions[s.index]!.some((i) => {
      const m = doc.actorMentions[i]!;
      return m.tokenStart < p.tokenStart && p.tokenEnd <= m.tokenEnd;
    })) return true;
    const [a, b] = clauseOf(p.tokenStart);
    if (here.get(target)!.some((h) => h.tokenStart >= a && h.tokenStart < b)) return false;
    return hasCueIn(a, b, lex.sayingVerbs, folded);
  };
  for (const p of [...idx.places[s.index]!].filter((p) => !ofConflict(p) && !ofTopic(p) && !ofOrigin(p)).sort((a, b) => Number(b.locative) - Number(a.locative))) {
    const near = hitsHere.find((h) => h.tokenEnd <= p.tokenStart && p.tokenStart - h.tokenEnd <= 2);
    const target = near ? sentenceEvents.find((e) => e.triggers.includes(near)) : main;
    if (target && !target.place && !ofSpeaker(p, target)) target.place = p.placeId;
  }
  // What is agreed, handed over or declared at talks happens where the talks are.
  const placed = sentenceEvents.find((e) => e.place && (e.type === "negotiation" || e.type === "meeting"));
  if (placed) for (const e of sentenceEvents) if (!e.place && AT_TALKS.has(e.type)) e.place = placed.place;

  // Date and duration go to the main event.
  const timexes = idx.timexes[s.index]!.filter((t) => t.value && !inSincePhrase(t));
  const date = timexes.find((t) => (t.type === "DATE" || t.type === "TIME") && t.dayLevel) ?? timexes.find((t) => t.type === "DATE" && /^(\d{4}|XXXX)-\d\d(?!-W)/u.test(t.value!));
  if (date) {
    // Bound to the trigger just before it ("talks in Geneva on November 23"), else to the main event.
    const near = hitsHere.filter((h) => h.tokenEnd <= date.tokenStart && date.tokenStart - h.tokenEnd <= 5).pop();
    const target = (near && sentenceEvents.find((e) => e.triggers.includes(near))) || main;
    if (!target.date) target.date = { value: date.value!, mod: date.mod, text: date.text };
  }
  for (const duration of timexes.filter((t) => t.type === "DURATION")) {
    const [target, lasted] = durationTarget(duration, s, sentenceEvents, main, hitsHere, doc.tokens, folded, lex);
    if (target && (!target.duration || (lasted && !target.duration.lasted))) target.duration = { value: duration.value!, mod: duration.mod, text: duration.text, lasted };
  }

  // Issues of agreements and proposals: the issue words of the sentence and the triggers that became issues.
  const issues = new Set<Issue>();
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    const p = lex.issues.longestAt(folded, k, s.tokenEnd);
    if (p) issues.add(p.value);
    const t = doc.tokens[k] as Token;
    const head = t.upper ? lex.issueHeads.headOf(t.fold) : null;
    if (head) issues.add(head.value);
  }
  for (const h of issueHits) issues.add(h.trigger.issue!);
  for (const e of sentenceEvents) {
    if (!ISSUE_BEARING.has(e.type)) continue;
    for (const i of issues) if (!e.issues.includes(i)) e.issues.push(i);
  }
}

/**
 * The event a length measures, and whether a verb of lasting tells it. "a
 * two-hour meeting", "eight hours of talks" measure the talks named right
 * after ("a 30-day ceasefire" measures no talks); "lasted about four hours"
 * measures the talks told before the verb; "the first talks in three years"
 * and "seit drei Jahren" measure nothing.
 */
function durationTarget(d: TimexNote, s: Sentence, sentenceEvents: EventDraft[], main: EventDraft, hitsHere: TriggerHit[], tokens: readonly Token[], folded: readonly string[], lex: Lex): [EventDraft | null, boolean] {
  const eventOf = (h: TriggerHit | undefined) => (h ? sentenceEvents.find((e) => e.triggers.includes(h)) ?? null : null);
  const timed = (e: EventDraft | null) => (e && TIMED.has(e.type) ? e : null);
  const nominal = lex.units.has(folded[d.tokenEnd - 1] as string);
  // The trigger the length modifies: right after a compound ("zweistündigen Gespräch"), after a link ("hours of talks").
  const gap = (h: TriggerHit) => {
    if (h.tokenStart < d.tokenEnd || h.tokenStart > d.tokenEnd + 3) return false;
    for (let k = d.tokenEnd; k < h.tokenStart; k++) if (isClauseBreak(tokens[k] as Token)) return false;
    return !nominal || lex.durationLinks.has(folded[d.tokenEnd] as string);
  };
  const modified = hitsHere.find(gap);
  if (modified) return [timed(eventOf(modified)), false];
  if (!nominal) return [null, false];
  const cue = (set: ReadonlySet<string>) => set.has(folded[d.tokenStart - 1] ?? "") || set.has(folded[d.tokenStart] as string);
  if (cue(lex.notDuration) || (cue(lex.afterDuration) && !d.value?.startsWith("PT"))) return [null, false];
  // A verb of lasting in the clause, just before the length or (German puts it last) just after it.
  let lasted = false;
  for (let k = d.tokenStart - 1; k >= Math.max(s.tokenStart, d.tokenStart - 5) && !lasted && !isClauseBreak(tokens[k] as Token); k--) {
    lasted = !!lex.durationVerbs.longestAt(folded, k, d.tokenStart);
  }
  for (let k = d.tokenEnd; k < Math.min(s.tokenEnd, d.tokenEnd + 3) && !lasted && !isClauseBreak(tokens[k] as Token); k++) {
    lasted = !!lex.durationVerbs.longestAt(folded, k, s.tokenEnd);
  }
  if (TIMED.has(main.type)) return [main, lasted];
  // "agreed … after negotiations that lasted about four hours": the talks told last before the verb.
  const before = lasted ? timed(eventOf(hitsHere.filter((h) => h.tokenEnd <= d.tokenStart && TIMED.has(h.trigger.type)).pop())) : null;
  return [before ?? sentenceEvents.find((e) => TIMED.has(e.type)) ?? null, lasted];
}

/**
 * An event takes place in a city: talks "at the White House" or "in the
 * Ciragan Palace" are in Washington or Istanbul, as the dateline would say.
 * The venue stays among the document's places, with its mentions; the city
 * joins them (from the gazetteer) when the text does not name it.
 */
function placeInCities(doc: Doc, ctx: PipelineContext, events: EventDraft[]): Doc["places"] {
  let places = doc.places;
  for (const e of events) {
    // A venue in a venue ("the State Dining Room" of the White House) climbs on; the bound stops a cycle in the data.
    for (let hops = 0; e.place && hops < 4; hops++) {
      const within = places[e.place]?.in;
      if (!within) break;
      if (!places[within]) {
        const city = ctx.kb.places.get(within);
        if (!city) break;
        places = { ...places, [within]: placeRecord(city) };
      }
      e.place = within;
    }
  }
  return places;
}

/**
 * Events that name no party take the parties of the interaction told just
 * before ("die Delegationen", "both countries"): as states where the text
 * names them, since the people were not named for this event.
 */
function inheritParticipants(doc: Doc, events: EventDraft[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.participants.length) continue;
    // The interaction told just before: "die Delegationen", "both countries" are its parties.
    for (let j = i - 1; j >= Math.max(0, i - 50); j--) {
      const prev = events[j]!;
      if (!INTERACTIVE.has(prev.type) || !prev.participants.length) continue;
      const states = [...new Set(prev.participants.map((id) => doc.actors[id]?.country).filter((c): c is string => !!c))]
        .map((c) => `state:${c}`)
        .filter((id) => doc.actors[id] !== undefined);
      e.participants = states.length ? states : [...prev.participants];
      break;
    }
  }
}

const DAY = /^(\d{4}|XXXX)-\d\d-\d\d/u;

/**
 * What is agreed, proposed, handed over or declared at talks happens on the
 * talks' day: the lead dates the talks ("am Montag in Istanbul"), the next
 * sentences tell what came of them without repeating the day. An undated
 * outcome takes the date of the talks it continues: the talks named in its
 * own sentence, else the talks told last before it. Not when its sentence
 * gives another day, its clause puts it earlier ("had originally proposed",
 * "hatte zuvor"), it is only planned, or another day was told since the talks.
 */
function inheritTalkDates(doc: Doc, events: EventDraft[], idx: SentenceIndex, lex: Lex, folded: readonly string[]): void {
  for (const e of events) {
    if (e.date || !AT_TALKS.has(e.type) || e.modality === "planned") continue;
    const hit = e.triggers.find((h) => !doc.sentences[h.sentence]!.headline);
    if (!hit) continue;
    const s = doc.sentences[hit.sentence]!;
    if (clauseHas(hit, s, lex.earlier, doc.tokens, folded, lex)) continue;
    // The talks it continues: the latest mention at or before its sentence, the nearest trigger within that sentence.
    let talk: EventDraft | null = null;
    let told: TriggerHit | null = null;
    for (const t of events) {
      if (t === e || !FAMILY.has(t.type)) continue;
      for (const h of t.triggers) {
        if (h.sentence > s.index) continue;
        const closer = !told || h.sentence > told.sentence || (h.sentence === told.sentence && Math.abs(h.tokenStart - hit.tokenStart) < Math.abs(told.tokenStart - hit.tokenStart));
        if (closer) [talk, told] = [t, h];
      }
    }
    if (!talk || !told || !talk.date || !DAY.test(talk.date.value) || talk.modality === "planned") continue;
    const day = talk.date.value.slice(0, 10);
    const otherDay = (value: string | null | undefined) => !!value && /^(\d{4}|XXXX)-\d\d/u.test(value) && !value.startsWith(day) && !day.startsWith(value.slice(0, 10));
    // Another day in its own sentence: the outcome is dated there, or is another event.
    if (idx.timexes[s.index]!.some((t) => (t.type === "DATE" || t.type === "TIME") && (otherDay(t.value) || (t.eventOffset !== undefined && t.eventOffset !== 0)))) continue;
    // Another day told since the talks: the report has moved on to another event.
    const movedOn = events.some((o) => o !== e && o !== talk && otherDay(o.date?.value) && o.sentences.some((i) => i >= told!.sentence && i <= s.index));
    if (movedOn) continue;
    e.date = { value: talk.date.value, mod: null, text: talk.date.text };
  }
}

/** "am Vortag", "the day before": counted from the dated event told just before. */
function resolveEventRelative(doc: Doc, events: EventDraft[]): void {
  const relative = doc.timexes.filter((t) => t.eventOffset !== undefined);
  if (!relative.length) return;
  // Events are created in text order; look back over a bounded window so that long texts stay linear.
  const firsts = events.map((e) => e.sentences[0]!);
  for (const t of relative) {
    let hi = firsts.length;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid]! <= t.sentence) lo = mid + 1;
      else hi = mid;
    }
    const window = events.slice(Math.max(0, lo - 50), lo);
    const here = window.filter((e) => e.sentences.includes(t.sentence));
    // The dated event told last before this sentence.
    const lastBefore = (e: EventDraft) => Math.max(-1, ...e.sentences.filter((x) => x < t.sentence));
    // An event named again here still counts when its date came from before ("met on April 19 … discussed the outcome in a call the following day").
    const ownDate = (e: EventDraft) => here.includes(e) && doc.timexes.some((x) => x.sentence === t.sentence && x.text === e.date?.text);
    const before = window
      .filter((e) => !ownDate(e) && e.date && /^(\d{4}|XXXX)-\d\d-\d\d/u.test(e.date.value) && e.sentences[0]! < t.sentence)
      .sort((a, b) => lastBefore(a) - lastBefore(b))
      .pop();
    // "am selben Tag", "am Abend" with no dated event before: the day of the report, when it is known.
    const base = before?.date ? before.date.value.slice(0, 10) : t.eventOffset === 0 ? doc.publishedAt : null;
    if (!base) continue;
    // A year-less day counts in a common year and stays year-less ("XXXX-03-18" → "XXXX-03-19").
    const unknownYear = base.startsWith("XXXX");
    const day = formatYmd(addDays(parseIso(unknownYear ? `2001${base.slice(4)}` : base), t.eventOffset!));
    const value = unknownYear ? `XXXX${day.slice(4)}` : day;
    t.value = t.dayPart ? `${value}T${t.dayPart}` : value;
    t.dayLevel = true;
    for (const e of here) if (!e.date) e.date = { value, mod: null, text: t.text };
  }
}
