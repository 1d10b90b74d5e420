import { z } from "zod";
import { CountryCodeSchema } from "./actor.js";
import { SpanSchema } from "./span.js";

export const CoordinatesSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

/** A city, venue or country where something happens. */
export const PlaceSchema = z.object({
  /** Stable: "place:istanbul". */
  id: z.string().min(1),
  name: z.string(),
  country: CountryCodeSchema.nullable(),
  coordinates: CoordinatesSchema.nullable().optional(),
  mentions: z.array(SpanSchema),
});
export type Place = z.infer<typeof PlaceSchema>;
