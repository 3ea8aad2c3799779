/**
 * The same work in R, where R is installed (skipped with a note otherwise), beside effekt's figures:
 * (1) estimatr lm_robust CR2 on 4,000 households (10,000 persons, 10 covariates), and effekt's lmRobust on the
 *     same data, with the largest relative difference of estimate, SE and df as a check;
 * (2) an R loop of estimatr difference_in_means over 200 re-randomisations of the RI benchmark's design (block x
 *     household complete random assignment with the register's numbers treated), one outcome, against effekt's
 *     re-draws per outcome.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDesign } from "../src/estimate/design.js";
import { lmRobust } from "../src/estimate/lm_robust.js";
import { REPS, median, seconds, type BenchRow } from "./common.js";
import { cr2BenchData } from "./cr2_data.js";
import { riBenchData } from "./ri_design.js";

function hasR(): boolean {
  const r = spawnSync("Rscript", ["-e", "cat(requireNamespace('estimatr', quietly = TRUE))"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() === "TRUE";
}

const R_CR2 = `
suppressPackageStartupMessages(library(estimatr))
d <- read.csv(commandArgs(TRUE)[1])
t <- system.time(fit <- lm_robust(y ~ z + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9 + x10, data = d, clusters = hh, se_type = "CR2"))[["elapsed"]]
cat(sprintf("%.17g", c(t, coef(fit)[["z"]], fit$std.error[["z"]], fit$df[["z"]])), "\\n")
`;

const R_RI = `
suppressPackageStartupMessages(library(estimatr))
d <- read.csv(commandArgs(TRUE)[1])
hh <- unique(d[, c("hh", "block", "z")])
set.seed(1)
t <- system.time(for (s in 1:200) {
  zs <- hh$z
  for (b in unique(hh$block)) { i <- which(hh$block == b); zs[i] <- sample(hh$z[i]) }
  d$zs <- zs[match(d$hh, hh$hh)]
  difference_in_means(y ~ zs, data = d, blocks = block, clusters = hh)
})[["elapsed"]]
cat(sprintf("%.17g", t), "\\n")
`;

/** `riSeconds`: effekt's RI figure (10,000 re-draws x 3 outcomes), to compare per re-draw and outcome. */
export function benchR(riMs: number | undefined): BenchRow[] {
  if (!hasR()) return [{ figure: "R comparison: skipped (Rscript with estimatr not installed)", value: "", target: "" }];
  const dir = mkdtempSync(join(tmpdir(), "effekt-bench-r-"));
  const rows: BenchRow[] = [];
  try {
    // (1) CR2 on 4,000 households
    const data = cr2BenchData(10_000, 4_000);
    const lines = [`hh,z,${data.covariates.map((c) => c.name).join(",")},y`];
    for (let i = 0; i < data.y.length; i++) lines.push(`${data.clusters[i]},${data.z[i]},${data.covariates.map((c) => String(c.values[i])).join(",")},${data.y[i]}`);
    writeFileSync(join(dir, "cr2.csv"), `${lines.join("\n")}\n`);
    writeFileSync(join(dir, "cr2.R"), R_CR2);
    const r = spawnSync("Rscript", [join(dir, "cr2.R"), join(dir, "cr2.csv")], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
    const [rSec, rEst, rSe, rDf] = r.stdout.trim().split(/\s+/).map(Number);
    const times: number[] = [];
    let z = { estimate: 0, std_error: 0, df: 0 };
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      const d = buildDesign([{ name: "z", values: data.z }, ...data.covariates]);
      const fit = lmRobust(d.X, d.n, d.k, data.y, { clusters: data.clusters, seType: "CR2", names: d.names });
      times.push(performance.now() - t0);
      z = fit.coefficients[1];
    }
    const ms = median(times);
    const rel = Math.max(Math.abs(z.estimate - rEst) / Math.abs(rEst), Math.abs(z.std_error - rSe) / rSe, Math.abs(z.df - rDf) / rDf);
    rows.push({ figure: "R estimatr lm_robust CR2, 4,000 households / 10,000 persons", value: `${rSec.toFixed(2)} s`, target: "(R, one run)" });
    rows.push({ figure: "  effekt lmRobust on the same data", value: seconds(ms), target: `R / effekt = ${(rSec * 1000 / ms).toFixed(0)}x` });
    rows.push({ figure: "  effekt vs R: largest relative difference (estimate, SE, df of z)", value: rel.toExponential(1), target: "<= 1e-8", met: rel <= 1e-8 });

    // (2) R loop of difference_in_means over 200 re-randomisations
    const ri = riBenchData();
    const arm = new Map(ri.register.map((x) => [x.householdId, x.arm === "treatment" ? 1 : 0]));
    const hh = new Map<string, number>();
    const blocks = new Map<string, number>();
    const riLines = ["hh,block,z,y"];
    for (const p of ri.persons) {
      if (!hh.has(p.household)) hh.set(p.household, hh.size + 1);
      if (!blocks.has(p.block)) blocks.set(p.block, blocks.size + 1);
      riLines.push(`${hh.get(p.household)},${blocks.get(p.block)},${arm.get(p.household)},${p.y[0]}`);
    }
    writeFileSync(join(dir, "ri.csv"), `${riLines.join("\n")}\n`);
    writeFileSync(join(dir, "ri.R"), R_RI);
    const r2 = spawnSync("Rscript", [join(dir, "ri.R"), join(dir, "ri.csv")], { encoding: "utf8" });
    if (r2.status !== 0) throw new Error(`R failed: ${r2.stderr}`);
    const riSec = Number(r2.stdout.trim());
    rows.push({ figure: "R loop of difference_in_means, 200 re-randomisations, 1 outcome", value: `${riSec.toFixed(2)} s`, target: "(R, one run)" });
    if (riMs !== undefined) {
      const rPer = riSec / 200;
      const effektPer = riMs / 1000 / (10_000 * 3);
      rows.push({ figure: "  R per re-draw and outcome / effekt per re-draw and outcome", value: `${(rPer / effektPer).toFixed(0)}x`, target: `(R x 30,000 = ${(rPer * 30_000 / 60).toFixed(0)} min)` });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
