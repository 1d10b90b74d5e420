import React, { useState } from "react";
import { Box, Text } from "ink";
import type { ActorSummary } from "@parley/core/model";
import { ScrollList } from "../components/scroll-list.js";
import { TextPrompt } from "../components/text-prompt.js";
import { fit } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { useSelection } from "../hooks/use-selection.js";
import { usePrompt } from "../hooks/use-prompt.js";
import { useUi } from "../hooks/use-ui.js";
import { isMoveKey, moveSelection } from "../list-keys.js";

function cols(width: number) {
  const kind = 13;
  const country = 8;
  const counts = 16;
  return { name: Math.max(10, width - kind - country - counts - 1), kind, country, counts };
}

/** Every actor of the corpus, most active first as the store orders them; `/` narrows by name. */
export function ActorsView({ active, width, height }: { active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [q, setQ] = useState("");
  const prompt = usePrompt<"q">();
  const page = useAsync(() => ui.source.listActors({ q: q || undefined, limit: 200 }), [q, ui.dataVersion]);
  const items = page.data?.items ?? [];
  const selection = useSelection(items.length);
  const selected = selection.selected;
  const listHeight = Math.max(3, height - 2);
  useKeys(
    (input, key) => {
      const typed = prompt.key(input, key);
      if (typed?.kind === "submit") {
        selection.select(0);
        return setQ(typed.value.trim());
      }
      if (typed || prompt.isOpen()) return;
      // From the current row, not the rendered one: several keys in one burst each move from the last.
      if (isMoveKey(input, key)) return selection.select(moveSelection(input, key, selection.current(), items.length, listHeight - 2) ?? selection.current());
      const actor = items[selection.current()];
      if (key.return && actor) return ui.open({ view: "actor", id: actor.id });
      if (input === "/") return prompt.open("q", q);
      if (input === "c") {
        selection.select(0);
        return setQ("");
      }
    },
    active,
  );
  const c = cols(width);
  return (
    <Box flexDirection="column" height={height}>
      {prompt.prompt ? (
        <TextPrompt label="Actor name:" value={prompt.value} />
      ) : (
        <Text wrap="truncate">
          <Text bold>Actors</Text>
          {q ? `  matching “${q}” (c clears)` : ""}
        </Text>
      )}
      <Text dimColor wrap="truncate">
        {" " + fit("Name", c.name - 1) + fit("Kind", c.kind) + fit("Country", c.country) + "Events Articles"}
      </Text>
      {page.status === "loading" ? (
        <Text dimColor>Loading…</Text>
      ) : page.status === "error" ? (
        <Text color={ui.noColor ? undefined : "red"}>Error: {page.error.message}</Text>
      ) : (
        <ScrollList<ActorSummary>
          items={items}
          selected={selected}
          height={listHeight}
          width={width}
          rowKey={(a) => a.id}
          empty={q ? `No actor matches “${q}”.` : "No actors yet."}
          renderRow={(a, sel) => (
            <Text inverse={sel} wrap="truncate">
              {(sel ? "›" : " ") +
                fit(a.name, c.name - 1) +
                fit(a.kind, c.kind) +
                fit(a.country ?? "", c.country) +
                String(a.eventCount).padStart(6) +
                String(a.articleCount).padStart(9)}
            </Text>
          )}
        />
      )}
    </Box>
  );
}
