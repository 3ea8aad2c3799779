/**
 * Child process of the CR2 benchmark (so its peak memory is its own): fits the regression once on generated data
 * and prints {"ms": fit time, "cpuMs": its CPU time, "maxRssMb": peak resident memory}. Usage: node cr2_child.js PERSONS HOUSEHOLDS lin|lin-all|robust
 */
import { buildDesign } from "../src/estimate/design.js";
import { lmLin } from "../src/estimate/lm_lin.js";
import { lmRobust } from "../src/estimate/lm_robust.js";
import { cr2BenchData } from "./cr2_data.js";

const persons = Number(process.argv[2] ?? 1_000_000);
const households = Number(process.argv[3] ?? 400_000);
const model = process.argv[4] ?? "lin";
const data = cr2BenchData(persons, households);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const fit =
  model === "lin"
    ? // as effekt estimate runs it: the Bell-McCaffrey df of z only (the reported coefficient)
      lmLin(data.y, data.z, data.covariates, { clusters: data.clusters, seType: "CR2", dfFor: ["z"] })
    : model === "lin-all"
      ? // as estimatr::lm_lin reports it: the df of every one of the 22 coefficients
        lmLin(data.y, data.z, data.covariates, { clusters: data.clusters, seType: "CR2" })
      : (() => {
        const d = buildDesign([{ name: "z", values: data.z }, ...data.covariates]);
        return lmRobust(d.X, d.n, d.k, data.y, { clusters: data.clusters, seType: "CR2", names: d.names });
      })();
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
// CPU time too: on a loaded machine the wall time says more about the neighbours than about the fit
const cpuMs = (cpu.user + cpu.system) / 1000;
const z = fit.coefficients.find((c) => c.term === "z")!;
console.log(JSON.stringify({ ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024, estimate: z.estimate, std_error: z.std_error, df: z.df }));
