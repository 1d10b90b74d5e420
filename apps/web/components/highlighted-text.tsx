import type { CSSProperties, ReactNode } from "react";
import { buildHighlightTree, type Highlight, type HighlightKind, type HighlightNode } from "../lib/highlight";
import { EVENT_TYPE_COLORS } from "../lib/labels";

/** Kinds that span whole sentences or clauses and hold other highlights. */
const CONTAINERS: ReadonlySet<HighlightKind> = new Set(["evidence", "quote"]);

/**
 * The text with its highlights, displaCy style. Everything from the text is a
 * React text node: markup in a report shows as characters and runs nothing.
 *
 * Every highlight is focusable and shows its normalised fact on hover and
 * focus (CSS, from `data-fact`; `title` too). Links may not nest, so a word
 * (actor, place, date, trigger) is itself the link to its fact, while a
 * sentence or quote, which holds such words, carries its link in the tag at
 * its end ("MEETING").
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  return <>{renderNodes(buildHighlightTree(text, highlights), false)}</>;
}

function renderNodes(nodes: HighlightNode[], insideLink: boolean): ReactNode[] {
  return nodes.map((node) => {
    // A plain string child: React escapes it, whatever it contains.
    if (node.type === "text") return <span key={`t${node.start}`}>{node.text}</span>;
    const h = node.highlight;
    const key = `${h.key}@${firstStart(node)}`;
    const container = CONTAINERS.has(h.kind);
    const chipLink = container && node.last && h.href !== null && !insideLink;
    const asLink = !container && h.href !== null && !insideLink;
    const props = {
      className: ["hl", `hl-${h.kind}`, h.variant ? `hl-${h.kind}-${h.variant}` : null].filter(Boolean).join(" "),
      style:
        h.kind === "evidence" || h.kind === "trigger"
          ? ({ "--type-color": EVENT_TYPE_COLORS[h.variant as keyof typeof EVENT_TYPE_COLORS] ?? "#475569" } as CSSProperties)
          : undefined,
      title: h.fact,
      "data-fact": h.fact,
      "data-kind": h.kind,
      // The tag after the text; a linked tag is a real element instead.
      "data-label": node.last && !chipLink ? h.label : undefined,
      id: node.first && h.anchor ? h.anchor : undefined,
    };
    const children = renderNodes(node.children, insideLink || asLink);
    if (asLink)
      return (
        <a key={key} {...props} href={h.href!}>
          {children}
        </a>
      );
    return (
      <span key={key} {...props} tabIndex={0}>
        {children}
        {chipLink && (
          <a className="hl-chip" href={h.href!} title={`Open: ${h.fact}`}>
            {h.label}
          </a>
        )}
      </span>
    );
  });
}

function firstStart(node: HighlightNode): number {
  return node.type === "text" ? node.start : node.children.length ? firstStart(node.children[0]!) : -1;
}
