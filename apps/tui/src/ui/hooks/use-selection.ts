import { useRef, useState } from "react";

/**
 * The selected row of a list of `count` rows. The ref is updated with each
 * move, so that "j", "j", Enter in one burst opens the row two down, even
 * before React renders; the state makes the move show.
 */
export function useSelection(count: number) {
  const ref = useRef(0);
  const [shown, setShown] = useState(0);
  const clamp = (n: number) => Math.max(0, Math.min(n, count - 1));
  return {
    /** The row as last rendered, within the list. */
    selected: clamp(shown),
    /** The row now, with moves not rendered yet. */
    current: () => clamp(ref.current),
    select(n: number) {
      ref.current = clamp(n);
      setShown(ref.current);
    },
  };
}
