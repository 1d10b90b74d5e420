#!/usr/bin/env node
// The `parley` command: a thin launcher for the built CLI in ../dist.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("parley is not built: run npm run build\n");
  process.exit(2);
}
// `parley extract DIR | head`: a closed pipe ends the output, it is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
