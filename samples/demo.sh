#!/usr/bin/env bash
# The evaluator's workflow on the bundled synthetic data. Writes everything under out/demo/ (recreated each run).
set -euo pipefail
cd "$(dirname "$0")/.."
out=out/demo
rm -rf "$out"
mkdir -p "$out"
effekt() { node bin/effekt "$@"; }

echo "== wave 1: the first lottery (cases counted as active on the draw date)"
effekt draw --households samples/households.csv --cases samples/cases.csv --date 2025-03-01 \
  --register "$out/allocations.csv" --wave 1 --seed "viborg-2025-wave-1" --treat 80
echo
echo "== wave 2: households that became eligible since, half a year later"
effekt draw --households samples/households.csv --cases samples/cases.csv --date 2025-09-01 \
  --register "$out/allocations.csv" --wave 2 --seed "viborg-2025-wave-2" --treat 60
echo
echo "== re-running wave 2 with the same inputs and seed changes nothing"
effekt draw --households samples/households.csv --cases samples/cases.csv --date 2025-09-01 \
  --register "$out/allocations.csv" --wave 2 --seed "viborg-2025-wave-2" --treat 60
echo
echo "== anyone can re-run the lottery and check the register"
effekt verify --register "$out/allocations.csv"
echo
echo "== pre-register the analysis plan before any outcome is read"
effekt plan lock --plan analyses/relationel-velfaerd.json --register "$out/allocations.csv"
echo
echo "== effect estimates by the locked plan (ITT by difference in means and Lin regression, CACE with take-up; RI re-runs the lottery)"
echo "   (the sample's true effects are in samples/README.md; years whose window has not ended are reported as pending)"
effekt estimate --plan analyses/relationel-velfaerd.json --register "$out/allocations.csv" --persons samples/persons.csv \
  --outcomes samples/outcomes.csv --takeup samples/takeup.csv --out "$out/effects.csv" 2> "$out/estimate-warnings.txt" || {
  cat "$out/estimate-warnings.txt" >&2; exit 1; }
echo "($(grep -c warning "$out/estimate-warnings.txt" || true) warnings, e.g. subgroups too small to estimate, in $out/estimate-warnings.txt)"
echo
echo "== indicators: the LBF indicators per area and year against baselines and target (pending shown as pending)"
effekt indicators --spec analyses/lbf-uddannelse-og-livschancer.json --values samples/indicator-values.csv \
  --out "$out/indicators.csv"
echo
echo "== gains: budget-economic gains at 3 and 5 years and the repayment: employment from the effect table (the plan's"
echo "   gains_outcome), the outcomes the table does not measure on the model's scale assumed (marked illustrative)"
effekt gains --model analyses/gains-relationel-velfaerd.json --estimates "$out/effects.csv" \
  --assume foster-placement-avoided=0.002 --assume residential-placement-avoided=0.001 \
  --assume school-absence-reduced=0.05 --assume life-satisfaction-up=0.06 --out "$out/gains.json"
echo
echo "== reports: tables for SUS (formative) and AAU (summative) as XLSX, CSV, Markdown and HTML; counts under 5 suppressed"
effekt report --audience sus --results "$out" --takeup samples/takeup.csv --out "$out/report-sus"
effekt report --audience aau --results "$out" --takeup samples/takeup.csv --out "$out/report-aau"
