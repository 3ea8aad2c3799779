import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT, SAMPLES, tempDir } from "../helpers.js";
import { isFormulaLike } from "../../src/io/excelSafe.js";
import { runPipeline, SAMPLE_FILES, sentOnTexts, xlsxText } from "./pipeline.js";

/**
 * Formula injection: labels from municipal exports that a spreadsheet would run (`=HYPERLINK(...)`, `+SUM(A1)`)
 * come out of every CSV and XLSX effekt writes as inert text: a leading `'` in CSV, a string cell (never a
 * formula) in XLSX. The whole demo pipeline runs on samples with such labels in a covariate and an area name.
 */
const HYPERLINK = '=HYPERLINK("http://x")';
const SUM = "+SUM(A1)";

describe("formula injection: labels from inputs are inert in every CSV and XLSX", () => {
  it("a covariate level and an area name that are formulas end up as text in the balance, indicators, report CSV and XLSX", async () => {
    const inputs = tempDir();
    const out = tempDir();
    const households = join(inputs, "households.csv");
    writeFileSync(households, readFileSync(join(SAMPLES, "households.csv"), "utf8").replace(/,selvforsørgende,/g, `,"${HYPERLINK.replace(/"/g, '""')}",`));
    const values = join(inputs, "indicator-values.csv");
    writeFileSync(values, readFileSync(join(SAMPLES, "indicator-values.csv"), "utf8").replace(/Houlkær/g, SUM));
    const spec = join(inputs, "spec.json");
    writeFileSync(spec, readFileSync(join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"), "utf8").replace(/Houlkær/g, SUM));
    await runPipeline(out, { ...SAMPLE_FILES, households, indicatorValues: values, spec });

    const balance = readFileSync(join(out, "allocations.csv.balance.csv"), "utf8");
    expect(balance).toContain(`"'${HYPERLINK.replace(/"/g, '""')}"`);
    const indicators = readFileSync(join(out, "indicators.csv"), "utf8");
    expect(indicators).toContain(`,'${SUM},`);

    // Every cell of every CSV written (effect tables, indicators, gains, balance, report tables): not a formula.
    const csvs = (await sentOnTexts(out)).filter((t) => t.path.endsWith(".csv"));
    expect(csvs.length).toBeGreaterThan(5);
    let injectedSeen = 0;
    for (const { path, text } of csvs) {
      const delimiter = text.split("\n")[0].includes(";") ? ";" : ",";
      const rows = parse(text.replace(/^\uFEFF/, ""), { delimiter, relax_column_count: true }) as string[][];
      for (const row of rows) {
        for (const cell of row) {
          expect(isFormulaLike(cell), `${path}: cell ${JSON.stringify(cell)} would run as a formula`).toBe(false);
          if (cell === `'${HYPERLINK}` || cell === `'${SUM}`) injectedSeen++;
        }
      }
    }
    expect(injectedSeen).toBeGreaterThan(2);

    // The reports' workbooks: no formula cells, and no string that a spreadsheet would run.
    const strings: string[] = [];
    for (const report of ["report-sus", "report-aau"]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(out, report, "report.xlsx"));
      let cells = 0;
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            cells++;
            expect(cell.type, `${report} ${ws.name}!${cell.address} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
            if (typeof cell.value === "string") expect(isFormulaLike(cell.value), `${report} ${ws.name}!${cell.address}: ${cell.value}`).toBe(false);
          }),
        ),
      );
      expect(cells).toBeGreaterThan(20);
      strings.push(await xlsxText(join(out, report, "report.xlsx")));
    }
    // The SUS report shows the balance and the indicators: the labels are there, as text.
    expect(strings[0]).toContain("=HYPERLINK(");
    expect(strings[0]).toContain("+SUM(A1)");
  });
});
