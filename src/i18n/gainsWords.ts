/**
 * The gains file's words in the reader's language. gains.json writes its sensitivity rows, their settings and the
 * payment goals as the model (and src/gains/sensitivity.ts) worded them, in English; a report reads each row's
 * structure instead (the model fields it moved, the numbers in its settings) and words it from the catalogue, with
 * outcome labels and goals from the gains model in the report's language (`label_da`, `goal_da`).
 */
import { formatNumber, formatPercent, t } from "./index.js";
import type { Lang } from "./types.js";
import type { ReportLabels } from "./labels.js";

/** A number written by src/gains ("0.75", "2.5%") in the reader's format; other text as it is. */
function localNumber(text: string, lang: Lang): string {
  const pct = /^(-?\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (pct) return formatPercent(Number(pct[1]) / 100, lang, decimalsOf(pct[1]));
  const num = /^-?\d+(?:\.\d+)?$/.exec(text.trim());
  return num ? formatNumber(Number(text), lang, decimalsOf(text.trim())) : text;
}

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** The label of a goal: the model's goal in Danish when the report is Danish, else as written. */
export function goalLabel(goal: string, index: number, outcome: string, lang: Lang, labels: ReportLabels): string {
  return labels.goal(goal) ?? (lang === "da" ? t(lang, "goal_fallback", { n: index + 1, outcome: labels.outcome(outcome) }) : goal);
}

/** A setting of a sensitivity case ("x 0.75", "lower bound", "2.5%", ...) in the reader's words. */
export function settingWords(setting: string, lang: Lang): string {
  const times = /^x (-?\d+(?:\.\d+)?)$/.exec(setting);
  if (times) return t(lang, "sens_times", { k: localNumber(times[1], lang) });
  const fixed: Record<string, Parameters<typeof t>[1]> = {
    "model as given": "sens_base_setting",
    "lower bound": "sens_lower_bound",
    "upper bound": "sens_upper_bound",
    "ends after the last measured year": "sens_ends",
    "holds at the last measured value": "sens_holds",
    included: "sens_included",
    "left out (additional costs only)": "sens_left_out",
  };
  if (fixed[setting]) return t(lang, fixed[setting]);
  return localNumber(setting, lang);
}

/**
 * A sensitivity row's assumption in the reader's words, from the model fields it moved (`moved`) and the numbers
 * in its English wording (the decay rate, the year, the goal); an unknown kind of row keeps its own words.
 */
export function assumptionWords(assumption: string, moved: string[], lang: Lang, labels: ReportLabels, goals: { goal: string; outcome: string }[], short = false): string {
  const first = moved[0] ?? "";
  const shift = /-\/\+ (\d+(?:\.\d+)?)%/.exec(assumption);
  const pct = shift ? formatPercent(Number(shift[1]) / 100, lang, decimalsOf(shift[1])) : "";
  const outcomeOf = /^outcomes\.([^.]+)\./.exec(first);
  if (outcomeOf) {
    const outcome = labels.outcome(outcomeOf[1]);
    if (first.endsWith(".unit_values")) return t(lang, short ? "sens_short_unit_values" : "sens_unit_values", { outcome, pct });
    if (first.endsWith(".effect.measured")) return t(lang, short ? "sens_short_effect_bounds" : "sens_effect_bounds", { outcome });
    const decay = /beyond year (\d+) \(decay_after_last (\d+(?:\.\d+)?)\)/.exec(assumption);
    if (first.endsWith(".effect.decay_after_last") && decay) {
      return t(lang, short ? "sens_short_effect_decay" : "sens_effect_decay", { outcome, year: decay[1], rate: formatPercent(Number(decay[2]), lang, Math.max(0, decimalsOf(decay[2]) - 2)) });
    }
  }
  if (first === "discount_rate") return t(lang, "sens_discount_rate");
  if (first.startsWith("costs.")) return t(lang, "sens_costs_not_additional");
  if (first === "intake.years") return t(lang, "sens_intake", { pct });
  const line = /^payment_model\.rate_card\[(\d+)\]\.(price_per_success_dkk|control_rate)$/.exec(first);
  if (line) {
    const i = Number(line[1]);
    const g = goals[i];
    const goal = g ? goalLabel(g.goal, i, g.outcome, lang, labels) : String(i + 1);
    return line[2] === "control_rate" ? t(lang, "sens_control_rate", { goal }) : t(lang, "sens_price", { goal, pct });
  }
  return assumption;
}
