import { useCallback, useLayoutEffect, useRef } from "react";
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
  // Ink removes the listener of an unmounted view in a passive effect, which may
  // run after the next key: the view goes deaf at once, in the commit.
  useLayoutEffect(
    () => () => {
      ref.current = { handler: () => undefined, active: false };
    },
    [],
  );
  // One listener for the life of the view: Ink re-subscribes a changed handler, and a key may come in between.
  const listener = useCallback((input: string, key: Key) => {
    if (!ref.current.active) return;
    for (const [i, k] of splitKeys(input, key)) ref.current.handler(i, k);
  }, []);
  useInput(
    listener,
    // Without raw mode (no TTY) Ink's useInput throws: subscribe only when it works.
    { isActive: inputEnabled },
  );
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Ink hands a run of plain characters that came in one read ("Gg\r" from
 * tmux send-keys, a paste) to the handler as one input: split it into keys,
 * so that each is handled as if typed alone.
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  if ([...input].length <= 1 || key.escape || key.meta || input.includes("\u001B")) return [[input, key]];
  return [...input].map((ch): [string, Key] => {
    if (ch === "\r" || ch === "\n") return ["", { ...NO_KEY, return: true }];
    if (ch === "\t") return ["", { ...NO_KEY, tab: true }];
    if (ch === "\u007F" || ch === "\b") return ["", { ...NO_KEY, backspace: true }];
    const code = ch.charCodeAt(0);
    // Ctrl-a … Ctrl-z arrive as 1 … 26.
    if (code >= 1 && code <= 26) return [String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }];
    return [ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() }];
  });
}
