import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ExtractionSchema } from "@parley/core/model";
import { describe, expect, it } from "vitest";
import { fixtureRecords } from "./fixtures/extractions.js";
// @ts-expect-error: a plain ES module without types, shared with the bench and the child processes.
import { generateArticles } from "./fixtures/generate.mjs";

const JSON_PATH = fileURLToPath(new URL("./fixtures/extractions.json", import.meta.url));

describe("fixture extractions as JSON", () => {
  it("are up to date with extractions.ts (UPDATE_FIXTURES=1 writes them)", () => {
    const records = fixtureRecords();
    const json = `${JSON.stringify(records, null, 1)}\n`;
    if (process.env.UPDATE_FIXTURES) writeFileSync(JSON_PATH, json);
    expect(readFileSync(JSON_PATH, "utf8")).toBe(json);
  });

  it("generate varied articles whose extractions are valid and point into their texts", () => {
    const generated = generateArticles(fixtureRecords(), 60, 1) as {
      input: { text: string; publishedAt?: string | null };
      extraction: unknown;
    }[];
    expect(new Set(generated.map((g) => g.input.text)).size).toBe(60);
    for (const g of generated) {
      const x = ExtractionSchema.parse(g.extraction);
      const spans = [...x.events.flatMap((e) => e.evidence), ...x.actors.flatMap((a) => a.mentions), ...x.timexes, ...x.quotes];
      for (const s of spans) expect(g.input.text.slice(s.start, s.end)).toBe(s.text);
    }
  });
});
