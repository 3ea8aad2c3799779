export type Covariate =
  | { name: string; kind: "numeric"; values: Float64Array }
  | { name: string; kind: "categorical"; levels: (string | undefined)[] };

/** The units compared, one entry per household in a fixed order: its wave, and 1 if treated, 0 if control. */
export interface BalanceUnits {
  wave: ArrayLike<number> & Iterable<number>;
  treated: Uint8Array;
  /** the lottery's blocks within which the chance of treatment is one (default: the wave) */
  block?: ArrayLike<number>;
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
 * show how many values each mean rests on.
 *
 * The pooled ("all") row is block-weighted, like the ITT: with blocks b (waves, or the lottery's blocks when
 * given) holding m_b values of the covariate in both arms together,
 *
 *   mean_T = sum_b (m_b / m) mean_T,b,   mean_C = sum_b (m_b / m) mean_C,b,   difference = mean_T - mean_C,
 *
 * over the blocks with values in both arms (m their total). Raw means pooled across waves with different
 * chances of treatment would mix the waves' composition into the difference (Gerber and Green 2012, sec. 4.4).
 * The standardised difference divides by the pooled raw standard deviations of the two arms, as per wave.
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
  const blockCodes = units.block ?? units.wave;
  const blockList = [...new Set(Array.from(blockCodes))].sort((a, b) => a - b);
  const blockIndex = new Map(blockList.map((b, k) => [b, k]));
  const blockOf = Int32Array.from(Array.from(blockCodes), (b) => blockIndex.get(b)!);
  const B = blockList.length;
  const add = (covariate: string, level: string, value: (i: number) => number) => {
    const g = labels.length;
    // Per group and arm: count, sum, sum of squares (group g-1 is "all" when there are several waves).
    const cnt = new Float64Array(g * 2), s = new Float64Array(g * 2), ss = new Float64Array(g * 2);
    const bCnt = new Float64Array(B * 2), bSum = new Float64Array(B * 2);
    for (let i = 0; i < n; i++) {
      const v = value(i);
      if (Number.isNaN(v)) continue;
      let k = groupOf[i] * 2 + treated[i];
      cnt[k]++; s[k] += v; ss[k] += v * v;
      if (pooled) {
        k = (g - 1) * 2 + treated[i];
        cnt[k]++; s[k] += v; ss[k] += v * v;
        k = blockOf[i] * 2 + treated[i];
        bCnt[k]++; bSum[k] += v;
      }
    }
    labels.forEach((wave, t) => {
      const row = compare(wave, covariate, level, cnt[t * 2 + 1], s[t * 2 + 1], ss[t * 2 + 1], cnt[t * 2], s[t * 2], ss[t * 2]);
      if (pooled && t === g - 1) blockWeighted(row, bCnt, bSum, B, pooledSd(cnt[t * 2 + 1], s[t * 2 + 1], ss[t * 2 + 1], cnt[t * 2], s[t * 2], ss[t * 2]));
      rows.push(row);
    });
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
  const sd = pooledSd(nt, st, sst, nc, sc, ssc);
  const difference = mt - mc;
  return {
    wave, covariate, level,
    n_treatment: nt, n_control: nc,
    mean_treatment: mt, mean_control: mc,
    difference,
    std_difference: sd > 0 ? difference / sd : 0,
  };
}

/** Replaces the pooled row's means and differences by their block-weighted versions (see `balanceTable`). */
function blockWeighted(row: BalanceRow, cnt: Float64Array, sum: Float64Array, B: number, sd: number): void {
  let m = 0;
  for (let b = 0; b < B; b++) if (cnt[b * 2] > 0 && cnt[b * 2 + 1] > 0) m += cnt[b * 2] + cnt[b * 2 + 1];
  let mt = 0;
  let mc = 0;
  for (let b = 0; b < B; b++) {
    const nc = cnt[b * 2], nt = cnt[b * 2 + 1];
    if (nc === 0 || nt === 0) continue;
    const w = (nc + nt) / m;
    mt += w * (sum[b * 2 + 1] / nt);
    mc += w * (sum[b * 2] / nc);
  }
  row.mean_treatment = m > 0 ? mt : NaN;
  row.mean_control = m > 0 ? mc : NaN;
  row.difference = row.mean_treatment - row.mean_control;
  row.std_difference = sd > 0 ? row.difference / sd : 0;
}

/** sqrt((var_t + var_c) / 2), the denominator of the standardised difference. */
function pooledSd(nt: number, st: number, sst: number, nc: number, sc: number, ssc: number): number {
  return Math.sqrt((variance(nt, st, sst) + variance(nc, sc, ssc)) / 2);
}

/** Sample variance (n - 1) from count, sum and sum of squares; 0 for fewer than two values. */
function variance(n: number, s: number, ss: number): number {
  if (n < 2) return 0;
  return Math.max(0, (ss - (s * s) / n) / (n - 1));
}
