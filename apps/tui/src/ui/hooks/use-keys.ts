import { useLayoutEffect, useRef } from "react";
import type { Key } from "ink";
import { useUi, type KeyTarget } from "./use-ui.js";

/**
 * A view's keys. The App holds the one Ink listener (subscribed from its first
 * render) and calls the handlers views register here, in the commit that
 * mounts them: a key that comes right after a view appears (a fast typist,
 * tmux send-keys, a busy machine) reaches it, where a listener of its own
 * would only be subscribed in a later passive effect. The handler and
 * `active` are those of the last commit.
 */
export function useKeys(handler: (input: string, key: Key) => void, active: boolean): void {
  const { registerKeys } = useUi();
  const ref = useRef<KeyTarget>({ handler, active });
  useLayoutEffect(() => {
    ref.current = { handler, active };
  });
  useLayoutEffect(() => {
    const unregister = registerKeys(ref);
    return () => {
      ref.current = { handler: () => undefined, active: false };
      unregister();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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
