import { ExtractionSchema, type Extraction, type ParleyDocument } from "./model/index.js";

export const EXTRACTOR_VERSION = "0.1.0";

export interface ExtractOptions {
  /** Skip validating the result against the schema (benchmarks). */
  validate?: boolean;
}

/** Turns one report into the extraction contract. Pure and deterministic. */
export function extract(doc: ParleyDocument, options: ExtractOptions = {}): Extraction {
  const result: Extraction = {
    document: { language: doc.language ?? "de", publishedAt: doc.publishedAt ?? null, title: doc.title ?? null },
    actors: [],
    places: [],
    timexes: [],
    events: [],
    quotes: [],
    claims: [],
    extractor: { name: "parley", version: EXTRACTOR_VERSION },
  };
  return options.validate === false ? result : ExtractionSchema.parse(result);
}
