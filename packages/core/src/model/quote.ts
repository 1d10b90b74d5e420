import { z } from "zod";
import { SpanSchema } from "./span.js";

/** Direct speech: the span is the quoted words without the quotation marks. */
export const QuoteSchema = SpanSchema.extend({
  /** Actor id of who said it, or null when the text does not say. */
  speaker: z.string().nullable(),
  /** Actor id of the outlet it came through ("organization:tass"), or null. */
  via: z.string().nullable(),
});
export type Quote = z.infer<typeof QuoteSchema>;
