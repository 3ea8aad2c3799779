import { UserError } from "../errors.js";
import type { GainsModel } from "../schemas/gainsModel.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Moves an amount from its price year to the model's price year with the net price index (nettoprisindeks), as SØM
 * does: amount_model = amount * I[model price year] / I[amount's price year]. Same year: unchanged, no index needed.
 * Throws `UserError` naming `field` when the index lacks a year.
 */
export function toModelPrices(amount: number, priceYear: number, model: Pick<GainsModel, "price_year" | "price_index">, field: string): number {
  if (priceYear === model.price_year) return amount;
  const idx = model.price_index?.values ?? {};
  const from = idx[String(priceYear)];
  const to = idx[String(model.price_year)];
  if (from === undefined || to === undefined) {
    throw new UserError(tm("res_price_index", { field, year: priceYear, model_year: model.price_year, missing: from === undefined ? priceYear : model.price_year }));
  }
  return (amount * to) / from;
}
