/**
 * The names a reader sees for the things the result files call by id: outcomes (the plan's labels), indicators
 * (the indicator spec's definitions), gains outcomes (the gains model's labels), estimators, statuses, payers,
 * covariates and subgroups (the catalogue). An id without a label is shown as it is, so nothing disappears.
 */
import { isMessageKey, t, type Lang, type MessageKey } from "./index.js";
import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import type { IndicatorSpec } from "../schemas/indicatorSpec.js";

export interface ReportLabels {
  /** Title from the plan, the indicator spec or the gains model (first that is given). */
  title: string | null;
  outcome(id: string): string;
  indicator(id: string): string;
  /** An indicator's subgoal in the report's language (from the spec; `fallback`, the indicator table's text, when the spec does not name it). */
  subgoal(indicatorId: string, fallback: string): string;
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

/** A source's text, or its twin in the report's language when the source gives one (`label` / `label_en`). */
export function inLanguage(lang: Lang, text: string, twins: Partial<Record<Lang, string | undefined>>): string {
  return twins[lang] ?? text;
}

/**
 * The plan and the indicator spec are written in Danish (`label`, `title`, `definition`, `subgoal`, `name`) with
 * optional English twins (`label_en`, ...); the gains model the other way round (`label` in English, `label_da`).
 * The text in the report's language is picked, the other language when that one is not given.
 */
export function reportLabels(lang: Lang, sources: LabelSources = {}): ReportLabels {
  const outcomes = new Map<string, string>(Object.entries(sources.gainsOutcomes ?? {}));
  for (const o of sources.plan?.outcomes ?? []) outcomes.set(o.name, inLanguage(lang, o.label, { en: o.label_en }));
  const specs = sources.spec?.indicators ?? [];
  const indicators = new Map<string, string>(specs.map((i) => [i.id, inLanguage(lang, i.definition, { en: i.definition_en })]));
  const subgoals = new Map<string, string>(specs.map((i) => [i.id, inLanguage(lang, i.subgoal, { en: i.subgoal_en })]));
  const plan = sources.plan ? inLanguage(lang, sources.plan.title, { en: sources.plan.title_en }) : null;
  const spec = sources.spec ? inLanguage(lang, sources.spec.name, { en: sources.spec.name_en }) : null;
  return {
    title: plan ?? spec ?? sources.modelName ?? null,
    outcome: (id) => outcomes.get(id) ?? id,
    indicator: (id) => indicators.get(id) ?? id,
    subgoal: (id, fallback) => subgoals.get(id) ?? fallback,
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
