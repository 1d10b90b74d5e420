import type { CSSProperties, ReactNode } from "react";
import { buildHighlightTree, type Highlight, type HighlightNode } from "../lib/highlight";
import { EVENT_TYPE_COLORS } from "../lib/labels";

/**
 * The text with its highlights, displaCy style. Everything from the text is a
 * React text node: markup in a report shows as characters and runs nothing.
 * Each highlight is focusable (a link when it has one and no link encloses it,
 * as links may not nest) and shows its normalised fact on hover and focus.
 */
export function HighlightedText({ text, highlights }: { text: string; highlights: readonly Highlight[] }) {
  const tree = buildHighlightTree(text, highlights);
  return <>{renderNodes(tree, false)}</>;
}

function renderNodes(nodes: HighlightNode[], insideLink: boolean): ReactNode[] {
  return nodes.map((node) => {
    // A plain string child: React escapes it, whatever it contains.
    if (node.type === "text") return <span key={`t${node.start}`}>{node.text}</span>;
    const h = node.highlight;
    const asLink = h.href !== null && !insideLink;
    const className = ["hl", `hl-${h.kind}`, h.variant ? `hl-${h.kind}-${h.variant}` : null].filter(Boolean).join(" ");
    const style =
      h.kind === "evidence" || h.kind === "trigger"
        ? ({ "--type-color": EVENT_TYPE_COLORS[h.variant as keyof typeof EVENT_TYPE_COLORS] ?? "#475569" } as CSSProperties)
        : undefined;
    const key = `${h.key}@${firstStart(node)}`;
    const props = {
      className,
      style,
      title: h.fact,
      "data-fact": h.fact,
      "data-kind": h.kind,
      "data-label": node.last ? h.label : undefined,
      id: node.first && h.anchor ? h.anchor : undefined,
    };
    const children = renderNodes(node.children, insideLink || asLink);
    return asLink ? (
      <a key={key} {...props} href={h.href!}>
        {children}
      </a>
    ) : (
      <span key={key} {...props} tabIndex={0}>
        {children}
      </span>
    );
  });
}

function firstStart(node: HighlightNode): number {
  return node.type === "text" ? node.start : node.children.length ? firstStart(node.children[0]!) : -1;
}

