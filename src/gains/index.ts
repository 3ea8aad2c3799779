/** Public surface of the gains computation (pure: no I/O). */
export { budgetResult, breakEvenYear, type BudgetResult, type BudgetOptions, type YearRow, type Totals, type BreakEven, type Roi } from "./budget.js";
export { costLines, yearlyCosts, type CostLine } from "./costs.js";
export { discountFactor, presentValue } from "./discount.js";
export { monteCarlo, type MonteCarloResult, type MonteCarloOptions, type McInterval, type McProbability } from "./monteCarlo.js";
export { normalStream, type NormalStream } from "./normalDraws.js";
export { annualReturn, paymentResult, type PaymentResult, type PaymentLineResult } from "./payment.js";
export { persistenceFactor } from "./persistence.js";
export { toModelPrices } from "./prices.js";
export { quantileSorted } from "./quantile.js";
export { sensitivityTable, type SensitivityRow, type SensitivityCase, type SensitivityOptions } from "./sensitivity.js";
export { illustrativeParameters, dependsOnIllustrative } from "./illustrative.js";
export { traced, sumTraced, minusTraced, scaleTraced, type Traced } from "./traced.js";
export { yearlyGains, personsFor, unitValueInModelPrices, type OutcomeGains } from "./yearlyGains.js";
