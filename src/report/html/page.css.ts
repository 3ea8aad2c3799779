/**
 * The page's only stylesheet, inlined in <style>: system fonts (nothing downloaded), a restrained palette,
 * numbers right-aligned with tabular figures, and print rules (A4, no split figures, repeated table headers).
 */
import { COLOURS, FONT_STACK } from "./theme.js";

export const PAGE_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 15px; line-height: 1.5; color: ${COLOURS.ink}; background: #ffffff; }
body { margin: 0; }
.page { max-width: 1200px; margin: 0 auto; padding: 32px 40px 48px; }
header.report-header { border-bottom: 3px solid ${COLOURS.result}; padding-bottom: 14px; margin-bottom: 24px; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 6px; font-weight: 650; color: ${COLOURS.result}; }
h2 { font-size: 1.35rem; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 1px solid ${COLOURS.grid}; font-weight: 600; }
h3 { font-size: 1.05rem; margin: 24px 0 8px; font-weight: 600; }
p { margin: 0 0 10px; max-width: 72ch; }
.meta { color: ${COLOURS.muted}; font-size: 0.9rem; margin: 0; }
nav.toc { background: ${COLOURS.band}; border: 1px solid ${COLOURS.grid}; border-radius: 4px; padding: 12px 20px; margin-bottom: 8px; }
nav.toc h2 { font-size: 1rem; margin: 0 0 6px; border: 0; padding: 0; }
nav.toc ol { margin: 0; padding-left: 22px; columns: 2; column-gap: 32px; }
nav.toc a { color: ${COLOURS.result}; text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
p.generated { font-size: 0.86rem; color: ${COLOURS.muted}; border-left: 3px solid ${COLOURS.grid}; padding-left: 10px; }
ul.statements { margin: 0 0 12px; padding-left: 22px; max-width: 80ch; }
ul.statements li { margin: 0 0 6px; }
section#section-summary ul.statements li { font-size: 1.02rem; }
figure.chart-flow svg { max-width: 880px; }
figure.chart { margin: 16px 0 20px; padding: 8px 0; border-top: 1px solid ${COLOURS.grid}; border-bottom: 1px solid ${COLOURS.grid}; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; margin: 8px 0 6px; }
table { border-collapse: collapse; font-size: 0.84rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; font-size: 0.98rem; padding: 6px 0 8px; caption-side: top; }
th, td { padding: 4px 9px; border-bottom: 1px solid ${COLOURS.grid}; vertical-align: top; }
td { white-space: nowrap; }
table.wide { font-size: 0.74rem; }
table.wide th, table.wide td { padding: 3px 5px; }
table.wider { font-size: 0.7rem; }
table.wider th, table.wider td { padding: 3px 4px; }
td.long { white-space: normal; min-width: 14em; }
td.text { white-space: normal; min-width: 6em; }
thead th { hyphens: auto; overflow-wrap: break-word; }
caption .constants { display: inline-block; font-weight: 400; font-size: 0.84rem; color: ${COLOURS.muted}; }
tr.group th { text-align: left; font-weight: 400; white-space: normal; background: #e9eef4; border-bottom: 1px solid ${COLOURS.faint}; padding-top: 6px; }
tr.group th strong { font-weight: 650; }
td.interval { white-space: nowrap; }
td.flag { background: #fbe3c4 !important; font-weight: 650; }
thead th { border-bottom: 2px solid ${COLOURS.muted}; font-weight: 600; text-align: left; vertical-align: bottom; background: #ffffff; }
th.num, td.num { text-align: right; }
td.num { white-space: nowrap; }
tbody tr:nth-child(even) td { background: ${COLOURS.band}; }
.mark { color: ${COLOURS.muted}; }
.mark.pending { font-style: italic; }
.table-notes { font-size: 0.82rem; color: ${COLOURS.muted}; margin: 4px 0 14px; padding-left: 18px; }
td.hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.78rem; }
section.footnotes { margin-top: 40px; font-size: 0.86rem; color: ${COLOURS.muted}; }
section.footnotes h2 { color: ${COLOURS.ink}; }
footer.report-footer { margin-top: 32px; font-size: 0.8rem; color: ${COLOURS.muted}; border-top: 1px solid ${COLOURS.grid}; padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
  figure.chart, caption, tr, ul.statements li { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  /* A4 portrait leaves ~186 mm (about 700 px), landscape ~273 mm (about 1030 px): no table runs past the page's
     edge. A table of ten or more columns gets landscape pages of its own; every cell may wrap (numbers and intervals
     too) and the table never grows wider than its page, in a smaller type than on screen. */
  @page landscape { size: A4 landscape; margin: 12mm 12mm; }
  .table-wrap:has(> table.wide) { page: landscape; }
  table { font-size: 7.5pt; max-width: 100%; }
  table.wide { font-size: 7pt; }
  table.wider { font-size: 6.5pt; }
  th, td, table.wide th, table.wide td, table.wider th, table.wider td { padding: 2px 3px; }
  td, td.num, td.interval, td.long, td.text { white-space: normal; min-width: 0; }
  td.hash { overflow-wrap: anywhere; font-size: 6.5pt; }
  nav.toc a { color: ${COLOURS.ink}; }
  section.report-section { break-before: page; }
}
`;
