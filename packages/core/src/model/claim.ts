import { z } from "zod";
import { SpanSchema } from "./span.js";

/** One link of attribution: "TASS" reports, "Medinsky" says. */
export const ClaimLinkSchema = z.object({
  actor: z.string(),
  role: z.enum(["outlet", "speaker", "source"]),
  /** The cue that names the link: "laut", "according to", "berief sich auf". */
  cue: SpanSchema.nullable(),
});

/**
 * Who reports what. "TASS citing Medinsky" is two links, outermost first.
 * A claim is about an event or a quote of the same extraction.
 */
export const ClaimSchema = z.object({
  id: z.string(),
  about: z.object({ kind: z.enum(["event", "quote"]), id: z.string() }),
  chain: z.array(ClaimLinkSchema).min(1),
  evidence: SpanSchema,
});
export type Claim = z.infer<typeof ClaimSchema>;
