/** Formula injection: an area name like `=1+1` or `@SUM(A1)` from a municipal export is written as text. */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runReport } from "../../src/cli/report.js";
import { tempDir } from "../helpers.js";

describe("formula injection in report outputs", () => {
  it("CSV and XLSX show hostile area names as text, never as formulas", async () => {
    const dir = join(tempDir(), "res");
    mkdirSync(dir);
    const lines = ["household_id,wave,stratum,arm,p_treatment,p_fraction,draw_date,seal"];
    ["=1+1", "@SUM(A1)", "Houlkær"].forEach((area, a) => {
      for (let i = 0; i < 12; i++) lines.push(`X${a}-${i},1,"${area}",${i < 6 ? "treatment" : "control"},0.5,1/2,2025-03-01,s`);
    });
    writeFileSync(join(dir, "allocations.csv"), `${lines.join("\n")}\n`);
    const out = join(tempDir(), "r");
    await runReport({ audience: "sus", out, results: dir, lang: "en", quiet: true });
    const csv = readFileSync(join(out, "csv", "flow.csv"), "utf8");
    expect(csv).toContain("\r\n1,'=1+1,,12,6,6,,\r\n");
    expect(csv).toContain("\r\n1,'@SUM(A1),,12,6,6,,\r\n");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "report.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet("Households")!;
    const areas: unknown[] = [];
    ws.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
      areas.push(row.getCell(2).value);
    });
    expect(areas).toContain("'=1+1");
    expect(areas).toContain("'@SUM(A1)");
    // Numbers stay numbers.
    expect(typeof ws.getRow(2).getCell(4).value).toBe("number");
  });
});
