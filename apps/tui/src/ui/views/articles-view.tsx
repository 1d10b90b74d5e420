import React, { useEffect, useState } from "react";
import { Box, Text, useInput } from "ink";
import type { ArticleSummary } from "@parley/core/model";
import { ScrollList } from "../components/scroll-list.js";
import { TextPrompt } from "../components/text-prompt.js";
import { fit } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useUi } from "../hooks/use-ui.js";
import { moveSelection } from "../list-keys.js";

function cols(width: number) {
  const date = 12;
  const lang = 5;
  const events = 7;
  const rest = Math.max(12, width - date - lang - events - 1);
  const source = Math.min(16, Math.floor(rest * 0.25));
  return { date, lang, title: rest - source, source, events };
}

/** The articles of the corpus; `/` searches their text, Enter opens the reader. */
export function ArticlesView({ active, width, height }: { active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [q, setQ] = useState("");
  const [prompt, setPrompt] = useState(false);
  const [selected, setSelected] = useState(0);
  const page = useAsync(() => ui.source.listArticles({ q: q || undefined, limit: 200 }), [q, ui.dataVersion]);
  const items = page.data?.items ?? [];
  useEffect(() => setSelected(0), [page.data]);
  useEffect(() => ui.setCapturing(prompt), [prompt]); // eslint-disable-line react-hooks/exhaustive-deps
  const listHeight = Math.max(3, height - 2);
  useInput(
    (input, key) => {
      const next = moveSelection(input, key, selected, items.length, listHeight - 2);
      if (next !== null) return setSelected(next);
      const article = items[selected];
      if (key.return && article) return ui.open({ view: "reader", articleId: article.id });
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
          label="Search articles:"
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
          <Text bold>Articles</Text>
          {q ? `  matching “${q}” (c clears)` : ""}
        </Text>
      )}
      <Text dimColor wrap="truncate">
        {" " + fit("Published", c.date - 1) + fit("Lang", c.lang) + fit("Title", c.title) + fit("Source", c.source) + "Events"}
      </Text>
      {page.status === "loading" ? (
        <Text dimColor>Loading…</Text>
      ) : page.status === "error" ? (
        <Text color={ui.noColor ? undefined : "red"}>Error: {page.error.message}</Text>
      ) : (
        <ScrollList<ArticleSummary>
          items={items}
          selected={selected}
          height={listHeight}
          width={width}
          rowKey={(a) => a.id}
          empty={q ? `No article matches “${q}”.` : "No articles yet: ingest some with 4."}
          renderRow={(a, sel) => (
            <Text inverse={sel} wrap="truncate">
              {(sel ? "›" : " ") +
                fit(a.publishedAt ?? "—", c.date - 1) +
                fit(a.language, c.lang) +
                fit(a.title ?? "(untitled)", c.title) +
                fit(a.source ?? "", c.source) +
                String(a.eventCount).padStart(6)}
            </Text>
          )}
        />
      )}
    </Box>
  );
}
