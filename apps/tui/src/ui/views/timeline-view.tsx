import React, { useEffect, useState } from "react";
import { Box, Text } from "ink";
import type { TimelineEntry, TimelineFilter } from "@parley/core/model";
import { ScrollList } from "../components/scroll-list.js";
import { TextPrompt } from "../components/text-prompt.js";
import { parseEventType, parseIssue } from "../filters.js";
import { fit, formatParticipants, formatTime, formatType } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { useSelection } from "../hooks/use-selection.js";
import { usePrompt } from "../hooks/use-prompt.js";
import { useUi } from "../hooks/use-ui.js";
import { isMoveKey, moveSelection } from "../list-keys.js";

type PromptKind = "actor" | "type" | "issue" | "q";
const PROMPT_LABEL: Record<PromptKind, string> = { actor: "Actor:", type: "Type:", issue: "Issue:", q: "Search:" };

interface Filter extends TimelineFilter {
  /** The actor's name, to show instead of its id. */
  actorName?: string;
}

/** Columns of a timeline row for a given width. */
function columns(width: number) {
  const date = 16;
  const type = 18;
  const rest = Math.max(10, width - date - type - 2);
  const place = Math.min(18, Math.floor(rest * 0.35));
  return { date, type, participants: rest - place, place };
}

function Row({ entry, selected, width, noColor }: { entry: TimelineEntry; selected: boolean; width: number; noColor: boolean }) {
  const c = columns(width);
  const text =
    (selected ? "›" : " ") +
    fit(formatTime(entry.date) || "—", c.date - 1) +
    fit(formatType(entry.type) + (entry.reportCount > 1 ? ` ×${entry.reportCount}` : ""), c.type) +
    fit(formatParticipants(entry), c.participants) +
    fit(entry.place?.name ?? "", c.place);
  return (
    <Text inverse={selected} wrap="truncate">
      {text}
    </Text>
  );
}

function Preview({ entry, width }: { entry: TimelineEntry; width: number }) {
  const first = entry.reports[0];
  return (
    <Box flexDirection="column" width={width} paddingLeft={1} borderStyle="single" borderTop={false} borderRight={false} borderBottom={false}>
      <Text bold wrap="truncate">
        {formatType(entry.type)} · {formatTime(entry.date) || "date unknown"}
      </Text>
      <Text wrap="truncate">Place: {entry.place?.name ?? "—"}</Text>
      <Text wrap="wrap">With: {entry.participants.map((p) => p.name).join(", ") || "—"}</Text>
      {entry.issues.length > 0 && <Text wrap="truncate">Issues: {entry.issues.join(", ")}</Text>}
      <Text wrap="truncate">
        {entry.reportCount} report{entry.reportCount === 1 ? "" : "s"} · {entry.modality}
      </Text>
      {first?.evidence[0] && (
        <Text dimColor wrap="wrap">
          “{first.evidence[0].text.slice(0, 240)}”
        </Text>
      )}
      <Text dimColor>Enter: reports, sources, quotes</Text>
    </Box>
  );
}

/** The merged timeline: a scrollable list with filters and a preview of the selected event. */
export function TimelineView({ active, width, height }: { active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [filter, setFilter] = useState<Filter>({});
  const prompt = usePrompt<PromptKind>();
  const [message, setMessage] = useState<string | null>(null);
  const { actorName, ...query } = filter;
  const queryKey = `${JSON.stringify(query)}#${ui.dataVersion}`;
  const page = useAsync(() => ui.source.timeline({ ...query, limit: 200 }), [queryKey]);
  // Pages after the first, for this query only.
  const [more, setMore] = useState<{ key: string; items: TimelineEntry[]; cursor: string | null }>({ key: "", items: [], cursor: null });
  const extra = more.key === queryKey ? more : { items: [], cursor: null };
  const items = page.data ? [...page.data.items, ...extra.items] : [];
  const cursor = extra.cursor ?? page.data?.nextCursor ?? null;
  // Clamped rather than reset in an effect: a key pressed right after the list loads must not be undone.
  const selection = useSelection(items.length);
  const selected = selection.selected;

  // Fetch the next page when the selection nears the end.
  useEffect(() => {
    if (!cursor || selected < items.length - 5) return;
    let live = true;
    ui.source.timeline({ ...query, limit: 200, cursor }).then(
      (p) => live && setMore((m) => ({ key: queryKey, items: [...(m.key === queryKey ? m.items : []), ...p.items], cursor: p.nextCursor ?? "" })),
      () => undefined,
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, cursor]);


  const listHeight = Math.max(3, height - 2);
  useKeys(
    (input, key) => {
      const typed = prompt.key(input, key);
      if (typed?.kind === "submit") return void apply(typed.prompt, typed.value);
      if (typed || prompt.isOpen()) return;
      // From the current row, not the rendered one: several keys in one burst each move from the last.
      if (isMoveKey(input, key)) return selection.select(moveSelection(input, key, selection.current(), items.length, listHeight - 2) ?? selection.current());
      const entry = items[selection.current()];
      if (key.return && entry) return ui.open({ view: "event", id: entry.id });
      if (input === "a") return prompt.open("actor");
      if (input === "t") return prompt.open("type");
      if (input === "i") return prompt.open("issue");
      if (input === "/") return prompt.open("q", filter.q ?? "");
      if (input === "c") {
        setMessage(null);
        selection.select(0);
        return setFilter({});
      }
    },
    active,
  );

  async function apply(kind: PromptKind, raw: string) {
    setMessage(null);
    selection.select(0);
    const value = raw.trim();
    if (kind === "q") return setFilter((f) => ({ ...f, q: value || undefined }));
    if (value === "") return setFilter((f) => ({ ...f, [kind]: undefined, ...(kind === "actor" ? { actorName: undefined } : {}) }));
    if (kind === "type" || kind === "issue") {
      const parsed = kind === "type" ? parseEventType(value) : parseIssue(value);
      if (typeof parsed === "object") return setMessage(parsed.error);
      return setFilter((f) => ({ ...f, [kind]: parsed }));
    }
    // An actor by name or alias: the corpus knows its canonical id.
    try {
      const found = await ui.source.listActors({ q: value, limit: 5 });
      const hit = found.items.find((a) => a.id === value) ?? found.items[0];
      if (!hit) return setMessage(`no actor matches "${value}"`);
      setFilter((f) => ({ ...f, actor: hit.id, actorName: hit.name }));
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  const chips = [
    filter.actor && `actor: ${actorName ?? filter.actor}`,
    filter.type && `type: ${formatType(filter.type)}`,
    filter.issue && `issue: ${filter.issue}`,
    filter.q && `text: “${filter.q}”`,
  ].filter(Boolean);
  const previewWidth = width >= 100 ? Math.min(48, Math.floor(width * 0.38)) : 0;
  const listWidth = width - previewWidth;
  const c = columns(listWidth);
  const entry = items[selected];

  return (
    <Box flexDirection="column" height={height}>
      {prompt.prompt ? (
        <TextPrompt label={PROMPT_LABEL[prompt.prompt]} value={prompt.value} />
      ) : message ? (
        <Text color={ui.noColor ? undefined : "red"} wrap="truncate">
          {message}
        </Text>
      ) : (
        <Text wrap="truncate">
          <Text bold>Timeline</Text>
          {chips.length > 0 ? `  filtered by ${chips.join(" · ")}  (c clears)` : "  all events"}
        </Text>
      )}
      <Text dimColor wrap="truncate">
        {" " + fit("Date", c.date - 1) + fit("Type", c.type) + fit("Participants", c.participants) + fit("Place", c.place)}
      </Text>
      <Box>
        <Box width={listWidth} flexDirection="column">
          {page.status === "loading" ? (
            <Text dimColor>Loading…</Text>
          ) : page.status === "error" ? (
            <Text color={ui.noColor ? undefined : "red"}>Error: {page.error.message}</Text>
          ) : (
            <ScrollList
              items={items}
              selected={selected}
              height={listHeight}
              width={listWidth}
              rowKey={(e) => e.id}
              empty={chips.length > 0 ? "No event matches these filters (c clears them)." : "No events yet: ingest articles with 4."}
              renderRow={(e, sel, w) => <Row entry={e} selected={sel} width={w} noColor={ui.noColor} />}
            />
          )}
        </Box>
        {previewWidth > 0 && entry && <Preview entry={entry} width={previewWidth} />}
      </Box>
    </Box>
  );
}
