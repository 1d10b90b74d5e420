#!/usr/bin/env node
// Checks the golden set: every gold file has its article and meta, and every
// anchor, timex text, quote, notQuote and negative is a verbatim substring of
// the article. Actor names: at least one must occur; names that do not occur
// (canonical spellings) are listed with -v. Usage: node check-gold.mjs [-v] [dir]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = args.find((a) => !a.startsWith('-')) ?? here;
const artDir = path.join(root, 'articles');
const goldDir = path.join(root, 'gold');

const EVENT_TYPES = new Set(['meeting', 'negotiation', 'consultation', 'phone_call', 'visit', 'agreement', 'signing',
  'prisoner_exchange', 'ceasefire', 'proposal', 'publication', 'statement', 'rejection', 'withdrawal']);
const ISSUES = new Set(['prisoner_exchange', 'ceasefire', 'neutrality', 'elections', 'withdrawal', 'territory',
  'security_guarantees', 'sanctions', 'humanitarian', 'hostages', 'reconstruction', 'nuclear', 'constitution',
  'language_rights', 'recognition']);
const KINDS = new Set(['person', 'state', 'organization', 'group', 'delegation']);
const TIMEX_TYPES = new Set(['DATE', 'TIME', 'DURATION', 'SET']);
const TIMEX_VALUE = /^(XXXX|\d{4})(-(\d{2}|XX|W\d{2}|WXX|Q\d|H\d|SU|SP|FA|WI))?(-(\d{2}|XX|WE))?(T(MO|AF|EV|NI|\d{2}(:\d{2})?))?$|^P(\d+(\.\d+)?[YMWDH]|T\d+(\.\d+)?[HMS]|\d*DE|\d*CE|X[YMWD]|XDE|TX[HM])+$|^(PRESENT|PAST|FUTURE)_REF$|^\d{3}X?$/;

let errors = 0;
let warnings = 0;
const err = (f, m) => { errors++; console.log(`ERROR ${f}: ${m}`); };
const warn = (f, m) => { warnings++; console.log(`warn  ${f}: ${m}`); };

// crude sentence split: ends at . ! ? followed by space/newline and an upper-case letter or quote, or at newline
function sentenceOf(text, idx) {
  const re = /[.!?][»“"”«]?\s+(?=[A-ZÄÖÜ„»"“(])|\n+/g;
  let start = 0; let m;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    // no split after ordinal numbers ("18. Februar") or single initials ("U.S. ", "J. D.")
    if (m[0][0] === '.' && (/(^|\s)\d{1,2}$/.test(before) || /(^|[\s.])[A-Z]$/.test(before))) continue;
    if (end > idx) return [start, m.index + 1];
    start = end;
  }
  return [start, text.length];
}

const goldFiles = fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort();
for (const gf of goldFiles) {
  const g = JSON.parse(fs.readFileSync(path.join(goldDir, gf), 'utf8'));
  const base = gf.replace(/\.gold\.json$/, '');
  if (g.file !== base + '.txt') err(gf, `file field ${g.file} != ${base}.txt`);
  const artPath = path.join(artDir, g.file);
  if (!fs.existsSync(artPath)) { err(gf, `missing article ${g.file}`); continue; }
  const text = fs.readFileSync(artPath, 'utf8');
  const metaPath = path.join(artDir, base + '.meta.json');
  if (!fs.existsSync(metaPath)) err(gf, 'missing meta.json');
  else {
    const meta = JSON.parse(fs.readFileSync(metaPath, 'utf8'));
    if (meta.language !== g.language) err(gf, `language meta ${meta.language} != gold ${g.language}`);
    if (meta.publishedAt !== g.publishedAt) err(gf, `publishedAt meta ${meta.publishedAt} != gold ${g.publishedAt}`);
    const firstLine = text.split('\n')[0];
    if (meta.title !== firstLine) warn(gf, `meta title differs from headline`);
    if (/\.\s*$/.test(firstLine)) warn(gf, 'headline ends with a full stop');
  }
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 120 || words > 400) warn(gf, `article has ${words} words (want 120-400)`);
  if (verbose) console.log(`${gf}: ${words} words, ${g.events.length} events`);

  const has = (s) => typeof s === 'string' && s.length > 0 && text.includes(s);
  const actorKeys = new Set();
  for (const a of g.actors ?? []) {
    if (actorKeys.has(a.key)) err(gf, `duplicate actor key ${a.key}`);
    actorKeys.add(a.key);
    if (!KINDS.has(a.kind)) err(gf, `actor ${a.key}: bad kind ${a.kind}`);
    if (!a.names?.length) { err(gf, `actor ${a.key}: no names`); continue; }
    if (!a.names.some(has)) err(gf, `actor ${a.key}: none of its names occurs in the text`);
    else if (verbose) for (const n of a.names) if (!has(n)) console.log(`  info ${a.key}: name not in text: ${n}`);
  }
  const placeKeys = new Set();
  for (const p of g.places ?? []) {
    placeKeys.add(p.key);
    if (!p.names?.some(has)) err(gf, `place ${p.key}: none of its names occurs`);
  }
  const seenTimex = new Set();
  for (const t of g.timexes ?? []) {
    if (!has(t.text)) err(gf, `timex text not found: ${JSON.stringify(t.text)}`);
    if (seenTimex.has(t.text)) warn(gf, `timex listed twice: ${t.text}`);
    seenTimex.add(t.text);
    const esc = t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const occ = (text.match(new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu')) ?? []).length;
    if (occ > 1) warn(gf, `timex text occurs ${occ} times (ambiguous span): ${t.text}`);
    if (!TIMEX_TYPES.has(t.type)) err(gf, `timex ${t.text}: bad type ${t.type}`);
    for (const v of [t.value, ...(t.acceptValues ?? [])]) {
      if (v !== null && v !== undefined && !TIMEX_VALUE.test(v)) err(gf, `timex ${t.text}: odd value ${v}`);
    }
    if (g.publishedAt === null && typeof t.value === 'string' && /^\d{4}/.test(t.value) && !/\d{4}/.test(t.text))
      warn(gf, `timex ${t.text}: year ${t.value} without publishedAt and no year in text`);
  }
  const eventKeys = new Set();
  const anchorSentences = [];
  for (const e of g.events ?? []) {
    if (eventKeys.has(e.key)) err(gf, `duplicate event key ${e.key}`);
    eventKeys.add(e.key);
    if (!EVENT_TYPES.has(e.type)) err(gf, `event ${e.key}: bad type ${e.type}`);
    if (!e.sentences?.length) err(gf, `event ${e.key}: no anchors`);
    for (const s of e.sentences ?? []) {
      const i = text.indexOf(s);
      if (i < 0) { err(gf, `event ${e.key}: anchor not found: ${JSON.stringify(s)}`); continue; }
      if (text.indexOf(s, i + 1) >= 0) warn(gf, `event ${e.key}: anchor occurs more than once: ${s}`);
      const [ss, se] = sentenceOf(text, i);
      if (i + s.length > se + 1) warn(gf, `event ${e.key}: anchor crosses a sentence boundary: ${s}`);
      if (!e.optional) anchorSentences.push([ss, se, e.key]);
    }
    for (const p of e.participants ?? []) if (!actorKeys.has(p)) err(gf, `event ${e.key}: unknown participant ${p}`);
    for (const p of e.sources ?? []) if (!actorKeys.has(p)) err(gf, `event ${e.key}: unknown source ${p}`);
    if (e.place && !placeKeys.has(e.place)) err(gf, `event ${e.key}: unknown place ${e.place}`);
    for (const c of e.countries ?? []) if (!/^[A-Z]{3}$/.test(c)) err(gf, `event ${e.key}: bad country ${c}`);
    for (const i of [...(e.issues ?? []), ...(e.optionalIssues ?? [])]) if (!ISSUES.has(i)) err(gf, `event ${e.key}: bad issue ${i}`);
    if (e.date && !TIMEX_VALUE.test(e.date)) err(gf, `event ${e.key}: odd date ${e.date}`);
    if (e.duration && !/^P/.test(e.duration)) err(gf, `event ${e.key}: odd duration ${e.duration}`);
    if (g.publishedAt === null && e.date && /^\d{4}/.test(e.date)) {
      // allowed only if the year is written in the text
      const y = e.date.slice(0, 4);
      if (!text.includes(y)) warn(gf, `event ${e.key}: year ${y} not in text and no publishedAt`);
    }
  }
  for (const n of g.negatives ?? []) {
    const i = text.indexOf(n.sentence);
    if (i < 0) { err(gf, `negative not found: ${JSON.stringify(n.sentence)}`); continue; }
    const [ss, se] = sentenceOf(text, i);
    for (const [as, ae, k] of anchorSentences) if (as === ss && ae === se) err(gf, `negative sentence also anchors event ${k}: ${n.sentence}`);
  }
  for (const q of g.quotes ?? []) {
    if (!has(q.text)) err(gf, `quote not found: ${JSON.stringify(q.text)}`);
    else if (text.indexOf(q.text, text.indexOf(q.text) + 1) >= 0) warn(gf, `quote text occurs more than once: ${q.text}`);
    if (q.speaker && !actorKeys.has(q.speaker)) err(gf, `quote speaker unknown: ${q.speaker}`);
    if (q.via && !actorKeys.has(q.via)) err(gf, `quote via unknown: ${q.via}`);
  }
  for (const nq of g.notQuotes ?? []) if (!has(nq)) err(gf, `notQuote not found: ${JSON.stringify(nq)}`);
}
// articles without gold
for (const f of fs.readdirSync(artDir).filter((f) => f.endsWith('.txt'))) {
  if (!fs.existsSync(path.join(goldDir, f.replace(/\.txt$/, '.gold.json')))) warn(f, 'article without gold');
}
console.log(`${goldFiles.length} gold files, ${errors} errors, ${warnings} warnings`);
process.exit(errors ? 1 : 0);
