import { extract } from "@parley/core";
import type { ArticleInput, Extraction } from "@parley/core/model";
import type { ExtractPool } from "./extract-pool.js";

/** What an extraction depends on: the text and every field the document echoes. */
const keyOf = (input: ArticleInput): string =>
  JSON.stringify([input.text, input.language ?? null, input.publishedAt ?? null, input.title ?? null, input.source ?? null, input.url ?? null]);

/**
 * Extractions computed in the worker pool before an ingest, handed to the store
 * through its extractor hook (`openCorpus(url, { extract })`): the store calls
 * the extractor itself, synchronously, and would otherwise block the event loop
 * for seconds on a long text. What the hook does not find, it extracts inline.
 */
export class PrecomputedExtractions {
  private readonly ready = new Map<string, { extraction: Extraction; users: number }>();

  constructor(readonly pool: ExtractPool) {}

  /** The extractor to open the store with. */
  readonly extract = (input: ArticleInput): Extraction => this.ready.get(keyOf(input))?.extraction ?? extract(input);

  /** Runs `ingest` with the inputs' extractions computed in the pool first. */
  async around<T>(inputs: ArticleInput[], ingest: () => Promise<T>): Promise<T> {
    const keys = inputs.map(keyOf);
    const extractions = await Promise.all(inputs.map((input) => this.pool.run(input)));
    keys.forEach((key, i) => {
      const entry = this.ready.get(key);
      if (entry === undefined) this.ready.set(key, { extraction: extractions[i]!, users: 1 });
      else entry.users += 1;
    });
    try {
      return await ingest();
    } finally {
      for (const key of keys) {
        const entry = this.ready.get(key)!;
        if (--entry.users === 0) this.ready.delete(key);
      }
    }
  }
}
