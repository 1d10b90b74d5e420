import React, { type ReactNode } from "react";
import { Box, Text } from "ink";
import { windowStart } from "../list-keys.js";

export interface ScrollListProps<T> {
  items: T[];
  selected: number;
  height: number;
  width: number;
  renderRow: (item: T, selected: boolean, width: number) => ReactNode;
  rowKey: (item: T) => string;
  empty?: string;
}

/** A list that shows the window of rows around the selection, with its position. */
export function ScrollList<T>({ items, selected, height, width, renderRow, rowKey, empty }: ScrollListProps<T>) {
  if (items.length === 0) return <Text dimColor>{empty ?? "Nothing here."}</Text>;
  const rows = Math.max(1, height - 1);
  const start = windowStart(selected, items.length, rows);
  const shown = items.slice(start, start + rows);
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((item, i) => (
        <Box key={rowKey(item)} width={width}>
          {renderRow(item, start + i === selected, width)}
        </Box>
      ))}
      <Text dimColor>
        {items.length > rows ? `${selected + 1}/${items.length} ${start > 0 ? "↑" : " "}${start + rows < items.length ? "↓" : " "}` : `${items.length} item${items.length === 1 ? "" : "s"}`}
      </Text>
    </Box>
  );
}
