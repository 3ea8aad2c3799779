import type { Command } from "commander";
import { runPlanLock, runPlanShow, type PlanLockOptions, type PlanShowOptions } from "../plan/run.js";
import { tm } from "../i18n/messageLang.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

export { runPlanLock, runPlanShow, type PlanLockOptions, type PlanShowOptions } from "../plan/run.js";

export function registerPlan(program: Command): void {
  const plan = program.command("plan").description(summaryOf("plan"));
  plan
    .command("lock")
    .description(tm("est_help_lock"))
    .requiredOption("--plan <file>", tm("est_help_lock_plan"))
    .requiredOption("--register <file>", tm("est_help_lock_register"))
    .option("--date <YYYY-MM-DD>", tm("est_help_lock_date"))
    .option("--relock", tm("est_help_lock_relock"))
    .option("--reason <text>", tm("est_help_lock_reason"))
    .addHelpText("after", `\n${tm("file_help_example")}\n  effekt plan lock --plan analyses/relationel-velfaerd.json --register out/allocations.csv --date 2025-03-02\n`)
    .action((opts: PlanLockOptions) => {
      for (const line of runPlanLock(opts)) say(line);
    });
  plan
    .command("show")
    .description(tm("est_help_show"))
    .requiredOption("--register <file>", tm("file_help_init_register"))
    .option("--plan <file>", tm("est_help_show_plan"))
    .option("--format <text|json>", tm("est_help_show_format"))
    .action((opts: PlanShowOptions) => {
      for (const line of runPlanShow(opts)) say(line);
    });
}
