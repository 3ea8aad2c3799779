/** One entry point for the chart kinds of the HTML report. */
import type { ChartSpec } from "./chartTypes.js";
import type { Lang } from "./format.js";
import { renderFlow } from "./charts/flow.js";
import { renderForest } from "./charts/forest.js";
import { renderGains } from "./charts/gains.js";
import { renderIndicator } from "./charts/indicator.js";
import { renderTornado } from "./charts/tornado.js";

export function renderChart(chart: ChartSpec, lang: Lang): string {
  switch (chart.kind) {
    case "forest":
      return renderForest(chart, lang);
    case "indicator":
      return renderIndicator(chart, lang);
    case "gains":
      return renderGains(chart, lang);
    case "tornado":
      return renderTornado(chart, lang);
    case "flow":
      return renderFlow(chart, lang);
    default:
      throw new Error(`HTML report: unknown chart kind ${JSON.stringify((chart as { kind: unknown }).kind)}`);
  }
}
