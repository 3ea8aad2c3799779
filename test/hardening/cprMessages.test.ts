import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, SAMPLES, tempDir } from "../helpers.js";
import { runInProcess } from "./runInProcess.js";
import { sentOnTexts, withReport } from "./pipeline.js";
import { cprLikeIn } from "./checks.js";

/**
 * A CPR-like value in any identifier column of any file a command reads: the command refuses it (exit 2) or, for
 * effekt's own register, finds it different (exit 1), with a one-line message that never shows the value.
 * Both CPR forms are tried (DDMMYY-XXXX and ten digits), in the first and in a later data row.
 */
const dir = tempDir();
const register = join(dir, "allocations.csv");
const CPRS = ["010190-1234", "3112851234"];

beforeAll(async () => {
  for (const [wave, date] of [[1, "2025-03-01"], [2, "2025-09-01"]] as const) {
    const r = await runInProcess(["draw", "--households", join(SAMPLES, "households.csv"), "--cases", join(SAMPLES, "cases.csv"), "--date", date, "--register", register, "--wave", String(wave), "--seed", `c${wave}`, "--treat", "80"]);
    expect(r.code, r.stderr).toBe(0);
  }
});

/** The file with the id in `column` on data row `row` replaced by `value`. */
function withValue(source: string, column: string, row: number, value: string, name: string): string {
  const lines = readFileSync(source, "utf8").split("\n");
  const j = lines[0].split(",").indexOf(column);
  expect(j, `${column} in ${source}`).toBeGreaterThanOrEqual(0);
  const fields = lines[row].split(",");
  fields[j] = value;
  lines[row] = fields.join(",");
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

const S = (n: string) => join(SAMPLES, n);
interface Case { file: string; source: string; column: string; args: (path: string) => string[]; codes?: number[] }
const estimateArgs = (over: Record<string, string>) => [
  "estimate", "--register", over.register ?? register, "--persons", over.persons ?? S("persons.csv"), "--outcomes", over.outcomes ?? S("outcomes.csv"),
  "--takeup", over.takeup ?? S("takeup.csv"), "--outcome", "employment", "--window", "first", "--no-progress",
];
const drawArgs = (households: string, cases: string) => ["draw", "--households", households, "--cases", cases, "--date", "2025-03-01", "--register", join(dir, "fresh", "allocations.csv"), "--wave", "1", "--seed", "c", "--treat", "80"];

const CASES: Case[] = [
  { file: "households.csv", source: S("households.csv"), column: "household_id", args: (p) => drawArgs(p, S("cases.csv")) },
  { file: "cases.csv", source: S("cases.csv"), column: "case_id", args: (p) => drawArgs(S("households.csv"), p) },
  { file: "cases.csv", source: S("cases.csv"), column: "household_id", args: (p) => drawArgs(S("households.csv"), p) },
  { file: "persons.csv", source: S("persons.csv"), column: "person_id", args: (p) => estimateArgs({ persons: p }) },
  { file: "persons.csv", source: S("persons.csv"), column: "household_id", args: (p) => estimateArgs({ persons: p }) },
  { file: "outcomes.csv", source: S("outcomes.csv"), column: "person_id", args: (p) => estimateArgs({ outcomes: p }) },
  { file: "takeup.csv", source: S("takeup.csv"), column: "household_id", args: (p) => estimateArgs({ takeup: p }) },
  { file: "allocations.csv", source: register, column: "household_id", args: (p) => ["verify", "--register", p], codes: [1, 2] },
  { file: "allocations.csv", source: register, column: "household_id", args: (p) => estimateArgs({ register: p }), codes: [0, 2] },
  { file: "takeup.csv", source: S("takeup.csv"), column: "household_id", args: (p) => ["report", "--audience", "sus", "--register", register, "--takeup", p, "--out", join(dir, "report-out")], codes: [0, 2] },
];

describe("a CPR-like value in an identifier column: refused, and never shown", () => {
  for (const c of CASES) {
    it(`${c.args("x")[0]} with ${c.file} ${c.column}`, async () => {
      for (const cpr of CPRS) {
        for (const row of [1, 7]) {
          const path = withValue(c.source, c.column, row, cpr, c.file);
          const r = await runInProcess(c.args(path), withReport);
          if (r.crash) throw r.crash;
          expect(c.codes ?? [2], `${c.file} ${c.column} = ${cpr} on row ${row}: exit ${r.code} ${r.stderr}`).toContain(r.code);
          const all = `${r.stdout}\n${r.stderr}`;
          expect(all.includes(cpr) || all.includes(cpr.replace("-", "")), `${c.file} ${c.column}: the value is shown: ${r.stderr}`).toBe(false);
          expect(cprLikeIn(all)).toEqual([]);
          if (r.code !== 0) expect(r.stderr.trim().split("\n").pop()).toMatch(/^effekt: [^\n]+$/);
          const reportOut = join(dir, "report-out");
          if (existsSync(reportOut)) {
            for (const t of await sentOnTexts(reportOut)) expect(cprLikeIn(t.text), t.path).toEqual([]);
            rmSync(reportOut, { recursive: true });
          }
        }
      }
    });
  }
});
