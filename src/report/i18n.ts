/**
 * Labels in Danish and English, and number formatting per language, for every report writer (and the HTML page).
 * Danish: decimal comma and `.` between thousands (1.222.768,5; 25,6 %); English: point and `,` (1,222,768.5; 25.6%).
 * Formatting is done by hand (not Intl) so the bytes do not depend on the ICU data Node was built with.
 */
import type { Cell, ColumnKind, Lang, ReportColumn } from "./model.js";
import { isPending, isSuppressed } from "./model.js";

type Labels = Record<string, { da: string; en: string }>;

const LABELS: Labels = {
  // report and sections
  title_sus: { da: "Relationel Velfærd: formativ rapport (SUS)", en: "Relationel Velfærd: formative report (SUS)" },
  title_aau: { da: "Relationel Velfærd: summativ rapport (AAU)", en: "Relationel Velfærd: summative report (AAU)" },
  section_flow: { da: "Husstande gennem lodtrækningerne", en: "Households through the waves" },
  section_balance: { da: "Balance mellem indsats- og kontrolgruppe", en: "Balance between treatment and control" },
  section_indicators: { da: "Indikatorer mod baseline og mål", en: "Indicators against baselines and targets" },
  section_interim: { da: "Foreløbige effektestimater", en: "Interim effect estimates" },
  section_effects: { da: "Effekter", en: "Effects" },
  section_attrition: { da: "Frafald", en: "Attrition" },
  section_subgroups: { da: "Undergrupper", en: "Subgroups" },
  section_gains: { da: "Budgetøkonomiske gevinster", en: "Budget-economic gains" },
  section_manifest: { da: "Datagrundlag (manifest)", en: "What the numbers came from (manifest)" },
  // common columns
  area: { da: "Område", en: "Area" },
  wave: { da: "Runde", en: "Wave" },
  all_areas: { da: "alle områder", en: "all areas" },
  all_waves: { da: "alle runder", en: "all waves" },
  eligible: { da: "Berettigede husstande", en: "Eligible households" },
  drawn: { da: "Trukket", en: "Drawn" },
  treatment: { da: "Indsats", en: "Treatment" },
  control: { da: "Kontrol", en: "Control" },
  took_up: { da: "Tog imod tilbuddet", en: "Took up the offer" },
  takeup_share: { da: "Andel der tog imod", en: "Take-up share" },
  arm: { da: "Gruppe", en: "Arm" },
  already_drawn: { da: "Allerede trukket", en: "Already drawn" },
  area_not_selected: { da: "Bor uden for områderne", en: "Area not selected" },
  too_few_cases: { da: "Færre end to aktive sager", en: "Too few active cases" },
  households: { da: "Husstande", en: "Households" },
  covariate: { da: "Baggrundsvariabel", en: "Covariate" },
  level: { da: "Niveau", en: "Level" },
  n_treatment: { da: "n indsats", en: "n treatment" },
  n_control: { da: "n kontrol", en: "n control" },
  mean_treatment: { da: "Gns. indsats", en: "Mean treatment" },
  mean_control: { da: "Gns. kontrol", en: "Mean control" },
  difference: { da: "Forskel", en: "Difference" },
  std_difference: { da: "Standardiseret forskel", en: "Standardised difference" },
  indicator: { da: "Indikator", en: "Indicator" },
  subgoal: { da: "Delmål", en: "Subgoal" },
  year: { da: "År", en: "Year" },
  value: { da: "Værdi", en: "Value" },
  n: { da: "n", en: "n" },
  interval_lower: { da: "Interval, nedre", en: "Interval, lower" },
  interval_upper: { da: "Interval, øvre", en: "Interval, upper" },
  area_baseline: { da: "Baseline, område", en: "Baseline, area" },
  area_baseline_year: { da: "Baselineår", en: "Baseline year" },
  comparison_label: { da: "Sammenligning", en: "Comparison" },
  comparison_baseline: { da: "Baseline, sammenligning", en: "Baseline, comparison" },
  target: { da: "Mål", en: "Target" },
  target_year: { da: "Målår", en: "Target year" },
  status: { da: "Status", en: "Status" },
  outcome: { da: "Udfald", en: "Outcome" },
  horizon: { da: "Horisont", en: "Horizon" },
  estimator: { da: "Estimator", en: "Estimator" },
  estimand: { da: "Estimand", en: "Estimand" },
  subgroup: { da: "Undergruppe", en: "Subgroup" },
  subgroup_level: { da: "Niveau", en: "Level" },
  estimate: { da: "Estimat", en: "Estimate" },
  std_error: { da: "Standardfejl", en: "Std. error" },
  df: { da: "Frihedsgrader", en: "df" },
  ci_low: { da: "KI, nedre", en: "CI, lower" },
  ci_high: { da: "KI, øvre", en: "CI, upper" },
  p_value: { da: "p", en: "p" },
  p_ri: { da: "p (randomiseringsinferens)", en: "p (randomisation inference)" },
  p_holm: { da: "p (Holm)", en: "p (Holm)" },
  p_bh: { da: "p (Benjamini-Hochberg)", en: "p (Benjamini-Hochberg)" },
  p_interaction: { da: "p (interaktion)", en: "p (interaction)" },
  n_clusters: { da: "Klynger (husstande)", en: "Clusters (households)" },
  control_mean: { da: "Gns. i kontrolgruppen", en: "Control mean" },
  role: { da: "Rolle", en: "Role" },
  persons_counted: { da: "Personer i alt", en: "Persons counted" },
  persons_with_value: { da: "Personer med værdi", en: "Persons with a value" },
  missing: { da: "Personer uden værdi", en: "Persons without a value" },
  share_missing: { da: "Andel uden værdi", en: "Share without a value" },
  // gains
  payer: { da: "Betaler", en: "Payer" },
  gains: { da: "Gevinster (kr.)", en: "Gains (DKK)" },
  costs: { da: "Omkostninger (kr.)", en: "Costs (DKK)" },
  net: { da: "Netto (kr.)", en: "Net (DKK)" },
  pv_net: { da: "Nutidsværdi, netto (kr.)", en: "Present value, net (DKK)" },
  measure: { da: "Størrelse", en: "Measure" },
  point: { da: "Punktestimat", en: "Point estimate" },
  mean: { da: "Gennemsnit", en: "Mean" },
  lower: { da: "Nedre", en: "Lower" },
  upper: { da: "Øvre", en: "Upper" },
  illustrative: { da: "Illustrativ", en: "Illustrative" },
  goal: { da: "Betalingsmål", en: "Payment goal" },
  follow_up_year: { da: "Opfølgningsår", en: "Follow-up year" },
  met: { da: "Opfyldt", en: "Met" },
  payment: { da: "Betaling (kr.)", en: "Payment (DKK)" },
  parameter: { da: "Parameter", en: "Parameter" },
  setting: { da: "Indstilling", en: "Setting" },
  low: { da: "Lav", en: "Low" },
  high: { da: "Høj", en: "High" },
  account: { da: "Regnskab", en: "Account" },
  repayment: { da: "Tilbagebetaling (kr.)", en: "Repayment (DKK)" },
  investment: { da: "Investering (kr.)", en: "Investment (DKK)" },
  savings: { da: "Kommunens besparelser (kr.)", en: "Municipal savings (DKK)" },
  own_costs: { da: "Egne omkostninger (kr.)", en: "Own costs (DKK)" },
  cumulative_net: { da: "Akkumuleret netto (kr.)", en: "Cumulative net (DKK)" },
  p_nonnegative: { da: "Sandsynlighed for akkumuleret netto >= 0", en: "Probability cumulative net >= 0" },
  counting: { da: "Optælling", en: "Counting" },
  successes: { da: "Succeser", en: "Successes" },
  min_successes: { da: "Mindste antal", en: "Minimum" },
  p_met: { da: "Sandsynlighed for opfyldt", en: "Probability met" },
  expected_payment: { da: "Forventet betaling (kr.)", en: "Expected payment (DKK)" },
  payment_year: { da: "Betalingsår", en: "Payment year" },
  assumption: { da: "Antagelse", en: "Assumption" },
  moved: { da: "Ændrede felter", en: "Fields moved" },
  swing: { da: "Udsving, nutidsværdi 5 år (kr.)", en: "Swing, present value 5 years (DKK)" },
  year_since_draw: { da: "År efter lodtrækning", en: "Year since the draw" },
  effect_status: { da: "Effekt: målt, interpoleret, fremskrevet", en: "Effect: measured, interpolated, projected" },
  // manifest
  item: { da: "Punkt", en: "Item" },
  file: { da: "Fil", en: "File" },
  sha256: { da: "SHA-256", en: "SHA-256" },
  note: { da: "Note", en: "Note" },
  yes: { da: "ja", en: "yes" },
  no: { da: "nej", en: "no" },
  // marks and footnotes
  pending: { da: "afventer data", en: "data pending" },
  contents: { da: "Indhold", en: "Contents" },
  sheet: { da: "Ark", en: "Sheet" },
};

/** The label for `key` in `lang`; the key itself when no label exists (so a missing label shows, not crashes). */
export function label(lang: Lang, key: string): string {
  const entry = LABELS[key];
  return entry ? entry[lang] : key;
}

/** True when a label exists (tests use it to check every column has a translation). */
export function hasLabel(key: string): boolean {
  return key in LABELS;
}

/** The mark shown in place of a suppressed cell, in both languages (one mark, so a reader can search for it). */
export const SUPPRESSION_MARK = "[s]";

/** Default decimals per column kind (Markdown, XLSX, HTML). */
export function defaultDecimals(kind: ColumnKind): number {
  switch (kind) {
    case "count": return 0;
    case "dkk": return 0;
    case "percent": return 1;
    case "p_value": return 3;
    case "number": return 3;
    case "text": return 0;
  }
}

/** Separators per language. */
export function separators(lang: Lang): { decimal: string; thousands: string } {
  return lang === "da" ? { decimal: ",", thousands: "." } : { decimal: ".", thousands: "," };
}

/**
 * A number with `decimals` decimals and thousands separators, in the language's style. Rounds half away from
 * zero on the decimal string (toFixed), and never writes "-0".
 */
export function formatNumber(x: number, lang: Lang, decimals: number, groupThousands = true): string {
  if (!Number.isFinite(x)) return "";
  const { decimal, thousands } = separators(lang);
  let fixed = Math.abs(x).toFixed(decimals);
  const negative = x < 0 && /[1-9]/.test(fixed);
  const [whole, frac] = fixed.split(".");
  const grouped = groupThousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : whole;
  fixed = frac !== undefined ? `${grouped}${decimal}${frac}` : grouped;
  return negative ? `-${fixed}` : fixed;
}

/** A share in 0..1 as a percentage: `25.6%` (en), `25,6 %` (da). */
export function formatPercent(share: number, lang: Lang, decimals = 1): string {
  const text = formatNumber(share * 100, lang, decimals);
  return lang === "da" ? `${text} %` : `${text}%`;
}

/** A p-value: three decimals, `<0.001` below that (`<0,001` in Danish). */
export function formatPValue(p: number, lang: Lang, decimals = 3): string {
  const floor = 10 ** -decimals;
  if (p < floor) return `<${formatNumber(floor, lang, decimals)}`;
  return formatNumber(p, lang, decimals);
}

/** A cell as the text a person reads (Markdown, HTML): numbers formatted by kind, marks for suppressed/pending. */
export function formatCell(cell: Cell, column: ReportColumn, lang: Lang): string {
  if (cell === null) return "";
  if (isSuppressed(cell)) return SUPPRESSION_MARK;
  if (isPending(cell)) return label(lang, "pending");
  if (typeof cell === "string") return cell;
  const decimals = column.decimals ?? defaultDecimals(column.kind);
  switch (column.kind) {
    case "percent": return formatPercent(cell, lang, decimals);
    case "p_value": return formatPValue(cell, lang, decimals);
    case "count": return formatNumber(cell, lang, 0);
    case "dkk": return formatNumber(cell, lang, decimals);
    case "number": return formatNumber(cell, lang, decimals, false);
    case "text": return String(cell);
  }
}

/** Footnote explaining the suppression mark. */
export function suppressionFootnote(lang: Lang, minCell: number): string {
  return lang === "da"
    ? `${SUPPRESSION_MARK}: diskretioneret. Antal under ${minCell} personer eller husstande vises ikke, og heller ikke gennemsnit, andele eller estimater over færre end ${minCell} personer; desuden skjules celler, hvorfra et skjult tal kunne regnes ud af totaler (sekundær diskretionering, Danmarks Statistiks regel).`
    : `${SUPPRESSION_MARK}: suppressed. Counts below ${minCell} persons or households are not shown, nor means, shares or estimates over fewer than ${minCell} persons; cells from which a hidden count could be recovered from totals are hidden too (secondary suppression, Statistics Denmark's rule).`;
}
