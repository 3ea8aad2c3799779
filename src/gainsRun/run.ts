import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { UserError } from "../errors.js";
import { terminalSafe } from "../terminalText.js";
import { dependsOnIllustrative, illustrativeParameters, monteCarlo, planningInput, pointResult, prepare, sensitivityTable, type GainsInput } from "../gains/index.js";
import { writeFileAtomic } from "../io/atomic.js";
import { gainsCsv, gainsDocument, gainsJson, type GainsFile } from "../io/gainsFile.js";
import { sha256 } from "../io/hash.js";
import { metaFilePath } from "../io/waveFiles.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { readJsonFile } from "../io/json.js";
import { loadPlan } from "../plan/load.js";
import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import { readEffectsMeta } from "../io/effectTable.js";
import { parseGainsModel, type GainsModel } from "../schemas/gainsModel.js";
import { registerInput } from "./counts.js";
import { parseAssume, readEstimates, type EffectUsed } from "./effects.js";
import { parseMinCell, SUPPRESSION_MARK } from "../disclosure/rules.js";
import { TableStructure } from "../disclosure/structure.js";
import { withheldGainsMoney } from "../gains/withheld.js";
import { messageLang, tm } from "../i18n/messageLang.js";
import { formatDate, formatNumber, formatPercent } from "../i18n/numbers.js";
import { reportLabels } from "../i18n/labels.js";
import { assumptionWords } from "../i18n/gainsWords.js";

/** At most this many Monte Carlo draws (--draws): memory and time stay bounded (the draws are held in arrays). */
const MAX_DRAWS = 10_000_000;

/**
 * `effekt gains`: reads the model, the effects (effect table, `--assume`, or the model's), the counts (register +
 * persons + plan, or the model's planned intake), computes the point result, the Monte Carlo and the sensitivity,
 * and writes gains.json (or gains.csv) atomically.
 */
export interface GainsOptions {
  model: string;
  estimates?: string;
  estimator?: string;
  plan?: string;
  register?: string;
  persons?: string;
  takeup?: string;
  assume: string[];
  out?: string;
  format: "json" | "csv";
  draws?: string;
  seed?: string;
  /** smallest count of persons shown in the terminal summary (`--min-cell`, default 5, at least 3); the file keeps every number */
  minCell?: string;
}

/** The plan named in the table's meta sidecar (checked to belong to the table), when the plan file is there. */
function planOfTable(estimates: string): string | undefined {
  const meta = readEffectsMeta(estimates);
  return meta?.plan?.file !== undefined ? metaFilePath(`${estimates}.meta.json`, meta.plan.file) : undefined;
}

function withEffects(model: GainsModel, effects: EffectUsed[]): GainsModel {
  const m = structuredClone(model);
  for (const e of effects) {
    const o = m.outcomes.find((x) => x.id === e.outcome)!;
    o.effect = { ...o.effect, estimand: e.estimand, measured: e.measured, source: e.source, illustrative: e.illustrative };
  }
  return m;
}

/** The first number in the result that is not finite (a model number so large that the arithmetic overflowed). */
function firstNonFinite(x: unknown, path: string): string | undefined {
  if (typeof x === "number") return Number.isFinite(x) ? undefined : path;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const bad = firstNonFinite(x[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (x && typeof x === "object") {
    for (const [k, v] of Object.entries(x)) {
      const bad = firstNonFinite(v, path ? `${path}.${k}` : k);
      if (bad) return bad;
    }
  }
  return undefined;
}

export interface GainsRun {
  doc: GainsFile;
  summary: string[];
}

/** Every input must exist, and --out must not be, contain or lie inside one of them. */
function guard(opts: GainsOptions): void {
  const named = [["--model", opts.model], ["--estimates", opts.estimates], ["--plan", opts.plan], ["--register", opts.register], ["--persons", opts.persons], ["--takeup", opts.takeup]] as const;
  const inputs: { path: string; what: string }[] = named.filter(([, f]) => f !== undefined).map(([what, f]) => ({ path: f!, what }));
  for (const i of inputs) requireInputFile(i.path, i.what);
  if (opts.estimates !== undefined) inputs.push({ path: `${opts.estimates}.meta.json`, what: "the effect table's .meta.json" });
  if (opts.out !== undefined) guardOutputs([{ path: opts.out, flag: "--out", kind: "file" }], inputs);
}

export function computeGains(opts: GainsOptions): GainsRun {
  if ((opts.register === undefined) !== (opts.persons === undefined)) throw new UserError(tm("res_gains_register_persons"));
  if (opts.takeup !== undefined && opts.register === undefined) throw new UserError(tm("res_gains_takeup_needs"));
  if (opts.estimator !== undefined && opts.estimates === undefined) throw new UserError(tm("res_gains_estimator_needs"));
  guard(opts);
  const base = parseGainsModel(readJsonFile(opts.model), basename(opts.model));
  if (opts.estimates === undefined && opts.assume.length === 0) throw new UserError(tm("res_gains_no_effects"));
  const assumed = new Map<string, { year: number; estimate: number; se?: number }[]>();
  for (const raw of opts.assume) {
    const a = parseAssume(raw, base);
    const list = assumed.get(a.outcome) ?? [];
    if (list.some((x) => x.year === a.year)) throw new UserError(tm("res_assume_twice", { outcome: a.outcome, year: a.year }));
    list.push(a);
    assumed.set(a.outcome, list);
  }
  let planFile = opts.plan;
  const fromTable = new Map<string, EffectUsed>();
  if (opts.estimates !== undefined) {
    const tablePlan = planOfTable(opts.estimates); // also checks the sidecar, when there is one
    planFile ??= tablePlan;
  }
  const plan: AnalysisPlan | undefined = planFile !== undefined ? loadPlan(planFile).plan : undefined;
  if (opts.estimates !== undefined) {
    const map = new Map((plan?.outcomes ?? []).filter((o) => o.gains_outcome !== undefined).map((o) => [o.name, o.gains_outcome!]));
    for (const e of readEstimates(opts.estimates, base, opts.estimator, map, new Set(assumed.keys()))) fromTable.set(e.outcome, e);
  }
  const effects: EffectUsed[] = base.outcomes.map((o) => {
    const a = assumed.get(o.id);
    if (a) {
      const measured = a.sort((x, y) => x.year - y.year).map((x) => ({ year: x.year, estimate: x.estimate, se: x.se ?? o.effect.measured[0].se, source: "--assume" }));
      return { outcome: o.id, estimand: "ITT", measured, source: `--assume ${a.map((x) => `${o.id}@${x.year}=${x.estimate}${x.se !== undefined ? `:${x.se}` : ""}`).join(" ")} (assumed, for planning; SE from the model where not given)`, illustrative: true };
    }
    const t = fromTable.get(o.id);
    if (t) return t;
    return { outcome: o.id, estimand: o.effect.estimand, measured: o.effect.measured, source: `model: ${o.effect.source}`, illustrative: o.effect.illustrative };
  });
  const model = withEffects(base, effects);
  let input: GainsInput;
  if (opts.register !== undefined) input = registerInput(model, { register: opts.register, persons: opts.persons!, takeup: opts.takeup }, plan, planFile);
  else input = planningInput(model);
  let draws: number | undefined;
  if (opts.draws !== undefined) {
    if (!/^\d+$/.test(opts.draws.trim()) || Number(opts.draws) < 10_000 || Number(opts.draws) > MAX_DRAWS) throw new UserError(tm("res_draws_bad", { draws: opts.draws, max: MAX_DRAWS }));
    draws = Number(opts.draws);
  }
  if (opts.seed !== undefined && opts.seed.trim() === "") throw new UserError(tm("res_seed_empty"));
  const seed = opts.seed ?? model.monte_carlo?.seed;
  if (!seed) throw new UserError(tm("res_seed_missing", { file: basename(opts.model) }));
  const prep = prepare(input);
  const result = pointResult(prep);
  const mc = monteCarlo(prep, { draws, seed });
  const sensitivity = sensitivityTable(input);
  const ill = illustrativeParameters(model, input.cohorts_from === "planning");
  // Everything written is checked before the document is built (JSON would turn NaN and Infinity into null, the
  // CSV into an empty cell, the summary into "NaN DKK"): an overflow is one line, exit 2, and nothing is written.
  const bad = firstNonFinite({ result, monte_carlo: mc, sensitivity, effects_used: effects }, "");
  if (bad !== undefined) {
    const cause = effects.some((e) => e.measured.some((m) => !(Math.abs(m.estimate) <= 1e6)))
      ? tm("res_overflow_effect")
      : tm("res_overflow_model");
    throw new UserError(tm("res_overflow", { file: basename(opts.model), field: bad, cause }));
  }
  const doc = gainsDocument({
    modelName: model.name,
    modelFile: basename(opts.model),
    illustrative: ill,
    effectsUsed: effects.map((e) => ({ ...e, measured: e.measured.map((m) => ({ ...m })) })),
    result,
    monteCarlo: mc,
    sensitivity,
  });
  const minCell = parseMinCell(opts.minCell);
  protectWaveCounts(doc, minCell);
  withholdMoney(doc);
  return { doc, summary: summary(doc, ill, minCell, model) };
}

const dkkEn = (x: number) => `${Math.round(x).toLocaleString("en-US")} DKK`;
const pctfEn = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * gains.json's counts per wave come from the register and persons file (personal data): through src/disclosure
 * like every count effekt writes. Per outcome the persons of each wave sum to the total shown (`value`); a wave's
 * count below `minCell` (or one that the total and the other waves would give back) is written as null, as are a
 * total below it and a wave's number of households assigned to treatment (`cohorts[].treatment_units`) below it.
 * The amounts stay: they are the result (see the README on what they rest on). Planning counts (the model's intake) are not personal data and
 * stay as they are.
 */
function protectWaveCounts(doc: GainsFile, minCell: number): void {
  const r = doc.result;
  if (r.cohorts_from !== "register") return;
  const d = new TableStructure(minCell);
  const units = r.cohorts.map((c, k) => (c.treatment_units === null ? null : d.count(`gains:wave:${k}:units`, c.treatment_units)));
  const parts = r.counts.map((c, i) => {
    const total = d.count(`gains:count:${i}`, c.value ?? NaN);
    const ids = c.by_cohort.map((b, k) => (b.value === null ? null : d.count(`gains:count:${i}:wave:${k}`, b.value)));
    if (ids.every((x): x is string => x !== null)) d.sum(total, ids);
    return { total, ids };
  });
  units.forEach((u, k) => {
    if (u !== null && !d.shown([u])) r.cohorts[k].treatment_units = null;
  });
  parts.forEach(({ total, ids }, i) => {
    if (!d.shown([total])) r.counts[i].value = null;
    ids.forEach((id, k) => {
      if (id !== null && !d.shown([id])) r.counts[i].by_cohort[k].value = null;
    });
  });
}

/**
 * Amounts that would give a withheld wave count back (count x effect x price; src/disclosure's money rule via
 * gains/withheld.ts) are written as null (NaN here; JSON writes null, the CSV an empty cell): a budget year's gains
 * and nets where a withheld wave reaches it, per-household costs likewise, cumulative nets from then on, and the
 * period totals, Monte Carlo intervals and sensitivity values over those years. The investor's account, the
 * repayment and the counts-per-year-since-draw rows (over every wave: the total count) stay.
 */
function withholdMoney(doc: GainsFile): void {
  const r = doc.result;
  const w = withheldGainsMoney(r);
  if (!w.any) return;
  const off = (x: { value: number }) => { x.value = NaN; };
  const offIv = (x: { point: number; mean: number; lower: number; upper: number }) => { x.point = x.mean = x.lower = x.upper = NaN; };
  const payers = ["kommune", "region", "stat"] as const;
  for (const y of r.budget_years) {
    const g = w.gains(y.year);
    const anyCost = payers.some((p) => w.costs(y.year, p));
    for (const p of payers) {
      const c = w.costs(y.year, p);
      if (g) off(y.gains_by_payer[p]);
      if (c) off(y.costs_by_payer[p]);
      if (g || c) off(y.accounts[p]);
    }
    if (g) off(y.gains);
    if (anyCost) off(y.costs);
    if (g || anyCost) off(y.accounts.public);
    if (w.cumulative(y.year)) { off(y.cumulative_public_net); off(y.cumulative_public_pv_net); }
  }
  for (const k of r.kommune_repayment) {
    const g = w.gains(k.year), c = w.costs(k.year, "kommune");
    if (g) off(k.savings);
    if (c) off(k.own_costs);
    if (g || c) off(k.net);
    if (w.cumulative(k.year)) off(k.cumulative_net);
  }
  for (const p of ["y3", "y5", "all"] as const) {
    if (!w.period(p)) continue;
    for (const b of [r.totals[p].undiscounted, r.totals[p].present_value]) {
      off(b.gains);
      off(b.costs);
      for (const a of [...payers, "public"] as const) off(b.accounts[a]);
    }
  }
  // Per-household costs summed over every wave (a cost line's total, the rows by year since the draw) are the
  // households of all waves x the cost: with the shown waves' households they give a withheld wave's back.
  if (r.cohorts.some((c) => c.treatment_units === null)) {
    for (const c of r.costs) if (c.field.startsWith("costs.per_treatment_unit")) off(c.total);
    for (const row of r.by_year_since_draw) off(row.per_unit_costs);
  }
  const mc = doc.monte_carlo;
  if (w.period("y3")) { offIv(mc.public_net_y3); offIv(mc.public_net_pv_y3); }
  if (w.period("y5")) {
    offIv(mc.public_net_y5);
    offIv(mc.public_net_pv_y5);
    offIv(mc.gains_pv_y5);
    for (const a of [...payers, "public"] as const) offIv(mc.accounts_pv_y5[a]);
    for (const c of [doc.sensitivity.base, ...doc.sensitivity.rows.flatMap((x) => [x.low, x.high])]) {
      c.public_net_pv_y5 = c.public_net_pv_y3 = c.public_net_y5 = c.kommune_net_pv_y5 = NaN;
    }
    for (const x of doc.sensitivity.rows) x.swing_public_net_pv_y5 = NaN;
  }
  mc.kommune_by_year.forEach((k) => {
    if (w.cumulative(k.year)) { offIv(k.cumulative_net); off(k.p_cumulative_net_nonnegative); }
  });
}

/**
 * The terminal summary. Counts of persons go through src/disclosure as the report's do: an outcome's count of
 * persons below `minCell` is [s]; a rate-card line's successes (persons x effect) are a count of its persons, and
 * its payment and expected payment (successes x price) are shown only when they are.
 */
function summary(doc: GainsFile, ill: string[], minCell: number, model: GainsModel): string[] {
  const r = doc.result;
  const mc = doc.monte_carlo;
  const d = new TableStructure(minCell);
  const countIds = r.counts.map((c, i) => d.count(`gains:count:${i}`, c.value === null ? NaN : Math.round(c.value)));
  const lineIds = (r.payment?.lines ?? []).map((l, i) => {
    const persons = d.count(`gains:line:${i}:persons`, Math.round(l.persons.value));
    const s = l.successes.value;
    return [persons, Number.isFinite(s) && s >= 0 && s <= l.persons.value ? d.share(`gains:line:${i}:successes`, persons, Math.round(s)) : `not-a-count:${i}`];
  });
  // the terminal's language: its words from the catalogue, its numbers as a reader of it writes them, and the
  // model's Danish name and goals in Danish (gains.json keeps the model's words whatever the terminal's language)
  const lang = messageLang();
  const dkk = (x: number) => (lang === "en" ? dkkEn(x) : `${formatNumber(Math.round(x), lang, 0)} kr.`);
  const pctf = (x: number) => (lang === "en" ? pctfEn(x) : formatPercent(x, lang, 1));
  const num = (x: number) => (lang === "en" ? String(x) : String(x).replace(".", ","));
  const goalsDa = new Map((model.payment_model?.rate_card ?? []).filter((l) => l.goal_da !== undefined).map((l) => [l.goal, l.goal_da!]));
  const goal = (g: string) => (lang === "da" ? goalsDa.get(g) ?? g : g);
  let suppressed = false;
  const guard = (ids: string[], text: string) => (d.shown(ids) ? text : ((suppressed = true), SUPPRESSION_MARK));
  const star = (x: { illustrative: boolean }) => (x.illustrative ? " *" : "");
  const iv = (m: GainsFile["monte_carlo"]["public_net_y3"]) => `${dkk(m.point)} [${dkk(m.lower)}, ${dkk(m.upper)}]${star(m)}`;
  // Amounts that give a withheld wave count back (count x effect x price; src/disclosure's money rule): [s].
  const w = withheldGainsMoney(r);
  const money = (hide: boolean, text: string) => (hide ? ((suppressed = true), SUPPRESSION_MARK) : text);
  const publicLine = (p: "y3" | "y5", net: typeof mc.public_net_y3, pv: typeof mc.public_net_y3, payback: number) =>
    tm("res_sum_public", { through: formatDate(r.totals[p].through, lang), net: money(w.period(p), iv(net)), pv: money(w.period(p), iv(pv)), p: pctf(payback) });
  const out = [
    lang === "da" ? model.name_da ?? doc.model : doc.model,
    tm("res_sum_effects", {
      list: doc.effects_used
        .map((e) => tm("res_sum_effect", { outcome: e.outcome, estimand: e.estimand, years: e.measured.map((m) => `${m.year}: ${num(m.estimate)}`).join(", "), illustrative: e.illustrative ? tm("res_sum_illustrative") : "" }))
        .join("; "),
    }),
    tm("res_sum_counts", {
      basis: tm(r.cohorts_from === "register" ? "res_sum_counts_register" : "res_sum_counts_planning"),
      list: r.counts
        .map((c, i) => tm("res_sum_count", { outcome: c.outcome, value: c.value === null ? ((suppressed = true), SUPPRESSION_MARK) : guard([countIds[i]], num(Math.round(c.value * 100) / 100)), who: tm(c.estimand === "CACE" ? "res_sum_compliers" : "res_sum_assigned") }))
        .join("; "),
    }),
    tm("res_sum_budget", {
      first: r.budget_years[0].year,
      last: r.budget_years[r.budget_years.length - 1].year,
      year0: r.year0,
      price_year: r.price_year,
      rate: pctf(r.discount_rate.value),
      level: lang === "en" ? `${mc.level * 100}%` : formatPercent(mc.level, lang, 0),
      draws: mc.draws,
      seed: mc.seed,
    }),
    publicLine("y3", mc.public_net_y3, mc.public_net_pv_y3, mc.p_payback_within_3.value),
    publicLine("y5", mc.public_net_y5, mc.public_net_pv_y5, mc.p_payback_within_5.value),
    tm("res_sum_accounts", { through: formatDate(r.totals.y5.through, lang), list: (["kommune", "region", "stat", "investor"] as const).map((a) => `${a} ${money(a !== "investor" && w.period("y5"), dkk(mc.accounts_pv_y5[a].point))}`).join(", ") }),
  ];
  if (r.payment && mc.payment) {
    const p = r.payment;
    const limitKey = { none: "res_limit_none", capped: "res_limit_capped", raised_to_floor: "res_limit_floor" } as const;
    out.push(
      tm("res_sum_repayment", {
        investor: p.investor ?? tm("res_sum_the_investor"),
        repayment: iv(mc.payment.repayment),
        limit: lang === "en" || !(p.limit in limitKey) ? p.limit_words : tm(limitKey[p.limit as keyof typeof limitKey]),
        floor: pctf(mc.payment.p_floor_binds.value),
        cap: pctf(mc.payment.p_cap_binds.value),
      }),
      tm("res_sum_irr", {
        irr: p.investor_irr ? pctf(p.investor_irr.value) : tm("res_sum_irr_undefined"),
        interval: mc.payment.investor_irr ? ` [${pctf(mc.payment.investor_irr.lower)}, ${pctf(mc.payment.investor_irr.upper)}]` : "",
      }),
      tm("res_sum_lines", {
        list: p.lines
          .map((l, i) =>
            tm("res_sum_line", {
              goal: goal(l.goal),
              met: tm(l.met ? "res_sum_met" : "res_sum_not_met"),
              p: pctf(mc.payment!.lines[i].p_met.value),
              payment: guard(lineIds[i], dkk(l.payment.value)),
              year: l.payment_year,
              expected: guard(lineIds[i], dkk(mc.payment!.lines[i].expected_payment.value)),
            }),
          )
          .join("; "),
      }),
    );
  }
  // a sensitivity row's assumption as gains.json words it (English), or in the report's words for another language
  const labels = reportLabels(lang, { gainsGoals: Object.fromEntries(goalsDa) });
  const goals = (model.payment_model?.rate_card ?? []).map((l) => ({ goal: l.goal, outcome: l.outcome }));
  const assumption = (s: GainsFile["sensitivity"]["rows"][number]) => (lang === "en" ? s.assumption : assumptionWords(s.assumption, s.moved, lang, labels, goals));
  const top = doc.sensitivity.rows.slice(0, 3).map((s) => tm("res_sum_swing", { assumption: assumption(s), swing: dkk(s.swing_public_net_pv_y5) }));
  if (top.length && !w.period("y5")) out.push(tm("res_sum_sensitivities", { list: top.join("; ") }));
  if (suppressed) out.push(tm("res_suppressed_gains", { mark: SUPPRESSION_MARK, min: minCell }));
  if (ill.length) out.push(tm("res_sum_depends", { n: ill.length, list: ill.slice(0, 3).join(", ") }));
  void dependsOnIllustrative;
  return out;
}

export function runGains(opts: GainsOptions, say: (line: string) => void): void {
  const { doc, summary: lines } = computeGains(opts);
  const text = opts.format === "csv" ? gainsCsv(doc) : gainsJson(doc);
  if (opts.out === undefined) {
    // a terminal would act on control characters from the model's labels; a pipe gets the bytes
    process.stdout.write(process.stdout.isTTY ? terminalSafe(text) : text);
    return;
  }
  writeFileAtomic(opts.out, text);
  for (const line of lines) say(line);
  say(tm("res_written", { out: opts.out }));
}
