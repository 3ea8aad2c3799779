/**
 * Discounting with the Finance Ministry's convention: the first year of the intervention is year 0 of the
 * discounting (its flows are not discounted), so a flow in horizon year t (t = 1, 2, ...) is worth
 *
 *   PV = flow / (1 + r)^(t - 1)
 *
 * today. r is the annual rate (0.035 = 3.5%, Finansministeriet, years 0-35, since January 2021).
 * Reference: Finansministeriet, "Dokumentationsnotat - den samfundsøkonomiske diskonteringsrente" (2021).
 */
export function discountFactor(rate: number, year: number): number {
  // A negative or absurd rate is a model error the schema should already have refused; guard the maths anyway.
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`discountFactor: rate must be in [0, 1], got ${rate}`);
  if (!Number.isInteger(year) || year < 1) throw new RangeError(`discountFactor: year must be a whole number >= 1, got ${year}`);
  return 1 / (1 + rate) ** (year - 1);
}

/** PV of flows in years 1..flows.length: sum_t flows[t-1] / (1 + r)^(t - 1). */
export function presentValue(flows: readonly number[], rate: number): number {
  let pv = 0;
  for (let i = 0; i < flows.length; i++) pv += flows[i] * discountFactor(rate, i + 1);
  return pv;
}
