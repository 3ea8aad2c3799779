import type { Command } from "commander";
import { UserError } from "../errors.js";
import { minimumDetectableEffect, power, type ClusterDesign } from "../estimate/index.js";
import { say } from "./output.js";

export interface PowerOptions {
  households: string;
  personsPerHousehold: string;
  icc: string;
  shareTreated?: string;
  r2?: string;
  alpha?: string;
  power?: string;
  effect?: string;
  sd?: string;
}

export function registerPower(program: Command): void {
  program
    .command("power")
    .description("minimum detectable effect (and power for a given effect) of the household-randomised design")
    .requiredOption("--households <n>", "number of households randomised (clusters)")
    .requiredOption("--persons-per-household <m>", "mean persons per household with the outcome")
    .requiredOption("--icc <r>", "intra-household correlation of the outcome, 0-1")
    .option("--share-treated <p>", "share of households drawn for treatment", "0.5")
    .option("--r2 <r2>", "outcome variance explained by baseline covariates", "0")
    .option("--alpha <a>", "two-sided significance level", "0.05")
    .option("--power <p>", "target power for the MDE", "0.8")
    .option("--effect <e>", "also print the power to detect this effect (in --sd units)")
    .option("--sd <s>", "outcome standard deviation (default 1: the MDE in standard deviations)", "1")
    .addHelpText("after", "\nExample:\n  effekt power --households 140 --persons-per-household 1.6 --icc 0.3 --share-treated 0.5 --r2 0.2\n")
    .action((opts: PowerOptions) => {
      runPower(opts);
    });
}

function num(raw: string | undefined, flag: string): number {
  const v = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(v)) throw new UserError(`--${flag} "${raw}" is not a number`);
  return v;
}

export function runPower(opts: PowerOptions): { mde: number; power?: number; std_error: number; design_effect: number; df: number } {
  const design: ClusterDesign = {
    households: num(opts.households, "households"),
    personsPerHousehold: num(opts.personsPerHousehold, "persons-per-household"),
    icc: num(opts.icc, "icc"),
    shareTreated: num(opts.shareTreated ?? "0.5", "share-treated"),
    r2: num(opts.r2 ?? "0", "r2"),
    alpha: num(opts.alpha ?? "0.05", "alpha"),
    sd: num(opts.sd ?? "1", "sd"),
  };
  if (!Number.isInteger(design.households)) throw new UserError(`--households "${opts.households}" is not a whole number`);
  const target = num(opts.power ?? "0.8", "power");
  const m = minimumDetectableEffect(design, target);
  say(`design: ${design.households} households x ${design.personsPerHousehold} persons, ICC ${design.icc}, ${design.shareTreated} treated, R2 ${design.r2}, alpha ${design.alpha}`);
  say(`design effect ${m.design_effect.toFixed(3)}, standard error ${m.std_error.toPrecision(4)}, df ${m.df}`);
  say(`minimum detectable effect at ${Math.round(target * 100)}% power: ${m.mde.toPrecision(4)}${design.sd === 1 ? " standard deviations" : ""}`);
  let p: number | undefined;
  if (opts.effect !== undefined) {
    const e = num(opts.effect, "effect");
    p = power(design, e).power;
    say(`power to detect an effect of ${e}: ${(100 * p).toFixed(1)}%`);
  }
  return { mde: m.mde, power: p, std_error: m.std_error, design_effect: m.design_effect, df: m.df };
}
