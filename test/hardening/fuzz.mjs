// `npm run fuzz`: the hardening suite with ten times the cases (FUZZ_RUNS), set here rather than in the npm script
// so it runs the same under Windows' cmd.exe, which has no `NAME=value command`.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const vitest = createRequire(import.meta.url).resolve("vitest/vitest.mjs");
const r = spawnSync(process.execPath, [vitest, "run", "test/hardening", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? "100000" },
});
process.exit(r.status ?? 1);
