import { readFileSync } from "node:fs";
import { extract } from "@parley/core";
import { ExtractionSchema, type ArticleInput, type Extraction } from "@parley/core/model";
import { z } from "zod";

/**
 * Nine short German and English reports with hand-built extractions (a copy of
 * the store's fixtures, packages/store/test/fixtures/extractions.json). With them
 * the timeline, actors and export routes are tested on real content whatever the
 * extractor finds today.
 */
const FixtureSchema = z.object({
  file: z.string(),
  text: z.string(),
  meta: z
    .object({
      title: z.string().nullable(),
      source: z.string().nullable(),
      url: z.string().nullable(),
      publishedAt: z.string().nullable(),
      language: z.enum(["de", "en"]),
    })
    .nullable(),
  extraction: ExtractionSchema,
});

export const FIXTURES = z.array(FixtureSchema).parse(JSON.parse(readFileSync(new URL("../fixtures/store-fixtures.json", import.meta.url), "utf8")));

/** The fixtures as request bodies. */
export const FIXTURE_INPUTS: ArticleInput[] = FIXTURES.map((f) => ({ text: f.text, ...(f.meta ?? {}) }) as ArticleInput);

const byText = new Map(FIXTURES.map((f) => [f.text, f.extraction]));

/** The extractor for stores under test: the hand-built extraction of a fixture, else the real one. */
export const fixtureExtract = (input: ArticleInput): Extraction => byText.get(input.text) ?? extract(input);
