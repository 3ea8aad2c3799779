import type { DesignColumn } from "./design.js";

export interface ImputedCovariates {
  /** each covariate with its missing values replaced by the mean of the others, and after it, when any value was
   * missing, its indicator `<name> missing` (1 = was missing) */
  columns: DesignColumn[];
  /** per covariate with missing values: how many */
  missing: { name: string; count: number }[];
  /** covariates missing for every person, left out */
  empty: string[];
}

/**
 * Missing baseline covariates, as Lin recommends for regression adjustment of experiments: replace a missing
 * value by the mean of the covariate over the persons analysed, and add an indicator of missingness as a further
 * covariate (Lin 2013; Lin, Green and Coppock 2016, "Standard operating procedures", sec. "Missing covariate
 * values"). Because the covariates are measured before the lottery, the imputed columns and the indicators are
 * baseline covariates too, so the adjusted estimate stays consistent; nobody is dropped for a covariate, and the
 * difference in means, which uses no covariate, analyses the same persons as Lin's regression.
 *
 *   x*_i = x_i if observed, else mean{x_j : j analysed, x_j observed};   m_i = 1 if x_i missing, else 0.
 *
 * A covariate missing for everyone carries no information and is left out (in `empty`).
 */
export function imputeMissingCovariates(covariates: readonly DesignColumn[]): ImputedCovariates {
  const columns: DesignColumn[] = [];
  const missing: { name: string; count: number }[] = [];
  const empty: string[] = [];
  for (const c of covariates) {
    const n = c.values.length;
    let sum = 0;
    let observed = 0;
    for (let i = 0; i < n; i++) {
      const v = c.values[i];
      if (Number.isFinite(v)) {
        sum += v;
        observed++;
      }
    }
    if (observed === n) {
      columns.push(c);
      continue;
    }
    if (observed === 0) {
      empty.push(c.name);
      continue;
    }
    const mean = sum / observed;
    const values = new Float64Array(n);
    const indicator = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = c.values[i];
      if (Number.isFinite(v)) values[i] = v;
      else {
        values[i] = mean;
        indicator[i] = 1;
      }
    }
    columns.push({ name: c.name, values }, { name: `${c.name} missing`, values: indicator });
    missing.push({ name: c.name, count: n - observed });
  }
  return { columns, missing, empty };
}
