import { HORIZON_YEARS, PAYERS, type GainsModel, type Outcome, type Payer } from "../schemas/gainsModel.js";
import { persistenceFactor } from "./persistence.js";
import { toModelPrices } from "./prices.js";
import { traced, type Traced } from "./traced.js";

/**
 * Yearly budget-economic gain of one outcome for one payer (SØM):
 *
 *   gain(o, p, t) = effect_o * persistence_o(t) * persons_o * unit_value(o, p)
 *
 * effect_o: the effect per person, net of control (treatment minus control); persistence_o(t): see
 * `persistenceFactor`; persons_o: the outcome's `persons` or else the model's; unit_value(o, p): DKK per person per
 * year of the outcome for payer p, moved to the model's price year (`toModelPrices`). A payer without a unit value
 * gains 0 from that outcome. `effects` overrides the effect estimates (Monte Carlo, sensitivity).
 */
export interface OutcomeGains {
  outcome: string;
  /** years[t-1][payer] */
  years: Array<Record<Payer, Traced>>;
}

export function personsFor(model: GainsModel, outcome: Outcome): { value: number; from: string } {
  return outcome.persons
    ? { value: outcome.persons.value, from: `outcomes.${outcome.id}.persons` }
    : { value: model.persons.value, from: "persons" };
}

export function unitValueInModelPrices(model: GainsModel, outcome: Outcome, payer: Payer): number {
  const u = outcome.unit_values.find((x) => x.payer === payer);
  if (!u) return 0;
  return toModelPrices(u.value_dkk, u.price_year, model, `outcomes.${outcome.id}.unit_values.${payer}.price_year`);
}

export function yearlyGains(model: GainsModel, effects?: Readonly<Record<string, number>>, horizon: number = HORIZON_YEARS): OutcomeGains[] {
  return model.outcomes.map((o) => {
    const effect = effects?.[o.id] ?? o.effect.estimate;
    const persons = personsFor(model, o);
    const years: Array<Record<Payer, Traced>> = [];
    for (let t = 1; t <= horizon; t++) {
      const f = persistenceFactor(o.persistence, t);
      const row = {} as Record<Payer, Traced>;
      for (const p of PAYERS) {
        const has = o.unit_values.some((u) => u.payer === p);
        const uv = unitValueInModelPrices(model, o, p);
        const from = has
          ? [`outcomes.${o.id}.effect.estimate`, `outcomes.${o.id}.persistence`, persons.from, `outcomes.${o.id}.unit_values.${p}`]
          : [];
        if (has && uv !== 0 && model.price_index && o.unit_values.find((u) => u.payer === p)!.price_year !== model.price_year) from.push("price_index");
        row[p] = traced(effect * f * persons.value * uv, from);
      }
      years.push(row);
    }
    return { outcome: o.id, years };
  });
}
