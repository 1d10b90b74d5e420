import "server-only";
import type { Corpus } from "@parley/store";

type StoreModule = typeof import("@parley/store");
type CoreModule = typeof import("@parley/core");

/**
 * The workspace packages are loaded by Node at run time from node_modules, not
 * compiled into the site's server bundle: the site then runs the very store
 * (and its migrations) and extractor that the API runs, even when they were
 * rebuilt after the site. A site bundled with an older store would refuse a
 * database that a newer store had migrated.
 */
export const loadStore = (): Promise<StoreModule> => import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "@parley/store");
export const loadCore = (): Promise<CoreModule> => import(/* turbopackIgnore: true */ /* webpackIgnore: true */ "@parley/core");

let opening: Promise<Corpus> | undefined;

/**
 * The one Corpus of this server process, opened on first use (not at import,
 * so `next build` never touches a database). PARLEY_DATABASE_URL picks the
 * store; the store's default is the embedded SQLite file ./data/parley.db.
 */
export function getCorpus(): Promise<Corpus> {
  if (!opening) {
    const pending = loadStore().then((store) => store.openCorpus(process.env.PARLEY_DATABASE_URL || undefined));
    opening = pending;
    // A failed open (a locked or missing database) is tried again on the next request.
    pending.catch(() => {
      if (opening === pending) opening = undefined;
    });
  }
  return opening;
}
