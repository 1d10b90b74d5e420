import type { NetworkEdge, NetworkNode } from "../lib/network";
import { actorHref } from "../lib/highlight";
import { eventTypeLabel } from "../lib/labels";

const KIND_COLORS: Record<string, string> = {
  person: "#1d4ed8",
  state: "#0f766e",
  organization: "#6d28d9",
  group: "#9f1239",
  delegation: "#b45309",
};

/**
 * The network of counterparts as server-rendered SVG: every actor is a link to
 * its page, so it is clickable and keyboard-reachable without JavaScript.
 */
export function NetworkGraph({ nodes, edges, width, height }: { nodes: NetworkNode[]; edges: NetworkEdge[]; width: number; height: number }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  return (
    <figure className="chart-figure network">
      <figcaption>Who met, negotiated or agreed with whom. Thicker lines: more shared events. Select a name to open the actor.</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label="Network of actors" className="chart-svg">
        <g className="edges">
          {edges.map((e) => {
            const a = byId.get(e.a)!;
            const b = byId.get(e.b)!;
            return (
              <line key={`${e.a}|${e.b}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} strokeWidth={1 + (4 * e.count) / maxCount} className="edge">
                <title>{`${a.name} – ${b.name}: ${e.count} (${e.types.map(eventTypeLabel).join(", ")})`}</title>
              </line>
            );
          })}
        </g>
        <g className="nodes">
          {nodes.map((n) => (
            <a key={n.id} href={actorHref(n.id)} className="node" aria-label={`${n.name}, ${n.weight} shared events`}>
              <title>{`${n.name} (${n.kind}${n.country ? `, ${n.country}` : ""})`}</title>
              <circle cx={n.x} cy={n.y} r={7 + Math.min(10, Math.sqrt(n.weight) * 2)} fill={KIND_COLORS[n.kind] ?? "#475569"} />
              <text x={n.x} y={n.y - 13 - Math.min(10, Math.sqrt(n.weight) * 2)} textAnchor="middle" className="node-label">
                {n.name}
              </text>
            </a>
          ))}
        </g>
      </svg>
      <ul className="legend" aria-label="Colours of actor kinds">
        {Object.entries(KIND_COLORS).map(([k, c]) => (
          <li key={k}>
            <span className="legend-swatch legend-swatch--round" style={{ background: c }} aria-hidden="true" />
            {k}
          </li>
        ))}
      </ul>
    </figure>
  );
}
