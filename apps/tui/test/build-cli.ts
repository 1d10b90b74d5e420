import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The launcher of this run's private build, or "" when the build failed. */
    parleyBin: string;
  }
}

/**
 * Builds the CLI before the tests spawn it, so they never run a stale dist.
 * Each run builds into a folder of its own (a copy of the launcher beside its
 * dist): other engineers' builds clean apps/tui/dist, and their test runs
 * build too, at the same time. A failed build fails the CLI tests only (they
 * get no launcher), not the UI tests of the same package.
 */
export default function setup(project: TestProject): () => void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = join(root, "node_modules", ".parley-test", `${process.pid}-${Date.now()}`);
  const teardown = () => rmSync(dir, { recursive: true, force: true });
  project.provide("parleyBin", "");
  const core = fileURLToPath(new URL("../../../packages/core/dist/eval/index.js", import.meta.url));
  if (!existsSync(core)) {
    console.warn("CLI tests: @parley/core is not built: run `npx tsup` in packages/core (or npm run build)");
    return teardown;
  }
  const tsup = fileURLToPath(new URL("../../../node_modules/tsup/dist/cli-default.js", import.meta.url));
  const result = spawnSync(process.execPath, [tsup, "--silent", "--out-dir", join(dir, "dist")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    console.warn(`CLI tests: building the CLI failed:\n${result.stdout}\n${result.stderr}`);
    return teardown;
  }
  mkdirSync(join(dir, "bin"), { recursive: true });
  copyFileSync(join(root, "bin", "parley.mjs"), join(dir, "bin", "parley.mjs"));
  project.provide("parleyBin", join(dir, "bin", "parley.mjs"));
  return teardown;
}
