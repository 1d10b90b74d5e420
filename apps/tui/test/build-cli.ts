import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BIN, SHIPPED_BIN, TEST_BUILD } from "./run-cli.js";

/**
 * Builds the CLI (privately, see TEST_BUILD) before the tests spawn it, so
 * they never run a stale dist. A failed build fails the CLI tests only (they
 * find no launcher), not the UI tests of the same package.
 */
export default function setup(): void {
  rmSync(BIN, { force: true });
  const root = fileURLToPath(new URL("..", import.meta.url));
  const core = fileURLToPath(new URL("../../../packages/core/dist/eval/index.js", import.meta.url));
  if (!existsSync(core)) {
    console.warn("CLI tests: @parley/core is not built: run `npx tsup` in packages/core (or npm run build)");
    return;
  }
  const tsup = fileURLToPath(new URL("../../../node_modules/tsup/dist/cli-default.js", import.meta.url));
  const result = spawnSync(process.execPath, [tsup, "--silent", "--out-dir", join(TEST_BUILD, "dist")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) {
    console.warn(`CLI tests: building the CLI failed:\n${result.stdout}\n${result.stderr}`);
    return;
  }
  mkdirSync(dirname(BIN), { recursive: true });
  copyFileSync(SHIPPED_BIN, BIN);
}
