/**
 * The names a reader sees for the things the result files call by id: outcomes (the plan's labels), indicators
 * (the indicator spec's definitions), gains outcomes (the gains model's labels), estimators, statuses, payers,
 * covariates and subgroups (the catalogue). An id without a label is shown as it is, so nothing disappears.
 */
import { isMessageKey, t, type Lang, type MessageKey } from "../i18n/index.js";
import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import type { IndicatorSpec } from "../schemas/indicatorSpec.js";

export interface ReportLabels {
  /** Title from the plan, the indicator spec or the gains model (first that is given). */
  title: string | null;
  outcome(id: string): string;
  indicator(id: string): string;
  estimator(id: string): string;
  estimand(id: string): string;
  status(id: string): string;
  payer(id: string): string;
  covariate(id: string): string;
  subgroup(id: string): string;
  role(id: string): string;
  horizon(years: number | null): string;
  /** A payment goal of the gains model in the report's language (its `goal_da` in Danish); null when the model gives none. */
  goal(goal: string): string | null;
}

export interface LabelSources {
  plan?: AnalysisPlan | null;
  spec?: IndicatorSpec | null;
  modelName?: string | null;
  gainsOutcomes?: Record<string, string>;
  /** Payment goals as gains.json writes them -> the goal in the report's language. */
  gainsGoals?: Record<string, string>;
}

const STATUS: Record<string, MessageKey> = {
  better: "status_better",
  worse: "status_worse",
  "unchanged-within-uncertainty": "status_unchanged",
  pending: "status_pending",
  "not-assessable": "status_not_assessable",
};

function fromCatalogue(lang: Lang, prefix: string, id: string): string {
  const key = `${prefix}${id.replace(/-/g, "_")}`;
  return isMessageKey(key) ? t(lang, key) : id;
}

export function reportLabels(lang: Lang, sources: LabelSources = {}): ReportLabels {
  const outcomes = new Map<string, string>(Object.entries(sources.gainsOutcomes ?? {}));
  for (const o of sources.plan?.outcomes ?? []) outcomes.set(o.name, o.label);
  const indicators = new Map<string, string>((sources.spec?.indicators ?? []).map((i) => [i.id, i.definition]));
  return {
    title: sources.plan?.title ?? sources.spec?.name ?? sources.modelName ?? null,
    outcome: (id) => outcomes.get(id) ?? id,
    indicator: (id) => indicators.get(id) ?? id,
    estimator: (id) => fromCatalogue(lang, "est_", id),
    estimand: (id) => fromCatalogue(lang, "estimand_", id.toLowerCase()),
    status: (id) => (STATUS[id] ? t(lang, STATUS[id]) : id),
    payer: (id) => fromCatalogue(lang, "payer_", id),
    covariate: (id) => fromCatalogue(lang, "cov_", id),
    subgroup: (id) => fromCatalogue(lang, "sg_", id),
    role: (id) => fromCatalogue(lang, "role_", id),
    goal: (goal) => (Object.prototype.hasOwnProperty.call(sources.gainsGoals ?? {}, goal) ? sources.gainsGoals![goal] : null),
    horizon: (years) => (years === null ? "" : years === 1 ? t(lang, "horizon_year_one") : t(lang, "horizon_years", { n: years })),
  };
}
