import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Builds the CLI before the tests spawn it, so they never run a stale dist. */
export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const core = fileURLToPath(new URL("../../../packages/core/dist/eval/index.js", import.meta.url));
  if (!existsSync(core)) throw new Error("@parley/core is not built: run `npx tsup` in packages/core (or npm run build)");
  const tsup = fileURLToPath(new URL("../../../node_modules/tsup/dist/cli-default.js", import.meta.url));
  const result = spawnSync(process.execPath, [tsup, "--silent"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`building the CLI failed:\n${result.stdout}\n${result.stderr}`);
}
