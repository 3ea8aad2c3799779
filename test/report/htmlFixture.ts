/** A report model with every kind of content the HTML page draws, for the HTML unit and browser tests. */
import type { ReportModel } from "../../src/report/model.js";
import { PENDING, SUPPRESSED } from "../../src/report/model.js";
import type { ForestChart, GainsChart, IndicatorChart } from "../../src/report/html/chartTypes.js";

export const FOREST: ForestChart = {
  kind: "forest",
  title: "Effects at 3 years (ITT, Lin)",
  x_label: "Effect (percentage points)",
  null_value: 0,
  rows: [
    { label: "All persons", group: "Employment", estimate: 4.2, ci_low: -0.8, ci_high: 9.2 },
    { label: "Women", group: "Employment", estimate: 6.1, ci_low: 0.4, ci_high: 11.8 },
    { label: "Men", group: "Employment", estimate: 1.9, ci_low: -4.6, ci_high: 8.4 },
    { label: "Karup Kølvrå", group: "Employment", estimate: 0, ci_low: 0, ci_high: 0, suppressed: true },
    { label: "All children", group: "School absence", estimate: -2.4, ci_low: -4.1, ci_high: -0.7 },
    { label: "Age 7-12 <& \"quoted\">", group: "School absence", estimate: -1.6, ci_low: -3.9, ci_high: 0.7 },
  ],
};

export const INDICATOR: IndicatorChart = {
  kind: "indicator",
  title: "9th-graders with at least 2 in Danish and mathematics",
  years: [2023, 2024, 2025, 2026, 2027],
  unit: "share",
  series: [
    { label: "Value, area", style: "value", values: [0.75, 0.79, 0.84, null, null] },
    { label: "Baseline, area", style: "baseline", values: [0.75, 0.75, 0.75, 0.75, 0.75] },
    { label: "Viborg Kommune", style: "comparison", values: [0.95, 0.95, 0.95, 0.95, 0.95] },
    { label: "Target", style: "target", values: [null, null, 0.92, 0.92, 0.92] },
  ],
};

export const GAINS: GainsChart = {
  kind: "gains",
  title: "Budget-economic gains by payer",
  years: [2024, 2025, 2026, 2027, 2028],
  unit: "DKK",
  payers: [
    { label: "Municipality", values: [-1_850_000, -600_000, 420_000, 910_000, 1_240_000] },
    { label: "Region", values: [0, 35_000, 80_000, 120_000, 150_000] },
    { label: "State", values: [0, 140_000, 380_000, 620_000, 790_000] },
  ],
};

export function fixtureModel(lang: "da" | "en" = "en"): ReportModel {
  return {
    audience: "aau",
    lang,
    title: "Relationel Velfærd: summative report (AAU)",
    effekt_version: "0.1.0",
    generated_from: [
      { role: "register", file: "register/manifest.json", sha256: "3f1c0a9e2b7d4c5a6e8f9012a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6", note: "verified by effekt" },
      { role: "effects", file: "results/effects.csv", sha256: "a0b1c2d3e4f5061728394a5b6c7d8e9f00112233445566778899aabbccddeeff" },
    ],
    sections: [
      {
        id: "flow",
        title: "Households through the waves",
        intro: "Eligible, drawn and treated households by area & wave.",
        charts: [],
        tables: [
          {
            id: "flow",
            title: "Flow by area and wave",
            columns: [
              { key: "area", label: "Area", kind: "text" },
              { key: "wave", label: "Wave", kind: "text" },
              { key: "eligible", label: "Eligible households", kind: "count" },
              { key: "treatment", label: "Treatment", kind: "count" },
              { key: "takeup_share", label: "Take-up share", kind: "percent" },
            ],
            rows: [
              ["Houlkær", "1", 1240, 120, 0.683],
              ["Ellekonebakken", "1", 85, 40, 0.7],
              ["Karup Kølvrå", "1", SUPPRESSED, SUPPRESSED, SUPPRESSED],
            ],
            notes: ["Counts of households."],
          },
        ],
      },
      {
        id: "indicators",
        title: "Indicators against baselines and targets",
        charts: [INDICATOR],
        tables: [
          {
            id: "indicators",
            title: "Indicators year by year",
            columns: [
              { key: "indicator", label: "Indicator", kind: "text" },
              { key: "year", label: "Year", kind: "text" },
              { key: "value", label: "Value", kind: "percent" },
            ],
            rows: [
              ["9th-grade exam", "2025", 0.84],
              ["9th-grade exam", "2026", PENDING],
              ["School absence", "2025", PENDING],
            ],
          },
        ],
      },
      {
        id: "effects",
        title: "Effects",
        charts: [FOREST],
        tables: [
          {
            id: "effects",
            title: "Effect table",
            columns: [
              { key: "outcome", label: "Outcome", kind: "text" },
              { key: "estimate", label: "Estimate", kind: "number" },
              { key: "p_value", label: "p", kind: "p_value" },
            ],
            rows: [
              ["Employment", 0.04213, 0.0991],
              ["School absence", -0.0241, 0.0004],
              ["<script>alert(1)</script>", SUPPRESSED, SUPPRESSED],
            ],
          },
        ],
      },
      {
        id: "gains",
        title: "Budget-economic gains",
        charts: [GAINS],
        tables: [
          {
            id: "gains",
            title: "Gains by payer",
            columns: [
              { key: "payer", label: "Payer", kind: "text" },
              { key: "net", label: "Net (DKK)", kind: "dkk" },
            ],
            rows: [
              ["Municipality", 120000],
              ["State", 1930000.4],
            ],
          },
        ],
      },
    ],
    footnotes: ["[s]: suppressed. Counts below 5 persons or households are not shown."],
    privacy: { min_cell: 5, mark: "[s]", pending: lang === "da" ? "afventer data" : "data pending" },
  };
}
