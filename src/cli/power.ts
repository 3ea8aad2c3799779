import type { Command } from "commander";
import { UserError } from "../errors.js";
import { minimumDetectableEffect, power, powerCace, type ClusterDesign } from "../estimate/index.js";
import { say } from "./output.js";

export interface PowerOptions {
  households?: string;
  personsPerHousehold: string;
  icc: string;
  shareTreated?: string;
  r2?: string;
  alpha?: string;
  power?: string;
  effect?: string;
  sd?: string;
  householdSizeCv?: string;
  waves?: string;
  attrition?: string;
  takeup?: string;
}

export function registerPower(program: Command): void {
  program
    .command("power")
    .description("minimum detectable effect (and power for a given effect) of the household-randomised design")
    .option("--households <n>", "number of households randomised (clusters); or --waves")
    .requiredOption("--persons-per-household <m>", "mean persons per household with the outcome")
    .requiredOption("--icc <r>", "intra-household correlation of the outcome, 0-1")
    .option("--share-treated <p>", "share of households drawn for treatment", "0.5")
    .option("--r2 <r2>", "outcome variance explained by baseline covariates", "0")
    .option("--alpha <a>", "two-sided significance level", "0.05")
    .option("--power <p>", "target power for the MDE", "0.8")
    .option("--effect <e>", "also print the power to detect this effect (in --sd units)")
    .option("--sd <s>", "outcome standard deviation (default 1: the MDE in standard deviations)", "1")
    .option("--household-size-cv <cv>", "coefficient of variation of household size (sd / mean of persons per household)", "0")
    .option("--waves <list>", "waves with their own share treated, as households:share,... (e.g. 321:0.25,92:0.65); replaces --households and --share-treated")
    .option("--attrition <a>", "share of households whose outcome will be missing (at random)", "0")
    .option("--takeup <c>", "share of treated households expected to take up the offer (none in control): also the CACE's MDE")
    .addHelpText("after", "\nExample:\n  effekt power --households 140 --persons-per-household 1.6 --icc 0.3 --share-treated 0.5 --r2 0.2\n  effekt power --waves 321:0.25,92:0.65 --persons-per-household 1.6 --household-size-cv 0.5 --icc 0.3 --takeup 0.7 --attrition 0.1\n")
    .action((opts: PowerOptions) => {
      runPower(opts);
    });
}

function num(raw: string | undefined, flag: string): number {
  const v = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(v)) throw new UserError(`--${flag} "${raw}" is not a number`);
  return v;
}

/** "321:0.25,92:0.65" -> waves */
function parseWaves(raw: string): { households: number; shareTreated: number }[] {
  return raw.split(",").map((part, i) => {
    const [h, p, extra] = part.split(":");
    const households = Number(h);
    const shareTreated = Number(p);
    if (extra !== undefined || h === undefined || p === undefined || h.trim() === "" || p.trim() === "" || !Number.isInteger(households) || !Number.isFinite(shareTreated)) {
      throw new UserError(`--waves "${raw}": wave ${i + 1} ("${part}") is not households:share (e.g. 321:0.25)`);
    }
    return { households, shareTreated };
  });
}

export function runPower(opts: PowerOptions): { mde: number; mde_cace?: number; power?: number; power_cace?: number; std_error: number; design_effect: number; df: number } {
  if (opts.households === undefined && opts.waves === undefined) throw new UserError("give --households (or --waves)");
  if (opts.households !== undefined && opts.waves !== undefined) throw new UserError("give --households or --waves, not both");
  const waves = opts.waves !== undefined ? parseWaves(opts.waves) : undefined;
  const design: ClusterDesign = {
    households: waves ? waves.reduce((s, w) => s + w.households, 0) : num(opts.households, "households"),
    personsPerHousehold: num(opts.personsPerHousehold, "persons-per-household"),
    icc: num(opts.icc, "icc"),
    shareTreated: num(opts.shareTreated ?? "0.5", "share-treated"),
    r2: num(opts.r2 ?? "0", "r2"),
    alpha: num(opts.alpha ?? "0.05", "alpha"),
    sd: num(opts.sd ?? "1", "sd"),
    clusterSizeCv: num(opts.householdSizeCv ?? "0", "household-size-cv"),
    attrition: num(opts.attrition ?? "0", "attrition"),
    takeup: opts.takeup !== undefined ? num(opts.takeup, "takeup") : undefined,
    waves,
  };
  if (!Number.isInteger(design.households)) throw new UserError(`--households "${opts.households}" is not a whole number`);
  const target = num(opts.power ?? "0.8", "power");
  const m = minimumDetectableEffect(design, target);
  const shares = waves ? waves.map((w) => `${w.households} at ${w.shareTreated}`).join(", ") + " treated" : `${design.shareTreated} treated`;
  const extras = [
    design.clusterSizeCv ? `household size CV ${design.clusterSizeCv}` : "",
    design.attrition ? `attrition ${design.attrition}` : "",
    design.takeup !== undefined ? `take-up ${design.takeup}` : "",
  ].filter((x) => x !== "");
  say(`design: ${design.households} households x ${design.personsPerHousehold} persons, ICC ${design.icc}, ${shares}, R2 ${design.r2}, alpha ${design.alpha}${extras.length ? `, ${extras.join(", ")}` : ""}`);
  say(`design effect ${m.design_effect.toFixed(3)}, standard error ${m.std_error.toPrecision(4)}, df ${m.df}`);
  say(`minimum detectable effect at ${Math.round(target * 100)}% power: ${m.mde.toPrecision(4)}${design.sd === 1 ? " standard deviations" : ""}`);
  if (design.takeup !== undefined) say(`minimum detectable complier effect (CACE) at ${Math.round(target * 100)}% power: ${m.mde_cace.toPrecision(4)}${design.sd === 1 ? " standard deviations" : ""}`);
  let p: number | undefined;
  let pc: number | undefined;
  if (opts.effect !== undefined) {
    const e = num(opts.effect, "effect");
    p = power(design, e).power;
    say(`power to detect an effect of ${e}: ${(100 * p).toFixed(1)}%`);
    if (design.takeup !== undefined) {
      pc = powerCace(design, e).power;
      say(`power to detect a complier effect (CACE) of ${e}: ${(100 * pc).toFixed(1)}%`);
    }
  }
  return { mde: m.mde, mde_cace: design.takeup !== undefined ? m.mde_cace : undefined, power: p, power_cace: pc, std_error: m.std_error, design_effect: m.design_effect, df: m.df };
}
