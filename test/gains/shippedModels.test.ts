import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dependsOnIllustrative, illustrativeParameters, planningInput, pointResult, prepare } from "../../src/gains/index.js";
import { gainsModelSchema, parseGainsModel } from "../../src/schemas/gainsModel.js";
import { ROOT } from "../helpers.js";
import { CASE } from "./fixture.js";

const load = (name: string) => parseGainsModel(JSON.parse(readFileSync(join(ROOT, "analyses", name), "utf8")), name);
const MODELS = ["gains-relationel-velfaerd.json", "gains-randers-en-ny-start.json"];

describe("shipped gains models", () => {
  for (const name of MODELS) {
    it(`${name}: with zero effects gains are zero and no rate-card line is met or pays`, () => {
      const m = load(name);
      for (const o of m.outcomes) for (const e of o.effect.measured) e.estimate = 0;
      m.payment_model!.afkastgulv = undefined;
      const r = pointResult(prepare(planningInput(m)));
      for (const y of r.budget_years) expect(y.gains.value).toBe(0);
      for (const l of r.payment!.lines) expect([l.met, l.payment.value]).toEqual([false, 0]);
      expect(r.payment!.repayment.value).toBe(0);
    });
    it(`${name}: every price without a public source is marked illustrative and every traced field exists in the model`, () => {
      const m = load(name);
      const ill = illustrativeParameters(m);
      m.payment_model!.rate_card.forEach((l, i) => {
        expect(l.illustrative).toBe(true);
        expect(ill).toContain(`payment_model.rate_card[${i}]`);
        expect(l.source).toMatch(/ILLUSTRATIVE/);
      });
      const r = pointResult(prepare(planningInput(m)));
      const froms = new Set<string>();
      const walk = (x: unknown): void => {
        if (Array.isArray(x)) x.forEach(walk);
        else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) k === "from" && Array.isArray(v) ? v.forEach((f) => froms.add(f)) : walk(v);
      };
      walk(r);
      expect(froms.size).toBeGreaterThan(5);
      const raw = JSON.parse(readFileSync(join(ROOT, "analyses", name), "utf8"));
      for (const f of froms) {
        const path = f.replace(/\[(\d+)\]/g, ".$1").split(".");
        // outcomes.<id>... and unit_values.<payer> are looked up by id / payer
        let node: unknown = raw;
        for (let k = 0; k < path.length; k++) {
          const key = path[k];
          if (Array.isArray(node) && !/^\d+$/.test(key)) node = node.find((x: { id?: string; payer?: string }) => x.id === key || x.payer === key);
          else node = (node as Record<string, unknown>)?.[key];
        }
        expect(node, `traced field ${f}`).not.toBeUndefined();
      }
      expect(dependsOnIllustrative(r.totals.y5.present_value.accounts.public.from, ill)).toBe(true);
    });
  }
  it("Randers: three target groups, each with its own count, counting rule, threshold and price", () => {
    const m = load("gains-randers-en-ny-start.json");
    const r = pointResult(prepare(planningInput(m)));
    expect(r.counts.map((c) => c.value)).toEqual([40, 25, 15]);
    expect(m.payment_model!.rate_card.map((l) => [l.target_group, l.counting, l.min_successes, l.price_per_success_dkk])).toEqual([
      ["A-dagpenge", "gross", 12, 50000],
      ["single providers, kontanthjælp/ressourceforløb", "gross", 3, 90000],
      ["both parents kontanthjælp/ressourceforløb", "gross", 2, 120000],
    ]);
  });
  it("Viborg: only the team's own staff hours are additional; the LBF activities open to both arms are not counted", () => {
    const m = load("gains-relationel-velfaerd.json");
    const r = pointResult(prepare(planningInput(m)));
    expect(r.costs.filter((c) => c.counted).map((c) => c.label)).toEqual(["staff: Relationel Velfærd (the cross-disciplinary team)"]);
    const left = r.costs.filter((c) => !c.counted).reduce((s, c) => s + c.total.value, 0);
    expect(left).toBeCloseTo(58 * 44 * 450 * 3, 6);
  });
});

describe("gains model schema", () => {
  const bad = (edit: (m: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const m = structuredClone(CASE.model);
    edit(m);
    const r = gainsModelSchema.safeParse(m);
    expect(r.success).toBe(false);
    return r.success ? "" : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  };
  it("refuses a gross line without a control rate, a cost without additionality, a draw before year0, an afkastgulv of -1", () => {
    expect(bad((m) => delete m.payment_model.rate_card[2].control_rate)).toMatch(/rate_card.2.control_rate: is required when counting is gross/);
    expect(bad((m) => delete m.costs.items[0].additional)).toMatch(/costs.items.0.additional: is required/);
    expect(bad((m) => (m.intake.years[0].year = 2024))).toMatch(/intake.years.0.year: 2024 lies before year0 2025/);
    expect(bad((m) => (m.payment_model.afkastgulv.min_annual_return = -1))).toMatch(/must be above -1/);
    expect(bad((m) => (m.outcomes[0].effect.measured[1].year = 1))).toMatch(/strictly increasing/);
  });
});
