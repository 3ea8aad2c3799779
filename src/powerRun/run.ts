import { UserError } from "../errors.js";
import { minimumDetectableEffect, power, powerCace, type ClusterDesign } from "../estimate/index.js";
import cliProgress from "cli-progress";
import { messageLang, tm } from "../i18n/index.js";
import { normalStream } from "../gains/normalDraws.js";
import type { Diagnosis, OutcomeModel } from "../estimate/index.js";
import { readAssignment } from "../io/assignment.js";
import { readPersons } from "../io/persons.js";
import { makeAssignment, type Assignment, type AssignedHousehold } from "../draw/assignment.js";
import { eligibility, VIBORG_AREAS } from "../draw/eligibility.js";
import { parseTreat } from "../draw/places.js";
import { drawWaveColumns } from "../draw/wave.js";
import { loadHouseholds } from "../io/households.js";
import { formatDay, parseDateFlag } from "../io/columns.js";
import { requireInputFile } from "../io/outputGuard.js";
import { simulateDesign, summariseDesign } from "../effects/index.js";

export interface PowerOptions {
  households?: string;
  personsPerHousehold?: string;
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
  simulate?: boolean;
  register?: string;
  householdsFile?: string;
  cases?: string;
  date?: string;
  treat?: string;
  strata?: string;
  areas?: string;
  minCases?: string;
  persons?: string;
  sims?: string;
  seed?: string;
  progress?: boolean;
}

/** `effekt power`: the simulation of the actual or planned lottery with `--simulate`, else the analytic answer; lines go to `say`. */
export function powerRun(opts: PowerOptions, say: (line: string) => void): void {
  if (opts.simulate) runPowerSimulation(opts, say);
  else runPower(opts, say);
}

function num(raw: string | undefined, flag: string): number {
  const v = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isFinite(v)) throw new UserError(tm("est_power_not_number", { flag, value: String(raw) }));
  return v;
}

/** "321:0.25,92:0.65" -> waves */
function parseWaves(raw: string): { households: number; shareTreated: number }[] {
  return raw.split(",").map((part, i) => {
    const [h, p, extra] = part.split(":");
    const households = Number(h);
    const shareTreated = Number(p);
    if (extra !== undefined || h === undefined || p === undefined || h.trim() === "" || p.trim() === "" || !Number.isInteger(households) || !Number.isFinite(shareTreated)) {
      throw new UserError(tm("est_power_bad_wave", { raw, i: i + 1, part }));
    }
    return { households, shareTreated };
  });
}

export function runPower(opts: PowerOptions, say: (line: string) => void): { mde: number; mde_cace?: number; power?: number; power_cace?: number; std_error: number; design_effect: number; df: number } {
  if (opts.households === undefined && opts.waves === undefined) throw new UserError(tm("est_power_need_households"));
  if (opts.personsPerHousehold === undefined) throw new UserError(tm("est_power_need_persons"));
  if (opts.households !== undefined && opts.waves !== undefined) throw new UserError(tm("est_power_households_or_waves"));
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
  if (!Number.isInteger(design.households)) throw new UserError(tm("est_power_households_whole", { value: String(opts.households) }));
  const target = num(opts.power ?? "0.8", "power");
  const m = minimumDetectableEffect(design, target);
  const shares = tm("est_power_treated", { shares: waves ? waves.map((w) => tm("est_power_wave_share", { households: w.households, share: dec(w.shareTreated) })).join(", ") : dec(design.shareTreated) });
  const extras = [
    design.clusterSizeCv ? tm("est_power_size_cv", { cv: dec(design.clusterSizeCv) }) : "",
    design.attrition ? tm("est_power_attrition", { attrition: dec(design.attrition) }) : "",
    design.takeup !== undefined ? tm("est_power_takeup", { takeup: dec(design.takeup) }) : "",
  ].filter((x) => x !== "");
  say(tm("est_power_design", { households: design.households, persons: dec(design.personsPerHousehold), icc: dec(design.icc), shares, r2: dec(design.r2), alpha: dec(design.alpha), extras: extras.length ? `, ${extras.join(", ")}` : "" }));
  say(tm("est_power_design_effect", { effect: dec(m.design_effect.toFixed(3)), se: dec(m.std_error.toPrecision(4)), df: dec(m.df) }));
  const unit = design.sd === 1 ? tm("est_power_sd_unit") : "";
  say(tm("est_power_mde", { power: Math.round(target * 100), mde: dec(m.mde.toPrecision(4)), unit }));
  if (design.takeup !== undefined) say(tm("est_power_mde_cace", { power: Math.round(target * 100), mde: dec(m.mde_cace.toPrecision(4)), unit }));
  let p: number | undefined;
  let pc: number | undefined;
  if (opts.effect !== undefined) {
    const e = num(opts.effect, "effect");
    p = power(design, e).power;
    say(tm("est_power_power", { effect: dec(e), power: dec((100 * p).toFixed(1)) }));
    if (design.takeup !== undefined) {
      pc = powerCace(design, e).power;
      say(tm("est_power_power_cace", { effect: dec(e), power: dec((100 * pc).toFixed(1)) }));
    }
  }
  return { mde: m.mde, mde_cace: design.takeup !== undefined ? m.mde_cace : undefined, power: p, power_cace: pc, std_error: m.std_error, design_effect: m.design_effect, df: m.df };
}

/**
 * `--households-file`: the wave `effekt draw` would run on a households file not yet drawn (the same eligibility,
 * strata and places, `drawWaveColumns`), as wave 1 of an assignment. Its arms only fix the number treated per
 * stratum: the simulation re-draws the lottery (`lotteryRedraws`) with those places, as for a register. With
 * places given as a total, the remainder's split over the strata is the one this seed gives.
 */
function plannedLottery(opts: PowerOptions, seed: string): Assignment {
  const file = opts.householdsFile!;
  requireInputFile(file, "--households-file");
  requireInputFile(opts.cases, "--cases");
  if (opts.treat === undefined) throw new UserError(tm("est_power_needs_treat"));
  if (opts.cases !== undefined && opts.date === undefined) throw new UserError(tm("in_cases_need_date"));
  const day = opts.date !== undefined ? parseDateFlag(opts.date, "date") : undefined;
  const minCases = Number(opts.minCases ?? "2");
  if (!Number.isInteger(minCases) || minCases < 0) throw new UserError(tm("est_power_bad_min_cases", { value: String(opts.minCases) }));
  const areas = (opts.areas ? opts.areas.split(",") : [...VIBORG_AREAS]).map((a) => a.trim().normalize("NFC")).filter((a) => a !== "");
  if (areas.length === 0) throw new UserError(tm("draw_areas_none"));
  const households = loadHouseholds({ path: file, casesPath: opts.cases, casesDate: day, strataColumn: opts.strata ?? "area" });
  const elig = eligibility({ householdIds: households.ids, areas: households.areas, activeCases: households.activeCases, selectedAreas: areas, minCases, alreadyDrawn: new Set() });
  if (elig.eligible.length === 0) throw new UserError(tm("est_power_none_eligible", { file, areas: areas.join(", "), min: minCases }));
  const drawn = drawWaveColumns({
    householdIds: elig.eligible.map((i) => households.ids[i]),
    strata: elig.eligible.map((i) => households.strata[i]),
    wave: 1,
    seed: `${seed}/planned`,
    treat: parseTreat(opts.treat),
  });
  const list: AssignedHousehold[] = [];
  drawn.strata.forEach((st, k) => {
    drawn.ids[k].forEach((id, r) => list.push({ householdId: id, wave: 1, stratum: st.stratum, arm: drawn.treated[k][r] ? "treatment" : "control", pTreatment: st.places / st.eligible, drawDate: day !== undefined ? formatDay(day) : "" }));
  });
  return makeAssignment("effekt", list);
}

/** Household sizes: counted in persons.csv, or generated (lognormal with the given mean and CV, rounded, at least 1). */
function householdSizes(opts: PowerOptions, assignment: Assignment, seed: string): Map<string, number> {
  const sizes = new Map<string, number>();
  if (opts.persons !== undefined) {
    const frame = readPersons(opts.persons, [], [], assignment);
    for (const h of frame.householdIds) if (assignment.byId.has(h)) sizes.set(h, (sizes.get(h) ?? 0) + 1);
    return sizes;
  }
  if (opts.personsPerHousehold === undefined) throw new UserError(tm("est_power_sim_needs_sizes"));
  const m = num(opts.personsPerHousehold, "persons-per-household");
  const cv = num(opts.householdSizeCv ?? "0", "household-size-cv");
  if (!(m >= 1) || !(cv >= 0)) throw new UserError(tm("est_power_bad_sizes", { m, cv }));
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(m) - sigma2 / 2;
  const normal = normalStream(`power-sizes\u0000${seed}`);
  for (const h of assignment.households) sizes.set(h.householdId, Math.max(1, Math.round(Math.exp(mu + Math.sqrt(sigma2) * normal.next()))));
  return sizes;
}

export function runPowerSimulation(opts: PowerOptions, say: (line: string) => void): { diagnosis: Diagnosis[]; analytic: { itt: number; cace?: number } } {
  if (opts.register === undefined && opts.householdsFile === undefined) throw new UserError(tm("est_power_simulate_needs_lottery"));
  if (opts.register !== undefined && opts.householdsFile !== undefined) throw new UserError(tm("est_power_register_or_file"));
  if (opts.households !== undefined || opts.waves !== undefined) throw new UserError(tm("est_power_simulate_no_households"));
  if (opts.effect === undefined) throw new UserError(tm("est_power_simulate_needs_effect"));
  const seed = opts.seed ?? "effekt-power";
  const assignment = opts.register !== undefined ? readAssignment({ register: opts.register }) : plannedLottery(opts, seed);
  const source = (opts.register ?? opts.householdsFile)!;
  const sims = num(opts.sims ?? "1000", "sims");
  if (!Number.isInteger(sims) || sims < 1) throw new UserError(tm("est_power_bad_sims", { value: String(opts.sims) }));
  const alpha = num(opts.alpha ?? "0.05", "alpha");
  const model: OutcomeModel = {
    effect: num(opts.effect, "effect"),
    sd: num(opts.sd ?? "1", "sd"),
    icc: num(opts.icc, "icc"),
    r2: num(opts.r2 ?? "0", "r2"),
    takeup: opts.takeup !== undefined ? num(opts.takeup, "takeup") : 1,
    attrition: num(opts.attrition ?? "0", "attrition"),
  };
  const sizes = householdSizes(opts, assignment, seed);
  const summary = summariseDesign(assignment, sizes);
  // the analytic answer for the same design, beside the simulated one
  const design: ClusterDesign = {
    households: summary.waves.reduce((s, w) => s + w.households, 0),
    personsPerHousehold: summary.meanSize,
    clusterSizeCv: summary.sizeCv,
    icc: model.icc,
    r2: model.r2,
    alpha,
    sd: model.sd,
    attrition: model.attrition,
    takeup: model.takeup,
    waves: summary.waves.map((w) => ({ households: w.households, shareTreated: w.shareTreated })),
  };
  const analyticItt = power(design, model.effect * (model.takeup ?? 1)).power;
  const analyticCace = (model.takeup ?? 1) < 1 ? powerCace(design, model.effect).power : undefined;
  const bar = opts.progress !== false && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: tm("term_progress_simulation", { bar: "{bar}", value: "{value}", total: "{total}" }), stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(sims, 0);
  let diagnosis: Diagnosis[];
  try {
    diagnosis = simulateDesign({ assignment, sizes, model, sims, seed, alpha, onProgress: (done) => bar?.update(done) });
  } finally {
    bar?.stop();
  }
  const waves = summary.waves.map((w) => tm("est_power_sim_wave", { wave: w.wave, households: w.households, share: dec((100 * w.shareTreated).toFixed(1)) })).join("; ");
  say(tm("est_power_sim_design", {
    source,
    planned: opts.register === undefined ? tm("est_power_sim_planned") : "",
    waves,
    persons: summary.persons,
    mean: dec(summary.meanSize.toFixed(2)),
    cv: dec(summary.sizeCv.toFixed(2)),
    generated: opts.persons ? "" : tm("est_power_sim_generated"),
  }));
  const compliers = (model.takeup ?? 1) < 1 ? tm("est_power_sim_compliers", { takeup: dec(model.takeup!) }) : "";
  say(tm("est_power_sim_model", { effect: dec(model.effect), compliers, sd: dec(model.sd), icc: dec(model.icc), r2: dec(model.r2), attrition: dec(model.attrition), sims, seed, alpha: dec(alpha) }));
  const pct = (v: number) => (messageLang() === "da" ? `${dec((100 * v).toFixed(1))} %` : `${(100 * v).toFixed(1)}%`);
  const fmt = (v: number) => dec(v.toPrecision(4));
  const header = ["estimator", "estimand", tm("est_power_col_power"), "bias", "RMSE", tm("est_power_col_coverage"), tm("est_power_col_mean_estimate"), tm("est_power_col_sd_estimate"), tm("est_power_col_mean_se"), tm("est_not_estimated_short")];
  const rows = diagnosis.map((d) => [d.estimator, d.estimand, pct(d.power), fmt(d.bias), fmt(d.rmse), pct(d.coverage), fmt(d.mean_estimate), fmt(d.sd_estimate), fmt(d.mean_se), String(d.not_estimated)]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  for (const r of [header, ...rows]) say(r.map((c, j) => (j < 2 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  "));
  say(tm("est_power_analytic", { r2: model.r2 ? tm("est_power_analytic_r2") : "", itt: pct(analyticItt), cace: analyticCace !== undefined ? `, CACE ${pct(analyticCace)}` : "" }));
  return { diagnosis, analytic: { itt: analyticItt, cace: analyticCace } };
}

/** A number as the summary writes it (String, toFixed or toPrecision), with the decimal mark of the run's language. */
function dec(v: number | string | undefined): string {
  const text = String(v);
  return messageLang() === "da" ? text.replace(".", ",") : text;
}
