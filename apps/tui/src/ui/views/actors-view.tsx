import React, { useEffect, useState } from "react";
import { Box, Text, useInput } from "ink";
import type { ActorSummary } from "@parley/core/model";
import { ScrollList } from "../components/scroll-list.js";
import { TextPrompt } from "../components/text-prompt.js";
import { fit } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useUi } from "../hooks/use-ui.js";
import { moveSelection } from "../list-keys.js";

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
  const [prompt, setPrompt] = useState(false);
  const [selected, setSelected] = useState(0);
  const page = useAsync(() => ui.source.listActors({ q: q || undefined, limit: 200 }), [q, ui.dataVersion]);
  const items = page.data?.items ?? [];
  useEffect(() => setSelected(0), [page.data]);
  useEffect(() => ui.setCapturing(prompt), [prompt]); // eslint-disable-line react-hooks/exhaustive-deps
  const listHeight = Math.max(3, height - 2);
  useInput(
    (input, key) => {
      const next = moveSelection(input, key, selected, items.length, listHeight - 2);
      if (next !== null) return setSelected(next);
      const actor = items[selected];
      if (key.return && actor) return ui.open({ view: "actor", id: actor.id });
      if (input === "/") return setPrompt(true);
      if (input === "c") return setQ("");
    },
    { isActive: ui.inputEnabled && active && !prompt },
  );
  const c = cols(width);
  return (
    <Box flexDirection="column" height={height}>
      {prompt ? (
        <TextPrompt
          label="Actor name:"
          initial={q}
          active={ui.inputEnabled && active}
          onSubmit={(v) => {
            setPrompt(false);
            setQ(v.trim());
          }}
          onCancel={() => setPrompt(false)}
        />
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
