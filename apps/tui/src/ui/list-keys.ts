import type { Key } from "ink";

/**
 * The new selection after a movement key, or null when the key is not one:
 * ↑/↓ and j/k by one, PgUp/PgDn and Ctrl-u/Ctrl-d by a page, g/G and Home/End
 * to the ends.
 */
export function moveSelection(input: string, key: Key, selected: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (n: number) => Math.max(0, Math.min(last, n));
  if (key.downArrow || (input === "j" && !key.ctrl)) return clamp(selected + 1);
  if (key.upArrow || (input === "k" && !key.ctrl)) return clamp(selected - 1);
  if (key.pageDown || (key.ctrl && input === "d") || input === " ") return clamp(selected + Math.max(1, page));
  if (key.pageUp || (key.ctrl && input === "u")) return clamp(selected - Math.max(1, page));
  if (key.home || input === "g") return 0;
  if (key.end || input === "G") return last;
  return null;
}

/** The first row to show so that `selected` stays in a window of `height` rows. */
export function windowStart(selected: number, count: number, height: number): number {
  if (count <= height) return 0;
  const start = selected - Math.floor(height / 2);
  return Math.max(0, Math.min(count - height, start));
}

/** Whether the key moves a selection (see {@link moveSelection}). */
export function isMoveKey(input: string, key: Key): boolean {
  return moveSelection(input, key, 1, 3, 1) !== null && (input !== "" || key.downArrow || key.upArrow || key.pageDown || key.pageUp || key.home || key.end);
}
