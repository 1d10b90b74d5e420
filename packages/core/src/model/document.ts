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

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:[Zz]|[+-](\d{2}):?(\d{2}))?)?$/;
const PUBLISHED_AT_FORMS = "a date YYYY-MM-DD or a date and time such as 2025-06-03T14:05:00+02:00";

/**
 * A publication date as feeds and CMSs give it: a calendar date `YYYY-MM-DD`,
 * or an RFC 3339 / ISO 8601 date and time (`2025-06-03T14:05:00+02:00`,
 * `2025-06-03T14:05Z`, `2025-06-03 14:05`), which is read as its date. The date
 * is the one written, in the publisher's own offset, not converted to UTC:
 * "today" and "on Monday" in the text mean the publisher's day.
 */
export const PublishedAtSchema = z
  .string()
  .regex(DATE_TIME, `expected ${PUBLISHED_AT_FORMS}`)
  .refine((s) => {
    const [, date = "", hours = "0", minutes = "0", seconds = "0", offsetHours = "0", offsetMinutes = "0"] = DATE_TIME.exec(s) ?? [];
    // 60 seconds: a leap second.
    const clock = Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) <= 60 && Number(offsetHours) < 24 && Number(offsetMinutes) < 60;
    return clock && IsoDateSchema.safeParse(date).success;
  }, `not a calendar date and time: expected ${PUBLISHED_AT_FORMS}`)
  .transform((s) => s.slice(0, 10))
  .meta({
    description: "The publication date, the reference for relative dates; a date and time is read as the date it gives (in its own offset).",
    examples: ["2025-06-03", "2025-06-03T14:05:00+02:00"],
  });

/** A news report as Parley receives it. */
export const DocumentSchema = z.object({
  text: z.string(),
  language: LanguageSchema.optional(),
  title: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  /** The publication date (a date and time is read as its date); every relative date is resolved against it. */
  publishedAt: PublishedAtSchema.nullable().optional(),
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
