import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "test/**/*.test.ts", "test/**/*.test.tsx"],
    // The command-line tests spawn the built CLI: build it once, first.
    globalSetup: ["./test/build-cli.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
