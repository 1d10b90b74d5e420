import React, { useState } from "react";
import { Box, Text } from "ink";
import type { ArticleSummary } from "@parley/core/model";
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
  const prompt = usePrompt<"q">();
  const page = useAsync(() => ui.source.listArticles({ q: q || undefined, limit: 200 }), [q, ui.dataVersion]);
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
      const article = items[selection.current()];
      if (key.return && article) return ui.open({ view: "reader", articleId: article.id });
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
        <TextPrompt label="Search articles:" value={prompt.value} />
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
