import type { Extraction } from "@parley/core/model";
import { eventTypeLabel, formatEventTime, formatTimexDate, formatDuration } from "./labels";

/** What a highlight marks; the order is outermost first when spans nest. */
export const HIGHLIGHT_KINDS = ["evidence", "quote", "trigger", "actor", "place", "timex"] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** One coloured stretch of the text and the normalised fact behind it. */
export interface Highlight {
  /** Unique within one text. */
  key: string;
  kind: HighlightKind;
  start: number;
  end: number;
  /** The short tag shown after the text, like displaCy's "PERSON". */
  label: string;
  /** The normalised fact: canonical name, TIMEX3 value, event type. */
  fact: string;
  /** Where the fact lives in the site, or null. */
  href: string | null;
  /** A finer CSS class: the actor kind, say. */
  variant?: string;
  /** An id for the first piece, so other pages can link into the text. */
  anchor?: string;
}

export type HighlightNode =
  | { type: "text"; start: number; text: string }
  | { type: "mark"; highlight: Highlight; first: boolean; last: boolean; children: HighlightNode[] };

const rank = (k: HighlightKind) => HIGHLIGHT_KINDS.indexOf(k);

/**
 * Turns possibly overlapping spans into a properly nested tree over the text.
 * The text is cut at every span boundary; each piece is covered by a list of
 * spans ordered outermost first (kind, then length). Walking the pieces and
 * keeping the longest common prefix of open spans yields nesting; a span that
 * crosses another is split into several pieces, and only the first is `first`.
 * Invalid spans (out of range, empty) are dropped, never trusted.
 */
export function buildHighlightTree(text: string, highlights: readonly Highlight[]): HighlightNode[] {
  const valid = highlights.filter(
    (h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.end <= text.length && h.start < h.end,
  );
  const order = [...valid].sort(
    (a, b) => rank(a.kind) - rank(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start || (a.key < b.key ? -1 : 1),
  );
  const position = new Map(order.map((h, i) => [h, i]));
  const cuts = new Set<number>([0, text.length]);
  for (const h of valid) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);

  const root: HighlightNode[] = [];
  const stack: { highlight: Highlight; children: HighlightNode[] }[] = [];
  const opened = new Set<Highlight>();
  const lastPiece = new Map<Highlight, { last: boolean }>();
  const childrenOf = (depth: number) => (depth === 0 ? root : stack[depth - 1]!.children);

  for (let i = 0; i + 1 < bounds.length; i++) {
    const s = bounds[i]!;
    const e = bounds[i + 1]!;
    const path = valid.filter((h) => h.start <= s && h.end >= e).sort((a, b) => position.get(a)! - position.get(b)!);
    let common = 0;
    while (common < stack.length && common < path.length && stack[common]!.highlight === path[common]) common++;
    stack.length = common;
    for (let d = common; d < path.length; d++) {
      const h = path[d]!;
      const node: HighlightNode = { type: "mark", highlight: h, first: !opened.has(h), last: false, children: [] };
      opened.add(h);
      lastPiece.set(h, node);
      childrenOf(d).push(node);
      stack.push({ highlight: h, children: node.children });
    }
    childrenOf(stack.length).push({ type: "text", start: s, text: text.slice(s, e) });
  }
  for (const node of lastPiece.values()) node.last = true;
  return root;
}

/** Where an article's event (by its id inside the extraction) is shown in the site. */
export type EventHref = (eventId: string) => string | null;

const ACTOR_LABELS: Record<string, string> = {
  person: "PERSON",
  state: "STATE",
  organization: "ORG",
  group: "GROUP",
  delegation: "DELEGATION",
};

export const actorHref = (id: string) => `/actors/${encodeURIComponent(id)}`;
export const eventHref = (id: string) => `/events/${encodeURIComponent(id)}`;
export const articleHref = (id: string) => `/articles/${encodeURIComponent(id)}`;
/** Links an article's event (its id inside the extraction) to the merged timeline event that holds it. */
export const reportHref = (articleId: string, eventId: string) =>
  `/events/report/${encodeURIComponent(articleId)}/${encodeURIComponent(eventId)}`;

/**
 * Every actor, place, time expression, event (trigger and evidence) and quote
 * of an extraction as highlights, each with its normalised fact.
 */
export function highlightsOf(extraction: Extraction, eventLink: EventHref): Highlight[] {
  const out: Highlight[] = [];
  const actorName = new Map(extraction.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string | null | undefined) => (id ? (actorName.get(id) ?? id) : null);

  for (const a of extraction.actors) {
    a.mentions.forEach((m, i) => {
      const facts = [`${a.name}`, a.kind, a.country].filter(Boolean).join(" · ");
      out.push({
        key: `actor:${a.id}:${i}`,
        kind: "actor",
        start: m.start,
        end: m.end,
        label: ACTOR_LABELS[a.kind] ?? a.kind.toUpperCase(),
        fact: `${facts} (${a.id})`,
        href: actorHref(a.id),
        variant: a.kind,
      });
    });
  }
  for (const p of extraction.places) {
    p.mentions.forEach((m, i) => {
      out.push({
        key: `place:${p.id}:${i}`,
        kind: "place",
        start: m.start,
        end: m.end,
        label: "PLACE",
        fact: [p.name, p.country].filter(Boolean).join(" · ") + ` (${p.id})`,
        href: `/?q=${encodeURIComponent(p.name)}`,
      });
    });
  }
  extraction.timexes.forEach((t, i) => {
    const words = t.value
      ? t.type === "DURATION"
        ? formatDuration(t.value)
        : formatTimexDate(t.value)
      : "no normalised value";
    const day = t.value && /^\d{4}-\d{2}-\d{2}/.test(t.value) ? t.value.slice(0, 10) : null;
    out.push({
      key: `timex:${i}`,
      kind: "timex",
      start: t.start,
      end: t.end,
      label: t.type,
      fact: `${t.type} ${t.value ?? "—"}${t.mod ? ` ${t.mod}` : ""}: ${words}`,
      href: day ? `/?from=${day}&to=${day}` : null,
    });
  });
  for (const ev of extraction.events) {
    const href = eventLink(ev.id);
    const who = ev.participants.map((p) => nameOf(p)).join(", ");
    const fact = [
      eventTypeLabel(ev.type),
      ev.date ? formatEventTime(ev.date, "date") : null,
      who ? `with ${who}` : null,
      ev.modality !== "asserted" ? ev.modality : null,
    ]
      .filter(Boolean)
      .join(" · ");
    ev.evidence.forEach((sp, i) => {
      out.push({
        key: `evidence:${ev.id}:${i}`,
        kind: "evidence",
        start: sp.start,
        end: sp.end,
        label: eventTypeLabel(ev.type).toUpperCase(),
        fact,
        href,
        variant: ev.type,
        anchor: i === 0 ? `event-${ev.id}` : undefined,
      });
    });
    (ev.triggers ?? []).forEach((sp, i) => {
      out.push({
        key: `trigger:${ev.id}:${i}`,
        kind: "trigger",
        start: sp.start,
        end: sp.end,
        label: "TRIGGER",
        fact: `${eventTypeLabel(ev.type)} (${ev.type})`,
        href,
        variant: ev.type,
      });
    });
  }
  extraction.quotes.forEach((q, i) => {
    const speaker = nameOf(q.speaker);
    const via = nameOf(q.via);
    out.push({
      key: `quote:${i}`,
      kind: "quote",
      start: q.start,
      end: q.end,
      label: "QUOTE",
      fact: speaker ? `Quote of ${speaker}${via ? `, via ${via}` : ""}` : "Quote, speaker not stated",
      href: q.speaker ? actorHref(q.speaker) : null,
      anchor: `quote-${q.start}`,
    });
  });
  return out;
}
