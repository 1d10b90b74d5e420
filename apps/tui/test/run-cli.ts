import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

/** The monorepo root: the CLI runs from there, as `npm run eval` does. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The launcher as shipped. */
export const SHIPPED_BIN = fileURLToPath(new URL("../bin/parley.mjs", import.meta.url));
export const SEEDS = join(ROOT, "seeds");
export const SEED = join(SEEDS, "000_d9bf279fc9ea0bf9.txt");
export const GOLD = join(ROOT, "..", "shared", "eval", "gold");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built `parley` with arguments and optional standard input. */
export function parley(args: string[], input?: string | Buffer, bin = inject("parleyBin")): Run {
  if (!bin || !existsSync(bin)) throw new Error("the CLI was not built for the tests: see the warning at the start of the run");
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, input: input ?? "", encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

/** A fresh folder with the given files (string or bytes); {@link removeFolders} deletes them. */
export function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "parley-cli-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Deletes the folders {@link folder} made (call in afterAll). */
export function removeFolders(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Stack frames on stderr mean a user error escaped as a crash. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
