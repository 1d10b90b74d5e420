import { EVENT_TYPES, ISSUES, type EventType, type Issue } from "@parley/core/model";

/** A value from a closed list by its unique prefix ("meet" → "meeting"; "phone call" → "phone_call"). */
function byPrefix<T extends string>(values: readonly T[], input: string): T | { error: string } {
  const q = input.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const exact = values.find((v) => v === q);
  if (exact) return exact;
  const hits = values.filter((v) => v.startsWith(q));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) return { error: `"${input}" could be ${hits.join(", ")}` };
  return { error: `unknown "${input}": one of ${values.join(", ")}` };
}

export const parseEventType = (input: string): EventType | { error: string } => byPrefix(EVENT_TYPES, input);
export const parseIssue = (input: string): Issue | { error: string } => byPrefix(ISSUES, input);
