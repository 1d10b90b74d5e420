// A worker thread of the extraction pool (src/extract-pool.ts): runs the
// extractor off the event loop. Plain JavaScript, so that Node runs it as it is
// from src/ (tests) and from dist/ (the build copies it).
import { parentPort } from "node:worker_threads";
import { extract } from "@parley/core";

// The first extraction of each language builds its lexicons and regular
// expressions; do that before taking work, so the pool's timeout measures work.
for (const language of ["de", "en"]) extract({ text: "Warm-up. Am 16. Mai trafen sich Delegationen in Istanbul.", language }, { validate: false });
parentPort.postMessage({ ready: true });

// The extraction goes back as JSON text: validated here by the extractor (the
// one check of the contract), serialised here, and copied to the main thread as
// one string rather than cloned object by object. The main thread sends it as it is.
parentPort.on("message", ({ id, input }) => {
  try {
    parentPort.postMessage({ id, json: JSON.stringify(extract(input)) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
