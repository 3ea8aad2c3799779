import { describe, expect, it } from "vitest";

describe("documentation", () => {
  it("data-schemas/report.md names every table and column the report writes", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { ROOT, tempDir } = await import("../helpers.js");
    const { writeSmallResults } = await import("./fixtures.js");
    const { runReport } = await import("../../src/cli/report.js");
    const { allTables } = await import("../../src/report/model.js");
    const doc = readFileSync(join(ROOT, "data-schemas", "report.md"), "utf8");
    const dir = tempDir();
    const { takeup } = writeSmallResults(dir);
    for (const audience of ["sus", "aau"] as const) {
      const { model } = await runReport({ audience, out: join(dir, `r-${audience}`), results: dir, takeup, format: "md", quiet: true });
      for (const t of allTables(model)) {
        expect(doc, t.id).toContain(`| \`${t.id}\` |`);
        for (const c of t.columns) expect(doc, `${t.id}.${c.key}`).toContain(`\`${c.key}\``);
      }
    }
  });
});
