import { z } from "zod";

/** Languages the extractor reads. */
export const LanguageSchema = z.enum(["de", "en"]);
export type Language = z.infer<typeof LanguageSchema>;

/** A calendar date `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a calendar date");

/** A news report as Parley receives it. */
export const DocumentSchema = z.object({
  text: z.string(),
  language: LanguageSchema.optional(),
  title: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  /** The publication date; every relative date is resolved against it. */
  publishedAt: IsoDateSchema.nullable().optional(),
});
export type ParleyDocument = z.infer<typeof DocumentSchema>;

/** What the extraction says about its document (the contract's `document`). */
export const DocumentInfoSchema = z.object({
  language: LanguageSchema,
  publishedAt: IsoDateSchema.nullable(),
  title: z.string().nullable(),
  source: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  /** Number of UTF-16 code units of the text. */
  length: z.number().int().nonnegative().optional(),
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;
