import type { Command } from "commander";
import { runPlanLock, runPlanShow, type PlanLockOptions, type PlanShowOptions } from "../plan/run.js";
import { say } from "./output.js";
import { summaryOf } from "./commands.js";

export { runPlanLock, runPlanShow, type PlanLockOptions, type PlanShowOptions } from "../plan/run.js";

export function registerPlan(program: Command): void {
  const plan = program.command("plan").description(summaryOf("plan"));
  plan
    .command("lock")
    .description("record the analysis plan and its hash beside the register (<register>.manifests/plan-lock.json)")
    .requiredOption("--plan <file>", "the analysis plan (JSON; see data-schemas/analysis-plan.md)")
    .requiredOption("--register <file>", "the allocation register from effekt draw")
    .option("--date <YYYY-MM-DD>", "record this date as the lock date (no clock time is recorded otherwise)")
    .option("--relock", "replace a locked plan by a different one (needs --reason; the old plan stays in the history)")
    .option("--reason <text>", "with --relock: why the plan changes")
    .addHelpText("after", "\nExample:\n  effekt plan lock --plan analyses/relationel-velfaerd.json --register out/allocations.csv --date 2025-03-02\n")
    .action((opts: PlanLockOptions) => {
      for (const line of runPlanLock(opts)) say(line);
    });
  plan
    .command("show")
    .description("print the plan locked in a register, its history, and (with --plan) whether a plan matches it")
    .requiredOption("--register <file>", "the allocation register")
    .option("--plan <file>", "compare this plan with the locked one and list every deviation")
    .option("--format <text|json>", "text (default) or json (the lock file itself, or the comparison with --plan)")
    .action((opts: PlanShowOptions) => {
      for (const line of runPlanShow(opts)) say(line);
    });
}
