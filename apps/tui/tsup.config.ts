import { defineConfig } from "tsup";

export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  clean: true,
  sourcemap: true,
  target: "node20",
  // Commands are loaded on demand: `parley --help` does not load the extractor.
  splitting: true,
  // Workspace packages and the UI stack are resolved at run time, not bundled.
  external: [/^@parley\//, "ink", "react", /^react\//],
});
