/** Public surface of the gains computation (pure: no I/O). */
export { planningInput, plannedDrawDate, type Cohort, type CountBasis, type GainsInput } from "./cohorts.js";
export { discountFactor, presentValue } from "./discount.js";
export { effectPath, type EffectStatus, type EffectYear } from "./effectPath.js";
export { ACCOUNTS, evaluate, sumFirst, type Account, type Evaluation, type Limit } from "./evaluate.js";
export { illustrativeParameters, dependsOnIllustrative } from "./illustrative.js";
export { irr, npv } from "./irr.js";
export { monteCarlo, type MonteCarloResult, type MonteCarloOptions, type McInterval, type McProbability } from "./monteCarlo.js";
export { normalStream, type NormalStream } from "./normalDraws.js";
export { prepare, type Prepared, type PrepareOptions } from "./prepare.js";
export { toModelPrices } from "./prices.js";
export { quantileSorted } from "./quantile.js";
export { breakEven, countingWords, pointResult, type BreakEven, type GainsResult, type BudgetYearRow, type PaymentOut, type PaymentLineOut, type PeriodTotals } from "./result.js";
export { sensitivityTable, type SensitivityRow, type SensitivityCase, type SensitivityTable } from "./sensitivity.js";
export { parseIsoDate, yearShare, yearOfFollowUp } from "./timeline.js";
export { traced, sumTraced, minusTraced, scaleTraced, type Traced } from "./traced.js";
export { withheldGainsMoney, type WithheldMoney, type WithheldInput } from "./withheld.js";
