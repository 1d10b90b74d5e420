import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two shared cores: one worker per engine-heavy file at a time is plenty.
    maxWorkers: 2,
  },
});
