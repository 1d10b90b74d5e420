import "server-only";
import { openCorpus, type Corpus } from "@parley/store";

let opening: Promise<Corpus> | undefined;

/**
 * The one Corpus of this server process, opened on first use (not at import,
 * so `next build` never touches a database). PARLEY_DATABASE_URL picks the
 * store; the store's default is the embedded SQLite file ./data/parley.db.
 */
export function getCorpus(): Promise<Corpus> {
  if (!opening) {
    opening = openCorpus(process.env.PARLEY_DATABASE_URL || undefined);
    // A failed open (a locked or missing database) is tried again on the next request.
    opening.catch(() => {
      opening = undefined;
    });
  }
  return opening;
}
