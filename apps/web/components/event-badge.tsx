import type { CSSProperties } from "react";
import { EVENT_TYPE_COLORS, eventTypeLabel } from "../lib/labels";

/** The event type as a coloured tag; the colour matches the timeline chart. */
export function EventBadge({ type }: { type: string }) {
  const color = EVENT_TYPE_COLORS[type as keyof typeof EVENT_TYPE_COLORS] ?? "#475569";
  return (
    <span className="badge" style={{ "--type-color": color } as CSSProperties}>
      {eventTypeLabel(type)}
    </span>
  );
}
