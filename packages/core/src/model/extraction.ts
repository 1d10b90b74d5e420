import { z } from "zod";
import { ActorSchema } from "./actor.js";
import { ClaimSchema } from "./claim.js";
import { DiplomaticEventSchema } from "./diplomatic-event.js";
import { DocumentInfoSchema } from "./document.js";
import { PlaceSchema } from "./place.js";
import { QuoteSchema } from "./quote.js";
import { TimeExpressionSchema } from "./time-expression.js";

/** The extraction contract: what `parley extract --json` prints for one article. */
export const ExtractionSchema = z.object({
  document: DocumentInfoSchema,
  actors: z.array(ActorSchema),
  places: z.array(PlaceSchema),
  timexes: z.array(TimeExpressionSchema),
  events: z.array(DiplomaticEventSchema),
  quotes: z.array(QuoteSchema),
  claims: z.array(ClaimSchema),
  extractor: z.object({ name: z.string(), version: z.string() }),
});
export type Extraction = z.infer<typeof ExtractionSchema>;
