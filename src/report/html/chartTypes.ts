/**
 * The data behind the charts of the HTML report. The report core (src/report/) builds these from the
 * results; the renderers in ./charts/ turn each into one inline SVG. Plain data only: numbers already on the
 * scale they are drawn on (effects in outcome units, shares in 0..1, gains in DKK), labels already translated.
 */

/** One row of a forest plot: a point estimate with its confidence interval. */
export interface ForestRow {
  /** Row label, e.g. the outcome and horizon ("Employment, 3 years"). */
  label: string;
  /** Optional group heading the row is drawn under (e.g. the outcome when rows are subgroups). */
  group?: string;
  estimate: number;
  ci_low: number;
  ci_high: number;
  /** True when the estimate rests on too few persons to show: the row is labelled, no point or whisker drawn. */
  suppressed?: boolean;
}

/** Forest plot of effect estimates with confidence intervals against a vertical line at no effect. */
export interface ForestChart {
  kind: "forest";
  title: string;
  rows: ForestRow[];
  /** Label of the x axis, with its unit (e.g. "Effect (percentage points)"). */
  x_label: string;
  /** The value of no effect, where the reference line is drawn. */
  null_value: 0;
}

/** How an indicator series is drawn. */
export type IndicatorSeriesStyle = "value" | "baseline" | "comparison" | "target";

export interface IndicatorSeries {
  /** Legend label (value / baseline / comparison baseline / target, translated). */
  label: string;
  /** One value per year of `IndicatorChart.years`; null = data pending for that year (drawn as such). */
  values: (number | null)[];
  style: IndicatorSeriesStyle;
  /** The value series' 95% interval per year (null where there is none), drawn as whiskers. */
  low?: (number | null)[];
  high?: (number | null)[];
}

/** An indicator over the years against its baseline, the comparison baseline and the target. */
export interface IndicatorChart {
  kind: "indicator";
  title: string;
  years: number[];
  series: IndicatorSeries[];
  /** "share": values in 0..1, labelled as percentages; "number": plain numbers. */
  unit: "share" | "number";
  /** Decimals of the value labels, as the table shows the value (per cent for shares); default 1 (shares) or 3. */
  decimals?: number;
}

/** Gains for one payer (municipality, region, state, ...), one value per year; negative = a cost. */
export interface GainsPayer {
  label: string;
  values: number[];
}

/** Gains over the years by payer, drawn as stacked bars (positive up, negative down). */
export interface GainsChart {
  kind: "gains";
  title: string;
  years: number[];
  payers: GainsPayer[];
  unit: "DKK";
}

/** A count in a flow box: a number, suppressed by disclosure control (drawn as the mark), or unknown (no number). */
export type FlowCount = number | "suppressed" | null;

/** One line of a flow box: a label and its count (e.g. "Too few active cases: 1,444"). */
export interface FlowLine {
  text: string;
  count: FlowCount;
  /** A share in 0..1 shown after the count (e.g. the take-up share); "suppressed" when it rests on a hidden count. */
  share?: number | "suppressed";
}

/** A box of the diagram: a bold first line and optional detail lines. */
export interface FlowBox {
  heading: FlowLine;
  lines?: FlowLine[];
}

/**
 * One step of the diagram, top to bottom: one box on the main line (with an optional box to its right, for
 * those who left the flow at this step), or two boxes side by side (the two arms).
 */
export type FlowStage = { main: FlowBox; side?: FlowBox } | { arms: [FlowBox, FlowBox] };

/** A CONSORT-style flow diagram: households from the areas through the lottery to the analysis. */
export interface FlowChart {
  kind: "flow";
  title: string;
  stages: FlowStage[];
  /** A note under the diagram (muted). */
  note?: string;
}

/** One sensitivity row of a tornado chart: the result with one assumption at its low and at its high setting. */
export interface TornadoRow {
  label: string;
  low: number;
  high: number;
  low_setting: string;
  high_setting: string;
  /** The row moves an illustrative parameter (starred). */
  illustrative: boolean;
}

/** One-assumption sensitivity around the base case, widest swing first, in DKK. */
export interface TornadoChart {
  kind: "tornado";
  title: string;
  base: number;
  base_label: string;
  low_label: string;
  high_label: string;
  rows: TornadoRow[];
  unit: "DKK";
}

export type ChartSpec = ForestChart | IndicatorChart | GainsChart | FlowChart | TornadoChart;
