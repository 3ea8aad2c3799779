/**
 * AAU: budget-economic gains (SØM) from gains.json (effekt-gains/2): gains, costs, repayment and net by budget year
 * for each account (kommune, region, stat, the whole public sector, the investor); the 3- and 5-year totals with
 * their Monte Carlo intervals; the municipality's question (can it repay from its own savings, year by year, with
 * the interval of its cumulative net); the rate card (counting rule, threshold, P(met), expected payment); the
 * sensitivity rows in tornado order. These are modelled amounts; the person counts (persons in the payment lines)
 * are checked against the minimum cell size. Illustrative numbers are flagged per row.
 */
import { formatNumber, formatPercent, label, t } from "../i18n.js";
import type { GainsFile } from "../../io/gainsFile.js";
import type { GainsChart } from "../html/chartTypes.js";
import type { Cell, DraftCell, DraftSection, DraftTable } from "../model.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";
import { assumptionWords, goalLabel, settingWords } from "./gainsWords.js";

const PAYERS = ["kommune", "region", "stat"] as const;

export function gainsSection(g: GainsFile, ctx: SectionContext): DraftSection {
  const { lang, labels, disclosure: d } = ctx;
  const yn = (b: boolean) => label(lang, b ? "yes" : "no");
  const r = g.result;
  const mc = g.monte_carlo;
  const goals = r.payment?.lines ?? [];
  const byYear: Cell[][] = [];
  for (const y of r.budget_years) {
    for (const p of PAYERS) {
      const repay = p === "kommune" ? y.repayment.value : 0;
      byYear.push([y.year, labels.payer(p), y.gains_by_payer[p].value, y.costs_by_payer[p].value, repay, y.accounts[p].value, yn(y.accounts[p].illustrative)]);
    }
    byYear.push([y.year, t(lang, "account_public"), y.gains.value, y.costs.value, y.repayment.value, y.accounts.public.value, yn(y.accounts.public.illustrative)]);
    if (g.result.payment) byYear.push([y.year, t(lang, "account_investor"), null, y.investment.value, -y.repayment.value, y.accounts.investor.value, yn(y.accounts.investor.illustrative)]);
  }
  const tables: DraftTable[] = [
    {
      id: "gains-by-year",
      title: t(lang, "gains_by_year_title"),
      columns: [column(lang, "year", "text"), column(lang, "account", "text"), column(lang, "gains", "dkk"), column(lang, "costs", "dkk"), column(lang, "repayment", "dkk"), column(lang, "net", "dkk"), column(lang, "illustrative", "text")],
      rows: byYear,
      notes: [
        t(lang, "gains_price_note", { year: r.price_year, year0: r.year0, rate: formatPercent(r.discount_rate.value, lang) }),
        t(lang, r.cohorts_from === "register" ? "gains_counts_register" : "gains_counts_planning"),
      ],
    },
  ];
  const y3 = r.totals.y3.through;
  const y5 = r.totals.y5.through;
  const intervals: [string, string, typeof mc.public_net_y3][] = [
    ["public_net_y3", t(lang, "m_public_net", { through: y3 }), mc.public_net_y3],
    ["public_net_y5", t(lang, "m_public_net", { through: y5 }), mc.public_net_y5],
    ["public_net_pv_y3", t(lang, "m_public_net_pv", { through: y3 }), mc.public_net_pv_y3],
    ["public_net_pv_y5", t(lang, "m_public_net_pv", { through: y5 }), mc.public_net_pv_y5],
    ["gains_pv_y5", t(lang, "m_gains_pv", { through: y5 }), mc.gains_pv_y5],
  ];
  for (const a of ["kommune", "region", "stat", "investor"] as const) {
    intervals.push([`net_pv_y5_${a}`, t(lang, "m_net_pv_account", { through: y5, account: a === "investor" ? t(lang, "account_investor") : labels.payer(a) }), mc.accounts_pv_y5[a]]);
  }
  tables.push({
    id: "gains-3-5-years",
    title: t(lang, "gains_3_5_title"),
    columns: [{ key: "measure_key", label: "key", kind: "text", csvOnly: true }, column(lang, "measure", "text"), column(lang, "point", "dkk"), column(lang, "mean", "dkk"), column(lang, "lower", "dkk"), column(lang, "upper", "dkk"), column(lang, "illustrative", "text")],
    rows: intervals.map(([k, name, iv]) => [k, name, iv.point, iv.mean, iv.lower, iv.upper, yn(iv.illustrative)]),
    notes: [
      t(lang, "gains_mc_note", { draws: formatNumber(mc.draws, lang, 0), seed: mc.seed }),
      t(lang, "gains_p_payback", { years: 3, p: formatPercent(mc.p_payback_within_3.value, lang) }),
      t(lang, "gains_p_payback", { years: 5, p: formatPercent(mc.p_payback_within_5.value, lang) }),
    ],
  });
  const pay = r.payment;
  if (pay && mc.payment) {
    const mp = mc.payment;
    tables.push({
      id: "kommune-repayment",
      title: t(lang, "kommune_repayment_title"),
      columns: [column(lang, "year", "text"), column(lang, "savings", "dkk"), column(lang, "own_costs", "dkk"), column(lang, "repayment", "dkk"), column(lang, "cumulative_net", "dkk"), column(lang, "lower", "dkk"), column(lang, "upper", "dkk"), column(lang, "p_nonnegative", "percent"), column(lang, "illustrative", "text")],
      rows: r.kommune_repayment.map((k, t) => {
        const m = mc.kommune_by_year[t];
        return [k.year, k.savings.value, k.own_costs.value, k.repayment.value, k.cumulative_net.value, m.cumulative_net.lower, m.cumulative_net.upper, m.p_cumulative_net_nonnegative.value, yn(k.cumulative_net.illustrative)];
      }),
    });
    // A line's successes are a number of persons (persons x effect, net or gross): declared as a count of its
    // persons, rounded, with its complement, so a handful of successes (or of persons without one) is hidden like
    // any small count; the payment (successes x price) and the expected payment give the successes back and are
    // shown only with them.
    const rows: DraftCell[][] = pay.lines.map((l, i) => {
      const persons = d.count(`gains:payment-line:${i}:persons`, l.persons.value);
      const s = l.successes.value;
      const successes = Number.isFinite(s) && s >= 0 && s <= l.persons.value ? d.share(`gains:payment-line:${i}:successes`, persons, Math.round(s)) : `not-a-count:gains:payment-line:${i}:successes`;
      return [
        goalLabel(l.goal, i, l.outcome, lang, labels),
        labels.outcome(l.outcome),
        l.follow_up_year,
        countCell(l.persons.value, persons),
        t(lang, l.counting === "gross" ? "counting_gross" : "counting_net"),
        statCell(s, [persons, successes]),
        l.min_successes,
        yn(l.met),
        mp.lines[i].p_met.value,
        statCell(l.payment.value, [persons, successes]),
        statCell(mp.lines[i].expected_payment.value, [persons, successes]),
        l.payment_year,
        yn(l.payment.illustrative),
      ];
    });
    const limitWords = t(lang, pay.limit === "capped" ? "limit_capped" : pay.limit === "raised_to_floor" ? "limit_floor" : "limit_within");
    rows.push([t(lang, "repayment_before_limits"), "", null, null, "", null, null, "", null, pay.repayment_before_limits.value, null, null, yn(pay.repayment_before_limits.illustrative)]);
    rows.push([t(lang, "repayment_row"), limitWords, null, null, "", null, null, "", null, pay.repayment.value, mp.repayment.mean, pay.settlement_year, yn(pay.repayment.illustrative)]);
    rows.push([t(lang, "investment_row"), "", null, null, "", null, null, "", null, pay.investment.value, null, null, yn(pay.investment.illustrative)]);
    tables.push({
      id: "repayment",
      title: t(lang, "repayment_title"),
      columns: [
        column(lang, "goal", "text"),
        column(lang, "outcome", "text"),
        column(lang, "follow_up_year", "text"),
        column(lang, "persons", "count"),
        column(lang, "counting", "text"),
        { key: "successes", label: label(lang, "successes"), kind: "number", decimals: 1 },
        { key: "min_successes", label: label(lang, "min_successes"), kind: "number", decimals: 1 },
        column(lang, "met", "text"),
        column(lang, "p_met", "percent"),
        column(lang, "payment", "dkk"),
        column(lang, "expected_payment", "dkk"),
        column(lang, "payment_year", "text"),
        column(lang, "illustrative", "text"),
      ],
      rows,
      notes: [
        t(lang, "repayment_interval", { low: formatNumber(mp.repayment.lower, lang, 0), high: formatNumber(mp.repayment.upper, lang, 0) }),
        ...(pay.investor_irr ? [t(lang, "investor_irr", { rate: formatPercent(pay.investor_irr.value, lang) })] : []),
        t(lang, "p_limits_bind", { floor: formatPercent(mp.p_floor_binds.value, lang), cap: formatPercent(mp.p_cap_binds.value, lang) }),
      ],
    });
  }
  tables.push({
    id: "gains-sensitivity",
    title: t(lang, "sensitivity_title"),
    columns: [column(lang, "assumption", "text"), { ...column(lang, "moved", "text"), csvOnly: true }, { key: "low_setting", label: label(lang, "sens_low_setting"), kind: "text" }, { key: "low_net_pv_y5", label: label(lang, "sens_low_pv5"), kind: "dkk" }, { key: "high_setting", label: label(lang, "sens_high_setting"), kind: "text" }, { key: "high_net_pv_y5", label: label(lang, "sens_high_pv5"), kind: "dkk" }, column(lang, "swing", "dkk"), column(lang, "illustrative", "text")],
    rows: [
      [t(lang, "base"), "", settingWords(g.sensitivity.base.setting, lang), g.sensitivity.base.public_net_pv_y5, null, null, null, ""],
      ...g.sensitivity.rows.map((s): Cell[] => [
        assumptionWords(s.assumption, s.moved, lang, labels, goals),
        s.moved.join("; "),
        settingWords(s.low.setting, lang),
        s.low.public_net_pv_y5,
        settingWords(s.high.setting, lang),
        s.high.public_net_pv_y5,
        s.swing_public_net_pv_y5,
        yn(s.illustrative),
      ]),
    ],
  });
  const chart: GainsChart = {
    kind: "gains",
    title: t(lang, "gains_chart_title"),
    years: r.budget_years.map((y) => y.year),
    payers: PAYERS.map((p) => ({ label: labels.payer(p), values: r.budget_years.map((y) => y.accounts[p].value) })),
    unit: "DKK",
  };
  return { id: "gains", title: label(lang, "section_gains"), intro: t(lang, "illustrative_meaning"), tables, charts: () => (r.budget_years.length > 0 ? [chart] : []) };
}
