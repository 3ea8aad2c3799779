/**
 * Result folders for the disclosure attacks: a fixed adversarial design (a wave of 3 households, an area of 3
 * pupils, a subgroup level of 3 persons, a benefit type held by 2 households in one arm, one household's income
 * in a wave of its own) and small random designs (seeded) for the fuzz suite. Everything a report reads is
 * generated from synthetic households and persons, so every published number is consistent with every other,
 * as in real results: the attacker's equations hold exactly.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { balanceTable } from "../../src/draw/balance.js";
import { balanceCsv } from "../../src/report/balance.js";
import { wilson } from "../../src/indicators/wilson.js";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export interface Household {
  wave: number;
  area: string;
  arm: "treatment" | "control";
  tookUp: boolean;
  benefit: string;
  income: number;
  adults: number;
}

export interface SubgroupLevel {
  level: string;
  nT: number;
  nC: number;
}

export interface Design {
  households: Household[];
  /** Outcome "employment" at horizon 3, by the levels of subgroup "sex" (the whole sample is their union). */
  levels: SubgroupLevel[];
  /** Indicator persons per area: n and how many meet it. */
  indicator: { area: string; n: number; x: number }[];
  /** Persons without a value, per arm. */
  missing: { treatment: number; control: number };
}

/** The fixed adversarial design. */
export function adversarialDesign(): Design {
  const rng = seedrandom("adversarial");
  const hh: Household[] = [];
  const add = (wave: number, area: string, t: number, c: number, declined: number, benefit: (i: number) => string) => {
    for (let i = 0; i < t + c; i++) {
      const arm = i < t ? "treatment" : "control";
      hh.push({ wave, area, arm, tookUp: arm === "treatment" && i >= declined, benefit: benefit(i), income: 150000 + Math.round(rng() * 200000), adults: 1 + Math.floor(rng() * 2) });
    }
  };
  const common = ["kontanthjælp", "førtidspension", "selvforsørgende"];
  add(1, "Nord", 30, 40, 6, (i) => common[i % 3]);
  add(1, "Syd", 25, 35, 5, (i) => common[(i + 1) % 3]);
  // A benefit type held by 2 households, both in wave 2's control arm.
  add(2, "Nord", 20, 22, 7, (i) => (i === 20 || i === 21 ? "a-dagpenge" : common[i % 3]));
  add(2, "Syd", 18, 20, 5, (i) => common[(i + 2) % 3]);
  // A wave of 3 households.
  add(3, "Nord", 2, 1, 0, (i) => common[i % 3]);
  return {
    households: hh,
    levels: [{ level: "f", nT: 60, nC: 70 }, { level: "m", nT: 55, nC: 60 }, { level: "x", nT: 3, nC: 2 }],
    indicator: [{ area: "Nord", n: 40, x: 30 }, { area: "Syd", n: 35, x: 28 }, { area: "Lille", n: 3, x: 2 }],
    missing: { treatment: 7, control: 2 },
  };
}

/** A small random design: 1-3 waves, 1-3 areas, small cells likely. */
export function randomDesign(seed: string): Design {
  const rng = seedrandom(seed);
  const int = (a: number, b: number) => a + Math.floor(rng() * (b - a + 1));
  const areas = ["A", "B", "C"].slice(0, int(1, 3));
  const benefits = ["kontanthjælp", "førtidspension", "a-dagpenge", "selvforsørgende"].slice(0, int(2, 4));
  const hh: Household[] = [];
  const waves = int(1, 3);
  for (let w = 1; w <= waves; w++) {
    for (const area of areas) {
      const t = int(0, rng() < 0.4 ? 4 : 30), c = int(rng() < 0.3 ? 0 : 1, rng() < 0.4 ? 4 : 30);
      const declined = int(0, Math.min(t, 6));
      for (let i = 0; i < t + c; i++) {
        const arm = i < t ? "treatment" : "control";
        hh.push({ wave: w, area, arm, tookUp: arm === "treatment" && i >= declined, benefit: benefits[Math.floor(rng() ** 2 * benefits.length)], income: int(100000, 400000), adults: int(1, 2) });
      }
    }
  }
  if (hh.filter((h) => h.arm === "treatment").length === 0) hh.push({ wave: 1, area: areas[0], arm: "treatment", tookUp: true, benefit: benefits[0], income: 200000, adults: 1 });
  if (hh.filter((h) => h.arm === "control").length === 0) hh.push({ wave: 1, area: areas[0], arm: "control", tookUp: false, benefit: benefits[0], income: 200000, adults: 1 });
  const levels = ["f", "m", "x"].slice(0, int(2, 3)).map((level) => ({ level, nT: int(rng() < 0.3 ? 1 : 5, 40), nC: int(rng() < 0.3 ? 1 : 5, 40) }));
  const indicator = areas.map((area) => {
    const n = int(rng() < 0.3 ? 1 : 5, 60);
    return { area, n, x: int(0, n) };
  });
  return { households: hh, levels, indicator, missing: { treatment: int(0, 8), control: int(0, 8) } };
}

/** Writes the result files of a design into `dir`; returns the take-up file to pass to the report. */
export function writeDesign(dir: string, design: Design, seed = "design"): { takeup: string } {
  mkdirSync(dir, { recursive: true });
  const rng = seedrandom(seed);
  const hh = design.households;
  const reg = ["household_id,wave,stratum,arm,p_treatment,p_fraction,draw_date,seal"];
  const take = ["household_id,took_up"];
  hh.forEach((h, i) => {
    const id = `HH${String(i + 1).padStart(5, "0")}`;
    reg.push(`${id},${h.wave},${h.area},${h.arm},0.5,1/2,2025-0${h.wave}-01,seal`);
    if (h.arm === "treatment") take.push(`${id},${h.tookUp}`);
  });
  const register = `${reg.join("\n")}\n`;
  writeFileSync(join(dir, "allocations.csv"), register);
  writeFileSync(join(dir, "takeup.csv"), `${take.join("\n")}\n`);

  // The balance table, as effekt draw writes it.
  const balance = balanceTable(
    { wave: hh.map((h) => h.wave), treated: Uint8Array.from(hh.map((h) => (h.arm === "treatment" ? 1 : 0))) },
    [
      { name: "benefit_type", kind: "categorical", levels: hh.map((h) => h.benefit) },
      { name: "income", kind: "numeric", values: Float64Array.from(hh.map((h) => h.income)) },
      { name: "adults", kind: "numeric", values: Float64Array.from(hh.map((h) => h.adults)) },
    ],
  );
  writeFileSync(join(dir, "allocations.csv.balance.csv"), balanceCsv(balance));

  // Effects: employment at horizon 3, whole sample and by sex, from synthetic persons (0/1 outcomes).
  const header = "outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,p_ri,p_holm,p_bh,p_interaction,n_treatment,n_control,n_clusters,control_mean,role,allocation";
  const persons = design.levels.map((l) => ({
    ...l,
    yT: Array.from({ length: l.nT }, () => (rng() < 0.4 ? 1 : 0)),
    yC: Array.from({ length: l.nC }, () => (rng() < 0.3 ? 1 : 0)),
  }));
  const mean = (y: number[]) => (y.length === 0 ? 0 : y.reduce((a, b) => a + b, 0) / y.length);
  const row = (level: string, yT: number[], yC: number[]) => {
    const est = mean(yT) - mean(yC);
    const sub = level === "" ? "," : `sex,${level}`;
    return `employment,3,difference_in_means,ITT,${sub},${est},0.05,50,${est - 0.1},${est + 0.1},0.3,0.3,0.3,0.3,${level === "" ? "" : "0.5"},${yT.length},${yC.length},${yT.length + yC.length},${mean(yC)},primary,effekt`;
  };
  const allT = persons.flatMap((p) => p.yT), allC = persons.flatMap((p) => p.yC);
  const effects = `${[header, row("", allT, allC), ...persons.map((p) => row(p.level, p.yT, p.yC))].join("\n")}\n`;
  writeFileSync(join(dir, "effects.csv"), effects);
  const arms = ["treatment", "control"] as const;
  const nArm = { treatment: allT.length, control: allC.length };
  const meta = {
    format: "effekt-effects-meta-v1",
    effekt_version: "0.1.0",
    table_sha256: sha(effects),
    register: { file: "allocations.csv", sha256: sha(register), source: "effekt", verified_by_effekt: true, households: hh.length, waves: [...new Set(hh.map((h) => h.wave))] },
    inputs: { persons: { file: "persons.csv", sha256: "0".repeat(64) }, outcomes: { file: "outcomes.csv", sha256: "1".repeat(64) }, takeup: null },
    plan: null,
    alpha: 0.05,
    multiplicity: { method: "both", estimator: "difference_in_means", families: "test" },
    permutations: 100,
    ri_seed: "test-ri",
    takeup: arms.map((arm) => ({ arm, households: hh.filter((h) => h.arm === arm).length, took_up: hh.filter((h) => h.arm === arm && h.tookUp).length })),
    attrition: arms.map((arm) => ({ outcome: "employment", horizon: 3, arm, persons_counted: nArm[arm] + design.missing[arm], persons_with_value: nArm[arm] })),
    pending: [],
    warnings: [],
  };
  writeFileSync(join(dir, "effects.csv.meta.json"), `${JSON.stringify(meta, null, 2)}\n`);

  // Indicator: a share of pupils per area and for all areas, with Wilson intervals.
  const ih = "indicator,subgoal,area,year,unit,direction,value,n,interval_lower,interval_upper,interval_method,interval_level,area_baseline,area_baseline_year,comparison_label,comparison_baseline,comparison_baseline_year,change_since_baseline,gap_to_comparison,target,target_year,progress_to_target,difference_unit,status,status_reason";
  const line = (area: string, n: number, x: number) => {
    const w = wilson(x, n);
    return `grade9,Goal,${area},2024,share,higher,${n > 0 ? x / n : ""},${n},${w.lower},${w.upper},wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,0,0,0.92,2025,0,percentage points,unchanged,x`;
  };
  const N = design.indicator.reduce((a, r) => a + r.n, 0), X = design.indicator.reduce((a, r) => a + r.x, 0);
  writeFileSync(join(dir, "indicators.csv"), `${[ih, ...design.indicator.map((r) => line(r.area, r.n, r.x)), line("all areas", N, X)].join("\n")}\n`);
  return { takeup: join(dir, "takeup.csv") };
}
