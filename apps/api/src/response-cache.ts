import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ResponseSerializationError } from "fastify-type-provider-zod";
import type { z } from "zod";

/** A response body ready to send: validated, serialised, with its entity tag. */
export interface CachedBody {
  /** The JSON, UTF-8. */
  bytes: Buffer;
  /** A strong entity tag: a hash of the bytes, the same in every instance for the same content. */
  etag: string;
  /** The corpus revision the body was read at (or after). */
  revision: number;
  /** Kept in the cache: only then is it compressed (once, on first demand). */
  kept: boolean;
  /** Compressed copies, made off the event loop by the first request that takes them. */
  encoded: Partial<Record<Coding, Promise<Buffer>>>;
  /** The bytes it holds in the cache, compressed copies included. */
  size: number;
}

/** Content codings the cache answers with, best first. */
export type Coding = "br" | "gzip";
const CODINGS: readonly Coding[] = ["br", "gzip"];

/** Bodies smaller than this go out as they are: compression would not pay. */
const MIN_COMPRESSED = 1024;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESS: Record<Coding, (bytes: Buffer) => Promise<Buffer>> = {
  // Quality 5, not brotli's default 11: a fifth of the JSON for a fraction of the time.
  br: (bytes) =>
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 5,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  gzip: (bytes) => gzipAsync(bytes, { level: 6 }),
};

export interface ResponseCacheOptions {
  /** The corpus's revision (`Corpus.revision`); without it nothing is kept, every read is loaded. */
  revision: (() => Promise<number>) | null;
  /** Bytes of bodies kept at most; 0 keeps none. */
  maxBytes: number;
}

/** 64 MiB of bodies by default. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Validated, serialised bodies of the read routes, keyed by the route and its
 * normalised query, and valid for one corpus revision. Every request reads the
 * revision first (one primary-key read; see `Corpus.revision`), so a write
 * through this instance, another instance or another process is seen by the
 * next request: a body is served only for the revision it was read at, and it
 * was read after that revision was. A new revision drops every body at once.
 * Requests that miss on the same key and revision share one load. The bodies
 * are kept least recently used first out, up to `maxBytes`.
 */
export class ResponseCache {
  private readonly bodies = new Map<string, CachedBody>();
  private readonly loading = new Map<string, Promise<CachedBody | null>>();
  private bytes = 0;
  private revision: number | null = null;

  constructor(private readonly options: ResponseCacheOptions) {}

  /**
   * The body for `key`: from the cache when it holds one of the current
   * revision, else loaded, validated against `schema` (a body that breaks it is
   * a 500, as with Fastify's serialiser) and kept. Null when `load` finds nothing.
   */
  async read<T>(key: string, schema: z.ZodType<T>, load: () => Promise<T | null>): Promise<CachedBody | null> {
    const revision = this.options.revision === null ? null : await this.options.revision();
    if (revision === null) return this.load(key, null, schema, load);
    if (revision !== this.revision) this.drop(revision);
    const kept = this.bodies.get(key);
    if (kept !== undefined) {
      // Least recently used first out: a hit moves to the end.
      this.bodies.delete(key);
      this.bodies.set(key, kept);
      return kept;
    }
    const flight = `${revision}\u0000${key}`;
    let loading = this.loading.get(flight);
    if (loading === undefined) {
      loading = this.load(key, revision, schema, load).then((body) => {
        if (body !== null) this.keep(key, body);
        return body;
      });
      loading.finally(() => this.loading.delete(flight)).catch(() => undefined);
      this.loading.set(flight, loading);
    }
    return loading;
  }

  /** Bodies kept and their bytes (for tests and the bench). */
  get size(): { entries: number; bytes: number } {
    return { entries: this.bodies.size, bytes: this.bytes };
  }

  private async load<T>(key: string, revision: number | null, schema: z.ZodType<T>, load: () => Promise<T | null>): Promise<CachedBody | null> {
    const data = await load();
    if (data === null) return null;
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError("GET", key, { cause: result.error });
    const bytes = Buffer.from(JSON.stringify(result.data), "utf8");
    const etag = `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 27)}"`;
    return { bytes, etag, revision: revision ?? -1, kept: false, encoded: {}, size: bytes.length };
  }

  /**
   * Sends a body, or 304 Not Modified when the client holds it already;
   * compressed (br or gzip, as the client's Accept-Encoding prefers) when the
   * cache keeps it, so that it is compressed once, not per request. `no-cache`:
   * clients and proxies may keep it but must ask again (with If-None-Match)
   * before using it, since any write may change it.
   */
  async send(request: FastifyRequest, reply: FastifyReply, body: CachedBody): Promise<FastifyReply> {
    const vary = reply.getHeader("vary");
    reply.header("vary", vary === undefined ? "Accept-Encoding" : `${String(vary)}, Accept-Encoding`);
    reply.header("cache-control", "no-cache");
    const coding = body.kept && body.bytes.length >= MIN_COMPRESSED ? codingFor(request.headers["accept-encoding"]) : null;
    // Each representation has its own tag; a client holding any of them holds the same content.
    const etag = coding === null ? body.etag : taggedFor(body.etag, coding);
    reply.header("etag", etag);
    const given = request.headers["if-none-match"];
    if (given !== undefined && [body.etag, ...CODINGS.map((c) => taggedFor(body.etag, c))].some((tag) => etagMatches(given, tag))) {
      return reply.code(304).send();
    }
    if (coding === null) return sendSerialised(reply, body.bytes);
    const compressed = await this.encode(body, coding);
    if (compressed === null) return sendSerialised(reply, body.bytes);
    return reply.type(JSON_TYPE).header("content-encoding", coding).send(compressed);
  }

  /** The body compressed, made once per body and coding; null when compression failed. */
  private async encode(body: CachedBody, coding: Coding): Promise<Buffer | null> {
    let pending = body.encoded[coding];
    if (pending === undefined) {
      pending = COMPRESS[coding](body.bytes);
      body.encoded[coding] = pending;
      pending.then(
        (compressed) => {
          body.size += compressed.length;
          if (body.kept) this.bytes += compressed.length;
          this.evict();
        },
        () => delete body.encoded[coding],
      );
    }
    return pending.catch(() => null);
  }

  private keep(key: string, body: CachedBody): void {
    // A load that began before a newer revision was seen is answered, not kept.
    if (body.revision !== this.revision || body.bytes.length > this.options.maxBytes / 8) return;
    this.forget(key);
    body.kept = true;
    this.bodies.set(key, body);
    this.bytes += body.size;
    this.evict();
  }

  /** Least recently used out first, down to `maxBytes`. */
  private evict(): void {
    for (const key of this.bodies.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      this.forget(key);
    }
  }

  private forget(key: string): void {
    const body = this.bodies.get(key);
    if (body === undefined) return;
    this.bodies.delete(key);
    body.kept = false;
    this.bytes -= body.size;
  }

  private drop(revision: number): void {
    for (const body of this.bodies.values()) body.kept = false;
    this.bodies.clear();
    this.bytes = 0;
    this.revision = revision;
  }
}

/** A cache key: the route and its validated query or params, in a fixed order. */
export function cacheKey(route: string, input: Record<string, unknown>): string {
  const fields = Object.keys(input)
    .filter((k) => input[k] !== undefined)
    .sort()
    .map((k) => [k, input[k]]);
  return `${route}?${JSON.stringify(fields)}`;
}

/** True when `If-None-Match` names the tag (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const trimmed = header.trim();
  if (trimmed === "*") return true;
  for (const part of trimmed.split(",")) {
    const tag = part.trim();
    if ((tag.startsWith("W/") ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/** The entity tag of a body's compressed representation: `"<tag>-br"`. */
const taggedFor = (etag: string, coding: Coding): string => `${etag.slice(0, -1)}-${coding}"`;

/**
 * The coding to answer with for an Accept-Encoding header: br or gzip, the
 * one with the higher q (br on a tie; `*` stands for both); null for none.
 */
export function codingFor(header: string | undefined): Coding | null {
  if (header === undefined || header === "") return null;
  const weights = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((p) => p.trim());
    let q = 1;
    for (const param of params) {
      const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(param);
      if (match !== null) q = Number(match[1]);
    }
    if (name !== "") weights.set(name, q);
  }
  let best: Coding | null = null;
  let bestQ = 0;
  for (const coding of CODINGS) {
    const q = weights.get(coding) ?? weights.get("*") ?? 0;
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  return best;
}

/**
 * Sends JSON serialised (and validated) already. Text or bytes with a JSON
 * content type go out as they are: Fastify's serialiser does not run again.
 */
export function sendSerialised(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(json);
}
