import React, { useEffect, useState, type ReactNode } from "react";
import { Box, Text } from "ink";
import type { Article, EventReport, Quote, Span, TimelineEntry } from "@parley/core/model";
import { ScrollLines, wrapPlain } from "../components/scroll-lines.js";
import { formatTime, formatType, nameOfId } from "../format-entry.js";
import { useAsync } from "../hooks/use-async.js";
import { useKeys } from "../hooks/use-keys.js";
import { useSelection } from "../hooks/use-selection.js";
import { useUi } from "../hooks/use-ui.js";

interface Loaded {
  entry: TimelineEntry | null;
  articles: Map<string, Article>;
}

const inside = (q: Span, spans: Span[]) => spans.some((s) => q.start < s.end && q.end > s.start);

/** Quotes of the article that fall in the report's evidence. */
function quotesOf(report: EventReport, article: Article | undefined): Quote[] {
  return article ? article.extraction.quotes.filter((q) => inside(q, report.evidence)) : [];
}

/** One event of the timeline: what is known, and every report of it with its sentences, sources and quotes. */
export function EventDetailView({ id, active, width, height }: { id: string; active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [offset, setOffset] = useState(0);
  const state = useAsync<Loaded>(async () => {
    const entry = await ui.source.getEvent(id);
    const articles = new Map<string, Article>();
    for (const r of entry?.reports ?? []) {
      if (articles.has(r.articleId)) continue;
      const a = await ui.source.getArticle(r.articleId).catch(() => null);
      if (a) articles.set(r.articleId, a);
    }
    return { entry, articles };
  }, [id, ui.dataVersion]);

  const entry = state.data?.entry ?? null;
  const reports = entry?.reports ?? [];
  const selection = useSelection(reports.length);
  const selected = selection.selected;
  const names = new Map<string, string>();
  for (const p of entry?.participants ?? []) names.set(p.id, p.name);
  for (const a of state.data?.articles.values() ?? []) for (const actor of a.extraction.actors) if (!names.has(actor.id)) names.set(actor.id, actor.name);

  // Lay the detail out as rows, and remember where each report starts.
  const lines: Array<{ key: string; node: ReactNode }> = [];
  const reportLine: number[] = [];
  const w = Math.max(20, width - 2);
  const add = (node: ReactNode) => lines.push({ key: String(lines.length), node });
  const addWrapped = (text: string, indent: string, props: { dimColor?: boolean; italic?: boolean } = {}) => {
    for (const l of wrapPlain(text, w - indent.length)) add(<Text {...props}>{indent + l}</Text>);
  };
  if (entry) {
    add(
      <Text bold wrap="truncate">
        {formatType(entry.type)} · {formatTime(entry.date) || "date unknown"}
        {entry.place ? ` · ${entry.place.name}` : ""}
      </Text>,
    );
    addWrapped(`Participants: ${entry.participants.map((p) => `${p.name}${p.country ? ` (${p.country})` : ""}`).join(", ") || "—"}`, "");
    add(
      <Text wrap="truncate">
        Modality: {entry.modality}
        {entry.duration ? ` · Duration: ${formatTime(entry.duration)}` : ""}
        {entry.issues.length > 0 ? ` · Issues: ${entry.issues.join(", ")}` : ""}
      </Text>,
    );
    for (const d of entry.disagreements) {
      addWrapped(`Reports disagree on the ${d.field}: ${d.values.map((v) => `${v.value} (${v.articleIds.length} report${v.articleIds.length === 1 ? "" : "s"})`).join(" vs ")}`, "", {});
    }
    add(<Text> </Text>);
    add(<Text bold>{`Reports (${entry.reportCount})`}</Text>);
    reports.forEach((r, i) => {
      reportLine.push(lines.length);
      const article = state.data?.articles.get(r.articleId);
      const sel = i === selected;
      add(
        <Text inverse={sel} wrap="truncate">
          {`${sel ? "›" : " "} ${i + 1}. ${r.articleTitle ?? article?.title ?? r.articleId}${r.publishedAt ? ` · published ${r.publishedAt}` : ""}`}
        </Text>,
      );
      const facts = [r.date && `date ${formatTime(r.date)}`, r.duration && `lasting ${formatTime(r.duration)}`, r.place && `in ${nameOfId(r.place, names)}`, r.modality]
        .filter(Boolean)
        .join(" · ");
      addWrapped(facts, "    ", { dimColor: true });
      if (r.sources.length > 0) addWrapped(`Sources: ${r.sources.map((s) => nameOfId(s, names)).join(" citing ")}`, "    ");
      add(<Text>{"    Sentences:"}</Text>);
      for (const ev of r.evidence) addWrapped(`“${ev.text}”`, "      ", { italic: true });
      const quotes = quotesOf(r, article);
      if (quotes.length > 0) {
        add(<Text>{"    Quotes:"}</Text>);
        for (const q of quotes) {
          const who = [q.speaker && nameOfId(q.speaker, names), q.via && `via ${nameOfId(q.via, names)}`].filter(Boolean).join(" ");
          addWrapped(`„${q.text}“${who ? ` — ${who}` : ""}`, "      ");
        }
      }
    });
  }

  const body = Math.max(3, height);
  // Keep the selected report's head in view.
  useEffect(() => {
    const at = reportLine[selected] ?? 0;
    setOffset((o) => (at < o || at >= o + body - 3 ? Math.max(0, at - 2) : o));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, body, state.status]);

  useKeys(
    (input, key) => {
      if (key.downArrow || input === "j") return selection.select(selection.current() + 1);
      if (key.upArrow || input === "k") return selection.select(selection.current() - 1);
      if (input === "g" || key.home) return selection.select(0);
      if (input === "G" || key.end) return selection.select(reports.length - 1);
      if (key.pageDown || input === " ") return setOffset((o) => Math.min(Math.max(0, lines.length - body + 1), o + body - 2));
      if (key.pageUp) return setOffset((o) => Math.max(0, o - body + 2));
      const r = reports[selection.current()];
      if ((key.return || input === "r") && r) ui.open({ view: "reader", articleId: r.articleId, focus: r.evidence });
    },
    active,
  );

  if (state.status === "loading") return <Text dimColor>Loading event…</Text>;
  if (state.status === "error") return <Text color={ui.noColor ? undefined : "red"}>Error: {state.error.message}</Text>;
  if (!entry) return <Text>No event with id {id} (it may have been removed).</Text>;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ScrollLines lines={lines} offset={offset} height={body} />
    </Box>
  );
}
