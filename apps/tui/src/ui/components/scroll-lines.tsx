import React, { type ReactNode } from "react";
import { Box, Text } from "ink";

export interface ScrollLinesProps {
  /** One node per terminal row (each must fit in one row). */
  lines: Array<{ key: string; node: ReactNode }>;
  /** The first line to show. */
  offset: number;
  height: number;
}

/** A window of pre-wrapped lines, with a position line at the bottom. */
export function ScrollLines({ lines, offset, height }: ScrollLinesProps) {
  const rows = Math.max(1, height - 1);
  const start = Math.max(0, Math.min(offset, Math.max(0, lines.length - rows)));
  const shown = lines.slice(start, start + rows);
  const end = start + shown.length;
  return (
    <Box flexDirection="column">
      {shown.map((l) => (
        <Box key={l.key}>{l.node}</Box>
      ))}
      <Text dimColor>{lines.length > rows ? `lines ${start + 1}–${end} of ${lines.length}${end < lines.length ? " ↓" : ""}` : " "}</Text>
    </Box>
  );
}

/** Word-wraps plain text to `width` columns. */
export function wrapPlain(text: string, width: number): string[] {
  const w = Math.max(8, width);
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (rest.length > w) {
        if (line) {
          out.push(line);
          line = "";
        }
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= w) line += ` ${rest}`;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}
