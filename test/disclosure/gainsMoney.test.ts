/**
 * Gains are count x effect x price, so an amount in a budget year that one wave reaches
 * alone, divided by the published per-person amount (the effect by year since the draw, the model's price and the
 * share of the wave's year in the budget year), gives that wave's count back. Adversarial fixture: wave 1 of 80
 * households drawn 2025-03-01, wave 2 of 3 households drawn 2026-09-01 (horizon 5 years): budget year 2031 is
 * reached by wave 2 alone. The attacker (attackMoney) divides the stat's gains (employment alone has a stat price)
 * by the per-person amount. On the old code the AAU report's gains-by-year table gave 3 back.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport, type ReportRun } from "../../src/cli/report.js";
import { toModelPrices, yearShare } from "../../src/gains/index.js";
import { readGainsFile, type GainsFile } from "../../src/io/gainsFile.js";
import { isSuppressed, allTables } from "../../src/report/model.js";
import { parseGainsModel } from "../../src/schemas/gainsModel.js";
import { effekt, ROOT, tempDir } from "../helpers.js";
import { attackMoney, readCsvReport, type MoneyBasis } from "./attacker.js";

const s = (f: string) => join(ROOT, "samples", f);
const SHIPPED = join(ROOT, "analyses", "gains-relationel-velfaerd.json");
/** The region's cost per household assigned to treatment, per year since the draw (the fixture's model adds it). */
const PER_HOUSEHOLD = [12_000, 12_000, 12_000, 12_000, 12_000];

/** Per (budget year, wave): the region's cost one household of the wave brings (the model's price, the draw date). */
function householdBases(g: GainsFile, wave: number, accountLabel: string): MoneyBasis[] {
  const d = g.result.cohorts[wave].draw_date;
  return g.result.budget_years.map((y) => ({
    table: "gains-by-year",
    match: { year: String(y.year), account: accountLabel },
    column: "costs",
    perPerson: PER_HOUSEHOLD.reduce((a, c, k) => a + c * yearShare(d, k + 1, y.year), 0),
    count: `wave ${wave + 1} households`,
  }));
}

/** Per (budget year, wave): the stat's gains one person of the wave's employment count brings (all published). */
function bases(g: GainsFile, wave: number, accountLabel: string, modelFile: string): MoneyBasis[] {
  const model = parseGainsModel(JSON.parse(readFileSync(modelFile, "utf8")), "model");
  const u = model.outcomes.find((o) => o.id === "employment")!.unit_values.find((x) => x.payer === "stat")!;
  const price = toModelPrices(u.value_dkk, u.price_year, model, "price");
  const path = g.result.effects.find((e) => e.outcome === "employment")!.by_year;
  const d = g.result.cohorts[wave].draw_date;
  return g.result.budget_years.map((y) => ({
    table: "gains-by-year",
    match: { year: String(y.year), account: accountLabel },
    column: "gains",
    perPerson: path.reduce((a, b) => a + b.effect * yearShare(d, b.year, y.year), 0) * price,
    count: `wave ${wave + 1} employment`,
  }));
}

describe("money amounts do not give a small wave's count back", () => {
  let dir: string;
  let run: ReportRun;
  let g: GainsFile;
  let stdout: string;
  let MODEL: string;
  beforeAll(() => {
    dir = tempDir();
    const model = JSON.parse(readFileSync(SHIPPED, "utf8"));
    model.costs.per_treatment_unit = [{ label: "region: follow-up per household", payer: "region", additional: true, additionality_source: "fixture", dkk_by_year_since_draw: PER_HOUSEHOLD, source: "fixture", price_year: model.price_year }];
    MODEL = join(dir, "model.json");
    writeFileSync(MODEL, JSON.stringify(model));
    const reg = join(dir, "allocations.csv");
    for (const [wave, date, treat] of [[1, "2025-03-01", "80"], [2, "2026-09-01", "3"]] as const) {
      const r = effekt(["draw", "--households", s("households.csv"), "--cases", s("cases.csv"), "--date", date, "--register", reg, "--wave", String(wave), "--seed", `m${wave}`, "--treat", treat]);
      expect(r.code, r.stderr).toBe(0);
    }
    writeFileSync(join(dir, "effects.csv"), "outcome,horizon,estimator,estimand,estimate,std_error\nemployment,1,lm_lin,ITT,0.03,0.01\nemployment,3,lm_lin,ITT,0.02,0.01\n");
    const assume = ["foster-placement-avoided=0.005", "residential-placement-avoided=0.0025", "school-absence-reduced=0.05", "life-satisfaction-up=0.06"].flatMap((a) => ["--assume", a]);
    const r = effekt(["gains", "--model", MODEL, "--estimates", join(dir, "effects.csv"), "--register", reg, "--persons", s("persons.csv"), "--plan", join(ROOT, "analyses", "relationel-velfaerd.json"), ...assume, "--out", join(dir, "gains.json")]);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    g = readGainsFile(join(dir, "gains.json"));
  }, 180_000);

  it("the fixture: wave 2's 3 households reach budget year 2031 alone, and its counts are withheld in gains.json", () => {
    expect(g.result.cohorts.map((c) => c.treatment_units)).toEqual([80, null]);
    expect(g.result.budget_years.some((y) => y.year === 2031)).toBe(true);
    const reach = (d: string, year: number) => [1, 2, 3, 4, 5].some((k) => yearShare(d, k, year) > 0);
    expect(reach(g.result.cohorts[0].draw_date, 2031)).toBe(false);
    expect(reach(g.result.cohorts[1].draw_date, 2031)).toBe(true);
    // gains.json writes the amounts that would give the waves back as null (read back as NaN): 2031's region costs
    // divided by one household's cost gave 3 on the old code
    const raw = JSON.parse(readFileSync(join(dir, "gains.json"), "utf8"));
    const y2031 = raw.result.budget_years.find((y: { year: number }) => y.year === 2031);
    expect(y2031.costs_by_payer.region.value).toBeNull();
    expect(y2031.gains_by_payer.stat.value).toBeNull();
    expect(raw.result.totals.y5.present_value.gains.value).toBeNull();
    expect(raw.monte_carlo.public_net_y3.point).toBeNull();
    // 2024 is reached by no wave: its amounts stay (the model's fixed costs), as do the investor's account and the repayment
    const y2024 = raw.result.budget_years.find((y: { year: number }) => y.year === 2024);
    expect(typeof y2024.costs.value).toBe("number");
    expect(typeof raw.result.totals.y5.present_value.accounts.investor.value).toBe("number");
    expect(typeof raw.result.payment.repayment.value).toBe("number");
    // the per-household cost summed over both waves ((80 + 3) x 12,000 in year 1 since the draw) would give 3 back
    // with wave 1's 80: null
    expect(raw.result.by_year_since_draw.map((r: { per_unit_costs: { value: number | null } }) => r.per_unit_costs.value)).toEqual([null, null, null, null, null]);
    expect(raw.result.costs.find((c: { field: string }) => c.field.startsWith("costs.per_treatment_unit")).total.value).toBeNull();
    // no count in 1..4 from any amount left in the file
    for (const y of raw.result.budget_years) {
      const b = householdBases(g, 1, "")[g.result.budget_years.findIndex((x) => x.year === y.year)];
      const v = y.costs_by_payer.region.value;
      if (v !== null && b.perPerson > 0) expect(Math.round(v / b.perPerson) === 0 || v / b.perPerson >= 4.5).toBe(true);
    }
  });

  it("AAU report (csv): no wave count in 1..4 from a money amount; the years a withheld wave reaches are [s]", async () => {
    const out = join(dir, "report-aau");
    run = await runReport({ audience: "aau", lang: "en", out, results: dir, minCell: "5", quiet: true, format: "csv" });
    const shapes = allTables(run.model).map((t) => ({ id: t.id, keys: t.columns.map((c) => c.key) }));
    const report = readCsvReport(out, shapes, "en");
    const stat = run.model.sections.find((x) => x.id === "gains")!.tables.find((t) => t.id === "gains-by-year")!;
    const label = (k: number) => String(stat.rows[k][1]);
    const all = [...householdBases(g, 1, label(1)), ...householdBases(g, 0, label(1)), ...bases(g, 1, label(2), MODEL), ...bases(g, 0, label(2), MODEL)];
    expect(attackMoney([report], all, 5)).toEqual([]);
    const col = stat.columns.findIndex((c) => c.key === "gains");
    const hiddenYears = [...new Set(stat.rows.filter((r) => isSuppressed(r[col])).map((r) => Number(r[0])))];
    // wave 1 (withheld as wave 2's partner) reaches 2025-2030, wave 2 2026-2031; 2024 is reached by neither
    expect(hiddenYears).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
    expect(stat.rows.filter((r) => r[0] === 2024 && r[col] !== null).every((r) => !isSuppressed(r[col]))).toBe(true);
    // the totals over those years are withheld with them
    const y35 = run.model.sections.find((x) => x.id === "gains")!.tables.find((t) => t.id === "gains-3-5-years")!;
    expect(y35.rows.filter((r) => isSuppressed(r[2])).length).toBe(8);
  }, 120_000);

  it("the terminal summary withholds the period totals resting on the withheld waves", () => {
    expect(stdout).toMatch(/through 2026-12-31: net \[s\], PV \[s\]/);
    expect(stdout).toMatch(/kommune \[s\], region \[s\], stat \[s\], investor -?[0-9,]+ DKK/);
  });
});
