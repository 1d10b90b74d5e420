import { z } from "zod";
import { SpanSchema } from "./span.js";

export const ActorKindSchema = z.enum(["person", "state", "organization", "group", "delegation"]);
export type ActorKind = z.infer<typeof ActorKindSchema>;

/** ISO 3166-1 alpha-3, upper case. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{3}$/, "expected ISO 3166-1 alpha-3");

/** A role an actor held for a time: Umerov, defence minister until July 2025. */
export const RoleSchema = z.object({
  title: z.string(),
  /** Who the role is held in: "state:UKR", "organization:nato". */
  of: z.string().nullable().optional(),
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when open. */
  from: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
});
export type Role = z.infer<typeof RoleSchema>;

/** A person, state, organisation or group that acts in an event. */
export const ActorSchema = z.object({
  /** Stable across articles: "person:vladimir-medinsky", "state:RUS". */
  id: z.string().min(1),
  kind: ActorKindSchema,
  /** Canonical display name. */
  name: z.string(),
  aliases: z.array(z.string()),
  country: CountryCodeSchema.nullable(),
  roles: z.array(RoleSchema).optional(),
  /** True when the actor is in the knowledge base, false when found from context only. */
  known: z.boolean().optional(),
  mentions: z.array(SpanSchema),
});
export type Actor = z.infer<typeof ActorSchema>;
