/**
 * The bundled samples as a municipality and a survey tool deliver them, written to samples/exports/ from the
 * sample CSVs (no new randomness; `npm run samples` runs it after generate.ts; byte-identical on every run):
 *
 * - `husstande.csv`: the households as Danish Excel saves "CSV (semikolonsepareret)": Windows-1252, `;`, decimal
 *   comma, Danish headers, a title line above the header, empty cells for missing, separator-only rows at the end.
 * - `sager.xlsx`: the cases as a workbook: sheet "Sager", a title row and an empty row above the header, Danish
 *   headers, dates as Excel dates except every tenth written as text without leading zeros (`7-3-2023`).
 * - `kolonner.json`: the mapping of both files to effekt's columns (data-schemas/column-mapping.md).
 *
 * Tests use these files as fixtures (test/cli/exports.test.ts); the demo draws from them.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Excel from "exceljs";
import { fixZipTimestamps } from "../src/report/write/zipTimestamps.js";

const here = dirname(fileURLToPath(import.meta.url));
const samples = here.includes("dist") ? join(here, "..", "..", "samples") : here;
const out = join(samples, "exports");
mkdirSync(out, { recursive: true });

const rows = (name: string) => readFileSync(join(samples, name), "utf8").trim().split("\n").map((l) => l.split(","));

// husstande.csv: Windows-1252 (Danish letters are the same bytes as Latin-1), ; and decimal comma, CRLF.
{
  const [header, ...data] = rows("households.csv");
  const danish: Record<string, string> = {
    household_id: "Husstand", area: "Boligområde", adults: "Antal voksne", children: "Antal børn",
    benefit_type: "Ydelse", employed_share: "Andel i beskæftigelse", school_absence: "Skolefravær",
  };
  const lines = [
    `Husstande i Viborg Kommune, udtræk 1. marts 2025${";".repeat(header.length - 1)}`,
    header.map((h) => danish[h]).join(";"),
    ...data.map((r) => r.map((v) => (v === "NA" ? "" : /^\d+\.\d+$/.test(v) ? v.replace(".", ",") : v)).join(";")),
    ";".repeat(header.length - 1),
    ";".repeat(header.length - 1),
  ];
  writeFileSync(join(out, "husstande.csv"), Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1"));
}

// sager.xlsx: a title row, an empty row, then the header on row 3.
{
  const [, ...data] = rows("cases.csv");
  const wb = new Excel.Workbook();
  const fixed = new Date(Date.UTC(2025, 2, 1));
  wb.creator = "Familieafdelingen";
  wb.lastModifiedBy = "Familieafdelingen";
  wb.created = fixed;
  wb.modified = fixed;
  const ws = wb.addWorksheet("Sager");
  ws.getCell("A1").value = "Sager i Familieafdelingen, udtræk 1. marts 2025";
  ws.getRow(3).values = ["Sagsnr", "Husstand", "Oprettet", "Lukket"];
  data.forEach(([caseId, household, opened, closed], k) => {
    const row = ws.getRow(4 + k);
    const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const asText = (iso: string) => { const [y, m, d] = iso.split("-").map(Number); return `${d}-${m}-${y}`; };
    const cell = (iso: string) => (iso === "" ? null : k % 10 === 9 ? asText(iso) : asDate(iso));
    row.values = [caseId, household, cell(opened), cell(closed)];
    for (const c of [3, 4]) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = "dd-mm-yyyy";
  });
  const buffer = await wb.xlsx.writeBuffer();
  writeFileSync(join(out, "sager.xlsx"), fixZipTimestamps(new Uint8Array(buffer as ArrayBuffer)));
}

writeFileSync(
  join(out, "kolonner.json"),
  `${JSON.stringify({
    households: {
      skip_rows: 1,
      columns: {
        household_id: "Husstand", area: "Boligområde", adults: "Antal voksne", children: "Antal børn",
        benefit_type: "Ydelse", employed_share: "Andel i beskæftigelse", school_absence: "Skolefravær",
      },
    },
    cases: { sheet: "Sager", skip_rows: 2, columns: { case_id: "Sagsnr", household_id: "Husstand", opened: "Oprettet", closed: "Lukket" } },
  }, null, 2)}\n`,
);
// Outcome deliveries (effekt outcomes import): the WHO-5 survey export holds exactly the wellbeing rows of
// outcomes.csv; the job centre's weekly status file spreads each employment share over the 52 weeks before its
// date (round(share x 52) weeks self-supporting "S", the rest on benefits "K"; a missing share leaves the weeks empty).
{
  const [, ...data] = rows("outcomes.csv");
  const dmy = (iso: string) => { const [y, m, d] = iso.split("-").map(Number); return `${d}-${m}-${y}`; };
  const survey = ["Respondent;WHO-5 score;Besvaret", ...data.filter((r) => r[1] === "wellbeing").map(([p, , date, v]) => `${p};${v === "NA" ? "" : v};${dmy(date)}`)];
  writeFileSync(join(out, "trivsel-survey.csv"), Buffer.from(`${survey.join("\r\n")}\r\n`, "latin1"));
  const DAY = 86_400_000;
  const monday = (day: number) => day - ((new Date(day * DAY).getUTCDay() + 6) % 7);
  const isoWeek = (day: number) => {
    const thursday = day + 3;
    const y = new Date(thursday * DAY).getUTCFullYear();
    const jan4 = Date.UTC(y, 0, 4) / DAY;
    return { y, w: 1 + Math.floor((thursday - (jan4 - ((new Date(jan4 * DAY).getUTCDay() + 6) % 7) + 3)) / 7) };
  };
  const status = new Map<string, Map<number, string>>();
  let first = Infinity;
  let last = -Infinity;
  for (const [p, outcome, date, v] of data) {
    if (outcome !== "employment") continue;
    const weeks = status.get(p) ?? new Map<number, string>();
    status.set(p, weeks);
    const end = monday(Date.parse(`${date}T00:00:00Z`) / DAY) - 7;
    const self = v === "NA" ? 0 : Math.round(Number(v) * 52);
    for (let k = 0; k < 52; k++) {
      const day = end - 7 * k;
      weeks.set(day, v === "NA" ? "" : k < self ? "S" : "K");
      first = Math.min(first, day);
      last = Math.max(last, day);
    }
  }
  const days: number[] = [];
  for (let d = first; d <= last; d += 7) days.push(d);
  const header = ["Person", ...days.map((d) => { const { y, w } = isoWeek(d); return `Uge ${w}-${y}`; })];
  const lines = [header.join(";"), ...[...status].map(([p, weeks]) => [p, ...days.map((d) => weeks.get(d) ?? "")].join(";"))];
  writeFileSync(join(out, "jobcenter-uger.csv"), Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1"));
  writeFileSync(join(out, "import-trivsel.json"), `${JSON.stringify({ kind: "survey", outcome: "wellbeing", id_column: "Respondent", score_column: "WHO-5 score", date_column: "Besvaret" }, null, 2)}\n`);
  writeFileSync(join(out, "import-beskaeftigelse.json"), `${JSON.stringify({ kind: "wide", outcome: "employment", id_column: "Person", codes: { S: 1, K: 0, A: 0, "-": null } }, null, 2)}\n`);
}
console.log(`exports written to ${out}`);
