import { parseGainsModel, type GainsModel, type GainsModelInput } from "../../src/schemas/gainsModel.js";

/**
 * A small hand-computable model:
 * one outcome, effect 0.1, 100 persons, unit values kommune 10,000 + stat 5,000 (2024 prices);
 * persistence measured {1: 1, 3: 0.5}, decay 0.5 -> factors 1, 0.75, 0.5, 0.25, 0.125;
 * gains per year 150,000 * factor = 150,000, 112,500, 75,000, 37,500, 18,750;
 * costs: item 200,000 + 100,000 in years 1-2, staff 10 h/week x 40 weeks x 100 DKK = 40,000 in year 1
 * -> 240,000, 100,000, 0, 0, 0; net -90,000, 12,500, 75,000, 37,500, 18,750;
 * cumulative -90,000, -77,500, -2,500, 35,000, 53,750.
 */
export function fixtureInput(): GainsModelInput {
  return {
    format: "effekt-gains-model/1",
    name: "fixture",
    price_year: 2024,
    discount_rate: { value: 0.035, source: "Finansministeriet" },
    persons: { value: 100, source: "test" },
    outcomes: [
      {
        id: "work",
        label: "work",
        effect: { estimate: 0.1, se: 0.05, scale: "share", source: "test" },
        unit_values: [
          { payer: "kommune", value_dkk: 10000, source: "test", price_year: 2024 },
          { payer: "stat", value_dkk: 5000, source: "test", price_year: 2024 },
        ],
        persistence: { measured: [{ year: 1, factor: 1 }, { year: 3, factor: 0.5 }], decay_after_last: 0.5, source: "test" },
      },
    ],
    costs: {
      items: [{ label: "investment", amounts_by_year: [200000, 100000], source: "test", price_year: 2024 }],
      staff: [{ activity: "team", hours_per_week: 10, weeks_per_year: 40, years: [1], hourly_cost_dkk: { value: 100, source: "test", price_year: 2024 }, source: "test" }],
    },
    payment_model: {
      investment_dkk: 100000,
      repayment_horizon_years: 4,
      source: "test",
      rate_card: [
        { goal: "work at year 3", outcome: "work", follow_up_year: 3, price_per_success_dkk: 20000, net_of_control: true, min_successes: 4, source: "test" },
        { goal: "work gross at year 1", outcome: "work", follow_up_year: 1, price_per_success_dkk: 1000, net_of_control: false, control_rate: 0.2, source: "test" },
      ],
    },
  };
}

export function fixture(): GainsModel {
  return parseGainsModel(fixtureInput(), "fixture.json");
}
