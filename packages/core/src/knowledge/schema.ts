import { z } from "zod";
import { ActorKindSchema, CountryCodeSchema, RoleSchema } from "../model/actor.js";

/**
 * An actor of the knowledge base. `aliases` hold every surface form that names
 * it in German or English text, including transliterations ("Medinski",
 * "Medinskij", "Мединский"). Inflected forms (German genitive -s) are derived
 * by the language pack, not listed.
 */
export const KnowledgeActorSchema = z.object({
  id: z.string().regex(/^(person|state|organization|group):[a-z0-9-]+$|^state:[A-Z]{3}$/),
  kind: ActorKindSchema,
  name: z.string().min(1),
  country: CountryCodeSchema.nullable(),
  aliases: z.array(z.string().min(1)),
  /** Surface forms that name the actor only when they act: "Moskau", "the Kremlin". */
  metonyms: z.array(z.string().min(1)).optional(),
  roles: z.array(RoleSchema).optional(),
  /** For news agencies and outlets. */
  outlet: z.boolean().optional(),
});
export type KnowledgeActor = z.infer<typeof KnowledgeActorSchema>;

/** A place of the gazetteer. */
export const KnowledgePlaceSchema = z.object({
  id: z.string().regex(/^place:[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(["city", "venue", "region", "country"]),
  country: CountryCodeSchema.nullable(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  aliases: z.array(z.string().min(1)),
  /** For venues: the city they are in ("place:istanbul"). */
  in: z.string().optional(),
});
export type KnowledgePlace = z.infer<typeof KnowledgePlaceSchema>;

export const KnowledgeActorsFileSchema = z.array(KnowledgeActorSchema);
export const KnowledgePlacesFileSchema = z.array(KnowledgePlaceSchema);
