import { z } from "zod";
import { CountryCodeSchema } from "../model/actor.js";

/**
 * One demonym of a state in `lang/<code>/demonyms.json`. German lists the
 * adjective stem ("russisch"): the language pack adds the endings
 * (-e, -en, -er, -es, -em). English lists the adjective as written ("Russian").
 * `nouns` holds only forms that name people of the state and nothing else
 * ("Polen" is left out: it is also the country).
 */
export const DemonymSchema = z.object({
  /** ISO 3166-1 alpha-3 of a state in the knowledge base. */
  country: CountryCodeSchema,
  adjective: z.string().min(1),
  nouns: z.array(z.string().min(1)),
});
export type Demonym = z.infer<typeof DemonymSchema>;

/** The whole `demonyms.json` of a language. */
export const DemonymsFileSchema = z.array(DemonymSchema);
export type DemonymsFile = z.infer<typeof DemonymsFileSchema>;
