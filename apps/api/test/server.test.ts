import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackHost, startServer, UnsafeListenError } from "../src/start-server.js";
import { memoryCorpus } from "./support/memory-corpus.js";

const SERVER_JS = fileURLToPath(new URL("../dist/server.js", import.meta.url));

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "api.localhost", "::1", "[::1]", "::ffff:127.0.0.1"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "example.org", "128.0.0.1", "localhost.example.org", "::ffff:10.0.0.1", ""])(
    "%s is not",
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe("startServer", () => {
  it.each(["0.0.0.0", "::", "192.0.2.1"])("refuses to listen on %s without a token", async (host) => {
    await expect(startServer({ host, port: 0, corpus: memoryCorpus() })).rejects.toBeInstanceOf(UnsafeListenError);
    await expect(startServer({ host, port: 0, corpus: memoryCorpus(), token: "" })).rejects.toThrow(/PARLEY_API_TOKEN/);
  });

  it("listens beyond loopback when it has a token", async () => {
    const server = await startServer({ host: "0.0.0.0", port: 0, corpus: memoryCorpus(), token: "a-token" });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("close() is idempotent and frees the port", async () => {
    const server = await startServer({ port: 0, corpus: memoryCorpus() });
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    // The port can be bound again.
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once("error", reject);
      probe.listen(server.port, "127.0.0.1", () => probe.close(() => resolve()));
    });
  });
});

describe.skipIf(!existsSync(SERVER_JS))("dist/server.js", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "parley-api-server-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = (env: Record<string, string>) =>
    spawn(process.execPath, [SERVER_JS], {
      env: { PATH: process.env.PATH ?? "", PARLEY_DATABASE_URL: `sqlite:${join(dir, "parley.db")}`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("exits with an error when HOST is not loopback and there is no PARLEY_API_TOKEN", async () => {
    const child = run({ HOST: "0.0.0.0", PORT: "0" });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/Refusing to listen on 0\.0\.0\.0/);
  });

  it("listens on HOST and PORT, logs request ids, and closes gracefully on SIGTERM", async () => {
    const child = run({ HOST: "127.0.0.1", PORT: "0" });
    let stdout = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (c: Buffer) => {
        stdout += c.toString();
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code}: ${stdout}`)));
    });
    const res = await fetch(`${url}/readyz`, { headers: { "x-request-id": "spawned-1" } });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain('"reqId":"spawned-1"');
    expect(stdout).toMatch(/"signal":"SIGTERM"/);
  });
});
