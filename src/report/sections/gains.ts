/**
 * AAU: budget-economic gains (SØM) from gains.json (effekt-gains/2): gains, costs, repayment and net by budget year
 * for each account (kommune, region, stat, the whole public sector, the investor); the 3- and 5-year totals with
 * their Monte Carlo intervals; the municipality's question (can it repay from its own savings, year by year, with
 * the interval of its cumulative net); the rate card (counting rule, threshold, P(met), expected payment); the
 * sensitivity rows in tornado order. These are modelled amounts; the person counts (persons in the payment lines)
 * are checked against the minimum cell size. Illustrative numbers are flagged per row.
 */
import { formatNumber, formatPercent, label, t } from "../i18n.js";
import { formatDate } from "../../i18n/index.js";
import type { GainsFile } from "../../io/gainsFile.js";
import type { ChartSpec, GainsChart, TornadoChart } from "../html/chartTypes.js";
import type { Cell, DraftCell, DraftSection, DraftTable } from "../model.js";
import { column, countCell, statCell, type SectionContext } from "./common.js";
import { assumptionWords, goalLabel, settingWords } from "../../i18n/gainsWords.js";
import { withheldGainsMoney, type WithheldMoney } from "../../gains/withheld.js";

/**
 * A money amount that would give a withheld count back (src/disclosure's money rule, via gains/withheld.ts): guarded
 * by a cell that is never declared, so it is [s] like any hidden cell.
 */
const money = (value: number | null, withheld: boolean): DraftCell => (value !== null && withheld ? { guarded: value, by: ["withheld:gains-money"] } : value);

const PAYERS = ["kommune", "region", "stat"] as const;

export function gainsSection(g: GainsFile, ctx: SectionContext): DraftSection {
  const { lang, labels, disclosure: d } = ctx;
  const yn = (b: boolean) => label(lang, b ? "yes" : "no");
  const r = g.result;
  const mc = g.monte_carlo;
  const goals = r.payment?.lines ?? [];
  const w = withheldGainsMoney(r);
  const byYear: DraftCell[][] = [];
  for (const y of r.budget_years) {
    const g0 = w.gains(y.year);
    for (const p of PAYERS) {
      const repay = p === "kommune" ? y.repayment.value : 0;
      const c0 = w.costs(y.year, p);
      byYear.push([y.year, labels.payer(p), money(y.gains_by_payer[p].value, g0), money(y.costs_by_payer[p].value, c0), repay, money(y.accounts[p].value, g0 || c0), yn(y.accounts[p].illustrative)]);
    }
    const cAll = PAYERS.some((p) => w.costs(y.year, p));
    byYear.push([y.year, t(lang, "account_public"), money(y.gains.value, g0), money(y.costs.value, cAll), y.repayment.value, money(y.accounts.public.value, g0 || cAll), yn(y.accounts.public.illustrative)]);
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
  // Dates in the reader's format (31.12.2028 in Danish), as in the summary.
  const y3 = formatDate(r.totals.y3.through, lang);
  const y5 = formatDate(r.totals.y5.through, lang);
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
    rows: intervals.map(([k, name, iv]): DraftCell[] => {
      const hide = k !== "net_pv_y5_investor" && w.period(k.includes("y3") ? "y3" : "y5");
      return [k, name, money(iv.point, hide), money(iv.mean, hide), money(iv.lower, hide), money(iv.upper, hide), yn(iv.illustrative)];
    }),
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
      rows: r.kommune_repayment.map((k, t): DraftCell[] => {
        const m = mc.kommune_by_year[t];
        const cum = w.cumulative(k.year);
        return [k.year, money(k.savings.value, w.gains(k.year)), money(k.own_costs.value, w.costs(k.year, "kommune")), k.repayment.value, money(k.cumulative_net.value, cum), money(m.cumulative_net.lower, cum), money(m.cumulative_net.upper, cum), money(m.p_cumulative_net_nonnegative.value, cum), yn(k.cumulative_net.illustrative)];
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
  const sensHidden = w.period("y5");
  tables.push({
    id: "gains-sensitivity",
    title: t(lang, "sensitivity_title"),
    columns: [column(lang, "assumption", "text"), { ...column(lang, "moved", "text"), csvOnly: true }, { key: "low_setting", label: label(lang, "sens_low_setting"), kind: "text" }, { key: "low_net_pv_y5", label: label(lang, "sens_low_pv5"), kind: "dkk" }, { key: "high_setting", label: label(lang, "sens_high_setting"), kind: "text" }, { key: "high_net_pv_y5", label: label(lang, "sens_high_pv5"), kind: "dkk" }, column(lang, "swing", "dkk"), column(lang, "illustrative", "text")],
    rows: [
      [t(lang, "base"), "", settingWords(g.sensitivity.base.setting, lang), money(g.sensitivity.base.public_net_pv_y5, sensHidden), null, null, null, ""],
      ...g.sensitivity.rows.map((s): DraftCell[] => [
        assumptionWords(s.assumption, s.moved, lang, labels, goals),
        s.moved.join("; "),
        settingWords(s.low.setting, lang),
        money(s.low.public_net_pv_y5, sensHidden),
        settingWords(s.high.setting, lang),
        money(s.high.public_net_pv_y5, sensHidden),
        money(s.swing_public_net_pv_y5, sensHidden),
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
  tables.unshift(keyFigures(g, ctx, w), effectYears(g, ctx));
  // Tornado: the rows that move the result, widest swing first (the table lists every row).
  const moving = sensHidden ? [] : g.sensitivity.rows.filter((row) => row.swing_public_net_pv_y5 > 0.5).slice(0, 12);
  const tornado: TornadoChart = {
    kind: "tornado",
    title: t(lang, "tornado_title"),
    base: g.sensitivity.base.public_net_pv_y5,
    base_label: t(lang, "base_case"),
    low_label: t(lang, "sens_low_setting_short"),
    high_label: t(lang, "sens_high_setting_short"),
    unit: "DKK",
    rows: moving.map((row) => ({
      label: assumptionWords(row.assumption, row.moved, lang, labels, goals, true),
      low: row.low.public_net_pv_y5,
      high: row.high.public_net_pv_y5,
      low_setting: settingWords(row.low.setting, lang),
      high_setting: settingWords(row.high.setting, lang),
      illustrative: row.illustrative,
    })),
  };
  const charts: ChartSpec[] = [];
  if (r.budget_years.length > 0 && !w.any) charts.push(chart);
  if (moving.length > 0) charts.push(tornado);
  return { id: "gains", title: label(lang, "section_gains"), intro: t(lang, "illustrative_meaning"), tables, charts: () => charts };
}

/**
 * Key figures per perspective (the model's accounts: kommune, region, stat, the whole public sector, the investor)
 * over the first 5 budget years, in present value: what each gains and pays, the net, the return per krone paid,
 * and the break-even year of the whole public sector (undiscounted and discounted).
 */
function keyFigures(g: GainsFile, ctx: SectionContext, w: WithheldMoney): DraftTable {
  const { lang, labels } = ctx;
  const r = g.result;
  const y5 = r.totals.y5.present_value;
  const yn = (b: boolean) => label(lang, b ? "yes" : "no");
  const perspective = (k: "kommune" | "region" | "stat" | "public" | "investor") =>
    k === "public" ? t(lang, "account_public") : k === "investor" ? t(lang, "account_investor") : labels.payer(k);
  const rows: DraftCell[][] = [];
  const hide = w.period("y5");
  // The whole public sector: gains against its own costs and the repayment.
  const publicPaid = y5.costs.value + y5.repayment.value;
  rows.push([perspective("public"), money(y5.gains.value, hide), money(publicPaid, hide), money(y5.accounts.public.value, hide), money(publicPaid > 0 ? y5.gains.value / publicPaid : null, hide), yn(y5.accounts.public.illustrative)]);
  // Each payer's share, discounted year by year over the same budget years (the kommune pays the repayment).
  const years = r.budget_years.filter((y) => y.year >= r.totals.y5.first_year && y.year <= r.totals.y5.last_year);
  for (const k of ["kommune", "region", "stat"] as const) {
    const received = years.reduce((a, y) => a + y.gains_by_payer[k].value * y.discount_factor, 0);
    const paid = years.reduce((a, y) => a + (y.costs_by_payer[k].value + (k === "kommune" ? y.repayment.value : 0)) * y.discount_factor, 0);
    rows.push([perspective(k), money(received, hide), money(paid, hide), money(y5.accounts[k].value, hide), money(paid > 0 ? received / paid : null, hide), yn(y5.accounts[k].illustrative)]);
  }
  if (r.payment) {
    const inv = y5.investment.value;
    rows.push([perspective("investor"), y5.repayment.value, inv, y5.accounts.investor.value, inv > 0 ? y5.repayment.value / inv : null, yn(y5.accounts.investor.illustrative)]);
  }
  const be = (b: GainsFile["result"]["break_even"]["undiscounted"]) =>
    b.reached ? t(lang, "break_even_year", { year: b.year }) : t(lang, "break_even_not", { year: b.through_year });
  return {
    id: "gains-key-figures",
    title: t(lang, "gains_key_title", { through: formatDate(r.totals.y5.through, lang) }),
    columns: [
      column(lang, "perspective", "text"),
      column(lang, "pv_received", "dkk"),
      column(lang, "pv_paid", "dkk"),
      column(lang, "pv_net", "dkk"),
      { ...column(lang, "return_per_krone", "number", 2) },
      column(lang, "illustrative", "text"),
    ],
    rows,
    notes: [
      t(lang, "note_key_figures"),
      t(lang, "break_even_line", { undiscounted: be(r.break_even.undiscounted), discounted: be(r.break_even.discounted) }),
    ],
  };
}

/** Which years' effects are measured in the trial, interpolated between measurements or projected beyond them. */
function effectYears(g: GainsFile, ctx: SectionContext): DraftTable {
  const { lang, labels } = ctx;
  const years = [...new Set(g.result.effects.flatMap((e) => e.by_year.map((b) => b.year)))].sort((a, b) => a - b);
  const status = (s: string) => t(lang, s === "measured" ? "effect_measured" : s === "interpolated" ? "effect_interpolated" : "effect_projected");
  const used = new Map(g.effects_used.map((e) => [e.outcome, e]));
  return {
    id: "gains-effects",
    title: t(lang, "gains_effects_title"),
    columns: [
      column(lang, "outcome", "text"),
      column(lang, "effect_source", "text"),
      ...years.map((y) => ({ key: `year_${y}`, label: t(lang, "year_n", { n: y }), kind: "text" as const })),
    ],
    rows: g.result.effects.map((e): Cell[] => [
      labels.outcome(e.outcome),
      t(lang, used.get(e.outcome)?.illustrative === false ? "effect_from_trial" : "effect_assumed"),
      ...years.map((y) => {
        const b = e.by_year.find((x) => x.year === y);
        const assumed = used.get(e.outcome)?.illustrative !== false && b?.status === "measured";
        return b ? `${formatNumber(b.effect, lang, Math.abs(b.effect) >= 1 ? 2 : 4)} (${assumed ? t(lang, "effect_assumed_year") : status(b.status)})` : "";
      }),
    ]),
    notes: [t(lang, "note_gains_effects")],
  };
}
