/**
 * Privacy: results with small cells go through every format, and no small count, no statistic over fewer than
 * 5 persons and no household id survives in any output file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { runReport, type ReportRun } from "../../src/cli/report.js";
import { allTables, type ReportModel } from "../../src/report/model.js";
import { filesUnder, tempDir } from "../helpers.js";
import { ID_MARKER, SECRET_NUMBERS, writeSmallResults } from "./fixtures.js";
import { readHtmlReport, sheetsByContents } from "../disclosure/attacker.js";

const MARK = "[s]";

/** A count as written in a CSV/Markdown/XLSX cell is allowed when it is the mark, empty, 0 or at least 5. */
function countOk(text: string): boolean {
  const t = text.trim();
  if (t === "" || t === MARK) return true;
  const n = Number(t.replace(/[.,](?=\d{3}\b)/g, ""));
  return Number.isFinite(n) && (n === 0 || n >= 5);
}

function countColumns(model: ReportModel): Map<string, number[]> {
  return new Map(allTables(model).map((t) => [t.id, t.columns.flatMap((c, j) => (c.kind === "count" ? [j] : []))]));
}

describe.each([
  ["sus", "da"],
  ["sus", "en"],
  ["aau", "da"],
  ["aau", "en"],
] as const)("privacy: %s report in %s", (audience, lang) => {
  let out: string;
  let run: ReportRun;
  beforeAll(async () => {
    const dir = tempDir();
    const { takeup } = writeSmallResults(join(dir, "results"));
    out = join(dir, "report");
    run = await runReport({ audience, lang, out, results: join(dir, "results"), takeup, quiet: true });
  });

  it("suppresses something (the fixture has small cells)", () => {
    const marks = allTables(run.model).flatMap((t) => t.rows.flat()).filter((c) => typeof c === "object" && c !== null && "suppressed" in c);
    expect(marks.length).toBeGreaterThan(0);
  });

  it("no household id and no statistic over fewer than 5 persons in any file", async () => {
    for (const file of filesUnder(out)) {
      let text = readFileSync(file, "utf8");
      if (file.endsWith(".xlsx")) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(readFileSync(file) as unknown as Parameters<typeof wb.xlsx.load>[0]);
        const values: string[] = [];
        wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value)))));
        text = values.join("\n");
      }
      expect(text, file).not.toContain(ID_MARKER);
      for (const secret of SECRET_NUMBERS) {
        for (const form of [secret, secret.replace(".", ","), secret.slice(0, 5), secret.slice(0, 5).replace(".", ",")]) {
          expect(text.includes(form), `${file} shows ${form}`).toBe(false);
        }
      }
    }
  });

  it("CSV: every count cell is 0, at least 5, or the mark", () => {
    const counts = countColumns(run.model);
    for (const t of allTables(run.model)) {
      const text = readFileSync(join(out, "csv", `${t.id}.csv`), "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      const rows: string[][] = parse(text.slice(1), { delimiter: lang === "da" ? ";" : "," });
      expect(rows[0]).toEqual(t.columns.map((c) => c.key));
      for (const r of rows.slice(1)) for (const j of counts.get(t.id)!) expect(countOk(r[j]), `${t.id}: ${r.join("|")}`).toBe(true);
    }
  });

  it("Markdown: every count cell is 0, at least 5, or the mark", () => {
    const md = readFileSync(join(out, "report.md"), "utf8");
    const counts = countColumns(run.model);
    const blocks = md.split(/^### /m).slice(1);
    const tables = allTables(run.model);
    expect(blocks.length).toBe(tables.length);
    blocks.forEach((block, k) => {
      const lines = block.split("\n").filter((l) => l.startsWith("| "));
      for (const line of lines.slice(2)) {
        const cells = line.slice(2, -2).split(/(?<!\\) \| /);
        for (const j of counts.get(tables[k].id)!) expect(countOk(cells[j]), `${tables[k].id}: ${line}`).toBe(true);
      }
    });
  });

  it("XLSX: every count cell is 0, at least 5, or the mark", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "report.xlsx")) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const counts = countColumns(run.model);
    // Each table's sheet by the contents sheet's listing; the sheets no table claims are the sections' texts.
    const { sheets, others } = sheetsByContents(wb, allTables(run.model));
    expect(others.length).toBe(run.model.sections.filter((s) => s.blocks && s.blocks.length > 0).length);
    for (const t of allTables(run.model)) {
      const ws = sheets.get(t.id)!;
      for (let i = 2; i <= t.rows.length + 1; i++) {
        for (const j of counts.get(t.id)!) {
          const v = ws.getRow(i).getCell(j + 1).value;
          expect(countOk(v === null || v === undefined ? "" : String(v)), `${t.id} row ${i}: ${v}`).toBe(true);
        }
      }
    }
  });

  it("HTML: every count cell is 0, at least 5, or the mark", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    const tables = allTables(run.model);
    const htmlTables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
    expect(htmlTables.length).toBe(tables.length);
    // Cells mapped back to the model's columns by their data-key (the page groups, joins and leaves out columns).
    const read = readHtmlReport(join(out, "report.html"), tables.map((t) => ({ id: t.id, keys: t.columns.filter((c) => !c.csvOnly).map((c) => c.key) })), lang);
    for (const t of tables) {
      const shown = read.get(t.id)!;
      expect(shown.text.length, t.id).toBe(t.rows.length);
      const countKeys = t.columns.filter((c) => c.kind === "count").map((c) => shown.keys.indexOf(c.key));
      for (const cells of shown.text) for (const j of countKeys) expect(countOk(cells[j]), `${t.id}: ${cells.join("|")}`).toBe(true);
    }
    expect(html).toContain(MARK);
  });
});
