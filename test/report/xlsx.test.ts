/** The XLSX prints (A4 landscape, fitted to the width, header row repeated) and shows p-values as the HTML does. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../src/report/model.js";
import { reportXlsx } from "../../src/report/write/xlsx.js";

function model(lang: "da" | "en"): ReportModel {
  return {
    audience: "aau",
    lang,
    title: "Test",
    effekt_version: "0.1.0",
    generated_from: [],
    footnotes: [],
    privacy: { min_cell: 5, mark: "[s]", pending: "afventer data" },
    sections: [
      {
        id: "effects",
        title: "Effekter",
        charts: [],
        tables: [{ id: "effects", title: "Effekter", columns: [{ key: "outcome", label: "Udfald", kind: "text" }, { key: "p_value", label: "p", kind: "p_value" }], rows: [["a", 0.0004], ["b", 0.0184]] }],
      },
    ],
  };
}

/** The report's sections as the page orders them: the summary's text first, tables, the methods note, the manifest. */
function ordered(): ReportModel {
  const table = (id: string, title: string) => ({ id, title, columns: [{ key: "x", label: "x", kind: "text" as const }], rows: [["a"]] });
  return {
    ...model("da"),
    sections: [
      { id: "summary", title: "Hovedresultater", charts: [], tables: [], blocks: [{ heading: "Beskæftigelse", items: ["Bedre"] }] },
      { id: "flow", title: "Forløb", charts: [], tables: [table("flow", "Forløb")] },
      { id: "effects", title: "Effekter", charts: [], tables: [table("effects", "Effekter")] },
      { id: "methods", title: "Metode", charts: [], tables: [], blocks: [{ heading: "Design", items: ["Lodtrækning"] }] },
      { id: "manifest", title: "Manifest", charts: [], tables: [table("manifest", "Manifest")] },
    ],
  };
}

async function load(lang: "da" | "en"): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await reportXlsx(model(lang))) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  return wb;
}

describe("XLSX", () => {
  it("orders the sheets as the report reads: contents, the summary, the tables, the methods note, the manifest; the contents list them in that order", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await reportXlsx(ordered())) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const names = wb.worksheets.map((ws) => ws.name);
    expect(names).toEqual(["Indhold", "Hovedresultater", "Husstande", "Effekter", "Metode", "Datagrundlag"]);
    const listed = [2, 3, 4, 5, 6].map((i) => wb.worksheets[0].getRow(i).getCell(1).value);
    expect(listed).toEqual(names.slice(1));
  });

  it("sets every sheet to A4 landscape, one page wide, with the header row repeated", async () => {
    const wb = await load("da");
    expect(wb.worksheets.length).toBe(2);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize, ws.name).toBe(9);
      expect(ws.pageSetup.orientation, ws.name).toBe("landscape");
      expect(ws.pageSetup.fitToPage, ws.name).toBe(true);
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.fitToHeight, ws.name).toBe(0);
    }
    expect(wb.getWorksheet("Effekter")!.pageSetup.printTitlesRow).toBe("1:1");
  });

  it("writes a p-value below 0.001 as the HTML shows it (<0,001 / <0.001) and others as numbers", async () => {
    const da = (await load("da")).getWorksheet("Effekter")!;
    expect(da.getCell(2, 2).value).toBe("<0,001");
    expect(da.getCell(3, 2).value).toBe(0.0184);
    expect((await load("en")).getWorksheet("Effects")!.getCell(2, 2).value).toBe("<0.001");
  });

  it("wraps the contents sheet's notes and a table's notes over the sheet's width, tall enough for their lines", async () => {
    const long = "Et antal personer eller husstande under 5 vises ikke, heller ikke gennem en andel; ".repeat(4).trim();
    const m = model("da");
    m.footnotes = [long];
    m.sections[0].tables[0].notes = [long];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await reportXlsx(m)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const contents = wb.worksheets[0];
    let row = 0;
    contents.eachRow((r, i) => { if (r.getCell(1).value === long) row = i; });
    expect(row).toBeGreaterThan(0);
    const cell = contents.getCell(row, 1);
    expect(cell.alignment?.wrapText).toBe(true);
    // Merged over the contents' three columns (their widths in characters are the line's width) and two lines tall or more.
    expect(cell.isMerged && contents.getCell(row, 3).master.address).toBe(cell.address);
    expect(contents.getRow(row).height).toBeGreaterThanOrEqual(30);
    const sheet = wb.getWorksheet("Effekter")!;
    const note = sheet.getCell(5, 1);
    expect(note.value).toBe(long);
    expect(note.alignment?.wrapText).toBe(true);
    expect(sheet.getCell(5, 2).master.address).toBe(note.address);
    expect(sheet.getRow(5).height).toBeGreaterThan(15 * 2);
  });
});
