// The extractor alone, in its own process for BENCH_SECONDS: what
// POST /v1/extract can at best answer, to compare with it in the same run. The
// same work as the API's worker does: extract (validated) and JSON.stringify;
// after BENCH_EXTRACT_WARMUP extractions (3000), as the server's worker has had.
// BENCH_CORPUS: "seed" (the default) or "articles", the extractor's test
// articles in turn, as the bench posts them.
import { readdirSync, readFileSync } from "node:fs";
import { extract } from "@parley/core";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const ARTICLES = new URL("../../../packages/core/test/golden/articles/", import.meta.url);
const inputs =
  process.env.BENCH_CORPUS === "articles"
    ? readdirSync(ARTICLES)
        .filter((f) => f.endsWith(".txt"))
        .sort()
        .map((f) => {
          const meta = JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, ".meta.json"), ARTICLES), "utf8"));
          return { text: readFileSync(new URL(f, ARTICLES), "utf8"), language: meta.language, publishedAt: meta.publishedAt, title: meta.title };
        })
    : [{ text: readFileSync(new URL("../../../seeds/000_d9bf279fc9ea0bf9.txt", import.meta.url), "utf8"), language: "de" }];
// V8 keeps optimising the extractor for the first two or three thousand texts.
const warmUp = Number(process.env.BENCH_EXTRACT_WARMUP ?? 3000);
for (let i = 0; i < warmUp; i++) JSON.stringify(extract(inputs[i % inputs.length]));
const cpu = process.cpuUsage();
const start = performance.now();
let n = 0;
while (performance.now() - start < seconds * 1000) {
  JSON.stringify(extract(inputs[n % inputs.length]));
  n++;
}
const ms = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ rps: (n * 1000) / ms, cpuPerRequest: (used.user + used.system) / n, total: n })}\n`);
