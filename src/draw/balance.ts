export type Covariate =
  | { name: string; kind: "numeric"; values: Float64Array }
  | { name: string; kind: "categorical"; levels: (string | undefined)[] };

/** The units compared, one entry per household in a fixed order: its wave, and 1 if treated, 0 if control. */
export interface BalanceUnits {
  wave: ArrayLike<number> & Iterable<number>;
  treated: Uint8Array;
}

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
  /** (mean_t - mean_c) / sqrt((var_t + var_c) / 2), the usual standardised difference (Austin 2009); 0 when both variances are 0. */
  std_difference: number;
}

/**
 * Baseline balance by arm, per wave and pooled over waves: means (for a categorical covariate, the share at each
 * level), their difference and the standardised difference. Missing values are left out per covariate; the counts
 * show how many values each mean rests on. The pooled row compares raw means: when waves have different chances
 * of treatment it mixes wave composition into the difference, so read the per-wave rows first.
 */
export function balanceTable(units: BalanceUnits, covariates: Covariate[]): BalanceRow[] {
  const n = units.wave.length;
  const waveList = [...new Set(units.wave)].sort((a, b) => a - b);
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) groupOf[i] = waveList.indexOf(units.wave[i]);
  const treated = units.treated;
  const labels = [...waveList.map(String), ...(waveList.length > 1 ? ["all"] : [])];
  const pooled = waveList.length > 1;
  const rows: BalanceRow[] = [];
  const add = (covariate: string, level: string, value: (i: number) => number) => {
    const g = labels.length;
    // Per group and arm: count, sum, sum of squares (group g-1 is "all" when there are several waves).
    const cnt = new Float64Array(g * 2), s = new Float64Array(g * 2), ss = new Float64Array(g * 2);
    for (let i = 0; i < n; i++) {
      const v = value(i);
      if (Number.isNaN(v)) continue;
      let k = groupOf[i] * 2 + treated[i];
      cnt[k]++; s[k] += v; ss[k] += v * v;
      if (pooled) {
        k = (g - 1) * 2 + treated[i];
        cnt[k]++; s[k] += v; ss[k] += v * v;
      }
    }
    labels.forEach((wave, t) => rows.push(compare(wave, covariate, level, cnt[t * 2 + 1], s[t * 2 + 1], ss[t * 2 + 1], cnt[t * 2], s[t * 2], ss[t * 2])));
  };
  for (const cov of covariates) {
    if (cov.kind === "numeric") {
      const values = cov.values;
      add(cov.name, "", (i) => values[i]);
    } else {
      const levels = [...new Set(cov.levels.filter((l): l is string => l !== undefined))].sort();
      for (const level of levels) add(cov.name, level, (i) => (cov.levels[i] === undefined ? NaN : cov.levels[i] === level ? 1 : 0));
    }
  }
  return rows;
}

function compare(wave: string, covariate: string, level: string, nt: number, st: number, sst: number, nc: number, sc: number, ssc: number): BalanceRow {
  const mt = nt > 0 ? st / nt : NaN;
  const mc = nc > 0 ? sc / nc : NaN;
  const pooledSd = Math.sqrt((variance(nt, st, sst) + variance(nc, sc, ssc)) / 2);
  const difference = mt - mc;
  return {
    wave, covariate, level,
    n_treatment: nt, n_control: nc,
    mean_treatment: mt, mean_control: mc,
    difference,
    std_difference: pooledSd > 0 ? difference / pooledSd : 0,
  };
}

/** Sample variance (n - 1) from count, sum and sum of squares; 0 for fewer than two values. */
function variance(n: number, s: number, ss: number): number {
  if (n < 2) return 0;
  return Math.max(0, (ss - (s * s) / n) / (n - 1));
}
