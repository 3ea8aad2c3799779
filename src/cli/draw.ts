import type { Command } from "commander";

export function registerDraw(program: Command): void {
  program.command("draw").description("(being built)");
}
