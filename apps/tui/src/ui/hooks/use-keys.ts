import { useLayoutEffect, useRef } from "react";
import { useInput, type Key } from "ink";
import { useUi } from "./use-ui.js";

/**
 * `useInput` that always calls the handler of the last render. Ink re-subscribes
 * a changed handler in a passive effect, so a key that arrives between a
 * render and that effect (a fast typist, a test, tmux send-keys) would meet the
 * previous render's state: here the handler and `active` are read from refs
 * updated in the commit itself.
 */
export function useKeys(handler: (input: string, key: Key) => void, active: boolean): void {
  const { inputEnabled } = useUi();
  const ref = useRef({ handler, active });
  useLayoutEffect(() => {
    ref.current = { handler, active };
  });
  useInput(
    (input, key) => {
      if (ref.current.active) ref.current.handler(input, key);
    },
    // Without raw mode (no TTY) Ink's useInput throws: subscribe only when it works.
    { isActive: inputEnabled },
  );
}
