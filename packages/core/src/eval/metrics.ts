/** Counts of a detection task with precision, recall and F1. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A share of right answers; `value` is null when there was nothing to judge. */
export interface Accuracy {
  right: number;
  total: number;
  value: number | null;
}

/**
 * Precision, recall and F1 from counts. With nothing predicted precision is
 * 1 when nothing was to be found and 0 otherwise; with nothing to find recall
 * is 1. So an empty gold and an empty extraction score 1, and an extractor
 * that finds nothing scores 0 wherever there was something to find.
 */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** An accuracy from counts. */
export function accuracy(right: number, total: number): Accuracy {
  return { right, total, value: total === 0 ? null : right / total };
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths). `candidates[i]` lists
 * the right-hand indices left item `i` may take, best first; left items are
 * tried in `order`. Returns, for each left item, its right index or -1.
 * Sizes here are tens of items: the simple algorithm is plenty.
 */
export function maxMatching(candidates: number[][], order: number[] = candidates.map((_, i) => i)): number[] {
  const leftOf = new Map<number, number>();
  const tryLeft = (left: number, seen: Set<number>): boolean => {
    for (const right of candidates[left] ?? []) {
      if (seen.has(right)) continue;
      seen.add(right);
      const holder = leftOf.get(right);
      if (holder === undefined || tryLeft(holder, seen)) {
        leftOf.set(right, left);
        return true;
      }
    }
    return false;
  };
  for (const left of order) tryLeft(left, new Set());
  const result = candidates.map(() => -1);
  for (const [right, left] of leftOf) result[left] = right;
  return result;
}
