import { ArticleSchema } from "@parley/core/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticlePageSchema, BatchResultSchema, TimelinePageSchema } from "../src/schemas.js";
import { startServer, type ServerHandle } from "../src/start-server.js";
import { ENGINES, freshStore, type TestStore } from "./support/engines.js";
import { AUTH, SEED_TEXT, SENTENCES, TOKEN } from "./support/fixtures.js";

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { ...AUTH, "content-type": "application/json" }, body: JSON.stringify(body) });

/** Two API processes' worth of servers, each with its own pool, on one PostgreSQL database. */
describe.skipIf(!ENGINES.includes("postgres"))("two API instances on one PostgreSQL", () => {
  let store: TestStore;
  let a: ServerHandle;
  let b: ServerHandle;

  beforeAll(async () => {
    store = await freshStore("postgres");
    a = await startServer({ port: 0, databaseUrl: store.url, token: TOKEN });
    b = await startServer({ port: 0, databaseUrl: store.url, token: TOKEN });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await store?.dispose();
  });

  it("serve the same corpus: ingested through one, read through the other", async () => {
    const created = await post(`${a.url}/v1/articles`, { text: SEED_TEXT, language: "de" });
    expect(created.status).toBe(201);
    const article = ArticleSchema.parse(await created.json());

    const read = await fetch(`${b.url}/v1/articles/${article.id}`);
    expect(read.status).toBe(200);
    expect(ArticleSchema.parse(await read.json())).toEqual(article);

    // The same text through B is recognised as stored.
    const again = await post(`${b.url}/v1/articles`, { text: SEED_TEXT, language: "de" });
    expect(again.status).toBe(200);

    const timelineA = TimelinePageSchema.parse(await (await fetch(`${a.url}/v1/events?limit=200`)).json());
    const timelineB = TimelinePageSchema.parse(await (await fetch(`${b.url}/v1/events?limit=200`)).json());
    expect(timelineB).toEqual(timelineA);
  });

  it("see each other's batches and deletions", async () => {
    const batch = await post(`${b.url}/v1/articles:batch`, { articles: [{ text: SENTENCES.de }, { text: SENTENCES.en, language: "en" }] });
    expect(batch.status).toBe(201);
    const ids = BatchResultSchema.parse(await batch.json()).items.map((i) => i.id);
    const listA = ArticlePageSchema.parse(await (await fetch(`${a.url}/v1/articles?limit=200`)).json());
    expect(listA.items.map((i) => i.id)).toEqual(expect.arrayContaining(ids));

    expect((await fetch(`${a.url}/v1/articles/${ids[0]}`, { method: "DELETE", headers: AUTH })).status).toBe(204);
    expect((await fetch(`${b.url}/v1/articles/${ids[0]}`)).status).toBe(404);
  });

  it("ingest the same new text at once through both: one 201, one 200, one article", async () => {
    const text = `${SENTENCES.en} Both instances received this report at the same moment.`;
    const [ra, rb] = await Promise.all([post(`${a.url}/v1/articles`, { text }), post(`${b.url}/v1/articles`, { text })]);
    expect([ra.status, rb.status].sort()).toEqual([200, 201]);
    const [ja, jb] = [ArticleSchema.parse(await ra.json()), ArticleSchema.parse(await rb.json())];
    expect(ja.id).toBe(jb.id);
  });
});
