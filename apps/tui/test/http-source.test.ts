import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { httpSource } from "../src/data/http-source.js";
import { openSource } from "../src/data/open-source.js";
import { SourceError } from "../src/data/source.js";
import { SEED } from "./run-cli.js";

type Call = { method: string; url: string; auth: string | null; body: unknown };

/** A fetch that records requests and answers from a table. */
function fakeFetch(answer: (call: Call) => Response) {
  const calls: Call[] = [];
  const fn = (async (url: URL, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call = { method: init.method ?? "GET", url: String(url), auth: headers.authorization ?? null, body: init.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const json = (status: number, body: unknown, type = "application/json") => new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

describe("the HTTP data source", () => {
  it("passes filters as query parameters, and only the set ones", async () => {
    const f = fakeFetch(() => json(200, { items: [], nextCursor: null }));
    const s = httpSource({ url: "http://api.test/", fetch: f.fn });
    await s.timeline({ actor: "person:vladimir-medinsky", type: "meeting", q: undefined, limit: 50 });
    expect(f.calls[0]!.url).toBe("http://api.test/v1/events?actor=person%3Avladimir-medinsky&type=meeting&limit=50");
    await s.listActors({ q: "Medinsky" });
    expect(f.calls[1]!.url).toBe("http://api.test/v1/actors?q=Medinsky");
  });

  it("404 on one item is null; other errors carry the problem's detail", async () => {
    const f = fakeFetch((c) =>
      c.url.includes("/events/") ? json(404, { title: "Not Found" }) : json(400, { title: "Bad Request", detail: "querystring.from: expected a date YYYY-MM-DD" }, "application/problem+json"),
    );
    const s = httpSource({ url: "http://api.test", fetch: f.fn });
    expect(await s.getEvent("evt/1")).toBeNull();
    expect(f.calls[0]!.url).toBe("http://api.test/v1/events/evt%2F1");
    await expect(s.timeline({ from: "x" as never })).rejects.toThrow("the Parley API answered 400: querystring.from: expected a date YYYY-MM-DD");
  });

  it("ingest posts each file with the bearer token: 201 stored, 200 existing, 4xx skipped with the reason", async () => {
    let n = 0;
    const f = fakeFetch(() => (++n === 1 ? json(201, {}) : n === 2 ? json(200, {}) : json(422, { detail: "body.text: text is longer than 1,000,000 characters" })));
    const s = httpSource({ url: "http://api.test", token: "t0k", fetch: f.fn });
    const progress: string[] = [];
    const report = await s.ingestPaths([SEED, SEED, SEED], (p) => progress.push(`${p.pathIndex + 1}/${p.pathCount} ${p.outcome}`));
    expect(report.stored).toEqual([SEED]);
    expect(report.existing).toEqual([SEED]);
    expect(report.skipped).toEqual([{ file: SEED, reason: "the Parley API answered 422: body.text: text is longer than 1,000,000 characters" }]);
    expect(progress).toEqual(["1/3 stored", "2/3 existing", "3/3 skipped"]);
    expect(f.calls.every((c) => c.method === "POST" && c.url === "http://api.test/v1/articles" && c.auth === "Bearer t0k")).toBe(true);
    // The metadata beside the seed went with its text.
    expect(f.calls[0]!.body).toMatchObject({ language: "de", title: expect.stringContaining("Vor Beginn"), text: expect.stringContaining("Medinskiy") });
  });

  it("a 401 stops the ingest: every other file would fail the same way", async () => {
    const f = fakeFetch(() => json(401, { detail: "needs Authorization: Bearer <token>" }));
    const s = httpSource({ url: "http://api.test", fetch: f.fn });
    await expect(s.ingestPaths([SEED])).rejects.toThrow(SourceError);
    await expect(s.ingestPaths([SEED])).rejects.toThrow("answered 401: needs Authorization");
  });

  it("an API that is down is a SourceError naming the URL and the cause", async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    const s = httpSource({ url: `http://127.0.0.1:${port}` });
    const error = await s.timeline({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(`cannot reach the Parley API at http://127.0.0.1:${port}: ECONNREFUSED`);
  });

  it("openSource refuses an --api that is not http(s)", async () => {
    await expect(openSource({ api: "ftp://x" })).rejects.toThrow("--api: expected http(s), got ftp:");
    await expect(openSource({ api: "::" })).rejects.toThrow("--api: not a URL");
  });
});
