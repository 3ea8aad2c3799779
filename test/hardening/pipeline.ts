import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Command } from "commander";
import { expect } from "vitest";
import { ROOT, SAMPLES } from "../helpers.js";
import { runInProcess, type InProcessResult } from "./runInProcess.js";
import { registerReport } from "../../src/cli/report.js";

/** Registers `report` when main.ts does not have it yet. */
export function withReport(program: Command): void {
  if (!program.commands.some((c) => c.name() === "report")) registerReport(program);
}

export interface PipelineFiles {
  households: string;
  cases: string;
  persons: string;
  outcomes: string;
  takeup: string;
  indicatorValues: string;
  indicatorPersons: string;
  spec: string;
}

export const SAMPLE_FILES: PipelineFiles = {
  households: join(SAMPLES, "households.csv"),
  cases: join(SAMPLES, "cases.csv"),
  persons: join(SAMPLES, "persons.csv"),
  outcomes: join(SAMPLES, "outcomes.csv"),
  takeup: join(SAMPLES, "takeup.csv"),
  indicatorValues: join(SAMPLES, "indicator-values.csv"),
  indicatorPersons: join(SAMPLES, "indicator-persons.csv"),
  spec: join(ROOT, "analyses", "lbf-uddannelse-og-livschancer.json"),
};

/**
 * The demo's workflow (samples/demo.ts), in-process, into `out`: two waves, verify, plan lock, estimate by the
 * plan, indicators (aggregated and person-level), gains from the effect table, and both reports.
 * `extra` flags go to every command that reads identifiers. Returns every command's result, in order.
 */
export async function runPipeline(out: string, files: PipelineFiles, extra: { draw?: string[]; estimate?: string[]; report?: string[] } = {}): Promise<{ args: string[]; result: InProcessResult }[]> {
  const register = join(out, "allocations.csv");
  const plan = join(ROOT, "analyses", "relationel-velfaerd.json");
  const steps: string[][] = [
    ["draw", "--households", files.households, "--cases", files.cases, "--date", "2025-03-01", "--register", register, "--wave", "1", "--seed", "viborg-2025-wave-1", "--treat", "80", ...(extra.draw ?? [])],
    ["draw", "--households", files.households, "--cases", files.cases, "--date", "2025-09-01", "--register", register, "--wave", "2", "--seed", "viborg-2025-wave-2", "--treat", "60", ...(extra.draw ?? [])],
    ["verify", "--register", register, ...(extra.draw ?? [])],
    ["plan", "lock", "--plan", plan, "--register", register],
    ["estimate", "--plan", plan, "--register", register, "--persons", files.persons, "--outcomes", files.outcomes, "--takeup", files.takeup, "--no-progress", "--out", join(out, "effects.csv"), ...(extra.estimate ?? [])],
    ["indicators", "--spec", files.spec, "--values", files.indicatorValues, "--out", join(out, "indicators.csv")],
    ["indicators", "--spec", files.spec, "--persons", files.indicatorPersons, "--out", join(out, "indicators-persons.csv")],
    ["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--estimates", join(out, "effects.csv"), "--assume", "foster-placement-avoided=0.002", "--assume", "residential-placement-avoided=0.001", "--assume", "school-absence-reduced=0.05", "--assume", "life-satisfaction-up=0.06", "--out", join(out, "gains.json")],
    ["gains", "--model", join(ROOT, "analyses", "gains-relationel-velfaerd.json"), "--assume", "employment=0.03", "--format", "csv", "--out", join(out, "gains.csv")],
    ["report", "--audience", "sus", "--results", out, "--takeup", files.takeup, "--out", join(out, "report-sus"), ...(extra.report ?? [])],
    ["report", "--audience", "aau", "--results", out, "--takeup", files.takeup, "--out", join(out, "report-aau"), ...(extra.report ?? [])],
  ];
  const results: { args: string[]; result: InProcessResult }[] = [];
  for (const args of steps) {
    const result = await runInProcess(args, withReport);
    results.push({ args, result });
    if (result.crash) throw result.crash;
    expect(result.code, `effekt ${args.join(" ")}: ${result.stderr}`).toBe(0);
  }
  return results;
}

/** The outputs meant to be sent on: everything in `out` but the register, its manifests and the lock. */
export async function sentOnTexts(out: string): Promise<{ path: string; text: string }[]> {
  const texts: { path: string; text: string }[] = [];
  const walk = async (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (dir === out && (name === "allocations.csv" || name === "allocations.csv.manifests" || name === "allocations.csv.lock")) continue;
      if (statSync(p).isDirectory()) await walk(p);
      else if (name.endsWith(".xlsx")) texts.push({ path: p, text: await xlsxText(p) });
      else texts.push({ path: p, text: readFileSync(p, "utf8") });
    }
  };
  await walk(out);
  return texts;
}

/** Every cell of every sheet of a workbook, as text (values, formulas and their results). */
export async function xlsxText(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const parts: string[] = [];
  wb.eachSheet((ws) => {
    parts.push(`[${ws.name}]`);
    ws.eachRow((row) => row.eachCell((cell) => parts.push(typeof cell.value === "object" ? JSON.stringify(cell.value) : String(cell.value))));
  });
  return parts.join("\n");
}
