import { fold } from "../../text/fold.js";
import { PhraseIndex, WordSet, wordIndex } from "../../lang/phrase-index.js";
import { tokenize } from "../../text/tokenize.js";
import type { LanguagePack } from "../../lang/language-pack.js";
import type { TimexMod } from "../../model/index.js";
import {
  addDays,
  addMonths,
  closestYear,
  formatYmd,
  isoWeek,
  isoWeekday,
  isValidDay,
  pad,
  parseIso,
  type Ymd,
} from "../../time/calendar.js";
import { compiled, isClauseBreak, Shape, type PipelineContext, type Stage, type TimexNote, type Token } from "../types.js";

type Unit = "MIN" | "H" | "D" | "W" | "M" | "Y" | "DE";

interface Found {
  end: number;
  type: TimexNote["type"];
  value: string | null;
  mod: TimexMod | null;
  dayLevel: boolean;
  eventOffset?: number;
  dayPart?: string;
  anchor?: string;
}

/** The time vocabulary of a pack, compiled to lookups over folded tokens. */
function compile(lang: LanguagePack) {
  const lex = compileWords(lang);
  // Words that can start an expression: every other token is skipped at once.
  const starters = new Set<string>([...lex.seasons.keys(), ...lex.months.keys(), ...lex.weekdays.keys(), ...lex.dayParts.keys(), ...lex.since, ...lex.clockBefore, ...lex.agoBefore]);
  for (const index of [lex.monthParts, lex.numbers, lex.modifiers, lex.relativeDays, lex.eventRelativeDays, lex.relativePeriods, lex.vague, lex.introducers, lex.yearIntroducers, lex.vagueNumbers, lex.dayPartIntroducers]) {
    for (const first of index.firstTokens()) starters.add(first);
  }
  // Words one of which every expression holds (a month, a unit, "gestern", the last word of "vergangene Woche"):
  // where none follows within reach, no expression starts.
  const lastWord = (phrase: string) => fold(tokenize(phrase).at(-1)?.text ?? "");
  const t = lang.temporal;
  const anchors = new WordSet([
    ...lex.months.keys(),
    ...lex.weekdays.keys(),
    ...lex.dayParts.keys(),
    ...lex.seasons.keys(),
    ...lex.units.keys(),
    ...[t.relativeDays, t.eventRelativeDays, t.relativePeriods, t.vague].flatMap((r) => Object.keys(r).map(lastWord)),
    ...t.clockAfter.map(lastWord),
  ]);
  // Long words that may start one (unit and weekday compounds), decided once per word.
  return { ...lex, starters: new WordSet(starters), anchors, compounds: new Map<string, boolean>(), capitalisedCompounds: new Map<string, boolean>(), unitCompounds: new Map<string, { n: number; unit: Unit } | null>() };
}

function compileWords(lang: LanguagePack) {
  const t = lang.temporal;
  const map = <V>(r: Record<string, V>) => new Map(Object.entries(r).map(([k, v]) => [fold(k).replace(/\.$/u, ""), v]));
  const phrases = <V>(r: Record<string, V>) => new PhraseIndex(Object.entries(r));
  return {
    months: map(t.months),
    abbreviatedMonths: new Set(Object.keys(t.months).filter((k) => k.endsWith(".")).map((k) => fold(k).slice(0, -1))),
    weekdays: map(t.weekdays),
    dayParts: map(t.dayParts),
    seasons: map(t.seasons),
    monthParts: phrases(t.monthParts),
    numbers: phrases(t.numbers),
    units: map(t.units),
    unitSuffixes: Object.entries(t.unitSuffixes).map(([k, v]) => [fold(k), v] as const).sort((a, b) => b[0].length - a[0].length),
    modifiers: phrases(t.modifiers),
    relativeDays: phrases(t.relativeDays),
    eventRelativeDays: phrases(t.eventRelativeDays),
    relativePeriods: phrases(t.relativePeriods),
    vague: phrases(t.vague),
    introducers: wordIndex(t.introducers),
    since: new Set(t.since.map(fold)),
    yearIntroducers: wordIndex(t.yearIntroducers),
    ordinalSuffixes: t.ordinalSuffixes.map(fold),
    decadeSuffixes: t.decadeSuffixes.map(fold),
    yearModifierCues: new Set(t.yearModifierCues.map(fold)),
    countNouns: new Set(t.countNouns.map(fold)),
    capitalisedNouns: lang.capitalisedNouns,
    dayPartLinks: new Set(t.dayPartLinks.map(fold)),
    dayPartIntroducers: wordIndex(t.dayPartIntroducers),
    clockBefore: new Set(t.clockBefore.map(fold)),
    clockAfter: wordIndex(t.clockAfter),
    agoBefore: new Set(t.agoBefore.map(fold)),
    agoAfter: new Set(t.agoAfter.map(fold)),
    planned: wordIndex(lang.cues.planned),
    past: wordIndex(lang.cues.past),
    vagueNumbers: wordIndex(t.vagueNumbers),
    eventAfter: wordIndex(t.eventRelativeAfter),
    eventBefore: wordIndex(t.eventRelativeBefore),
    definite: new Set(lang.cues.definite.map(fold)),
  };
}
type Lex = ReturnType<typeof compile>;

/** A TIMEX3 duration; `n` null for an unknown count ("einige Minuten" → PTXM). */
const durationValue = (n: number | null, unit: Unit): string | null => {
  const time = unit === "MIN" || unit === "H";
  if (n === null) return time ? `PTX${unit === "MIN" ? "M" : "H"}` : unit === "DE" ? "PXDE" : `PX${unit}`;
  if (unit === "MIN") return Number.isInteger(n) ? `PT${n}M` : null;
  if (unit === "H") {
    if (Number.isInteger(n)) return `PT${n}H`;
    // "eine halbe Stunde" → PT30M; "anderthalb Stunden" → PT1H30M, as "viereinhalb Stunden" → PT4H30M.
    const minutes = Math.round(n * 60);
    return n < 1 ? `PT${minutes}M` : `PT${Math.floor(n)}H${minutes % 60}M`;
  }
  if (unit === "D") return Number.isInteger(n) ? `P${n}D` : `PT${Math.round(n * 24)}H`;
  if (unit === "W") return Number.isInteger(n) ? `P${n}W` : `P${Math.round(n * 7)}D`;
  if (unit === "M") return Number.isInteger(n) ? `P${n}M` : null;
  if (unit === "DE") return `P${Math.round(n * 10)}Y`;
  return Number.isInteger(n) ? `P${n}Y` : `P${Math.round(n * 12)}M`;
};

/**
 * Finds temporal expressions and gives them TIMEX3 values, counting relative
 * ones from the publication date when it is known. A year that neither the
 * text nor the publication date gives stays `XXXX`.
 */
export const findTimexes: Stage = (doc, ctx: PipelineContext) => {
  const lex = compiled(ctx, "find-timexes", () => compile(ctx.lang));
  const tokens = doc.tokens;
  const folded = doc.folded;
  const ref: Ymd | null = doc.publishedAt ? parseIso(doc.publishedAt) : null;
  const timexes: TimexNote[] = [];
  const parseAt = timexParser(lex, tokens, folded, ref);
  const nextAnchor: number[] = [];

  for (const s of doc.sentences) {
    const end = s.tokenEnd;
    // Future only when the clause of the expression speaks of a plan ("will meet on Monday").
    const isPlanned = (at: number) => {
      let a = at;
      while (a > s.tokenStart && at - a < 6 && !isClauseBreak(tokens[a - 1] as Token)) a--;
      for (let k = a; k < at; k++) if (lex.planned.longestAt(folded, k, at)) return true;
      return false;
    };
    // "Im August trafen sie sich": a past verb in the clause and no plan.
    const isPast = (at: number) => {
      let a = at;
      while (a > s.tokenStart && !isClauseBreak(tokens[a - 1] as Token)) a--;
      let b = at;
      while (b < end && !isClauseBreak(tokens[b] as Token)) b++;
      let past = false;
      for (let k = a; k < b; k++) {
        if (lex.planned.longestAt(folded, k, b)) return false;
        if (!past && lex.past.longestAt(folded, k, b)) past = true;
      }
      return past;
    };
    // The next anchor at or after each token of the sentence.
    let anchor = Number.POSITIVE_INFINITY;
    for (let k = end - 1; k >= s.tokenStart; k--) {
      if (isAnchor(tokens[k] as Token, lex)) anchor = k;
      nextAnchor[k - s.tokenStart] = anchor;
    }
    for (let i = s.tokenStart; i < end; i++) {
      if ((nextAnchor[i - s.tokenStart] as number) - i >= ANCHOR_REACH) continue;
      // "the evening of June 2": an article starts an expression only before a part of the day.
      if (!mayStart(tokens[i] as Token, lex) && !(lex.definite.has(folded[i] as string) && lex.dayParts.has(folded[i + 1] ?? ""))) continue;
      const found = parseAt(i, end, isPlanned, isPast);
      if (!found) continue;
      const first = tokens[i] as Token;
      const last = tokens[found.end - 1] as Token;
      timexes.push({
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
        type: found.type,
        value: found.value,
        mod: found.mod,
        anchor: found.anchor ?? null,
        sentence: s.index,
        tokenStart: i,
        tokenEnd: found.end,
        dayLevel: found.dayLevel,
        eventOffset: found.eventOffset,
        dayPart: found.dayPart,
      });
      i = found.end - 1;
    }
    // "Am 10. April trafen sie sich, am Abend …": a bare part of the day falls on the sentence's own date.
    const here = timexes.filter((t) => t.sentence === s.index);
    const day = here.find((t) => t.dayLevel && t.value && /^(\d{4}|XXXX)-\d\d-\d\d/u.test(t.value));
    if (day) {
      for (const t of here) {
        if (t.dayPart === undefined) continue;
        t.value = `${day.value!.slice(0, 10)}T${t.dayPart}`;
        t.dayLevel = true;
        t.eventOffset = undefined;
        t.anchor = null;
      }
    }
  }
  return { ...doc, timexes };
};

/** Whether a token can begin a time expression: a known word, a number, a weekday compound or a hyphenated or unit compound. */
function mayStart(t: Token, lex: Lex): boolean {
  return lex.starters.has(t.fold) || isNumberOrCompound(t, lex);
}

/** Whether an expression can hold this token: a month, a unit, a number, a compound, the last word of a phrase. */
function isAnchor(t: Token, lex: Lex): boolean {
  return lex.anchors.has(t.fold) || isNumberOrCompound(t, lex);
}

/** Longest reach, in tokens, from the start of an expression to its first anchor ("etwas mehr als zwei Stunden"). */
const ANCHOR_REACH = 10;

function isNumberOrCompound(t: Token, lex: Lex): boolean {
  const c = t.text.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (t.text.includes("-")) return true;
  if (t.fold.length <= 5) return false;
  const memo = t.upper ? lex.capitalisedCompounds : lex.compounds;
  let known = memo.get(t.fold);
  if (known === undefined) {
    known = lex.unitSuffixes.some(([suffix]) => t.fold.endsWith(suffix)) || (t.upper && [...lex.weekdays.keys()].some((name) => t.fold.startsWith(name)));
    if (memo.size > 100_000) memo.clear();
    memo.set(t.fold, known);
  }
  return known;
}

/** A count and a unit in one word ("zweistündigen", "two-hour", "90-minute"), decided once per word. */
function unitCompound(word: string, lex: Lex): { n: number; unit: Unit } | null {
  let known = lex.unitCompounds.get(word);
  if (known !== undefined) return known;
  known = null;
  for (const [suffix, unit] of lex.unitSuffixes) {
    if (!word.endsWith(suffix) || word.length === suffix.length) continue;
    const head = word.slice(0, -suffix.length).replace(/-$/u, "");
    const n = /^\d+$/u.test(head) ? Number(head) : lex.numbers.longestAt([head], 0, 1)?.value;
    if (n === undefined) continue;
    known = { n, unit: unit as Unit };
    break;
  }
  if (lex.unitCompounds.size > 100_000) lex.unitCompounds.clear();
  lex.unitCompounds.set(word, known);
  return known;
}

/**
 * The parsers over one document's tokens, built once per document: `parseAt`
 * gives the longest expression starting at a token, trying every parser.
 */
function timexParser(lex: Lex, tokens: readonly Token[], folded: readonly string[], ref: Ymd | null) {
  let isPlanned: (at: number) => boolean = () => false;
  let isPast: (at: number) => boolean = () => false;
  let end = 0;
  let start = 0;
  return function parseAt(i: number, sentenceEnd: number, planned: (at: number) => boolean, past: (at: number) => boolean): Found | null {
    end = sentenceEnd;
    isPlanned = planned;
    isPast = past;
    start = i;
    const candidates: (Found | null)[] = [];
    const intro = lex.introducers.longestAt(folded, i, end);
    const at = intro ? i + intro.tokens.length : i;

    const sinceIntro = !!intro && lex.since.has(folded[i] ?? "");
    const introduced = parseDate(at, end, !!intro);
    candidates.push(parseDayPartDate(at, end), parseWeekday(at, end), introduced && sinceIntro ? { ...introduced, mod: "SINCE" } : introduced);
    if (intro) candidates.push(parseDayPartDate(i, end), parseWeekday(i, end), parseDate(i, end, false));
    candidates.push(parseRelative(i, end), parseEventRelative(i, end), parseBareDayPart(i, end), parsePeriod(i, end), parseAgo(i, end));
    candidates.push(parseDuration(i, end), parseVague(i, end), parseYear(i, end), parseBareYear(i, end), parseDecade(i, end), parseClock(i, end), parseMonthOnly(i, end), parseSeason(i, end));

    let best: Found | null = null;
    for (const c of candidates) if (c && (!best || c.end > best.end)) best = c;
    return best;
  };

  function num(k: number): { n: number; end: number } | null {
    const t = tokens[k];
    if (!t) return null;
    if (t.shape & Shape.DIGITS) {
      // German decimal comma: "2,5 Stunden".
      const comma = tokens[k + 1];
      const frac = tokens[k + 2];
      if (comma?.text === "," && frac && /^\d$/u.test(frac.text) && comma.start === t.end && frac.start === comma.end) {
        return { n: Number(`${t.text}.${frac.text}`), end: k + 3 };
      }
      return { n: Number(t.text), end: k + 1 };
    }
    const p = lex.numbers.longestAt(folded, k, end);
    return p ? { n: p.value, end: k + p.tokens.length } : null;
  }

  function dayNumber(k: number): { d: number; end: number } | null {
    const t = tokens[k];
    if (!t) return null;
    const c = t.text.charCodeAt(0);
    if (c < 48 || c > 57) return null;
    // "March 11-12": a span of days is dated by its first.
    const m = /^(\d{1,2})(\p{L}{2})?$/u.exec(t.text) ?? /^(\d{1,2})[-–]\d{1,2}$/u.exec(t.text);
    if (!m) return null;
    if (m[2] && !lex.ordinalSuffixes.includes(fold(m[2]))) return null;
    const d = Number(m[1]);
    if (d < 1 || d > 31) return null;
    return { d, end: k + 1 };
  }

  function month(k: number): { m: number; end: number } | null {
    const t = tokens[k];
    if (!t) return null;
    const m = lex.months.get(t.fold);
    if (m === undefined) return null;
    // English "May" is also a verb: only capitalised.
    if (!t.upper) return null;
    return { m, end: tokens[k + 1]?.text === "." && lex.abbreviatedMonths.has(t.fold) ? k + 2 : k + 1 };
  }

  function year(k: number): { y: number; end: number } | null {
    const t = tokens[k];
    if (!t || !(t.shape & Shape.DIGITS) || t.text.length !== 4 || !/^(19|20)\d\d$/u.test(t.text)) return null;
    return { y: Number(t.text), end: k + 1 };
  }

  /** "16. Mai 2025", "16 May", "May 16th, 2025", "Mai 2025", "Anfang Mai". */
  function parseDate(k: number, e: number, introduced: boolean): Found | null {
    // Day first.
    const dn = dayNumber(k);
    if (dn) {
      let p = dn.end;
      if (tokens[p]?.text === "." && tokens[p]!.start === tokens[k]!.end) p++;
      const mo = month(p);
      if (mo && mo.end <= e) {
        const yr = year(mo.end);
        return dayValue(yr?.y ?? null, mo.m, dn.d, yr ? yr.end : mo.end);
      }
    }
    // Month first.
    const mo = month(k);
    if (mo) {
      const d2 = dayNumber(mo.end);
      if (d2 && !(tokens[d2.end]?.text === "." && tokens[d2.end + 1] && lex.months.has(tokens[d2.end + 1]!.fold))) {
        let p = d2.end;
        if (tokens[p]?.text === "," && year(p + 1)) p++;
        const yr = year(p);
        return dayValue(yr?.y ?? null, mo.m, d2.d, yr ? yr.end : d2.end);
      }
      const yr = year(mo.end);
      if (yr) return { end: yr.end, type: "DATE", value: `${yr.y}-${pad(mo.m)}`, mod: null, dayLevel: false };
      if (introduced) return monthValue(mo.m, null, mo.end, null);
    }
    // Part of a month: "Anfang Mai", "the end of May", "mid-June".
    const part = lex.monthParts.longestAt(folded, k, e);
    if (part) {
      const mo2 = month(k + part.tokens.length);
      if (mo2) {
        const yr = year(mo2.end);
        return monthValue(mo2.m, yr?.y ?? null, yr ? yr.end : mo2.end, part.value);
      }
      // "Ende 2024", "early 2025".
      const yr = year(k + part.tokens.length);
      if (yr) return { end: yr.end, type: "DATE", value: pad(yr.y, 4), mod: part.value, dayLevel: false };
    }
    const t = tokens[k];
    if (t) {
      const hy = t.text.includes("-") ? /^(\p{L}+)-(\p{L}+)$/u.exec(t.text) : null;
      if (hy) {
        const partMod = lex.monthParts.longestAt([fold(hy[1] as string) + "-"], 0, 1)?.value ?? lex.monthParts.longestAt([fold(hy[1] as string)], 0, 1)?.value;
        const m = lex.months.get(fold(hy[2] as string));
        if (partMod && m) {
          const yr = year(k + 1);
          return monthValue(m, yr?.y ?? null, yr ? yr.end : k + 1, partMod);
        }
      }
    }
    return null;
  }

  /** The year of a month-day the text gives none for. */
  function yearFor(m: number, d: number): number | null {
    if (!ref) return null;
    // "Im Mai trafen sie sich" tells of the past: the last such day up to the publication.
    if (isPast(start)) return m < ref.m || (m === ref.m && d <= ref.d) ? ref.y : ref.y - 1;
    // Otherwise tense cannot be read from the words ("im August ins Spiel bringen" plans): the closest year it is.
    return closestYear(ref, m, d);
  }

  function monthValue(m: number, y: number | null, e: number, mod: TimexMod | null): Found {
    const yy = y ?? yearFor(m, 1);
    return { end: e, type: "DATE", value: `${yy === null ? "XXXX" : pad(yy, 4)}-${pad(m)}`, mod, dayLevel: false };
  }

  function dayValue(y: number | null, m: number, d: number, e: number): Found | null {
    if (!isValidDay(y ?? 2024, m, d)) return null;
    const yy = y ?? yearFor(m, d);
    return { end: e, type: "DATE", value: `${yy === null ? "XXXX" : pad(yy, 4)}-${pad(m)}-${pad(d)}`, mod: null, dayLevel: true };
  }

  /** "Abend des 2. Juni", "the evening of June 2". */
  function parseDayPartDate(k: number, e: number): Found | null {
    let p = k;
    if (lex.definite.has(folded[p] ?? "") && lex.dayParts.has(folded[p + 1] ?? "")) p++;
    const part = lex.dayParts.get(folded[p] ?? "");
    if (!part) return null;
    if (!lex.dayPartLinks.has(folded[p + 1] ?? "")) return null;
    const date = parseDate(p + 2, e, false) ?? parseWeekday(p + 2, e);
    if (!date || !date.value || !date.dayLevel) return null;
    return { ...date, type: "TIME", value: `${date.value}T${part}` };
  }

  /** "Montag", "am Montagabend", "Monday evening", "Montag, 16. Mai". */
  function parseWeekday(k: number, e: number): Found | null {
    const t = tokens[k];
    if (!t || !t.upper) return null;
    let wd = lex.weekdays.get(t.fold);
    let part: string | undefined;
    if (wd === undefined) {
      for (const [name, n] of lex.weekdays) {
        if (t.fold.startsWith(name) && lex.dayParts.has(t.fold.slice(name.length))) {
          wd = n;
          part = lex.dayParts.get(t.fold.slice(name.length));
        }
      }
    }
    if (wd === undefined) return null;
    let p = k + 1;
    // A date after the weekday fixes the day.
    const afterComma = tokens[p]?.text === "," ? p + 1 : p;
    const date = parseDate(afterComma, e, false);
    if (date && date.dayLevel) return date;
    if (!part) {
      const dp = lex.dayParts.get(folded[p] ?? "");
      if (dp) {
        part = dp;
        p++;
      }
    }
    let value: string;
    if (ref) {
      const diff = isoWeekday(ref) - wd;
      const day = isPlanned(k) ? addDays(ref, (wd - isoWeekday(ref) + 7) % 7) : addDays(ref, -((diff + 7) % 7));
      value = formatYmd(day);
    } else {
      value = `XXXX-WXX-${wd}`;
    }
    return { end: p, type: part ? "TIME" : "DATE", value: part ? `${value}T${part}` : value, mod: null, dayLevel: ref !== null };
  }

  /** "gestern", "heute Abend", "yesterday". */
  function parseRelative(k: number, e: number): Found | null {
    const p = lex.relativeDays.longestAt(folded, k, e);
    if (!p) return null;
    let endAt = k + p.tokens.length;
    const part = lex.dayParts.get(folded[endAt] ?? "");
    if (part) endAt++;
    if (!ref) return { end: endAt, type: part ? "TIME" : "DATE", value: p.value === 0 ? "PRESENT_REF" : null, mod: null, dayLevel: false };
    const v = formatYmd(addDays(ref, p.value));
    return { end: endAt, type: part ? "TIME" : "DATE", value: part ? `${v}T${part}` : v, mod: null, dayLevel: true, anchor: "publication" };
  }

  /** "am Vortag", "the day before": counted from the event, resolved with the events. */
  function parseEventRelative(k: number, e: number): Found | null {
    const p = lex.eventRelativeDays.longestAt(folded, k, e);
    if (p) return { end: k + p.tokens.length, type: "DATE", value: null, mod: null, dayLevel: false, eventOffset: p.value, anchor: "event" };
    // "zwei Tage später", "two days later", "a week earlier".
    const n = num(k);
    if (!n || !Number.isInteger(n.n)) return null;
    const unit = lex.units.get(folded[n.end] ?? "");
    if (unit !== "D" && unit !== "W") return null;
    const after = lex.eventAfter.longestAt(folded, n.end + 1, e);
    const before = after ? null : lex.eventBefore.longestAt(folded, n.end + 1, e);
    const cue = after ?? before;
    if (!cue) return null;
    const days = n.n * (unit === "W" ? 7 : 1) * (after ? 1 : -1);
    return { end: n.end + 1 + cue.tokens.length, type: "DATE", value: null, mod: null, dayLevel: false, eventOffset: days, anchor: "event" };
  }

  /**
   * "am Abend", "that evening": a part of the day the text speaks of, whose
   * day is found later (the sentence's date, the event told before, else the
   * publication date); never a guessed day.
   */
  function parseBareDayPart(k: number, e: number): Found | null {
    const intro = lex.dayPartIntroducers.longestAt(folded, k, e);
    if (!intro) return null;
    const at = k + intro.tokens.length;
    const part = lex.dayParts.get(folded[at] ?? "");
    if (!part || at >= e) return null;
    return { end: at + 1, type: "TIME", value: `XXXX-XX-XXT${part}`, mod: null, dayLevel: false, eventOffset: 0, dayPart: part, anchor: "event" };
  }

  /** "vergangene Woche", "last month". */
  function parsePeriod(k: number, e: number): Found | null {
    const p = lex.relativePeriods.longestAt(folded, k, e);
    if (!p) return null;
    const endAt = k + p.tokens.length;
    if (!ref) return { end: endAt, type: "DATE", value: p.value.offset < 0 ? "PAST_REF" : p.value.offset > 0 ? "FUTURE_REF" : "PRESENT_REF", mod: null, dayLevel: false };
    const { unit, offset } = p.value;
    let value: string;
    if (unit === "W") value = isoWeek(addDays(ref, offset * 7));
    else if (unit === "M") {
      const ym = addMonths(ref, offset);
      value = `${pad(ym.y, 4)}-${pad(ym.m)}`;
    } else value = pad(ref.y + offset, 4);
    return { end: endAt, type: "DATE", value, mod: null, dayLevel: false, anchor: "publication" };
  }

  /** "vor zwei Tagen", "two weeks ago". */
  function parseAgo(k: number, e: number): Found | null {
    let p = k;
    const before = lex.agoBefore.has(folded[p] ?? "");
    if (before) p++;
    const n = num(p);
    if (!n) return null;
    const unit = lex.units.get(folded[n.end] ?? "") as Unit | undefined;
    if (!unit || unit === "MIN" || unit === "H") return null;
    let endAt = n.end + 1;
    if (!before) {
      if (!lex.agoAfter.has(folded[endAt] ?? "")) return null;
      endAt++;
    }
    if (endAt > e) return null;
    if (!ref || !Number.isInteger(n.n)) return { end: endAt, type: "DATE", value: "PAST_REF", mod: null, dayLevel: false };
    let value: string;
    if (unit === "D") value = formatYmd(addDays(ref, -n.n));
    else if (unit === "W") value = isoWeek(addDays(ref, -7 * n.n));
    else if (unit === "M") {
      const ym = addMonths(ref, -n.n);
      value = `${pad(ym.y, 4)}-${pad(ym.m)}`;
    } else value = pad(ref.y - n.n, 4);
    return { end: endAt, type: "DATE", value, mod: null, dayLevel: unit === "D", anchor: "publication" };
  }

  /** "mehr als zwei Stunden", "knapp anderthalb Stunden", "90 minutes", "zweistündigen", "two-hour". */
  function parseDuration(k: number, e: number): Found | null {
    let p = k;
    let mod: TimexMod | null = null;
    const m = lex.modifiers.longestAt(folded, p, e);
    if (m) {
      mod = m.value;
      p += m.tokens.length;
    }
    const vagueCount = lex.vagueNumbers.longestAt(folded, p, e);
    if (vagueCount) {
      const at = p + vagueCount.tokens.length;
      const unit = lex.units.get(folded[at] ?? "") as Unit | undefined;
      if (unit && at < e) return { end: at + 1, type: "DURATION", value: durationValue(null, unit), mod, dayLevel: false };
    }
    const n = num(p);
    if (n) {
      const unit = lex.units.get(folded[n.end] ?? "") as Unit | undefined;
      if (unit && n.end < e) {
        // "ein Jahr nach" is a duration only when no "vor"/"ago" makes it a date (handled by parseAgo, which is longer).
        return { end: n.end + 1, type: "DURATION", value: durationValue(n.n, unit), mod, dayLevel: false };
      }
    }
    // Compounds: "zweistündigen", "two-hour", "90-minute".
    const t = tokens[p];
    if (!t) return null;
    const compound = unitCompound(t.fold, lex);
    return compound && { end: p + 1, type: "DURATION", value: durationValue(compound.n, compound.unit), mod, dayLevel: false };
  }

  function parseVague(k: number, e: number): Found | null {
    const p = lex.vague.longestAt(folded, k, e);
    if (!p) return null;
    return { end: k + p.tokens.length, type: p.value.type, value: p.value.value, mod: null, dayLevel: false };
  }

  /** "im Jahr 2022", "seit 2022", "in 2024". */
  function parseYear(k: number, e: number): Found | null {
    const introducer = lex.yearIntroducers.longestAt(folded, k, e);
    if (!introducer) return null;
    const yr = year(k + introducer.tokens.length);
    if (!yr) return null;
    const since = lex.since.has(folded[k] ?? "");
    return { end: yr.end, type: "DATE", value: pad(yr.y, 4), mod: since ? "SINCE" : null, dayLevel: false };
  }

  /**
   * A year alone, as a modifier: "das Abkommen von 2015", "der 2016
   * beschlagnahmten Anwesen", "the 2015 deal", after a cue of the pack or at
   * the start of a sentence. Not before a capitalised noun where nouns are
   * capitalised: "der 2000 Gefangenen" counts prisoners.
   */
  function parseBareYear(k: number, e: number): Found | null {
    const yr = year(k);
    if (!yr || yr.end > e) return null;
    const previous = tokens[k - 1];
    if (previous && previous.sentence === tokens[k]!.sentence && !lex.yearModifierCues.has(previous.fold)) return null;
    const next = tokens[yr.end];
    if (next && next.sentence === tokens[k]!.sentence) {
      if (lex.capitalisedNouns && next.upper && next.shape & Shape.LETTERS) return null;
      // "2000 prisoners" are no year when a unit follows ("2015 Stunden" is not either).
      if (lex.units.has(next.fold)) return null;
      // "the 2000 prisoners", "the 1500 Ukrainian soldiers": counted, not dated.
      const after = tokens[yr.end + 1];
      if (lex.countNouns.has(next.fold) || (after && after.sentence === next.sentence && next.upper && lex.countNouns.has(after.fold))) return null;
    }
    return { end: yr.end, type: "DATE", value: pad(yr.y, 4), mod: null, dayLevel: false };
  }

  /** "the 1990s", "since the early 1990s", "Anfang der 1990er Jahre": TIMEX3 "199". */
  function parseDecade(k: number, e: number): Found | null {
    let p = k;
    const since = lex.since.has(folded[p] ?? "");
    if (since) p++;
    if (lex.definite.has(folded[p] ?? "")) p++;
    const part = lex.monthParts.longestAt(folded, p, e);
    if (part) p += part.tokens.length;
    if (lex.definite.has(folded[p] ?? "")) p++;
    const t = tokens[p];
    if (!t || p >= e) return null;
    const m = /^((?:1[89]|20)\d)0(\p{L}+|'s)(?:-(\p{L}+))?$/u.exec(t.fold);
    if (!m || !lex.decadeSuffixes.includes(m[2] as string)) return null;
    if (m[3] && lex.units.get(m[3]) !== "Y") return null;
    let endAt = p + 1;
    // "die 1990er Jahre".
    if (!m[3] && endAt < e && lex.units.get(folded[endAt] ?? "") === "Y") endAt++;
    return { end: endAt, type: "DATE", value: m[1] as string, mod: part?.value ?? (since ? "SINCE" : null), dayLevel: false };
  }

  /** "im Mai" is handled by parseDate with its introducer; this takes "Mai" after "seit"/"bis". */
  function parseMonthOnly(k: number, e: number): Found | null {
    const introducer = lex.yearIntroducers.longestAt(folded, k, e);
    if (!introducer) return null;
    // "until November 27", "auf den 3. März": a full date after the introducer.
    const full = parseDate(k + introducer.tokens.length, e, true);
    if (full) return { ...full, mod: lex.since.has(folded[k] ?? "") ? "SINCE" : full.mod };
    const mo = month(k + introducer.tokens.length);
    if (!mo) return null;
    const yr = year(mo.end);
    return monthValue(mo.m, yr?.y ?? null, yr ? yr.end : mo.end, lex.since.has(folded[k] ?? "") ? "SINCE" : null);
  }

  /** "im Frühjahr", "in the spring of 2025", "Sommer 2024". */
  function parseSeason(k: number, e: number): Found | null {
    const introducer = lex.yearIntroducers.longestAt(folded, k, e);
    const at = introducer ? k + introducer.tokens.length : k;
    const season = lex.seasons.get(folded[at] ?? "");
    if (!season || (!introducer && !tokens[at]?.upper)) return null;
    let endAt = at + 1;
    let yr = year(endAt);
    if (!yr && lex.dayPartLinks.has(folded[endAt] ?? "")) {
      yr = year(endAt + 1);
    }
    if (yr) endAt = yr.end;
    if (!introducer && !yr) return null;
    const y = yr?.y ?? ref?.y ?? null;
    return { end: endAt, type: "DATE", value: `${y === null ? "XXXX" : pad(y, 4)}-${season}`, mod: null, dayLevel: false };
  }

  /** "um 14 Uhr", "14.30 Uhr", "at 3 p.m.". */
  function parseClock(k: number, e: number): Found | null {
    let p = k;
    if (lex.clockBefore.has(folded[p] ?? "")) p++;
    const h = tokens[p];
    if (!h || !(h.shape & Shape.DIGITS) || h.text.length > 2 || Number(h.text) > 24) return null;
    let minutes = 0;
    let q = p + 1;
    if ((tokens[q]?.text === ":" || tokens[q]?.text === ".") && /^\d\d$/u.test(tokens[q + 1]?.text ?? "")) {
      minutes = Number(tokens[q + 1]!.text);
      q += 2;
    }
    const after = lex.clockAfter.longestAt(folded, q, e);
    if (!after) return null;
    let hour = Number(h.text);
    if (/^p\.?m\.?$/u.test(after.source.toLowerCase()) && hour < 12) hour += 12;
    return { end: q + after.tokens.length, type: "TIME", value: `XXXX-XX-XXT${pad(hour)}:${pad(minutes)}`, mod: null, dayLevel: false };
  }
}
