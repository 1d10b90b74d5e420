// A worker thread of the extraction pool (src/extract-pool.ts): runs the
// extractor off the event loop. Plain JavaScript, so that Node runs it as it is
// from src/ (tests) and from dist/ (the build copies it).
import { parentPort } from "node:worker_threads";
import { extract } from "@parley/core";

// The first extraction of each language builds its lexicons and regular
// expressions; do that before taking work, so the pool's timeout measures work.
for (const language of ["de", "en"]) extract({ text: "Warm-up. Am 16. Mai trafen sich Delegationen in Istanbul.", language }, { validate: false });
parentPort.postMessage({ ready: true });

// UTF-8 takes at most three bytes per UTF-16 unit: a JSON of up to a third of
// this many units is encoded here in one pass, without measuring it first
// (Buffer.from measures, allocates, then encodes: half as fast again).
const scratch = Buffer.allocUnsafeSlow(256 * 1024);

/**
 * The JSON's UTF-8 bytes in an ArrayBuffer of their own, exactly as long, to
 * hand over whole (a transfer detaches the buffer: it must hold nothing else).
 */
function utf8Of(json) {
  if (json.length * 3 <= scratch.length) {
    const start = scratch.byteOffset;
    return scratch.buffer.slice(start, start + scratch.utf8Write(json, 0));
  }
  // A longer one: Buffer.from owns the whole buffer of a string this long (only
  // those under 4 KiB are slices of Node's shared pool), but check all the same.
  const bytes = Buffer.from(json, "utf8");
  const { buffer, byteOffset, byteLength } = bytes;
  return byteOffset === 0 && byteLength === buffer.byteLength ? buffer : buffer.slice(byteOffset, byteOffset + byteLength);
}

// The extraction goes back as JSON, validated here by the extractor (the one
// check of the contract), serialised and encoded here, and its bytes moved to
// the main thread (transferred, not copied), which sends them as they are: the
// event loop neither clones the extraction nor copies or encodes its text.
parentPort.on("message", ({ id, input }) => {
  let json;
  try {
    json = utf8Of(JSON.stringify(extract(input)));
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort.postMessage({ id, json }, [json]);
});
