/**
 * AAU: budget-economic gains (SØM) from gains.json: gains, costs and net by year and payer; the 3- and 5-year
 * totals with their Monte Carlo intervals; the repayment under the payment model; the sensitivity of the gains.
 * These are modelled amounts, not counts of persons; the only person count (persons in the payment lines) is
 * checked against the minimum cell size. Illustrative numbers (assumed, not estimated) are flagged per row.
 */
import { formatNumber, formatPercent, label } from "../i18n.js";
import type { GainsData } from "../inputs.js";
import type { GainsChart } from "../html/chartTypes.js";
import type { Cell, ReportSection, ReportTable } from "../model.js";
import { SUPPRESSED } from "../model.js";
import { isSmallCount } from "../suppress.js";
import { column, type SectionContext } from "./common.js";

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const v = (x: unknown): number | null => {
  const n = typeof x === "object" && x !== null ? (x as J).value : x;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};
const illus = (x: unknown): boolean => typeof x === "object" && x !== null && (x as J).illustrative === true;

export function gainsSection(g: GainsData, ctx: SectionContext): ReportSection {
  const { lang, minCell } = ctx;
  const yn = (b: boolean) => label(lang, b ? "yes" : "no");
  const budget = (g.budget ?? {}) as J;
  const years: J[] = Array.isArray(budget.years) ? budget.years : [];
  const payers = [...new Set(years.flatMap((y) => Object.keys(y.gains_by_payer ?? {})).concat(years.flatMap((y) => Object.keys(y.costs_by_payer ?? {}))))].sort();
  const byYear: Cell[][] = [];
  for (const y of years) {
    for (const p of payers) {
      const gain = v(y.gains_by_payer?.[p]) ?? 0;
      const cost = v(y.costs_by_payer?.[p]) ?? 0;
      byYear.push([y.year, p, gain, cost, gain - cost, yn(illus(y.gains_by_payer?.[p]) || illus(y.costs_by_payer?.[p]))]);
    }
    byYear.push([y.year, lang === "da" ? "i alt" : "total", v(y.gains), v(y.costs), v(y.net), yn(illus(y.gains) || illus(y.costs))]);
  }
  const tables: ReportTable[] = [
    {
      id: "gains-by-year",
      title: lang === "da" ? "Gevinster og omkostninger pr. år og betaler" : "Gains and costs by year and payer",
      columns: [column(lang, "year", "text"), column(lang, "payer", "text"), column(lang, "gains", "dkk"), column(lang, "costs", "dkk"), column(lang, "net", "dkk"), column(lang, "illustrative", "text")],
      rows: byYear,
      notes: [`${lang === "da" ? "Prisår" : "Price year"} ${budget.price_year ?? ""}; ${lang === "da" ? "diskonteringsrente" : "discount rate"} ${v(budget.discount_rate) ?? ""}.`],
    },
  ];
  const mc = (g.monte_carlo ?? {}) as J;
  const measures: [string, string, string][] = [
    ["net_y3", "Netto, 3 år", "Net, 3 years"],
    ["net_y5", "Netto, 5 år", "Net, 5 years"],
    ["net_pv_y3", "Nutidsværdi netto, 3 år", "Present value net, 3 years"],
    ["net_pv_y5", "Nutidsværdi netto, 5 år", "Present value net, 5 years"],
    ["gains_pv_y3", "Nutidsværdi gevinster, 3 år", "Present value gains, 3 years"],
    ["gains_pv_y5", "Nutidsværdi gevinster, 5 år", "Present value gains, 5 years"],
  ];
  const summary: Cell[][] = measures
    .filter(([k]) => mc[k])
    .map(([k, da, en]) => [k, lang === "da" ? da : en, v(mc[k].point), v(mc[k].mean), v(mc[k].lower), v(mc[k].upper), yn(illus(mc[k]))]);
  for (const [payer, iv] of Object.entries((mc.net_pv_y5_by_payer ?? {}) as J).sort(([a], [b]) => (a < b ? -1 : 1))) {
    summary.push([`net_pv_y5_${payer}`, `${lang === "da" ? "Nutidsværdi netto, 5 år" : "Present value net, 5 years"}: ${payer}`, v(iv.point), v(iv.mean), v(iv.lower), v(iv.upper), yn(illus(iv))]);
  }
  if (summary.length > 0) {
    tables.push({
      id: "gains-3-5-years",
      title: lang === "da" ? "Gevinster efter 3 og 5 år med usikkerhed" : "Gains at 3 and 5 years with intervals",
      columns: [{ key: "measure_key", label: "key", kind: "text" }, column(lang, "measure", "text"), column(lang, "point", "dkk"), column(lang, "mean", "dkk"), column(lang, "lower", "dkk"), column(lang, "upper", "dkk"), column(lang, "illustrative", "text")],
      rows: summary,
      notes: [
        `${lang === "da" ? "Intervaller" : "Intervals"}: ${mc.draws ?? "?"} Monte Carlo ${lang === "da" ? "træk, seed" : "draws, seed"} ${mc.seed ?? "?"}.`,
        ...(["p_payback_within_3", "p_payback_within_5"] as const)
          .filter((k) => v(mc[k]) !== null)
          .map((k) => `${lang === "da" ? `Sandsynlighed for tilbagebetaling inden for ${k.slice(-1)} år` : `Probability of payback within ${k.slice(-1)} years`}: ${formatPercent(v(mc[k]) as number, lang)}`),
      ],
    });
  }
  const payment = (g.payment ?? {}) as J;
  const lines: J[] = Array.isArray(payment.lines) ? payment.lines : [];
  if (lines.length > 0) {
    const rows: Cell[][] = lines.map((l) => {
      const persons = v(l.persons);
      return [l.goal ?? "", l.outcome ?? "", l.follow_up_year ?? null, persons !== null && isSmallCount(persons, minCell) ? SUPPRESSED : persons, v(l.successes), l.met === undefined ? null : yn(Boolean(l.met)), v(l.payment), yn(illus(l.payment) || illus(l.successes))];
    });
    const extra: [string, unknown][] = [
      [lang === "da" ? "Tilbagebetaling før loft/gulv" : "Repayment before cap/floor", payment.repayment_before_limits],
      [lang === "da" ? "Tilbagebetaling" : "Repayment", payment.repayment],
      [lang === "da" ? "Investering" : "Investment", payment.investment],
    ];
    const limited = typeof payment.limited_by === "string" ? `${lang === "da" ? "begrænset af" : "limited by"} ${payment.limited_by}` : "";
    extra.forEach(([name, x], k) => {
      if (x !== undefined) rows.push([name, k === 1 ? limited : "", null, null, null, null, v(x), yn(illus(x))]);
    });
    const mcPay = (mc.payment ?? {}) as J;
    tables.push({
      id: "repayment",
      title: lang === "da" ? "Tilbagebetaling efter betalingsmodellen" : "Repayment under the payment model",
      columns: [column(lang, "goal", "text"), column(lang, "outcome", "text"), column(lang, "follow_up_year", "text"), { key: "persons", label: lang === "da" ? "Personer" : "Persons", kind: "count" }, { key: "successes", label: lang === "da" ? "Succeser" : "Successes", kind: "number", decimals: 1 }, column(lang, "met", "text"), column(lang, "payment", "dkk"), column(lang, "illustrative", "text")],
      rows,
      notes: [
        ...(mcPay.repayment && v(mcPay.repayment.lower) !== null && v(mcPay.repayment.upper) !== null
          ? [`${lang === "da" ? "Tilbagebetaling, 95 %-interval" : "Repayment, 95% interval"}: ${formatNumber(v(mcPay.repayment.lower) as number, lang, 0)} - ${formatNumber(v(mcPay.repayment.upper) as number, lang, 0)} ${lang === "da" ? "kr." : "DKK"}`]
          : []),
        ...(v(payment.investor_annual_return) !== null ? [`${lang === "da" ? "Investors årlige afkast" : "Investor's annual return"}: ${formatPercent(v(payment.investor_annual_return) as number, lang)}`] : []),
      ],
    });
  }
  const sens = (g.sensitivity ?? {}) as J;
  const srows: J[] = Array.isArray(sens.rows) ? sens.rows : [];
  if (srows.length > 0) {
    tables.push({
      id: "gains-sensitivity",
      title: lang === "da" ? "Følsomhed af gevinsterne" : "Sensitivity of the gains",
      columns: [column(lang, "parameter", "text"), { key: "low_setting", label: `${label(lang, "low")}: ${label(lang, "setting")}`, kind: "text" }, { key: "low_net_pv_y3", label: `${label(lang, "low")}: PV 3`, kind: "dkk" }, { key: "low_net_pv_y5", label: `${label(lang, "low")}: PV 5`, kind: "dkk" }, { key: "high_setting", label: `${label(lang, "high")}: ${label(lang, "setting")}`, kind: "text" }, { key: "high_net_pv_y3", label: `${label(lang, "high")}: PV 3`, kind: "dkk" }, { key: "high_net_pv_y5", label: `${label(lang, "high")}: PV 5`, kind: "dkk" }],
      rows: [
        ...(sens.base ? [[lang === "da" ? "basis" : "base", sens.base.setting ?? "", v(sens.base.net_pv_y3), v(sens.base.net_pv_y5), null, null, null] as Cell[]] : []),
        ...srows.map((r): Cell[] => [r.parameter ?? "", r.low?.setting ?? "", v(r.low?.net_pv_y3), v(r.low?.net_pv_y5), r.high?.setting ?? "", v(r.high?.net_pv_y3), v(r.high?.net_pv_y5)]),
      ],
    });
  }
  const chart: GainsChart = {
    kind: "gains",
    title: lang === "da" ? "Gevinster pr. år og betaler" : "Gains by year and payer",
    years: years.map((y) => y.year as number),
    payers: payers.map((p) => ({ label: p, values: years.map((y) => (v(y.gains_by_payer?.[p]) ?? 0) - (v(y.costs_by_payer?.[p]) ?? 0)) })),
    unit: "DKK",
  };
  return { id: "gains", title: label(lang, "section_gains"), intro: typeof g.model === "string" ? g.model : undefined, tables, charts: years.length > 0 ? [chart] : [] };
}
