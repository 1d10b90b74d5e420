import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, sharedFreshRead } from "../src/connection.js";
import { openCorpus, parseDatabaseUrl, type SqlCorpus } from "../src/index.js";
import { bumpCounter } from "../src/write-timeline.js";
import { fixtureExtract, fixtureInputs } from "./fixtures/extractions.js";
import { ENGINES, freshDatabase, type TestDatabase } from "./support/stores.js";

describe.each(ENGINES)("the revision on %s", (engine) => {
  let db: TestDatabase;
  let corpus: SqlCorpus;
  /** A second connection to the same store: another process or API instance. */
  let other: SqlCorpus;
  const [first, second, third] = fixtureInputs();

  beforeAll(async () => {
    db = await freshDatabase(engine);
    corpus = await openCorpus(db.url, { extract: fixtureExtract });
    other = await openCorpus(db.url, { extract: fixtureExtract });
  });
  afterAll(async () => {
    await corpus?.close();
    await other?.close();
    await db?.dispose();
  });

  it("starts at 0 and grows with an ingest, seen by the other connection at once", async () => {
    expect(await corpus.revision()).toBe(0);
    expect(await other.revision()).toBe(0);
    await corpus.ingest(first!);
    expect(await corpus.revision()).toBe(1);
    expect(await other.revision()).toBe(1);
  });

  it("stays when nothing changes: the same text again, a delete of nothing", async () => {
    const before = await corpus.revision();
    expect((await other.ingest(first!)).created).toBe(false);
    expect(await other.deleteArticle("no-such-article")).toBe(false);
    expect(await corpus.revision()).toBe(before);
  });

  it("grows once for a batch, and for a delete through the other connection", async () => {
    const before = await corpus.revision();
    await other.ingestMany([second!, third!]);
    const afterBatch = await corpus.revision();
    expect(afterBatch).toBeGreaterThan(before);
    const { article } = await corpus.ingest(second!);
    expect(await other.deleteArticle(article.id)).toBe(true);
    expect(await corpus.revision()).toBeGreaterThan(afterBatch);
  });

  it("grows when an article is extracted again by another extractor version", async () => {
    const before = await corpus.revision();
    const next = await openCorpus(db.url, { extract: fixtureExtract, extractorVersion: "next" });
    try {
      expect((await next.ingest(first!)).created).toBe(false);
    } finally {
      await next.close();
    }
    expect(await other.revision()).toBeGreaterThan(before);
  });

  it("is read in the order of the writes: a read during a write is the old revision or the new one, never ahead of the content", async () => {
    const before = await corpus.revision();
    const ingest = corpus.ingest({ text: `${first!.text} Und noch ein Satz.`, language: "de" });
    const during = await corpus.revision();
    await ingest;
    const after = await corpus.revision();
    expect([before, after]).toContain(during);
    expect(after).toBe(before + 1);
    // What a reader sees after reading `during` holds at least the writes it counts.
    expect((await other.listArticles({ limit: 200 })).total).toBeGreaterThanOrEqual(during - before);
  });

  it("never counts a write that is still open or rolled back, even read on the writer's own connection", async () => {
    const conn = await connect(parseDatabaseUrl(db.url));
    try {
      const before = await conn.revision();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let inside!: () => void;
      const opened = new Promise<void>((resolve) => (inside = resolve));
      const writing = conn.write(async (trx) => {
        await bumpCounter(trx, "revision", 1);
        inside();
        await gate;
        throw new Error("rolled back");
      });
      await opened;
      const during = conn.revision();
      expect(await other.revision()).toBe(before);
      release();
      await expect(writing).rejects.toThrow("rolled back");
      expect(await during).toBe(before);
      expect(await conn.revision()).toBe(before);
    } finally {
      await conn.close();
    }
  });
});

describe("sharedFreshRead", () => {
  /** A read whose answer is the number of reads started so far, resolved by hand. */
  function manualReads() {
    let started = 0;
    const pending: (() => void)[] = [];
    const read = () => {
      const n = ++started;
      return new Promise<number>((resolve) => pending.push(() => resolve(n)));
    };
    const settleAll = async () => {
      while (pending.length) {
        pending.shift()!();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    return { read, settleAll, started: () => started };
  }

  it("gives callers that arrive while a read is out the next read, shared", async () => {
    const reads = manualReads();
    const get = sharedFreshRead(reads.read);
    const a = get();
    const b = get();
    const c = get();
    expect(reads.started()).toBe(1);
    await reads.settleAll();
    expect(await a).toBe(1);
    // b and c asked after read 1 had started: they get read 2, one for both.
    expect(await b).toBe(2);
    expect(await c).toBe(2);
    expect(reads.started()).toBe(2);
  });

  it("starts a read at once when none is out, and passes errors to that read's callers only", async () => {
    let calls = 0;
    const get = sharedFreshRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error("the store is down");
      return calls;
    });
    const failing = get();
    const next = get();
    await expect(failing).rejects.toThrow("the store is down");
    expect(await next).toBe(2);
    expect(await get()).toBe(3);
  });
});
