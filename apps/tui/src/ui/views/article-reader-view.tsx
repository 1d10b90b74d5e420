import React, { useEffect, useMemo, useState } from "react";
import { Box, Text } from "ink";
import type { Span } from "@parley/core/model";
import { annotate, BRACKETS, wrapAnnotated, type Mark, type Run } from "../annotate.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { useUi } from "../hooks/use-ui.js";

const COLOURS: Record<Mark, string> = { actor: "cyan", place: "green", timex: "yellow", trigger: "magenta" };

function RunText({ run, noColor }: { run: Run; noColor: boolean }) {
  if (noColor) {
    // Without colour: brackets are in the text already; triggers stand out inverted, quotes underlined.
    return (
      <Text inverse={run.mark === "trigger"} underline={run.quote} bold={run.focus}>
        {run.text}
      </Text>
    );
  }
  return (
    <Text color={run.mark ? COLOURS[run.mark] : run.quote ? "blue" : undefined} bold={run.mark === "trigger" || run.mark === "actor"} italic={run.quote} underline={run.focus}>
      {run.text}
    </Text>
  );
}

function Legend({ noColor }: { noColor: boolean }) {
  if (noColor) {
    return (
      <Text dimColor wrap="truncate">
        {`${BRACKETS.actor.join("actor")} ${BRACKETS.place.join("place")} ${BRACKETS.timex.join("time")} ${BRACKETS.trigger.join("trigger")} `}
        <Text underline>quote</Text> <Text bold>evidence</Text>
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      <Text color="cyan" bold>actor</Text> <Text color="green">place</Text> <Text color="yellow">time</Text>{" "}
      <Text color="magenta" bold>trigger</Text> <Text color="blue" italic>quote</Text> <Text underline>evidence</Text>
    </Text>
  );
}

/** An article's text with what the extractor found in it marked, scrolled to the evidence it was opened for. */
export function ArticleReaderView({ articleId, focus, active, width, height }: { articleId: string; focus?: Span[]; active: boolean; width: number; height: number }) {
  const ui = useUi();
  const state = useAsync(() => ui.source.getArticle(articleId), [articleId, ui.dataVersion]);
  const article = state.data ?? null;
  const textWidth = Math.max(20, width - 1);
  const wrapped = useMemo(() => {
    if (!article) return { lines: [], focusLine: -1 };
    const cells = annotate(article.text, article.extraction, { focus, brackets: ui.noColor });
    return wrapAnnotated(cells, textWidth);
  }, [article, focus, ui.noColor, textWidth]);
  const body = Math.max(3, height - 3);
  const maxOffset = Math.max(0, wrapped.lines.length - body);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    if (wrapped.focusLine >= 0) setOffset(Math.max(0, Math.min(maxOffset, wrapped.focusLine - 2)));
    // Only when the article (not the size) changes: a resize keeps the reader's place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article]);
  useKeys(
    (input, key) => {
      const clamp = (n: number) => Math.max(0, Math.min(maxOffset, n));
      if (key.downArrow || input === "j") setOffset((o) => clamp(o + 1));
      else if (key.upArrow || input === "k") setOffset((o) => clamp(o - 1));
      else if (key.pageDown || input === " " || (key.ctrl && input === "d")) setOffset((o) => clamp(o + body - 1));
      else if (key.pageUp || (key.ctrl && input === "u")) setOffset((o) => clamp(o - body + 1));
      else if (input === "g" || key.home) setOffset(0);
      else if (input === "G" || key.end) setOffset(maxOffset);
    },
    active,
  );
  if (state.status === "loading") return <Text dimColor>Loading article…</Text>;
  if (state.status === "error") return <Text color={ui.noColor ? undefined : "red"}>Error: {state.error.message}</Text>;
  if (!article) return <Text>No article with id {articleId}.</Text>;
  const start = Math.min(offset, maxOffset);
  const shown = wrapped.lines.slice(start, start + body);
  const meta = [article.source, article.publishedAt, article.language, `${article.eventCount} event${article.eventCount === 1 ? "" : "s"}`].filter(Boolean).join(" · ");
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        {article.title ?? "(untitled)"}
      </Text>
      <Text dimColor wrap="truncate">
        {meta}
        {wrapped.lines.length > body ? `  ·  lines ${start + 1}–${start + shown.length} of ${wrapped.lines.length}` : ""}
      </Text>
      <Legend noColor={ui.noColor} />
      {shown.map((line, i) => (
        <Text key={start + i} wrap="truncate">
          {line.length === 0 ? " " : line.map((run, j) => <RunText key={j} run={run} noColor={ui.noColor} />)}
        </Text>
      ))}
    </Box>
  );
}
