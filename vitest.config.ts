import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // npm run fuzz (FUZZ_RUNS) runs ten times the cases: a property may then take ten times as long
    testTimeout: process.env.FUZZ_RUNS ? 1_800_000 : 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
