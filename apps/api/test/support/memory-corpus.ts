import { createHash } from "node:crypto";
import { extract, EXTRACTOR_VERSION, type Article, type ArticleInput, type Page, type PageRequest } from "@parley/core";
import type { Corpus, IngestResult } from "@parley/store";

/** A corpus in memory: a stand-in while a test needs none of the store's logic. */
export function memoryCorpus(): Corpus {
  const articles = new Map<string, Article>();
  const page = <T>(items: T[], req: Partial<PageRequest>): Page<T> => {
    const start = req.cursor === undefined ? 0 : Number(req.cursor);
    if (!Number.isInteger(start) || start < 0) throw Object.assign(new Error("bad cursor"), { statusCode: 400 });
    const limit = req.limit ?? 50;
    const slice = items.slice(start, start + limit);
    return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null, total: items.length };
  };
  const ingest = async (input: ArticleInput): Promise<IngestResult> => {
    const id = createHash("sha256").update(input.text.normalize("NFC").trim()).digest("hex").slice(0, 16);
    const existing = articles.get(id);
    if (existing !== undefined) return { article: existing, created: false };
    const extraction = extract(input);
    const article: Article = {
      id,
      title: input.title ?? null,
      source: input.source ?? null,
      url: input.url ?? null,
      language: extraction.document.language,
      publishedAt: input.publishedAt ?? null,
      ingestedAt: "2026-01-01T00:00:00.000Z",
      extractorVersion: EXTRACTOR_VERSION,
      eventCount: extraction.events.length,
      text: input.text,
      extraction,
    };
    articles.set(id, article);
    return { article, created: true };
  };
  return {
    engine: "sqlite",
    ingest,
    ingestMany: async (inputs) => {
      const out: IngestResult[] = [];
      for (const input of inputs) out.push(await ingest(input));
      return out;
    },
    ingestFolder: async () => ({ stored: [], existing: [], skipped: [] }),
    getArticle: async (id) => articles.get(id) ?? null,
    listArticles: async (req) => page([...articles.values()].filter((a) => req.q === undefined || a.text.includes(req.q)), req),
    deleteArticle: async (id) => articles.delete(id),
    timeline: async (req) => page([], req),
    getEvent: async () => null,
    listActors: async (req) => page([], req),
    getActor: async () => null,
    search: async (q, req = {}) => page([...articles.values()].filter((a) => a.text.includes(q)), req),
    async *export(format) {
      if (format === "csv") yield "id,type,date\n";
      else if (format === "json") yield "[]";
    },
    ping: async () => true,
    close: async () => undefined,
  };
}
