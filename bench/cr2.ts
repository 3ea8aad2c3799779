/**
 * CR2 regression at scale: lm_robust(y ~ z + 10 covariates, clusters = household, se_type = "CR2") and
 * Lin's regression with the same covariates (22 coefficients; Bell-McCaffrey df of z alone, as effekt estimate,
 * and of all 22, as estimatr), on 1,000,000 persons in 400,000 households, each in a fresh child process
 * (cr2_child.ts) so its peak memory is its own. Target: at most 10 s and 2 GB. The time is the fit alone
 * (estimate, CR2 variance and the Bell-McCaffrey df asked for), not the data generation.
 */
import { join } from "node:path";
import { REPS, ROOT, median, seconds, timedNode, type BenchRow } from "./common.js";

export function benchCr2(persons = 1_000_000, households = 400_000): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const model of ["robust", "lin", "lin-all"] as const) {
    const ms: number[] = [];
    const peaks: number[] = [];
    for (let r = 0; r < Math.min(REPS, 3); r++) {
      const res = timedNode([join(ROOT, "dist", "bench", "cr2_child.js"), String(persons), String(households), model]);
      if (res.status !== 0) throw new Error(`cr2 child failed: ${res.stderr}`);
      const out = JSON.parse(res.stdout.trim().split("\n").pop()!) as { ms: number; maxRssMb: number };
      ms.push(out.ms);
      peaks.push(res.peakMb ?? out.maxRssMb);
    }
    const name = {
      robust: "lm_robust CR2, z + 10 covariates (12 coef.)",
      lin: "lm_lin CR2, 10 covariates (22 coef.; df of z, as effekt estimate)",
      "lin-all": "lm_lin CR2, 10 covariates (22 coef.; df of all, as estimatr)",
    }[model];
    const t = median(ms);
    const p = median(peaks);
    rows.push({ figure: `${name}: ${persons.toLocaleString("en")} persons / ${households.toLocaleString("en")} households`, value: seconds(t), target: "<= 10 s", met: t <= 10_000 });
    rows.push({ figure: "  peak memory (data + fit, child process)", value: `${p.toFixed(0)} MB`, target: "<= 2048 MB", met: p <= 2048 });
  }
  return rows;
}
