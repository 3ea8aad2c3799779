/**
 * AAU: budget-economic gains (SØM) from gains.json (effekt-gains/2): gains, costs, repayment and net by budget year
 * for each account (kommune, region, stat, the whole public sector, the investor); the 3- and 5-year totals with
 * their Monte Carlo intervals; the municipality's question (can it repay from its own savings, year by year, with
 * the interval of its cumulative net); the rate card (counting rule, threshold, P(met), expected payment); the
 * sensitivity rows in tornado order. These are modelled amounts; the person counts (persons in the payment lines)
 * are checked against the minimum cell size. Illustrative numbers are flagged per row.
 */
import { formatNumber, formatPercent, label } from "../i18n.js";
import type { GainsData } from "../inputs.js";
import type { GainsChart } from "../html/chartTypes.js";
import type { Cell, ReportSection, ReportTable } from "../model.js";
import { SUPPRESSED } from "../model.js";
import { isSmallCount } from "../suppress.js";
import { column, type SectionContext } from "./common.js";

const PAYERS = ["kommune", "region", "stat"] as const;

export function gainsSection(g: GainsData, ctx: SectionContext): ReportSection {
  const { lang, minCell } = ctx;
  const da = lang === "da";
  const yn = (b: boolean) => label(lang, b ? "yes" : "no");
  const r = g.result;
  const mc = g.monte_carlo;
  const byYear: Cell[][] = [];
  for (const y of r.budget_years) {
    for (const p of PAYERS) {
      const repay = p === "kommune" ? y.repayment.value : 0;
      byYear.push([y.year, p, y.gains_by_payer[p].value, y.costs_by_payer[p].value, repay, y.accounts[p].value, yn(y.accounts[p].illustrative)]);
    }
    byYear.push([y.year, da ? "offentlig sektor i alt" : "whole public sector", y.gains.value, y.costs.value, y.repayment.value, y.accounts.public.value, yn(y.accounts.public.illustrative)]);
    if (g.result.payment) byYear.push([y.year, da ? "investor" : "investor", null, y.investment.value, -y.repayment.value, y.accounts.investor.value, yn(y.accounts.investor.illustrative)]);
  }
  const tables: ReportTable[] = [
    {
      id: "gains-by-year",
      title: da ? "Gevinster, omkostninger og tilbagebetaling pr. budgetår og regnskab" : "Gains, costs and repayment by budget year and account",
      columns: [column(lang, "year", "text"), column(lang, "account", "text"), column(lang, "gains", "dkk"), column(lang, "costs", "dkk"), column(lang, "repayment", "dkk"), column(lang, "net", "dkk"), column(lang, "illustrative", "text")],
      rows: byYear,
      notes: [
        `${da ? "Prisår" : "Price year"} ${r.price_year}; ${da ? "år 0 for diskontering" : "year 0 of the discounting"} ${r.year0}; ${da ? "diskonteringsrente" : "discount rate"} ${formatPercent(r.discount_rate.value, lang)}.`,
        da
          ? `Antal personer: ${r.cohorts_from === "register" ? "fra lodtrækningsregistret og personfilen" : "planlægning: modellens forventede tilgang"}. Investors kolonne "omkostninger" er udbetalingen af investeringen.`
          : `Counts: ${r.cohorts_from === "register" ? "from the allocation register and the persons file" : "planning: the model's expected intake"}. For the investor, "costs" is the investment disbursed.`,
      ],
    },
  ];
  const intervals: [string, string, string, typeof mc.public_net_y3][] = [
    ["public_net_y3", `Offentlig sektor netto til ${r.totals.y3.through}`, `Whole public sector net through ${r.totals.y3.through}`, mc.public_net_y3],
    ["public_net_y5", `Offentlig sektor netto til ${r.totals.y5.through}`, `Whole public sector net through ${r.totals.y5.through}`, mc.public_net_y5],
    ["public_net_pv_y3", `Nutidsværdi, offentlig sektor netto til ${r.totals.y3.through}`, `Present value, whole public sector net through ${r.totals.y3.through}`, mc.public_net_pv_y3],
    ["public_net_pv_y5", `Nutidsværdi, offentlig sektor netto til ${r.totals.y5.through}`, `Present value, whole public sector net through ${r.totals.y5.through}`, mc.public_net_pv_y5],
    ["gains_pv_y5", `Nutidsværdi, gevinster til ${r.totals.y5.through}`, `Present value, gains through ${r.totals.y5.through}`, mc.gains_pv_y5],
  ];
  for (const a of ["kommune", "region", "stat", "investor"] as const) {
    intervals.push([`net_pv_y5_${a}`, `Nutidsværdi netto til ${r.totals.y5.through}: ${a}`, `Present value net through ${r.totals.y5.through}: ${a}`, mc.accounts_pv_y5[a]]);
  }
  tables.push({
    id: "gains-3-5-years",
    title: da ? "Gevinster efter 3 og 5 år med usikkerhed" : "Gains at 3 and 5 years with intervals",
    columns: [{ key: "measure_key", label: "key", kind: "text" }, column(lang, "measure", "text"), column(lang, "point", "dkk"), column(lang, "mean", "dkk"), column(lang, "lower", "dkk"), column(lang, "upper", "dkk"), column(lang, "illustrative", "text")],
    rows: intervals.map(([k, d, e, iv]) => [k, da ? d : e, iv.point, iv.mean, iv.lower, iv.upper, yn(iv.illustrative)]),
    notes: [
      `${da ? "Intervaller" : "Intervals"}: ${mc.draws} Monte Carlo ${da ? "træk, seed" : "draws, seed"} ${mc.seed}.`,
      `${da ? "Sandsynlighed for tilbagebetaling inden for 3 år" : "Probability of payback within 3 years"}: ${formatPercent(mc.p_payback_within_3.value, lang)}`,
      `${da ? "Sandsynlighed for tilbagebetaling inden for 5 år" : "Probability of payback within 5 years"}: ${formatPercent(mc.p_payback_within_5.value, lang)}`,
    ],
  });
  const pay = r.payment;
  if (pay && mc.payment) {
    const mp = mc.payment;
    tables.push({
      id: "kommune-repayment",
      title: da ? "Kan kommunen betale tilbage af egne besparelser? År for år" : "Can the municipality repay from its own savings? Year by year",
      columns: [column(lang, "year", "text"), column(lang, "savings", "dkk"), column(lang, "own_costs", "dkk"), column(lang, "repayment", "dkk"), column(lang, "cumulative_net", "dkk"), column(lang, "lower", "dkk"), column(lang, "upper", "dkk"), column(lang, "p_nonnegative", "percent"), column(lang, "illustrative", "text")],
      rows: r.kommune_repayment.map((k, t) => {
        const m = mc.kommune_by_year[t];
        return [k.year, k.savings.value, k.own_costs.value, k.repayment.value, k.cumulative_net.value, m.cumulative_net.lower, m.cumulative_net.upper, m.p_cumulative_net_nonnegative.value, yn(k.cumulative_net.illustrative)];
      }),
    });
    const rows: Cell[][] = pay.lines.map((l, i) => [
      l.goal,
      l.outcome,
      l.follow_up_year,
      isSmallCount(l.persons.value, minCell) ? SUPPRESSED : l.persons.value,
      l.counting === "gross" ? (da ? "brutto" : "gross") : da ? "netto af kontrolgruppen" : "net of control",
      l.successes.value,
      l.min_successes,
      yn(l.met),
      mp.lines[i].p_met.value,
      l.payment.value,
      mp.lines[i].expected_payment.value,
      l.payment_year,
      yn(l.payment.illustrative),
    ]);
    const limitWords = pay.limit === "capped" ? (da ? "nedsat til afkastloftet" : "capped at the afkastloft") : pay.limit === "raised_to_floor" ? (da ? "hævet til afkastgulvet" : "raised to the afkastgulv") : da ? "inden for loft og gulv" : "within cap and floor";
    rows.push([da ? "Tilbagebetaling før loft/gulv" : "Repayment before cap/floor", "", null, null, "", null, null, "", null, pay.repayment_before_limits.value, null, null, yn(pay.repayment_before_limits.illustrative)]);
    rows.push([da ? "Tilbagebetaling" : "Repayment", limitWords, null, null, "", null, null, "", null, pay.repayment.value, mp.repayment.mean, pay.settlement_year, yn(pay.repayment.illustrative)]);
    rows.push([da ? "Investering" : "Investment", "", null, null, "", null, null, "", null, pay.investment.value, null, null, yn(pay.investment.illustrative)]);
    tables.push({
      id: "repayment",
      title: da ? "Tilbagebetaling efter betalingsmodellen" : "Repayment under the payment model",
      columns: [
        column(lang, "goal", "text"),
        column(lang, "outcome", "text"),
        column(lang, "follow_up_year", "text"),
        { key: "persons", label: da ? "Personer" : "Persons", kind: "count" },
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
        `${da ? "Tilbagebetaling, 95 %-interval" : "Repayment, 95% interval"}: ${formatNumber(mp.repayment.lower, lang, 0)} - ${formatNumber(mp.repayment.upper, lang, 0)} ${da ? "kr." : "DKK"}`,
        ...(pay.investor_irr ? [`${da ? "Investors interne rente over de daterede betalinger" : "Investor's internal rate of return over the dated flows"}: ${formatPercent(pay.investor_irr.value, lang)}`] : []),
        `${da ? "Sandsynlighed for at gulvet binder" : "Probability the floor binds"}: ${formatPercent(mp.p_floor_binds.value, lang)}; ${da ? "at loftet binder" : "the cap binds"}: ${formatPercent(mp.p_cap_binds.value, lang)}`,
      ],
    });
  }
  tables.push({
    id: "gains-sensitivity",
    title: da ? "Følsomhed (ordnet efter udsving i nutidsværdien efter 5 år)" : "Sensitivity (ordered by the swing in the 5-year present value)",
    columns: [column(lang, "assumption", "text"), column(lang, "moved", "text"), { key: "low_setting", label: `${label(lang, "low")}: ${label(lang, "setting")}`, kind: "text" }, { key: "low_net_pv_y5", label: `${label(lang, "low")}: PV 5`, kind: "dkk" }, { key: "high_setting", label: `${label(lang, "high")}: ${label(lang, "setting")}`, kind: "text" }, { key: "high_net_pv_y5", label: `${label(lang, "high")}: PV 5`, kind: "dkk" }, column(lang, "swing", "dkk"), column(lang, "illustrative", "text")],
    rows: [
      [da ? "basis" : "base", "", g.sensitivity.base.setting, g.sensitivity.base.public_net_pv_y5, null, null, null, ""],
      ...g.sensitivity.rows.map((s): Cell[] => [s.assumption, s.moved.join("; "), s.low.setting, s.low.public_net_pv_y5, s.high.setting, s.high.public_net_pv_y5, s.swing_public_net_pv_y5, yn(s.illustrative)]),
    ],
  });
  const chart: GainsChart = {
    kind: "gains",
    title: da ? "Netto pr. budgetår og betaler (efter tilbagebetaling)" : "Net by budget year and payer (after the repayment)",
    years: r.budget_years.map((y) => y.year),
    payers: PAYERS.map((p) => ({ label: p, values: r.budget_years.map((y) => y.accounts[p].value) })),
    unit: "DKK",
  };
  return { id: "gains", title: label(lang, "section_gains"), intro: g.model, tables, charts: r.budget_years.length > 0 ? [chart] : [] };
}
