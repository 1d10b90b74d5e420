import React from "react";
import { Text } from "ink";

/** `[██████░░░░]  6/10`: done of total in `width` columns. */
export function ProgressBar({ done, total, width }: { done: number; total: number; width: number }) {
  const label = ` ${done}/${total}`;
  const inner = Math.max(4, width - label.length - 2);
  const filled = total > 0 ? Math.round((inner * Math.min(done, total)) / total) : 0;
  return (
    <Text>
      [<Text color="green">{"█".repeat(filled)}</Text>
      {"░".repeat(inner - filled)}]{label}
    </Text>
  );
}
