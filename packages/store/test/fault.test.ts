import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BatchReportSchema, type BatchReport } from "@parley/core/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCorpus } from "../src/index.js";
// @ts-expect-error: a plain ES module without types, shared with the bench and the child processes.
import { generateArticles, generatedExtractor } from "./fixtures/generate.mjs";
import { ENGINES, freshDatabase, tempDir, type TestDatabase } from "./support/stores.js";

const CHILD = fileURLToPath(new URL("./support/ingest-child.mjs", import.meta.url));
const RECORDS = JSON.parse(readFileSync(new URL("./fixtures/extractions.json", import.meta.url), "utf8")) as unknown[];
const SEED = 7;
const COUNT = 180;

interface Generated {
  file: string;
  input: { text: string; [k: string]: unknown };
  extraction: unknown;
}

/** Writes the generated articles as .txt + .meta.json, as a user's folder would hold them. */
function writeFolder(dir: string, articles: Generated[]): void {
  for (const a of articles) {
    const { text, ...meta } = a.input;
    writeFileSync(join(dir, a.file), text);
    writeFileSync(join(dir, a.file.replace(/\.txt$/, ".meta.json")), JSON.stringify(meta));
  }
}

interface Child {
  process: ChildProcess;
  /** Resolves with the batch report, or null when the process was killed. */
  done: Promise<BatchReport | null>;
  /** Resolves once the child has reported `n` files done. */
  progressed(n: number): Promise<void>;
}

function startChild(url: string, dir: string): Child {
  const child = spawn(process.execPath, [CHILD, url, dir, String(SEED), String(COUNT)], { stdio: ["ignore", "pipe", "pipe"] });
  let done = 0;
  let report: BatchReport | null = null;
  let stderr = "";
  const waiters: { n: number; resolve: () => void }[] = [];
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as { done?: number; report?: BatchReport };
      buffer = buffer.slice(nl + 1);
      if (line.report) report = BatchReportSchema.parse(line.report);
      if (line.done) done = line.done;
      for (const w of waiters.filter((w) => done >= w.n)) w.resolve();
    }
  });
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  return {
    process: child,
    done: new Promise((resolve, reject) =>
      child.on("exit", (code, signal) => {
        if (signal === "SIGKILL") resolve(null);
        else if (code === 0) resolve(report);
        else reject(new Error(`child exited with ${code}: ${stderr}`));
      }),
    ),
    progressed: (n) => new Promise((resolve) => (done >= n ? resolve() : waiters.push({ n, resolve }))),
  };
}

describe.each(ENGINES)("faults on %s", (engine) => {
  const articles = generateArticles(RECORDS, COUNT, SEED) as Generated[];
  const folder = tempDir("parley-fault-");
  let db: TestDatabase;

  beforeAll(() => {
    if (!existsSync(fileURLToPath(new URL("../dist/index.js", import.meta.url)))) {
      throw new Error("build the package first (npx tsup): the child processes run dist/");
    }
    writeFolder(folder.path, articles);
  });
  afterAll(async () => {
    folder.remove();
  });

  it("a batch killed with SIGKILL leaves a consistent store, and running it again stores each article once", async () => {
    db = await freshDatabase(engine);
    try {
      const child = startChild(db.url, folder.path);
      await child.progressed(40);
      child.process.kill("SIGKILL");
      expect(await child.done).toBeNull();

      const corpus = await openCorpus(db.url, { extract: generatedExtractor(articles) });
      try {
        expect(await corpus.checkIntegrity()).toEqual([]);
        const partial = (await corpus.listArticles({ limit: 1 })).total!;
        expect(partial).toBeGreaterThanOrEqual(40);
        expect(partial).toBeLessThan(COUNT);

        const report = await corpus.ingestFolder(folder.path);
        expect(report.skipped).toEqual([]);
        expect(report.existing).toHaveLength(partial);
        expect(report.stored).toHaveLength(COUNT - partial);
        expect((await corpus.listArticles({ limit: 1 })).total).toBe(COUNT);
        expect(await corpus.checkIntegrity()).toEqual([]);
      } finally {
        await corpus.close();
      }
    } finally {
      await db.dispose();
    }
  });

  it("two processes ingesting the same folder at once, on a new store, end with one copy of each article", async () => {
    db = await freshDatabase(engine);
    try {
      // Both start on an empty database: they also race to migrate it.
      const a = startChild(db.url, folder.path);
      const b = startChild(db.url, folder.path);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect(ra!.skipped).toEqual([]);
      expect(rb!.skipped).toEqual([]);
      // Every file was stored by exactly one of them.
      const stored = [...ra!.stored, ...rb!.stored].sort();
      expect(stored).toEqual(articles.map((x) => x.file).sort());
      expect(ra!.stored.length + ra!.existing.length).toBe(COUNT);

      const corpus = await openCorpus(db.url, { extract: generatedExtractor(articles) });
      try {
        expect((await corpus.listArticles({ limit: 1 })).total).toBe(COUNT);
        expect(await corpus.checkIntegrity()).toEqual([]);
        // The timeline is what one process alone would have made: each group of nine merges alike.
        const entries = (await corpus.timeline({ limit: 1 })).total!;
        const alone = await freshDatabase(engine);
        const single = await openCorpus(alone.url, { extract: generatedExtractor(articles) });
        try {
          await single.ingestFolder(folder.path);
          expect(entries).toBe((await single.timeline({ limit: 1 })).total);
        } finally {
          await single.close();
          await alone.dispose();
        }
      } finally {
        await corpus.close();
      }
    } finally {
      await db.dispose();
    }
  });
});
