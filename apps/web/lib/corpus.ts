import "server-only";
import * as store from "@parley/store";
import type { Corpus } from "@parley/store";

/** The store's entry point, as @parley/store exports it. */
type OpenCorpus = (url?: string) => Corpus | Promise<Corpus>;

let opening: Promise<Corpus> | undefined;

/**
 * The one Corpus of this server process, opened on first use (not at import,
 * so `next build` never touches a database). PARLEY_DATABASE_URL picks the
 * store; the store's default is the embedded SQLite file.
 */
export function getCorpus(): Promise<Corpus> {
  opening ??= (async () => {
    const open = (store as unknown as { openCorpus?: OpenCorpus }).openCorpus;
    if (typeof open !== "function") throw new Error("@parley/store does not export openCorpus yet");
    return open(process.env.PARLEY_DATABASE_URL || undefined);
  })();
  opening.catch(() => {
    opening = undefined;
  });
  return opening;
}
