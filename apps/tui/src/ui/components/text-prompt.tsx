import React, { useState } from "react";
import { Text, useInput } from "ink";

export interface TextPromptProps {
  label: string;
  initial?: string;
  active: boolean;
  onSubmit(value: string): void;
  onCancel(): void;
}

/** One line of text input: Enter submits, Esc cancels, Backspace deletes, Ctrl-u clears. */
export function TextPrompt({ label, initial = "", active, onSubmit, onCancel }: TextPromptProps) {
  const [value, setValue] = useState(initial);
  useInput(
    (input, key) => {
      if (key.return) onSubmit(value);
      else if (key.escape) onCancel();
      else if (key.backspace || key.delete) setValue((v) => v.slice(0, -1));
      else if (key.ctrl && input === "u") setValue("");
      else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && input) {
        // Pasted text may come with a newline at the end.
        setValue((v) => v + input.replace(/[\r\n]+$/, ""));
      }
    },
    { isActive: active },
  );
  return (
    <Text>
      <Text bold>{label}</Text> {value}
      <Text inverse> </Text>
    </Text>
  );
}
