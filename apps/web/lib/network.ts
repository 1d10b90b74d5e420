import type { ActorRef, EventType, TimelineEntry } from "@parley/core/model";

/** The event types that make two actors counterparts on the network. */
export const NETWORK_TYPES: readonly EventType[] = ["meeting", "negotiation", "consultation", "phone_call", "visit", "agreement", "signing"];

export interface NetworkNode extends ActorRef {
  weight: number;
  x: number;
  y: number;
}
export interface NetworkEdge {
  a: string;
  b: string;
  count: number;
  types: EventType[];
}

/**
 * Who met, negotiated or agreed with whom: an edge for each pair of
 * participants of such an event, weighted by how many events they share.
 * Keeps the `maxNodes` busiest actors and lays them out on the server with a
 * few hundred rounds of a deterministic force layout (no randomness, so the
 * picture is the same on every request).
 */
export function buildNetwork(entries: readonly TimelineEntry[], maxNodes = 40, size = { width: 900, height: 560 }) {
  const refs = new Map<string, ActorRef>();
  const edges = new Map<string, NetworkEdge>();
  for (const e of entries) {
    if (!NETWORK_TYPES.includes(e.type)) continue;
    const ps = [...new Map(e.participants.map((p) => [p.id, p])).values()];
    for (const p of ps) refs.set(p.id, p);
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++) {
        const [a, b] = [ps[i]!.id, ps[j]!.id].sort() as [string, string];
        const key = `${a}\u0000${b}`;
        const edge = edges.get(key) ?? { a, b, count: 0, types: [] };
        edge.count++;
        if (!edge.types.includes(e.type)) edge.types.push(e.type);
        edges.set(key, edge);
      }
  }
  const weight = new Map<string, number>();
  for (const ed of edges.values()) {
    weight.set(ed.a, (weight.get(ed.a) ?? 0) + ed.count);
    weight.set(ed.b, (weight.get(ed.b) ?? 0) + ed.count);
  }
  const kept = [...weight.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, maxNodes)
    .map(([id]) => id);
  const keep = new Set(kept);
  const keptEdges = [...edges.values()].filter((e) => keep.has(e.a) && keep.has(e.b));
  const { width, height } = size;
  const n = kept.length;
  const pos = kept.map((_, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    return { x: width / 2 + (width / 3) * Math.cos(angle), y: height / 2 + (height / 3) * Math.sin(angle) };
  });
  const index = new Map(kept.map((id, i) => [id, i]));
  const k = Math.sqrt((width * height) / Math.max(1, n)) * 0.6;
  for (let round = 0; round < 300 && n > 1; round++) {
    const temp = (width / 10) * (1 - round / 300);
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i]!.x - pos[j]!.x || 0.01;
        const dy = pos[i]!.y - pos[j]!.y || 0.01;
        const d = Math.max(1, Math.hypot(dx, dy));
        const f = (k * k) / d;
        disp[i]!.x += (dx / d) * f;
        disp[i]!.y += (dy / d) * f;
        disp[j]!.x -= (dx / d) * f;
        disp[j]!.y -= (dy / d) * f;
      }
    for (const e of keptEdges) {
      const i = index.get(e.a)!;
      const j = index.get(e.b)!;
      const dx = pos[i]!.x - pos[j]!.x;
      const dy = pos[i]!.y - pos[j]!.y;
      const d = Math.max(1, Math.hypot(dx, dy));
      const f = (d * d) / k;
      disp[i]!.x -= (dx / d) * f;
      disp[i]!.y -= (dy / d) * f;
      disp[j]!.x += (dx / d) * f;
      disp[j]!.y += (dy / d) * f;
    }
    // Gravity: keeps groups that share no edge from drifting to the corners.
    for (let i = 0; i < n; i++) {
      disp[i]!.x -= (pos[i]!.x - width / 2) * 0.05 * (k / 50);
      disp[i]!.y -= (pos[i]!.y - height / 2) * 0.05 * (k / 50);
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(1, Math.hypot(disp[i]!.x, disp[i]!.y));
      pos[i]!.x = Math.min(width - 60, Math.max(60, pos[i]!.x + (disp[i]!.x / d) * Math.min(d, temp)));
      pos[i]!.y = Math.min(height - 30, Math.max(30, pos[i]!.y + (disp[i]!.y / d) * Math.min(d, temp)));
    }
  }
  fitInto(pos, width, height);
  const nodes: NetworkNode[] = kept.map((id, i) => ({ ...refs.get(id)!, weight: weight.get(id) ?? 0, x: pos[i]!.x, y: pos[i]!.y }));
  return { nodes, edges: keptEdges, width, height };
}

/** Scales the layout to fill the drawing, with room for the labels above the nodes. */
function fitInto(pos: { x: number; y: number }[], width: number, height: number): void {
  if (pos.length < 2) return;
  const xs = pos.map((p) => p.x);
  const ys = pos.map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const [mx, top, bottom] = [90, 50, 25];
  for (const p of pos) {
    p.x = x1 > x0 ? mx + ((p.x - x0) / (x1 - x0)) * (width - 2 * mx) : width / 2;
    p.y = y1 > y0 ? top + ((p.y - y0) / (y1 - y0)) * (height - top - bottom) : height / 2;
  }
}
