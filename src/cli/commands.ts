import type { Command } from "commander";
import type { MessageKey } from "../i18n/catalogue.js";
import { tm } from "../i18n/messageLang.js";

/**
 * The commands of `effekt`, in the order the help lists them: each one's summary (the root help's line) and the
 * file that registers it, imported only when that command runs (or for its own help), so `effekt --help` loads
 * none of them.
 */
export interface CommandEntry {
  name: string;
  /** the summary's catalogue key: the summary is in the run's language, which is set after this module is loaded */
  summary: MessageKey;
  /** the command takes options (the root help writes `name [options]`) */
  options: boolean;
  register: () => Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "init", summary: "file_help_init", options: true, register: async () => (await import("./init.js")).registerInit },
  { name: "draw", summary: "file_help_draw", options: true, register: async () => (await import("./draw.js")).registerDraw },
  { name: "verify", summary: "file_help_verify", options: true, register: async () => (await import("./verify.js")).registerVerify },
  { name: "estimate", summary: "file_help_estimate", options: true, register: async () => (await import("./estimate.js")).registerEstimate },
  { name: "power", summary: "file_help_power", options: true, register: async () => (await import("./power.js")).registerPower },
  { name: "indicators", summary: "file_help_indicators", options: true, register: async () => (await import("./indicators.js")).registerIndicators },
  { name: "gains", summary: "file_help_gains", options: true, register: async () => (await import("./gains.js")).registerGains },
  { name: "plan", summary: "file_help_plan", options: false, register: async () => (await import("./plan.js")).registerPlan },
  { name: "report", summary: "file_help_report", options: true, register: async () => (await import("./report.js")).registerReport },
  { name: "outcomes", summary: "file_help_outcomes", options: false, register: async () => (await import("./outcomes.js")).registerOutcomes },
];

/** The one-line summary of a command (its `.description`), in the run's language. */
export function summaryOf(name: string): string {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name} in src/cli/commands.ts`);
  return tm(c.summary);
}
