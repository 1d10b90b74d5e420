import React from "react";
import { Text } from "ink";

/** How an open prompt looks: its label, what was typed, and a block cursor. Its keys come through usePrompt. */
export function TextPrompt({ label, value }: { label: string; value: string }) {
  return (
    <Text wrap="truncate-start">
      <Text bold>{label}</Text> {value}
      <Text inverse> </Text>
    </Text>
  );
}
