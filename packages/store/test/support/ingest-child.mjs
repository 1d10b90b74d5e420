// A separate process that ingests a folder of generated articles into a store:
//   node ingest-child.mjs URL DIR SEED COUNT
// It prints one JSON line per file (progress) and a last line {"report": …}.
// Uses the built package (dist/): the fault tests run after `tsup`.
import { readFileSync } from "node:fs";
import { openCorpus } from "../../dist/index.js";
import { generateArticles, generatedExtractor } from "../fixtures/generate.mjs";

const [url, dir, seed, count] = process.argv.slice(2);
const records = JSON.parse(readFileSync(new URL("../fixtures/extractions.json", import.meta.url), "utf8"));
const generated = generateArticles(records, Number(count), Number(seed));
const corpus = await openCorpus(url, { extract: generatedExtractor(generated) });
const report = await corpus.ingestFolder(dir, (p) => process.stdout.write(`${JSON.stringify(p)}\n`));
process.stdout.write(`${JSON.stringify({ report })}\n`);
await corpus.close();
