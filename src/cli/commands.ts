import type { Command } from "commander";

/**
 * The commands of `effekt`, in the order the help lists them: each one's summary (the root help's line) and the
 * file that registers it, imported only when that command runs (or for its own help), so `effekt --help` loads
 * none of them.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  /** the command takes options (the root help writes `name [options]`) */
  options: boolean;
  register: () => Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "init", summary: "write the evaluation folder's project file (register, inputs, plan, report settings), so commands run there need no paths", options: true, register: async () => (await import("./init.js")).registerInit },
  { name: "draw", summary: "draw one wave of the household lottery into the register (stratified complete randomisation)", options: true, register: async () => (await import("./draw.js")).registerDraw },
  { name: "verify", summary: "re-derive every wave from its manifest and input files and check the register's hash chain", options: true, register: async () => (await import("./verify.js")).registerVerify },
  { name: "estimate", summary: "effect estimates (ITT by difference in means and Lin regression, CACE with take-up) by an analysis plan or quick mode", options: true, register: async () => (await import("./estimate.js")).registerEstimate },
  { name: "power", summary: "minimum detectable effect (and power for a given effect) of the household-randomised design", options: true, register: async () => (await import("./power.js")).registerPower },
  { name: "indicators", summary: "indicators per area and year against area baseline, comparison baseline and target (pending shown as pending)", options: true, register: async () => (await import("./indicators.js")).registerIndicators },
  { name: "gains", summary: "budget-economic gains (SØM) by budget year and years since the draw, per account (kommune, region, stat, public, investor), the repayment, Monte Carlo intervals and a tornado", options: true, register: async () => (await import("./gains.js")).registerGains },
  { name: "plan", summary: "pre-register an analysis plan: lock it in the register before any outcome is read", options: false, register: async () => (await import("./plan.js")).registerPlan },
  { name: "report", summary: "tables for SUS (formative) or AAU (summative) with suppression of small cells: XLSX, CSV, Markdown, HTML", options: true, register: async () => (await import("./report.js")).registerReport },
  { name: "outcomes", summary: "prepare outcome deliveries for effekt estimate", options: false, register: async () => (await import("./outcomes.js")).registerOutcomes },
];

/** The one-line summary of a command (its `.description`). */
export function summaryOf(name: string): string {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name} in src/cli/commands.ts`);
  return c.summary;
}
