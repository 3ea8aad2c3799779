/**
 * Both audiences, first: the main results ("Hovedresultater") in words and numbers, generated from the result
 * files and marked as generated. For each primary outcome at its latest estimated horizon: the plan's primary
 * estimator's effect (percentage points for shares, the outcome's unit otherwise) with its interval, better or
 * worse in the plan's direction only when the interval excludes 0 (else "no clear effect"), whether it holds after
 * the family's Holm/BH adjustment and by randomisation inference; the indicators against their targets; the 3- and
 * 5-year net gains with intervals and what they rest on; the repayment.
 *
 * Built after disclosure control is decided: every number shown is one the tables show (the same structure
 * cells), and a number they hide is the suppression mark here too. The summary declares no count of its own.
 */
import { formatNumber, formatPercent, formatPValue, label, SUPPRESSION_MARK, t } from "../i18n.js";
import type { IndicatorRow } from "../../io/indicatorTable.js";
import type { EffectsData } from "../inputs.js";
import type { EffectTableRow as EffectRow } from "../../io/effectTable.js";
import type { GainsFile as GainsData } from "../../io/gainsFile.js";
import type { AnalysisPlan } from "../../schemas/analysisPlan.js";
import type { ReportSection, TextBlock } from "../model.js";
import { formatDate, type Lang } from "../../i18n/index.js";
import { pendingReason, primaryEstimator } from "./effects.js";
import type { SectionContext } from "./common.js";

export interface SummaryInputs {
  effects: EffectsData | null;
  /** Per effect row, the structure cells of its two arms' n (from declareEffects); null when n is unknown. */
  effectIds: ([string, string] | null)[];
  plan: AnalysisPlan | null;
  indicators: IndicatorRow[] | null;
  gains: GainsData | null;
}

/** A signed number: "+3,85", "-2,2" (a minus sign for negatives, a plus for positives so the direction reads). */
function signed(x: number, lang: Lang, decimals: number): string {
  const text = formatNumber(x, lang, decimals);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}


type Verdict = "better" | "worse" | "unclear";

/** Better or worse in the plan's direction only when the whole interval is on one side of 0. */
export function verdictOf(low: number, high: number, lowerIsBetter: boolean): Verdict {
  if (low > 0) return lowerIsBetter ? "worse" : "better";
  if (high < 0) return lowerIsBetter ? "better" : "worse";
  return "unclear";
}

function effectsBlock(inputs: SummaryInputs, ctx: SectionContext, shown: (ids: string[]) => boolean): TextBlock | null {
  const { lang, labels } = ctx;
  const data = inputs.effects;
  if (!data) return null;
  const plan = inputs.plan;
  const alpha = plan?.alpha ?? data.meta?.alpha ?? 0.05;
  const primary = primaryEstimator(data);
  // "= 0,911" or "< 0,001" (the templates read "p {p}").
  const p = (x: number | null) => {
    if (x === null) return "-";
    const text = formatPValue(x, lang);
    return text.startsWith("<") ? `< ${text.slice(1)}` : `= ${text}`;
  };
  const whole = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.subgroup);
  // The primary outcomes: the plan's, else the rows marked primary, in the plan's (else the table's) order.
  const outcomes = plan
    ? plan.outcomes.filter((o) => o.role === "primary").map((o) => o.name)
    : [...new Set(whole.filter(({ r }) => r.role === "primary").map(({ r }) => r.outcome))];
  const items: string[] = [];
  for (const name of outcomes) {
    const planOutcome = plan?.outcomes.find((o) => o.name === name);
    const isShare = planOutcome ? planOutcome.type === "binary" : false;
    const lowerIsBetter = planOutcome?.direction === "lower_is_better";
    const scale = isShare ? 100 : 1;
    const decimals = isShare ? 1 : 2;
    const unit = t(lang, isShare ? "sum_unit_points" : "sum_unit_scale");
    const mine = whole.filter(({ r }) => r.outcome === name && r.estimator === primary && r.estimate !== null && r.ci_low !== null && r.ci_high !== null);
    const latest = mine.reduce<(typeof mine)[number] | null>((best, x) => (best === null || (x.r.horizon ?? 0) > (best.r.horizon ?? 0) ? x : best), null);
    const outcomeLabel = labels.outcome(name);
    if (latest) {
      const { r, i } = latest;
      const ids = inputs.effectIds[i];
      if (ids === null || !shown(ids)) {
        items.push(t(lang, "sum_effect_suppressed", { outcome: outcomeLabel, horizon: labels.horizon(r.horizon), mark: SUPPRESSION_MARK }));
      } else {
        items.push(effectSentence(r, { lang, scale, decimals, unit, lowerIsBetter, alpha, outcomeLabel, ctx, p }));
        const cace = whole.find(({ r: c }) => c.outcome === name && c.horizon === r.horizon && c.estimand.toUpperCase() === "CACE" && c.estimate !== null && c.ci_low !== null && c.ci_high !== null);
        const caceIds = cace ? inputs.effectIds[cace.i] : null;
        if (cace && caceIds !== null && shown(caceIds)) {
          items[items.length - 1] += ` ${t(lang, "sum_cace", {
            value: signed((cace.r.estimate as number) * scale, lang, decimals),
            low: signed((cace.r.ci_low as number) * scale, lang, decimals),
            high: signed((cace.r.ci_high as number) * scale, lang, decimals),
            unit,
          })}`;
        }
      }
    }
    // Horizons after the latest estimate whose data are pending.
    for (const pend of data.meta?.pending ?? []) {
      if (pend.outcome !== name || (latest && pend.horizon < (latest.r.horizon ?? 0))) continue;
      items.push(t(lang, "sum_effect_pending", { outcome: outcomeLabel, horizon: labels.horizon(pend.horizon), reason: pendingReason(pend.reason, lang) }));
    }
  }
  if (items.length === 0) items.push(t(lang, "sum_no_effects"));
  return { heading: t(lang, "sum_effects_heading"), items };
}

interface SentenceOptions {
  lang: Lang;
  scale: number;
  decimals: number;
  unit: string;
  lowerIsBetter: boolean;
  alpha: number;
  outcomeLabel: string;
  ctx: SectionContext;
  p: (x: number | null) => string;
}

/** One primary outcome's effect: verdict, difference with its interval, and what holds after adjustment and by RI. */
function effectSentence(r: EffectRow, o: SentenceOptions): string {
  const { lang, scale, decimals, unit, alpha, p } = o;
  const verdict = verdictOf(r.ci_low as number, r.ci_high as number, o.lowerIsBetter);
  const parts = [
    t(lang, "sum_effect", {
      outcome: o.outcomeLabel,
      horizon: o.ctx.labels.horizon(r.horizon),
      verdict: t(lang, verdict === "better" ? "sum_better" : verdict === "worse" ? "sum_worse" : "sum_unclear"),
      value: signed((r.estimate as number) * scale, lang, decimals),
      low: signed((r.ci_low as number) * scale, lang, decimals),
      high: signed((r.ci_high as number) * scale, lang, decimals),
      unit,
      estimator: o.ctx.labels.estimator(r.estimator),
    }),
  ];
  if (verdict === "unclear") {
    parts.push(t(lang, "sum_p_values", { p: p(r.p_value), holm: p(r.p_holm), ri: p(r.p_ri) }));
    return parts.join(" ");
  }
  if (r.p_holm === null && r.p_bh === null) parts.push(t(lang, "sum_not_adjusted"));
  else {
    const holm = r.p_holm !== null && r.p_holm < alpha;
    const bh = r.p_bh !== null && r.p_bh < alpha;
    const key = holm && (bh || r.p_bh === null) ? "sum_adjusted_holds" : bh ? "sum_adjusted_bh_only" : "sum_adjusted_fails";
    parts.push(t(lang, key, { holm: p(r.p_holm), bh: p(r.p_bh) }));
  }
  if (r.p_ri !== null) parts.push(t(lang, r.p_ri < alpha ? "sum_ri_holds" : "sum_ri_fails", { p: p(r.p_ri) }));
  return parts.join(" ");
}

/** The structure cells an indicator value rests on, as the indicator table declares them (n, and x for a share). */
function indicatorShown(r: IndicatorRow, d: SectionContext["disclosure"], shown: (ids: string[]) => boolean): boolean {
  if (r.n === null) return r.interval_lower === null;
  const base = `indicators:${r.indicator}:${r.year ?? ""}:${r.area}`;
  const ids = [`${base}:n`, ...(d.has(`${base}:x`) ? [`${base}:x`] : [])];
  return shown(ids);
}

function indicatorsBlock(rows: IndicatorRow[] | null, ctx: SectionContext, shown: (ids: string[]) => boolean): TextBlock | null {
  if (!rows || rows.length === 0) return null;
  const { lang, labels } = ctx;
  const items: string[] = [];
  for (const id of [...new Set(rows.map((r) => r.indicator))]) {
    const mine = rows.filter((r) => r.indicator === id && r.area === "all areas");
    const name = labels.indicator(id);
    const isShare = mine[0]?.unit === "share";
    const v = (x: number) => (isShare ? formatPercent(x, lang, 1) : formatNumber(x, lang, 2));
    const known = mine.filter((r) => typeof r.value === "number" && r.year !== null).sort((a, b) => (a.year as number) - (b.year as number));
    const latest = known[known.length - 1];
    const first = mine[0];
    const target = first?.target ?? null;
    const targetYear = first?.target_year ?? null;
    if (target !== null && targetYear !== null) {
      const atTarget = known.find((r) => r.year === targetYear);
      if (atTarget) {
        if (!indicatorShown(atTarget, ctx.disclosure, shown)) {
          items.push(t(lang, "sum_indicator_suppressed", { indicator: name, year: targetYear, mark: SUPPRESSION_MARK }));
          continue;
        }
        const value = atTarget.value as number;
        const lower = (atTarget.direction ?? "higher") === "lower";
        const met = lower ? value <= target : value >= target;
        const lo = atTarget.interval_lower;
        const hi = atTarget.interval_upper;
        let text = t(lang, met ? "sum_target_met" : "sum_target_missed", { indicator: name, target: v(target), year: targetYear, value: v(value), low: lo === null ? "-" : v(lo), high: hi === null ? "-" : v(hi) });
        if (lo !== null && hi !== null && lo <= target && target <= hi) text += ` ${t(lang, "sum_target_interval")}`;
        items.push(text);
      } else if (latest && (latest.year as number) < targetYear) {
        if (!indicatorShown(latest, ctx.disclosure, shown)) items.push(t(lang, "sum_indicator_suppressed", { indicator: name, year: latest.year as number, mark: SUPPRESSION_MARK }));
        else items.push(t(lang, "sum_target_later", { indicator: name, value: v(latest.value as number), year: latest.year as number, status: labels.status(latest.status), target: v(target), target_year: targetYear }));
      } else items.push(t(lang, "sum_target_pending", { indicator: name, target: v(target), target_year: targetYear }));
    } else if (latest) {
      if (!indicatorShown(latest, ctx.disclosure, shown)) items.push(t(lang, "sum_indicator_suppressed", { indicator: name, year: latest.year as number, mark: SUPPRESSION_MARK }));
      else items.push(t(lang, "sum_indicator_status", { indicator: name, value: v(latest.value as number), year: latest.year as number, status: labels.status(latest.status), baseline: latest.area_baseline === null ? "-" : v(latest.area_baseline) }));
    } else items.push(t(lang, "sum_indicator_pending", { indicator: name }));
  }
  return { heading: t(lang, "sum_indicators_heading"), items };
}

function gainsBlock(g: GainsData | null, ctx: SectionContext): TextBlock | null {
  if (!g) return null;
  const { lang, labels } = ctx;
  const kr = (x: number) => formatNumber(x, lang, 0);
  const r = g.result;
  const mc = g.monte_carlo;
  const items: string[] = [];
  const verdict = (lo: number, hi: number) => t(lang, lo > 0 ? "sum_gain_clear" : hi < 0 ? "sum_loss_clear" : "sum_gain_unclear");
  for (const [through, iv] of [[r.totals.y3.through, mc.public_net_y3], [r.totals.y5.through, mc.public_net_y5]] as const) {
    items.push(t(lang, "sum_net", { through: formatDate(through, lang), value: kr(iv.point), low: kr(iv.lower), high: kr(iv.upper), verdict: verdict(iv.lower, iv.upper) }));
  }
  const pv = mc.public_net_pv_y5;
  items.push(t(lang, "sum_net_pv", { through: formatDate(r.totals.y5.through, lang), value: kr(pv.point), low: kr(pv.lower), high: kr(pv.upper) }));
  const measured = g.effects_used.filter((e) => !e.illustrative).map((e) => labels.outcome(e.outcome));
  const assumed = g.effects_used.filter((e) => e.illustrative).map((e) => labels.outcome(e.outcome));
  if (measured.length > 0) items.push(t(lang, "sum_rests_measured", { list: measured.join("; ") }));
  if (assumed.length > 0) items.push(t(lang, "sum_rests_assumed", { list: assumed.join("; ") }));
  if (g.illustrative_parameters.length > 0) items.push(t(lang, "sum_rests_prices", { n: g.illustrative_parameters.length }));
  const be = r.break_even.undiscounted;
  items.push(be.reached ? t(lang, "sum_break_even", { year: be.year }) : t(lang, "sum_no_break_even", { year: be.through_year }));
  const pay = r.payment;
  if (pay) {
    const limit = t(lang, pay.limit === "capped" ? "limit_capped" : pay.limit === "raised_to_floor" ? "limit_floor" : "limit_within");
    items.push(t(lang, "sum_repayment", { value: kr(pay.repayment.value), year: pay.settlement_year, limit, met: pay.lines.filter((l) => l.met).length, lines: pay.lines.length }));
    const iv = mc.payment?.repayment;
    if (iv && Math.round(iv.lower) !== Math.round(iv.upper)) items.push(t(lang, "sum_repayment_interval", { low: kr(iv.lower), high: kr(iv.upper) }));
    if (pay.investor_irr) items.push(t(lang, "sum_investor_irr", { rate: formatPercent(pay.investor_irr.value, lang, 1) }));
  }
  return { heading: t(lang, "sum_gains_heading"), items };
}

/** The summary section; `shown` is disclosure control's decision over the structure the tables declared. */
export function summarySection(inputs: SummaryInputs, ctx: SectionContext, shown: (ids: string[]) => boolean): ReportSection {
  const blocks = [effectsBlock(inputs, ctx, shown), indicatorsBlock(inputs.indicators, ctx, shown), gainsBlock(inputs.gains, ctx)].filter((b): b is TextBlock => b !== null);
  return {
    id: "summary",
    title: label(ctx.lang, "section_summary"),
    intro: t(ctx.lang, "sum_generated", { mark: SUPPRESSION_MARK }),
    blocks,
    tables: [],
    charts: [],
  };
}
