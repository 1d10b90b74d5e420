import React, { useState } from "react";
import { Box, Text } from "ink";
import type { BatchReport } from "@parley/core/model";
import type { IngestProgress } from "../../data/source.js";
import { ProgressBar } from "../components/progress-bar.js";
import { TextPrompt } from "../components/text-prompt.js";
import { useKeys } from "../hooks/use-keys.js";
import { usePrompt } from "../hooks/use-prompt.js";
import { useUi } from "../hooks/use-ui.js";

type Phase =
  | { kind: "idle" }
  | { kind: "prompt" }
  | { kind: "running"; path: string; progress: IngestProgress | null; counts: Record<IngestProgress["outcome"], number> }
  | { kind: "done"; path: string; report: BatchReport }
  | { kind: "failed"; path: string; error: string };

/** Ingest a file or a folder from inside the UI: a path prompt, a progress bar, and what went in or was skipped and why. */
export function IngestView({ active, width, height }: { active: boolean; width: number; height: number }) {
  const ui = useUi();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const prompt = usePrompt<"path">();
  useKeys((input, key) => {
    const typed = prompt.key(input, key);
    if (typed?.kind === "submit") return void run(typed.value);
    if (typed?.kind === "cancel") return setPhase({ kind: "idle" });
    if (typed || prompt.isOpen() || phase.kind === "running") return;
    if (key.return || input === "i") {
      setPhase({ kind: "prompt" });
      prompt.open("path");
    }
  }, active);

  async function run(raw: string) {
    const path = raw.trim();
    if (!path) return setPhase({ kind: "idle" });
    const counts = { stored: 0, existing: 0, skipped: 0 };
    setPhase({ kind: "running", path, progress: null, counts });
    try {
      const report = await ui.source.ingestPaths([path], (p) => {
        counts[p.outcome]++;
        setPhase({ kind: "running", path, progress: p, counts: { ...counts } });
      });
      setPhase({ kind: "done", path, report });
      if (report.stored.length > 0) ui.bumpData();
    } catch (error) {
      setPhase({ kind: "failed", path, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const red = ui.noColor ? undefined : "red";
  const green = ui.noColor ? undefined : "green";
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold>Ingest</Text>
      <Text dimColor wrap="truncate">
        A .txt file or a folder of them; a .meta.json beside each (title, source, url, publishedAt, language) is read too.
      </Text>
      <Text> </Text>
      {phase.kind === "idle" && <Text>Press Enter (or i) to type a path.</Text>}
      {phase.kind === "prompt" && <TextPrompt label="Path:" value={prompt.value} />}
      {phase.kind === "running" && (
        <>
          <Text wrap="truncate">Ingesting {phase.path}…</Text>
          <ProgressBar done={phase.progress?.done ?? 0} total={phase.progress?.total ?? 1} width={Math.min(60, width)} />
          <Text wrap="truncate" dimColor>
            {phase.progress ? `${phase.progress.outcome}: ${phase.progress.file}` : "reading…"}
          </Text>
          <Text>
            {phase.counts.stored} stored · {phase.counts.existing} already there · {phase.counts.skipped} skipped
          </Text>
        </>
      )}
      {phase.kind === "done" && (
        <>
          <ProgressBar
            done={phase.report.stored.length + phase.report.existing.length + phase.report.skipped.length}
            total={phase.report.stored.length + phase.report.existing.length + phase.report.skipped.length}
            width={Math.min(60, width)}
          />
          <Text bold wrap="truncate">
            Done: {phase.path}
          </Text>
          <Text color={green}>
            {phase.report.stored.length} stored · {phase.report.existing.length} already there ·{" "}
            <Text color={phase.report.skipped.length > 0 ? red : undefined}>{phase.report.skipped.length} skipped</Text>
          </Text>
          {phase.report.stored.slice(0, Math.max(1, Math.floor((height - 10) / 2))).map((f) => (
            <Text key={`s${f}`} wrap="truncate">
              {"  + "}
              {f}
            </Text>
          ))}
          {phase.report.skipped.slice(0, Math.max(1, height - 10)).map((s) => (
            <Text key={`k${s.file}`} wrap="truncate" color={red}>
              {"  ! "}
              {s.file}: {s.reason}
            </Text>
          ))}
          <Text dimColor>Enter or i: ingest more</Text>
        </>
      )}
      {phase.kind === "failed" && (
        <>
          <Text color={red} wrap="wrap">
            Ingest of {phase.path} failed: {phase.error}
          </Text>
          <Text dimColor>Enter or i: try again</Text>
        </>
      )}
    </Box>
  );
}
