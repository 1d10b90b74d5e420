import React, { useEffect, useState, type ReactNode } from "react";
import { Box, Text } from "ink";
import { ScrollLines, wrapPlain } from "../components/scroll-lines.js";
import { formatParticipants, formatTime, formatType } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { useSelection } from "../hooks/use-selection.js";
import { useUi } from "../hooks/use-ui.js";

/** One actor: roles, who it dealt with and how often, its events (Enter opens one) and its quotes. */
export function ActorDetailView({ id, active, width, height }: { id: string; active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [offset, setOffset] = useState(0);
  const state = useAsync(() => ui.source.getActor(id), [id, ui.dataVersion]);
  const actor = state.data ?? null;
  const events = actor?.events ?? [];
  const selection = useSelection(events.length);
  const selected = selection.selected;
  const lines: Array<{ key: string; node: ReactNode }> = [];
  const eventLine: number[] = [];
  const add = (node: ReactNode) => lines.push({ key: String(lines.length), node });
  const w = Math.max(20, width - 2);
  if (actor) {
    add(
      <Text bold wrap="truncate">
        {actor.name} · {actor.kind}
        {actor.country ? ` · ${actor.country}` : ""}
      </Text>,
    );
    if (actor.aliases.length > 0) for (const l of wrapPlain(`Also: ${actor.aliases.join(", ")}`, w)) add(<Text dimColor>{l}</Text>);
    for (const r of actor.roles) add(<Text wrap="truncate">{`Role: ${r.title}${r.of ? ` of ${r.of}` : ""}${r.from || r.to ? ` (${r.from ?? "…"}–${r.to ?? "…"})` : ""}`}</Text>);
    add(<Text wrap="truncate">{`${actor.eventCount} event${actor.eventCount === 1 ? "" : "s"} in ${actor.articleCount} article${actor.articleCount === 1 ? "" : "s"}`}</Text>);
    if (actor.counterparts.length > 0) {
      add(<Text> </Text>);
      add(<Text bold>Counterparts</Text>);
      for (const c of actor.counterparts) add(<Text wrap="truncate">{`  ${c.name} ×${c.count} (${c.types.map(formatType).join(", ")})`}</Text>);
    }
    add(<Text> </Text>);
    add(<Text bold>{`Events (${events.length})`}</Text>);
    events.forEach((e, i) => {
      eventLine.push(lines.length);
      const sel = i === selected;
      add(
        <Text inverse={sel} wrap="truncate">
          {`${sel ? "›" : " "} ${(formatTime(e.date) || "—").padEnd(13)}${formatType(e.type).padEnd(17)}${formatParticipants(e)}${e.place ? ` · ${e.place.name}` : ""}`}
        </Text>,
      );
    });
    if (actor.quotes.length > 0) {
      add(<Text> </Text>);
      add(<Text bold>Quotes</Text>);
      for (const q of actor.quotes) for (const l of wrapPlain(`„${q.text}“${q.via ? ` — via ${q.via.replace(/^[a-z]+:/, "")}` : ""}`, w - 2)) add(<Text>{`  ${l}`}</Text>);
    }
  }
  const body = Math.max(3, height);
  useEffect(() => {
    const at = eventLine[selected] ?? 0;
    setOffset((o) => (at < o || at >= o + body - 2 ? Math.max(0, at - 2) : o));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, body, state.status]);
  useKeys(
    (input, key) => {
      if (key.downArrow || input === "j") return selection.select(selection.current() + 1);
      if (key.upArrow || input === "k") return selection.select(selection.current() - 1);
      if (input === "g" || key.home) return selection.select(0);
      if (input === "G" || key.end) return selection.select(events.length - 1);
      if (key.pageDown || input === " ") return setOffset((o) => Math.min(Math.max(0, lines.length - body + 1), o + body - 2));
      if (key.pageUp) return setOffset((o) => Math.max(0, o - body + 2));
      const e = events[selection.current()];
      if (key.return && e) ui.open({ view: "event", id: e.id });
    },
    active,
  );
  if (state.status === "loading") return <Text dimColor>Loading actor…</Text>;
  if (state.status === "error") return <Text color={ui.noColor ? undefined : "red"}>Error: {state.error.message}</Text>;
  if (!actor) return <Text>No actor with id {id}.</Text>;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ScrollLines lines={lines} offset={offset} height={body} />
    </Box>
  );
}
