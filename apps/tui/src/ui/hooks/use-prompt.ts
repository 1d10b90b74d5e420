import { useRef, useState } from "react";
import type { Key } from "ink";
import { useUi } from "./use-ui.js";

export type PromptEvent<K> = { kind: "submit"; prompt: K; value: string } | { kind: "cancel"; prompt: K } | null;

/**
 * A one-line text prompt driven by its view's key handler. What is open and
 * what was typed live in refs, so that "t", "m", "e", "e", "t", Enter in one
 * burst (tmux send-keys, a paste) opens the prompt, types "meet" and submits
 * it, without waiting for React to render in between.
 */
export function usePrompt<K extends string>() {
  const ui = useUi();
  const open = useRef<K | null>(null);
  const value = useRef("");
  const [shown, setShown] = useState<{ prompt: K | null; value: string }>({ prompt: null, value: "" });
  const sync = () => setShown({ prompt: open.current, value: value.current });
  const close = () => {
    open.current = null;
    ui.setCapturing(false);
    sync();
  };
  return {
    /** The open prompt and its text, as last rendered. */
    prompt: shown.prompt,
    value: shown.value,
    isOpen: () => open.current !== null,
    open(prompt: K, initial = "") {
      open.current = prompt;
      value.current = initial;
      ui.setCapturing(true);
      sync();
    },
    close,
    /** Feeds one key to the open prompt: Enter submits, Esc cancels, Backspace deletes, Ctrl-u clears. */
    key(input: string, key: Key): PromptEvent<K> {
      const prompt = open.current;
      if (prompt === null) return null;
      if (key.return) {
        const v = value.current;
        close();
        return { kind: "submit", prompt, value: v };
      }
      if (key.escape) {
        close();
        return { kind: "cancel", prompt };
      }
      if (key.backspace || key.delete) value.current = value.current.slice(0, -1);
      else if (key.ctrl && input === "u") value.current = "";
      else if (!key.ctrl && !key.meta && !key.tab && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow && input) {
        // Pasted text may end with a newline.
        value.current += input.replace(/[\r\n]+$/, "");
      }
      sync();
      return null;
    },
  };
}
