/**
 * Small result files with cells that must be suppressed, for the privacy tests: an area with 3 households in a
 * wave, an effect with n_control 4, a subgroup level of 4 persons, an indicator over 3 persons, attrition of 2.
 * Household ids carry the marker SECRETHH so a test can prove no id reaches an output.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ID_MARKER = "SECRETHH";
/** Statistics that must never be shown (they rest on fewer than 5 persons). */
export const SECRET_NUMBERS = ["0.4242424242", "0.3131313131", "0.9191919191", "0.6161616161"];

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

export function writeSmallResults(dir: string): { register: string; takeup: string } {
  mkdirSync(dir, { recursive: true });
  const reg = ["household_id,wave,stratum,arm,p_treatment,p_fraction,draw_date,seal"];
  const take = ["household_id,took_up"];
  let k = 0;
  const add = (wave: number, area: string, treated: number, control: number, declined: number) => {
    for (let i = 0; i < treated + control; i++) {
      const id = `${ID_MARKER}${String(++k).padStart(4, "0")}`;
      const arm = i < treated ? "treatment" : "control";
      reg.push(`${id},${wave},${area},${arm},0.5,1/2,2025-0${wave}-01,seal`);
      if (arm === "treatment") take.push(`${id},${i < treated - declined ? "true" : "false"}`);
    }
  };
  add(1, "Lille", 1, 2, 0);
  add(1, "Store", 20, 40, 3);
  add(1, "Mellem", 15, 25, 4);
  add(2, "Store", 15, 15, 5);
  add(2, "Lille", 4, 3, 1);
  const register = `${reg.join("\n")}\n`;
  writeFileSync(join(dir, "allocations.csv"), register);
  writeFileSync(join(dir, "takeup.csv"), `${take.join("\n")}\n`);

  const header = "outcome,horizon,estimator,estimand,subgroup,subgroup_level,estimate,std_error,df,ci_low,ci_high,p_value,p_ri,p_holm,p_bh,p_interaction,n_treatment,n_control,n_clusters,control_mean,role,allocation";
  const effects = [
    header,
    "employment,3,difference_in_means,ITT,,,0.05,0.02,100,0.01,0.09,0.01,0.02,0.03,0.02,,43,80,123,0.3,primary,effekt",
    "employment,3,difference_in_means,ITT,sex,f,0.03,0.02,90,-0.01,0.07,0.1,,,,0.2,39,76,110,0.31,exploratory,effekt",
    `employment,3,difference_in_means,ITT,sex,m,${SECRET_NUMBERS[0]},0.3,3,-0.5,1.2,0.4,,,,0.2,4,4,8,0.25,exploratory,effekt`,
    `wellbeing,3,difference_in_means,ITT,,,1.5,1,40,-0.5,3.5,0.2,0.3,0.4,0.3,,40,4,44,${SECRET_NUMBERS[1]},secondary,effekt`,
  ].join("\n") + "\n";
  writeFileSync(join(dir, "effects.csv"), effects);
  const meta = {
    format: "effekt-effects-meta-v1",
    effekt_version: "0.1.0",
    table_sha256: sha(effects),
    register: { file: "allocations.csv", sha256: sha(register), source: "effekt", verified_by_effekt: true, households: k, waves: [1, 2] },
    inputs: { persons: { file: "persons.csv", sha256: "0".repeat(64) }, outcomes: { file: "outcomes.csv", sha256: "1".repeat(64) }, takeup: null },
    plan: null,
    alpha: 0.05,
    multiplicity: { method: "both", estimator: "difference_in_means", families: "test" },
    permutations: 100,
    ri_seed: "test-ri",
    takeup: [{ arm: "treatment", households: 55, took_up: 42 }, { arm: "control", households: 85, took_up: 0 }],
    attrition: [
      { outcome: "employment", horizon: 3, arm: "treatment", persons_counted: 50, persons_with_value: 43 },
      { outcome: "wellbeing", horizon: 3, arm: "control", persons_counted: 6, persons_with_value: 4 },
      { outcome: "wellbeing", horizon: 3, arm: "treatment", persons_counted: 42, persons_with_value: 40 },
    ],
    pending: [],
    warnings: [],
  };
  writeFileSync(join(dir, "effects.csv.meta.json"), `${JSON.stringify(meta, null, 2)}\n`);

  const ih = "indicator,subgoal,area,year,unit,direction,value,n,interval_lower,interval_upper,interval_method,interval_level,area_baseline,area_baseline_year,comparison_label,comparison_baseline,comparison_baseline_year,change_since_baseline,gap_to_comparison,target,target_year,progress_to_target,difference_unit,status,status_reason";
  const ind = [
    ih,
    `grade9,Goal,Lille,2024,share,higher,${SECRET_NUMBERS[2]},3,${SECRET_NUMBERS[3]},0.99,wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,0,0,0.92,2025,0,percentage points,unchanged,x`,
    "grade9,Goal,Store,2024,share,higher,0.8,40,0.65,0.9,wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,0,0,0.92,2025,0,percentage points,unchanged,x",
    "grade9,Goal,Mellem,2024,share,higher,0.7,30,0.5,0.85,wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,0,0,0.92,2025,0,percentage points,unchanged,x",
    "grade9,Goal,all areas,2024,share,higher,0.76,73,0.65,0.85,wilson,0.95,0.75,2023,Viborg Kommune,0.95,2023,0,0,0.92,2025,0,percentage points,unchanged,x",
    "absence,Absence,all areas,2025,rate,lower,pending,,,,,,,,,,,,,,,,percentage points,pending,data pending",
  ].join("\n") + "\n";
  writeFileSync(join(dir, "indicators.csv"), ind);
  return { register: join(dir, "allocations.csv"), takeup: join(dir, "takeup.csv") };
}

