import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BIN, SHIPPED_BIN, TEST_BUILD } from "./run-cli.js";

/** Builds the CLI (privately, see TEST_BUILD) before the tests spawn it, so they never run a stale dist. */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const core = fileURLToPath(new URL("../../../packages/core/dist/eval/index.js", import.meta.url));
  if (!existsSync(core)) throw new Error("@parley/core is not built: run `npx tsup` in packages/core (or npm run build)");
  const tsup = fileURLToPath(new URL("../../../node_modules/tsup/dist/cli-default.js", import.meta.url));
  const result = spawnSync(process.execPath, [tsup, "--silent", "--out-dir", join(TEST_BUILD, "dist")], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the CLI failed:\n${result.stdout}\n${result.stderr}`);
  mkdirSync(dirname(BIN), { recursive: true });
  copyFileSync(SHIPPED_BIN, BIN);
}
