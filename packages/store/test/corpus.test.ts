import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  ActorDetailSchema,
  ActorSummarySchema,
  ArticleSchema,
  ArticleSummarySchema,
  BatchReportSchema,
  ExtractionSchema,
  TimelineEntrySchema,
  pageOf,
  type TimelineEntry,
} from "@parley/core/model";
import { mergeTimeline } from "@parley/core/timeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleIdOf, ensureSeeded, openCorpus, type BatchProgress, type SqlCorpus } from "../src/index.js";
import { FIXTURE_DIR, fixtureExtract, fixtureFiles, fixtureInputs } from "./fixtures/extractions.js";
import { ENGINES, freshDatabase, tempDir, type TestDatabase } from "./support/stores.js";

const TimelinePage = pageOf(TimelineEntrySchema);
const ArticlePage = pageOf(ArticleSummarySchema);
const ActorPage = pageOf(ActorSummarySchema);

const files = fixtureFiles();
const idOf = (prefix: string) => articleIdOf(files.find((f) => f.file.startsWith(prefix))!.text);

/** Every page of the timeline for a filter, following the cursors. */
async function allPages(corpus: SqlCorpus, filter: Parameters<SqlCorpus["timeline"]>[0]): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = TimelinePage.parse(await corpus.timeline({ ...filter, ...(cursor ? { cursor } : {}) }));
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe.each(ENGINES)("corpus on %s", (engine) => {
  let db: TestDatabase;
  let corpus: SqlCorpus;

  beforeAll(async () => {
    db = await freshDatabase(engine);
    corpus = await openCorpus(db.url, { extract: fixtureExtract });
  });
  afterAll(async () => {
    await corpus?.close();
    await db?.dispose();
  });

  it("migrates on open, answers ping, and opens again without migrating twice", async () => {
    expect(corpus.engine).toBe(engine);
    expect(await corpus.ping()).toBe(true);
    const again = await openCorpus(db.url, { extract: fixtureExtract });
    expect(await again.ping()).toBe(true);
    await again.close();
  });

  it("ingests an article with its extraction and returns it whole", async () => {
    const [input] = fixtureInputs();
    const { article, created } = await corpus.ingest(input!);
    expect(created).toBe(true);
    ArticleSchema.parse(article);
    expect(article.id).toBe(idOf("01"));
    expect(article).toMatchObject({ title: input!.title, source: "dpa", language: "de", publishedAt: "2025-06-02", eventCount: 1 });
    expect(article.text).toBe(input!.text);
    expect(article.extraction.events).toHaveLength(1);
    expect(ArticleSchema.parse(await corpus.getArticle(article.id))).toEqual(article);
    expect(await corpus.getArticle("0".repeat(64))).toBeNull();
  });

  it("keeps one copy of the same text, whatever its white space or metadata", async () => {
    const [input] = fixtureInputs();
    const spaced = { ...input!, title: "another title", text: `  ${input!.text.replace(/ /g, "  ").replace(/\n/g, "\r\n")}\n\n` };
    const { article, created } = await corpus.ingest(spaced);
    expect(created).toBe(false);
    expect(article.id).toBe(idOf("01"));
    expect(article.title).toBe(input!.title);
    const page = ArticlePage.parse(await corpus.listArticles({}));
    expect(page.total).toBe(1);
  });

  it("ingests a folder, reporting progress file by file, and a second run stores nothing", async () => {
    const progress: BatchProgress[] = [];
    const report = BatchReportSchema.parse(await corpus.ingestFolder(FIXTURE_DIR, (p) => progress.push(p)));
    expect(report.existing).toEqual(["01-de-treffen-istanbul.txt"]);
    expect(report.stored).toHaveLength(files.length - 1);
    expect(report.skipped).toEqual([]);
    expect(progress.map((p) => p.done)).toEqual(files.map((_, i) => i + 1));
    expect(progress.every((p) => p.total === files.length)).toBe(true);
    const again = await corpus.ingestFolder(FIXTURE_DIR);
    expect(again.stored).toEqual([]);
    expect(again.existing).toHaveLength(files.length);
    expect(await corpus.checkIntegrity()).toEqual([]);
  });

  it("stores the same timeline as the pure merge of the articles in ingest order", async () => {
    const expected = mergeTimeline(
      files.map(({ text, meta }) => ({
        id: articleIdOf(text),
        title: (meta?.title as string) ?? null,
        publishedAt: (meta?.publishedAt as string) ?? null,
        extraction: fixtureExtract({ ...(meta ?? {}), text } as never),
      })),
    );
    const stored = await allPages(corpus, { limit: 200 });
    const byId = (xs: TimelineEntry[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(stored)).toEqual(byId(expected));
  });

  it("orders the timeline by day, then year-less dates, then undated entries, and pages by cursor", async () => {
    const all = await allPages(corpus, { limit: 200 });
    const paged = await allPages(corpus, { limit: 5 });
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const first = TimelinePage.parse(await corpus.timeline({ limit: 5 }));
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(all.length);
    expect(first.nextCursor).not.toBeNull();
    const days = all.map((e) => e.day);
    const known = days.filter((d): d is string => d !== null);
    expect(known).toEqual([...known].sort());
    expect(days.slice(known.length).every((d) => d === null)).toBe(true);
    expect(all.at(-1)!.date).toBeNull();
    expect(all[0]!.day).toBe("2025-05-16");
  });

  it("filters the timeline by actor, type, issue, days and text", async () => {
    const medinsky = await allPages(corpus, { actor: "person:vladimir-medinsky" });
    expect(medinsky.map((e) => e.type)).toEqual(["meeting"]);
    const agreements = await allPages(corpus, { type: "agreement" });
    expect(agreements.map((e) => e.day)).toEqual(["2025-05-16", "2025-06-02"]);
    const swaps = await allPages(corpus, { issue: "prisoner_exchange" });
    expect(swaps.map((e) => e.type)).toEqual(["agreement", "agreement"]);
    const june = await allPages(corpus, { from: "2025-06-01", to: "2025-06-02" });
    expect(june.length).toBeGreaterThan(0);
    expect(june.every((e) => e.day === "2025-06-02")).toBe(true);
    const may19 = await allPages(corpus, { from: "2025-05-19", to: "2025-05-19" });
    expect(may19.map((e) => e.type).sort()).toEqual(["phone_call", "statement"]);
    // The German word finds the entry that the German and the English article tell of.
    const de = await allPages(corpus, { q: "geeinigt" });
    expect(de.map((e) => e.type)).toEqual(["agreement"]);
    // Titles count as text of the entry: the title of article 03 names the exchange.
    const titled = await allPages(corpus, { q: "Gefangenenaustausch" });
    expect(titled.map((e) => e.type).sort()).toEqual(["agreement", "negotiation", "prisoner_exchange"]);
    expect(de[0]!.reports).toHaveLength(2);
    const en = await allPages(corpus, { q: "prisoners", type: "agreement" });
    expect(en).toHaveLength(2);
    expect(await allPages(corpus, { q: "Vereinbarungxyz" })).toEqual([]);
    expect(await allPages(corpus, { q: "\"*()" })).toEqual([]);
  });

  it("returns one event with every report and where they disagree", async () => {
    const [meeting] = await allPages(corpus, { type: "meeting", from: "2025-06-02", to: "2025-06-02" });
    const event = TimelineEntrySchema.parse(await corpus.getEvent(meeting!.id));
    expect(event.reportCount).toBe(2);
    expect(event.reports.map((r) => r.articleId)).toEqual([idOf("01"), idOf("02")]);
    expect(event.disagreements.map((d) => d.field)).toEqual(["duration", "place"]);
    expect(event.reports[0]!.articleTitle).toBe(files[0]!.meta!.title);
    expect(await corpus.getEvent("evt_0000000000000000")).toBeNull();
  });

  it("lists actors merged by canonical id across articles", async () => {
    const page = ActorPage.parse(await corpus.listActors({ limit: 200 }));
    const russia = page.items.find((a) => a.id === "state:RUS")!;
    expect(russia.articleCount).toBe(8);
    expect(russia.aliases).toEqual(expect.arrayContaining(["Russland", "Moskau"]));
    expect(page.items[0]!.id).toBe("state:RUS");
    const found = ActorPage.parse(await corpus.listActors({ q: "umerow" }));
    expect(found.items.map((a) => a.id)).toEqual(["person:rustem-umerov"]);
    const small = ActorPage.parse(await corpus.listActors({ limit: 3 }));
    const next = ActorPage.parse(await corpus.listActors({ limit: 3, cursor: small.nextCursor! }));
    expect(next.items[0]!.id).toBe(page.items[3]!.id);
  });

  it("shows an actor with its events, counterparts and quotes", async () => {
    const medinsky = ActorDetailSchema.parse(await corpus.getActor("person:vladimir-medinsky"));
    expect(medinsky.events.map((e) => e.type)).toEqual(["meeting"]);
    expect(medinsky.counterparts).toEqual([
      { id: "person:rustem-umerov", name: "Rustem Umerov", kind: "person", country: "UKR", count: 1, types: ["meeting"] },
    ]);
    expect(medinsky.quotes).toEqual([
      expect.objectContaining({ text: "sehr nützlich", articleId: idOf("01"), via: "organization:tass" }),
    ]);
    const russia = ActorDetailSchema.parse(await corpus.getActor("state:RUS"));
    const ukraine = russia.counterparts.find((c) => c.id === "state:UKR")!;
    expect(ukraine.types).toEqual(["agreement", "meeting", "negotiation", "prisoner_exchange"]);
    expect(ukraine.count).toBe(5);
    expect(await corpus.getActor("person:nobody")).toBeNull();
  });

  it("searches articles in German and English", async () => {
    const memo = ArticlePage.parse(await corpus.search("Memorandum"));
    expect(memo.items.map((a) => a.id).sort()).toEqual([idOf("05"), idOf("06"), idOf("07")].sort());
    const german = ArticlePage.parse(await corpus.search("Kriegsgefangene"));
    expect(german.items.map((a) => a.id)).toEqual([idOf("03")]);
    const listed = ArticlePage.parse(await corpus.listArticles({ q: "Istanbul", limit: 2 }));
    expect(listed.total).toBe(6);
    const rest = ArticlePage.parse(await corpus.listArticles({ q: "Istanbul", limit: 10, cursor: listed.nextCursor! }));
    expect(rest.items).toHaveLength(4);
    expect((await corpus.search("   ")).items).toEqual([]);
  });

  it("exports the timeline and the extractions as JSON, NDJSON, CSV and PLOVER records", async () => {
    const collect = async (format: Parameters<SqlCorpus["export"]>[0]) => {
      let s = "";
      for await (const chunk of corpus.export(format)) s += chunk;
      return s;
    };
    const entries = await allPages(corpus, { limit: 200 });
    const json = JSON.parse(await collect("json")) as { timeline: TimelineEntry[]; extractions: unknown[] };
    expect(json.timeline.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(json.extractions).toHaveLength(files.length);
    const lines = (await collect("ndjson")).trim().split("\n").map((l) => JSON.parse(l) as { kind: string });
    expect(lines.filter((l) => l.kind === "timeline_entry")).toHaveLength(entries.length);
    expect(lines.filter((l) => l.kind === "extraction")).toHaveLength(files.length);
    const csv = (await collect("csv")).trim().split("\r\n");
    expect(csv[0]).toMatch(/^id,type,date,day,place,/);
    expect(csv).toHaveLength(entries.length + 1);
    const plover = (await collect("plover")).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    // Publications and statements have no PLOVER category.
    expect(plover).toHaveLength(entries.filter((e) => !["publication", "statement"].includes(e.type)).length);
    expect(plover.find((r) => r.mode === "meet" && r.event_date === "2025-06-02")).toMatchObject({
      event_type: "CONSULT",
      actor1_id: "person:vladimir-medinsky",
      actor2_id: "person:rustem-umerov",
      source: ["organization:tass", "person:vladimir-medinsky", "organization:reuters"],
    });
  });

  it("deletes an article and its reports; entries with no report left disappear", async () => {
    const before = await allPages(corpus, { limit: 200 });
    expect(await corpus.deleteArticle(idOf("02"))).toBe(true);
    expect(await corpus.deleteArticle(idOf("02"))).toBe(false);
    expect(await corpus.getArticle(idOf("02"))).toBeNull();
    const after = await allPages(corpus, { limit: 200 });
    expect(after).toHaveLength(before.length - 1);
    expect(after.find((e) => e.issues.includes("humanitarian"))).toBeUndefined();
    const meeting = after.find((e) => e.type === "meeting" && e.day === "2025-06-02")!;
    expect(meeting.id).toBe(before.find((e) => e.type === "meeting" && e.day === "2025-06-02")!.id);
    expect(meeting.reportCount).toBe(1);
    expect(meeting.disagreements).toEqual([]);
    const talks = after.find((e) => e.type === "negotiation")!;
    expect(talks.reports.map((r) => r.articleId)).toEqual([idOf("03")]);
    expect((await corpus.listActors({ q: "reuters" })).items).toEqual([]);
    expect(await corpus.checkIntegrity()).toEqual([]);
    // And back: the meeting is merged again.
    await corpus.ingest(fixtureInputs()[1]!);
    const again = await corpus.getEvent(meeting.id);
    expect(again!.reportCount).toBe(2);
  });

  it("splits an entry when the article that held its accounts together is deleted", async () => {
    const fresh = await freshDatabase(engine);
    const people: Record<string, string[]> = {
      "Medinsky met the delegation on 2 June.": ["person:vladimir-medinsky"],
      "Medinsky and Umerov met on 2 June.": ["person:vladimir-medinsky", "person:rustem-umerov"],
      "Umerov met the delegation on 2 June.": ["person:rustem-umerov"],
    };
    const extract = (input: { text: string }) =>
      ExtractionSchema.parse({
        document: { language: "en", publishedAt: "2025-06-02", title: null },
        actors: people[input.text]!.map((id) => ({ id, kind: "person", name: id, aliases: [], country: null, mentions: [] })),
        places: [],
        timexes: [],
        events: [
          {
            id: "meeting-0",
            type: "meeting",
            participants: people[input.text],
            place: null,
            date: { value: "2025-06-02" },
            duration: null,
            issues: [],
            sources: [],
            evidence: [{ start: 0, end: input.text.length, text: input.text }],
            modality: "asserted",
            plover: { type: "CONSULT", mode: "meet" },
            cameo: "040",
          },
        ],
        quotes: [],
        claims: [],
        extractor: { name: "test", version: "test" },
      });
    const other = await openCorpus(fresh.url, { extract });
    try {
      const [a, bridge, c] = await other.ingestMany(Object.keys(people).map((text) => ({ text, publishedAt: "2025-06-02" })));
      const [entry] = (await other.timeline({})).items;
      expect(entry!.reportCount).toBe(3);
      await other.deleteArticle(bridge!.article.id);
      const after = (await other.timeline({})).items;
      expect(after.map((e) => e.reports.map((r) => r.articleId))).toEqual(
        expect.arrayContaining([[a!.article.id], [c!.article.id]]),
      );
      expect(after).toHaveLength(2);
      // The first account keeps the entry's id.
      expect(after.find((e) => e.reports[0]!.articleId === a!.article.id)!.id).toBe(entry!.id);
      expect(await other.checkIntegrity()).toEqual([]);
    } finally {
      await other.close();
      await fresh.dispose();
    }
  });

  it("extracts an article again when the extractor version changes, keeping one copy", async () => {
    const next = await openCorpus(db.url, { extract: fixtureExtract, extractorVersion: "next" });
    try {
      const before = await allPages(next, { limit: 200 });
      const { article, created } = await next.ingest(fixtureInputs()[2]!);
      expect(created).toBe(false);
      expect(article.extractorVersion).toBe("next");
      expect((await next.listArticles({})).total).toBe(files.length);
      const after = await allPages(next, { limit: 200 });
      expect(after.map((e) => [e.id, e.reportCount])).toEqual(before.map((e) => [e.id, e.reportCount]));
      expect(await next.checkIntegrity()).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it("skips a malformed .meta.json and a non-UTF-8 file by name, and ingests the rest", async () => {
    const dir = tempDir("parley-batch-");
    try {
      for (const f of readdirSync(FIXTURE_DIR)) copyFileSync(join(FIXTURE_DIR, f), join(dir.path, f));
      writeFileSync(join(dir.path, "10-bad-meta.txt"), "Ein Text mit kaputten Metadaten über Verhandlungen in Genf.");
      writeFileSync(join(dir.path, "10-bad-meta.meta.json"), '{ "title": "unterbrochen", ');
      writeFileSync(join(dir.path, "11-wrong-date.txt"), "A text whose metadata has an impossible date.");
      writeFileSync(join(dir.path, "11-wrong-date.meta.json"), JSON.stringify({ publishedAt: "2025-02-30" }));
      writeFileSync(join(dir.path, "12-latin1.txt"), Buffer.from("Verhandlungen in Genf: Gespr\xe4che \xfcber Frieden", "latin1"));
      writeFileSync(join(dir.path, "13-new.txt"), "Ein neuer, gültiger Bericht über Gespräche in Genf.");
      const fresh = await freshDatabase(engine);
      const other = await openCorpus(fresh.url, { extract: fixtureExtract });
      try {
        const report = BatchReportSchema.parse(await other.ingestFolder(dir.path));
        expect(report.skipped.map((s) => s.file)).toEqual(["10-bad-meta.meta.json", "11-wrong-date.meta.json", "12-latin1.txt"]);
        expect(report.skipped[0]!.reason).toMatch(/malformed JSON/);
        expect(report.skipped[1]!.reason).toMatch(/publishedAt/);
        expect(report.skipped[2]!.reason).toMatch(/UTF-8/);
        expect(report.stored).toEqual([...files.map((f) => f.file), "13-new.txt"]);
        expect((await other.listArticles({})).total).toBe(files.length + 1);
      } finally {
        await other.close();
        await fresh.dispose();
      }
    } finally {
      dir.remove();
    }
  });

  it("seeds an empty corpus once", async () => {
    const fresh = await freshDatabase(engine);
    const other = await openCorpus(fresh.url, { extract: fixtureExtract });
    try {
      const first = await ensureSeeded(other, FIXTURE_DIR);
      expect(first.seeded).toBe(true);
      expect(first.report!.stored).toHaveLength(files.length);
      expect((await ensureSeeded(other, FIXTURE_DIR)).seeded).toBe(false);
    } finally {
      await other.close();
      await fresh.dispose();
    }
  });

  it("rejects an empty text and a bad cursor", async () => {
    await expect(corpus.ingest({ text: "" })).rejects.toThrow(/empty/);
    await expect(corpus.timeline({ cursor: "not-a-cursor" })).rejects.toThrow(/cursor/);
  });

  it("works with the real extractor of @parley/core (structure only)", async () => {
    const fresh = await freshDatabase(engine);
    const real = await openCorpus(fresh.url);
    try {
      const report = await real.ingestFolder(FIXTURE_DIR);
      expect(report.stored).toHaveLength(files.length);
      for (const summary of (await real.listArticles({ limit: 200 })).items) {
        const article = ArticleSchema.parse(await real.getArticle(summary.id));
        expect(article.eventCount).toBe(article.extraction.events.length);
        for (const e of article.extraction.events) {
          for (const s of e.evidence) expect(article.text.slice(s.start, s.end)).toBe(s.text);
        }
      }
      const entries = await allPages(real, { limit: 200 });
      for (const e of entries) expect(e.reportCount).toBe(e.reports.length);
      ActorPage.parse(await real.listActors({}));
      expect(await real.checkIntegrity()).toEqual([]);
    } finally {
      await real.close();
      await fresh.dispose();
    }
  });
});
