/**
 * The evaluator's workflow on the bundled synthetic data (`npm run demo`): two waves of the lottery, a re-run that
 * changes nothing, verify, plan lock, estimate, indicators, gains and two reports. Writes everything under
 * out/demo/ (recreated each run). A Node script, not a shell script, so it runs the same on Windows.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to dist/samples/demo.js; the repository root is two folders up from there, one from samples/.
const root = here.includes("dist") ? resolve(here, "..", "..") : resolve(here, "..");
process.chdir(root);
const out = join("out", "demo");
const s = (name: string) => join("samples", name);
const a = (name: string) => join("analyses", name);
const o = (name: string) => join(out, name);

/** Runs `effekt` (this checkout's bin/effekt) with the output shown; stops the demo when it fails. */
function effekt(args: string[], options: { stderrTo?: string } = {}): void {
  const r = spawnSync(process.execPath, [join("bin", "effekt"), ...args], {
    stdio: ["ignore", "inherit", options.stderrTo ? "pipe" : "inherit"],
    encoding: "utf8",
  });
  if (options.stderrTo) writeFileSync(options.stderrTo, r.stderr ?? "");
  if (r.status !== 0) {
    if (options.stderrTo) process.stderr.write(r.stderr ?? "");
    process.exit(r.status ?? 1);
  }
}
const say = (text: string) => console.log(text);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The households and cases as the municipality exports them (samples/exports/: a Windows-1252 ; file with a title
// line and Danish headers, a workbook with title rows), read through the mapping kolonner.json; the lottery is the
// same as from samples/households.csv and samples/cases.csv.
const x = (name: string) => join("samples", "exports", name);
const draw = (date: string, wave: number, treat: number) => [
  "draw", "--households", x("husstande.csv"), "--cases", x("sager.xlsx"), "--mapping", x("kolonner.json"), "--date", date,
  "--register", o("allocations.csv"), "--wave", String(wave), "--seed", `viborg-2025-wave-${wave}`, "--treat", String(treat),
];

say("== check first: eligibility by area and the places per stratum, nothing drawn or written");
effekt([...draw("2025-03-01", 1, 80), "--dry-run"]);
say("");
say("== wave 1: the first lottery (cases counted as active on the draw date)");
effekt(draw("2025-03-01", 1, 80));
say("");
say("== wave 2: households that became eligible since, half a year later");
effekt(draw("2025-09-01", 2, 60));
say("");
say("== re-running wave 2 with the same inputs and seed changes nothing");
effekt(draw("2025-09-01", 2, 60));
say("");
say("== anyone can re-run the lottery and check the register");
effekt(["verify", "--register", o("allocations.csv")]);
say("");
say("== pre-register the analysis plan before any outcome is read");
effekt(["plan", "lock", "--plan", a("relationel-velfaerd.json"), "--register", o("allocations.csv")]);
say("");
say("== outcome deliveries as they arrive: the job centre's weekly status file and the WHO-5 survey export, reshaped");
say("   into effekt's outcomes format (the estimate below reads samples/outcomes.csv, whose true effects are documented)");
effekt(["outcomes", "import", "--from", x("jobcenter-uger.csv"), "--spec", x("import-beskaeftigelse.json"), "--out", o("outcomes-employment.csv")]);
effekt(["outcomes", "import", "--from", x("trivsel-survey.csv"), "--spec", x("import-trivsel.json"), "--out", o("outcomes-wellbeing.csv")]);
say("");
say("== effect estimates by the locked plan (ITT by difference in means and Lin regression, CACE with take-up; RI re-runs the lottery)");
say("   (the sample's true effects are in samples/README.md; years whose window has not ended are reported as pending)");
const warnings = o("estimate-warnings.txt");
effekt([
  "estimate", "--plan", a("relationel-velfaerd.json"), "--register", o("allocations.csv"), "--persons", s("persons.csv"),
  "--outcomes", s("outcomes.csv"), "--takeup", s("takeup.csv"), "--out", o("effects.csv"),
], { stderrTo: warnings });
const nWarnings = readFileSync(warnings, "utf8").split("\n").filter((l) => l.includes("warning")).length;
say(`(${nWarnings} warnings, e.g. subgroups too small to estimate, in ${warnings})`);
say("");
say("== indicators: the LBF indicators per area and year against baselines and target (pending shown as pending)");
effekt(["indicators", "--spec", a("lbf-uddannelse-og-livschancer.json"), "--values", s("indicator-values.csv"), "--out", o("indicators.csv")]);
say("");
say("== gains: budget-economic gains by budget year and by years since each wave's draw, per account (kommune, region,");
say("   stat, public sector, investor), and the repayment: employment at every measured horizon from the effect table");
say("   (the plan's gains_outcome), counted over the persons assigned to treatment in its population (register + persons);");
say("   the outcomes the table does not measure on the model's scale are assumed (marked illustrative)");
effekt([
  "gains", "--model", a("gains-relationel-velfaerd.json"), "--estimates", o("effects.csv"),
  "--register", o("allocations.csv"), "--persons", s("persons.csv"), "--plan", a("relationel-velfaerd.json"),
  "--assume", "foster-placement-avoided=0.005", "--assume", "residential-placement-avoided=0.0025",
  "--assume", "school-absence-reduced=0.05", "--assume", "life-satisfaction-up=0.06", "--out", o("gains.json"),
]);
say("");
say("== reports: tables for SUS (formative) and AAU (summative) as XLSX, CSV, Markdown, HTML and PDF; counts under 5 suppressed");
// Labels from the indicator spec and the gains model (the plan is found through the effects meta).
const labels = ["--spec", a("lbf-uddannelse-og-livschancer.json"), "--model", a("gains-relationel-velfaerd.json")];
effekt(["report", "--audience", "sus", "--results", out, "--takeup", s("takeup.csv"), ...labels, "--format", "xlsx,csv,md,html,pdf", "--out", o("report-sus")]);
effekt(["report", "--audience", "aau", "--results", out, "--takeup", s("takeup.csv"), ...labels, "--format", "xlsx,csv,md,html,pdf", "--out", o("report-aau")]);
