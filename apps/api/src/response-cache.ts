import { createHash } from "node:crypto";
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
}

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
    return { bytes, etag, revision: revision ?? -1 };
  }

  private keep(key: string, body: CachedBody): void {
    // A load that began before a newer revision was seen is answered, not kept.
    if (body.revision !== this.revision || body.bytes.length > this.options.maxBytes / 8) return;
    const old = this.bodies.get(key);
    if (old !== undefined) this.bytes -= old.bytes.length;
    this.bodies.delete(key);
    this.bodies.set(key, body);
    this.bytes += body.bytes.length;
    for (const [k, b] of this.bodies) {
      if (this.bytes <= this.options.maxBytes) break;
      this.bodies.delete(k);
      this.bytes -= b.bytes.length;
    }
  }

  private drop(revision: number): void {
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

/**
 * Sends a cached body, or 304 Not Modified when the client holds it already.
 * `no-cache`: clients and proxies may keep it but must ask again (with
 * If-None-Match) before using it, since any write may change it.
 */
export function sendCached(request: FastifyRequest, reply: FastifyReply, body: CachedBody): FastifyReply {
  reply.header("etag", body.etag).header("cache-control", "no-cache");
  if (etagMatches(request.headers["if-none-match"], body.etag)) return reply.code(304).send();
  return sendSerialised(reply, body.bytes);
}

/**
 * Sends JSON serialised (and validated) already. Text or bytes with a JSON
 * content type go out as they are: Fastify's serialiser does not run again.
 */
export function sendSerialised(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type(JSON_TYPE).send(json);
}
