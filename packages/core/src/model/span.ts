import { z } from "zod";

/**
 * A stretch of the original text. Offsets are JavaScript string indices
 * (UTF-16 code units), `end` exclusive, and `text === input.slice(start, end)`.
 */
export const SpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;
