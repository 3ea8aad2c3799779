import type { Arm } from "./wave.js";

export type Covariate =
  | { name: string; kind: "numeric"; values: Float64Array }
  | { name: string; kind: "categorical"; levels: (string | undefined)[] };

export interface BalanceRow {
  wave: string;
  covariate: string;
  /** For categorical covariates, the level whose share is compared; empty for numeric ones. */
  level: string;
  n_treatment: number;
  n_control: number;
  mean_treatment: number;
  mean_control: number;
  difference: number;
  /** (mean_t - mean_c) / sqrt((var_t + var_c) / 2), the usual standardised difference (Austin 2009); NaN-free: 0 when both variances are 0. */
  std_difference: number;
}

interface Unit {
  wave: number;
  arm: Arm;
  value: number;
}

/**
 * Baseline balance by arm, per wave and pooled: means (shares for each level of a categorical covariate),
 * their difference and the standardised difference. Missing values are left out per covariate, which the
 * counts show.
 */
export function balanceTable(units: { wave: number; arm: Arm }[], covariates: Covariate[]): BalanceRow[] {
  const waves = [...new Set(units.map((u) => u.wave))].sort((a, b) => a - b);
  const rows: BalanceRow[] = [];
  for (const cov of covariates) {
    const series: { level: string; values: number[] }[] =
      cov.kind === "numeric"
        ? [{ level: "", values: Array.from(cov.values) }]
        : [...new Set(cov.levels.filter((l): l is string => l !== undefined))].sort().map((level) => ({
            level,
            values: cov.levels.map((l) => (l === undefined ? NaN : l === level ? 1 : 0)),
          }));
    for (const s of series) {
      const all: Unit[] = units.map((u, i) => ({ ...u, value: s.values[i] })).filter((u) => !Number.isNaN(u.value));
      for (const w of waves) rows.push(compare(String(w), cov.name, s.level, all.filter((u) => u.wave === w)));
      if (waves.length > 1) rows.push(compare("all", cov.name, s.level, all));
    }
  }
  return rows;
}

function compare(wave: string, covariate: string, level: string, units: Unit[]): BalanceRow {
  const t = units.filter((u) => u.arm === "treatment").map((u) => u.value);
  const c = units.filter((u) => u.arm === "control").map((u) => u.value);
  const mt = mean(t);
  const mc = mean(c);
  const pooledSd = Math.sqrt((variance(t) + variance(c)) / 2);
  const difference = mt - mc;
  return {
    wave,
    covariate,
    level,
    n_treatment: t.length,
    n_control: c.length,
    mean_treatment: mt,
    mean_control: mc,
    difference,
    std_difference: pooledSd > 0 ? difference / pooledSd : 0,
  };
}

function mean(x: number[]): number {
  return x.length === 0 ? NaN : x.reduce((a, b) => a + b, 0) / x.length;
}

/** Sample variance (n - 1); 0 for fewer than two values, where it is undefined and contributes nothing. */
function variance(x: number[]): number {
  if (x.length < 2) return 0;
  const m = mean(x);
  return x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
}
