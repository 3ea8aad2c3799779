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
  if ((opts.register === undefined) !== (opts.persons === undefined)) throw new UserError("--register and --persons go together (the persons file says who is in each outcome's population)");
  if (opts.takeup !== undefined && opts.register === undefined) throw new UserError("--takeup needs --register and --persons (it counts compliers among the assigned)");
  if (opts.estimator !== undefined && opts.estimates === undefined) throw new UserError("--estimator needs --estimates");
  guard(opts);
  const base = parseGainsModel(readJsonFile(opts.model), basename(opts.model));
  if (opts.estimates === undefined && opts.assume.length === 0) throw new UserError("give --estimates FILE (an effect table) or at least one --assume OUTCOME=EFFECT");
  const assumed = new Map<string, { year: number; estimate: number; se?: number }[]>();
  for (const raw of opts.assume) {
    const a = parseAssume(raw, base);
    const list = assumed.get(a.outcome) ?? [];
    if (list.some((x) => x.year === a.year)) throw new UserError(`--assume names outcome "${a.outcome}" at year ${a.year} twice`);
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
    if (!/^\d+$/.test(opts.draws.trim()) || Number(opts.draws) < 10_000 || Number(opts.draws) > MAX_DRAWS) throw new UserError(`--draws "${opts.draws}" is not a whole number from 10000 to ${MAX_DRAWS}`);
    draws = Number(opts.draws);
  }
  if (opts.seed !== undefined && opts.seed.trim() === "") throw new UserError("--seed is empty; give the Monte Carlo seed as text (or leave --seed out to use the model's)");
  const seed = opts.seed ?? model.monte_carlo?.seed;
  if (!seed) throw new UserError(`${basename(opts.model)}: monte_carlo.seed is missing; give --seed TEXT`);
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
      ? "an effect (--assume or the effect table) or a number in the model"
      : "a number in the model (a unit value, price, count or amount)";
    throw new UserError(`${basename(opts.model)}: the result ${bad} is not a finite number: ${cause} is too large for the arithmetic; nothing was written`);
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
  return { doc, summary: summary(doc, ill, minCell) };
}

const dkk = (x: number) => `${Math.round(x).toLocaleString("en-US")} DKK`;
const pctf = (x: number) => `${(x * 100).toFixed(1)}%`;

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
function summary(doc: GainsFile, ill: string[], minCell: number): string[] {
  const r = doc.result;
  const mc = doc.monte_carlo;
  const d = new TableStructure(minCell);
  const countIds = r.counts.map((c, i) => d.count(`gains:count:${i}`, c.value === null ? NaN : Math.round(c.value)));
  const lineIds = (r.payment?.lines ?? []).map((l, i) => {
    const persons = d.count(`gains:line:${i}:persons`, Math.round(l.persons.value));
    const s = l.successes.value;
    return [persons, Number.isFinite(s) && s >= 0 && s <= l.persons.value ? d.share(`gains:line:${i}:successes`, persons, Math.round(s)) : `not-a-count:${i}`];
  });
  let suppressed = false;
  const guard = (ids: string[], text: string) => (d.shown(ids) ? text : ((suppressed = true), SUPPRESSION_MARK));
  const star = (x: { illustrative: boolean }) => (x.illustrative ? " *" : "");
  const iv = (m: GainsFile["monte_carlo"]["public_net_y3"]) => `${dkk(m.point)} [${dkk(m.lower)}, ${dkk(m.upper)}]${star(m)}`;
  // Amounts that give a withheld wave count back (count x effect x price; src/disclosure's money rule): [s].
  const w = withheldGainsMoney(r);
  const money = (hide: boolean, text: string) => (hide ? ((suppressed = true), SUPPRESSION_MARK) : text);
  const out = [
    doc.model,
    `effects: ${doc.effects_used.map((e) => `${e.outcome} ${e.estimand} at years ${e.measured.map((m) => `${m.year}: ${m.estimate}`).join(", ")}${e.illustrative ? " (illustrative)" : ""}`).join("; ")}`,
    `counts (${r.cohorts_from === "register" ? "from the register and persons file" : "planning: the model's expected intake"}): ${r.counts.map((c, i) => `${c.outcome} ${c.value === null ? ((suppressed = true), SUPPRESSION_MARK) : guard([countIds[i]], String(Math.round(c.value * 100) / 100))} (${c.estimand === "CACE" ? "compliers" : "assigned"})`).join("; ")}`,
    `budget years ${r.budget_years[0].year}-${r.budget_years[r.budget_years.length - 1].year} (year 0 = ${r.year0}), prices ${r.price_year}, discount rate ${pctf(r.discount_rate.value)}; intervals ${mc.level * 100}% from ${mc.draws} draws (seed ${mc.seed})`,
    `whole public sector after the repayment, through ${r.totals.y3.through}: net ${money(w.period("y3"), iv(mc.public_net_y3))}, PV ${money(w.period("y3"), iv(mc.public_net_pv_y3))}, P(payback) ${pctf(mc.p_payback_within_3.value)}`,
    `whole public sector after the repayment, through ${r.totals.y5.through}: net ${money(w.period("y5"), iv(mc.public_net_y5))}, PV ${money(w.period("y5"), iv(mc.public_net_pv_y5))}, P(payback) ${pctf(mc.p_payback_within_5.value)}`,
    `PV through ${r.totals.y5.through} by account: ${(["kommune", "region", "stat", "investor"] as const).map((a) => `${a} ${money(a !== "investor" && w.period("y5"), dkk(mc.accounts_pv_y5[a].point))}`).join(", ")}`,
  ];
  if (r.payment && mc.payment) {
    const p = r.payment;
    out.push(
      `repayment by the kommune to ${p.investor ?? "the investor"}: ${iv(mc.payment.repayment)}; ${p.limit_words}; P(floor binds) ${pctf(mc.payment.p_floor_binds.value)}, P(cap binds) ${pctf(mc.payment.p_cap_binds.value)}`,
      `investor's IRR over the dated flows: ${p.investor_irr ? pctf(p.investor_irr.value) : "not defined"}${mc.payment.investor_irr ? ` [${pctf(mc.payment.investor_irr.lower)}, ${pctf(mc.payment.investor_irr.upper)}]` : ""}`,
      `  lines: ${p.lines.map((l, i) => `${l.goal}: ${l.met ? "met" : "not met"} (P ${pctf(mc.payment!.lines[i].p_met.value)}), pays ${guard(lineIds[i], dkk(l.payment.value))} in ${l.payment_year}, expected ${guard(lineIds[i], dkk(mc.payment!.lines[i].expected_payment.value))}`).join("; ")}`,
    );
  }
  const top = doc.sensitivity.rows.slice(0, 3).map((s) => `${s.assumption} (swing ${dkk(s.swing_public_net_pv_y5)})`);
  if (top.length && !w.period("y5")) out.push(`largest sensitivities: ${top.join("; ")}`);
  if (suppressed) out.push(`${SUPPRESSION_MARK}: fewer than ${minCell} persons, or would give such a count back (see effekt report); the file keeps every number`);
  if (ill.length) out.push(`* depends on illustrative parameters (${ill.length} in the model, e.g. ${ill.slice(0, 3).join(", ")})`);
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
  say(`written to ${opts.out}`);
}
