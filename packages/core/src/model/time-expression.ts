import { z } from "zod";
import { SpanSchema } from "./span.js";

/** TIMEX3 types. */
export const TimexTypeSchema = z.enum(["DATE", "TIME", "DURATION", "SET"]);

/** TIMEX3 modifiers used here. */
export const TimexModSchema = z.enum([
  "MORE_THAN",
  "LESS_THAN",
  "APPROX",
  "EQUAL_OR_MORE",
  "EQUAL_OR_LESS",
  "START",
  "MID",
  "END",
  "BEFORE",
  "AFTER",
  "ON_OR_AFTER",
  "SINCE",
]);
export type TimexMod = z.infer<typeof TimexModSchema>;

/**
 * A temporal expression with its TIMEX3 value (as HeidelTime writes them):
 * `2025-05-16`, `XXXX-05-16` (year unknown), `2025-06-02TEV`, `2025-05`, `PT2H`,
 * `PRESENT_REF`; null when the text gives no value that can be normalised.
 */
export const TimeExpressionSchema = SpanSchema.extend({
  type: TimexTypeSchema,
  value: z.string().nullable(),
  mod: TimexModSchema.nullable(),
  /** For relative expressions: what they were counted from ("publication", "event"). */
  anchor: z.string().nullable().optional(),
});
export type TimeExpression = z.infer<typeof TimeExpressionSchema>;
