/**
 * The HTML report: one self-contained page (inline CSS, inline SVG charts; no script, no external URL, no font
 * download) with a table of contents, each section's charts and tables, the report's footnotes and the manifest
 * of the files the numbers came from. Every text is escaped; the same model gives the same bytes (no date, no
 * random id: the manifest carries what identifies the run).
 */
import { formatCell, label, t } from "../i18n.js";
import { forPeople, isPending, isSuppressed, type Cell, type ManifestEntry, type ReportColumn, type ReportModel, type ReportSection, type ReportTable } from "../model.js";
import { escapeXml } from "./format.js";
import { PAGE_CSS } from "./page.css.js";
import { renderChart } from "./renderChart.js";

export { renderChart } from "./renderChart.js";

/** An HTML id from a section or table id: lower-case letters, digits and `-` only, prefixed so it never clashes. */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

function isNumeric(column: ReportColumn): boolean {
  return column.kind !== "text";
}

function cellClasses(cell: Cell, column: ReportColumn): string[] {
  // Hashes in a monospace face that may break anywhere, so a 64-digit SHA-256 does not widen the table.
  // Short texts (codes, areas, "all waves") stay on one line; long ones may wrap.
  const textClass = typeof cell === "string" && Array.from(cell).length > 32 ? "long" : typeof cell === "string" && Array.from(cell).length > 14 ? "text" : "";
  const classes = [isNumeric(column) ? "num" : column.key === "sha256" ? "hash" : textClass];
  if (typeof cell === "number" && column.flagAbove !== undefined && Math.abs(cell) > column.flagAbove) classes.push("flag");
  return classes;
}

function classAttr(classes: string[]): string {
  const all = classes.filter((c) => c !== "").join(" ");
  return all === "" ? "" : ` class="${all}"`;
}

/** A cell's content: the number or text as the reader reads it, or the mark of a suppressed or pending cell. */
function cellContent(cell: Cell, column: ReportColumn, model: ReportModel): string {
  if (isSuppressed(cell)) return `<span class="mark suppressed" title="${escapeXml(t(model.lang, "suppressed"))}">${escapeXml(model.privacy.mark)}</span>`;
  if (isPending(cell)) return `<span class="mark pending">${escapeXml(model.privacy.pending)}</span>`;
  if (typeof cell === "number" && !Number.isFinite(cell)) throw new Error(`HTML report: a non-finite number in column "${column.key}"`);
  return escapeXml(formatCell(cell, column, model.lang));
}

function renderCell(cell: Cell, column: ReportColumn, model: ReportModel): string {
  const extra = isSuppressed(cell) ? "suppressed" : isPending(cell) ? "pending" : "";
  return `<td${classAttr([...cellClasses(cell, column), extra])}>${cellContent(cell, column, model)}</td>`;
}

/** An interval's two ends in one cell, "[low; high]" in Danish, "[low, high]" in English (as the forest plot writes it); the mark when either end is hidden, empty when both are absent. */
function renderInterval(low: Cell, high: Cell, column: ReportColumn, model: ReportModel): string {
  if (isSuppressed(low) || isSuppressed(high)) return `<td class="num interval suppressed">${cellContent(isSuppressed(low) ? low : high, column, model)}</td>`;
  if (low === null && high === null) return `<td class="num interval"></td>`;
  return `<td class="num interval">[${cellContent(low, column, model)}${t(model.lang, "chart_range_separator")}${cellContent(high, column, model)}]</td>`;
}

/**
 * How the page lays a table out to fit its width (the model, CSV, XLSX and Markdown keep every column):
 * - columns empty in every row are left out;
 * - a table's `groupBy` columns become a heading row over each run of rows that share them;
 * - a text column with the same value in every row of a wide table is said once, in the caption;
 * - a column with `joinNext` shows its pair ("ci_low", "ci_high") as one interval.
 * Every shown cell keeps its column's key (data-key), so a reader of the page can map it back to the model.
 */
interface Layout {
  groups: number[];
  constants: number[];
  /** Shown columns in order: one index, or two for a joined interval. */
  shown: number[][];
}

function layoutOf(table: ReportTable): Layout {
  const cols = table.columns;
  const empty = (j: number) => table.rows.every((r) => r[j] === null || r[j] === "");
  const groups = (table.groupBy ?? []).map((k) => cols.findIndex((c) => c.key === k)).filter((j) => j >= 0);
  const wide = cols.length >= 8 && table.rows.length >= 2;
  const constant = (j: number) => cols[j].kind === "text" && typeof table.rows[0][j] === "string" && table.rows[0][j] !== "" && table.rows.every((r) => r[j] === table.rows[0][j]);
  const constants = wide ? cols.map((_, j) => j).filter((j) => !groups.includes(j) && constant(j)) : [];
  const shown: number[][] = [];
  for (let j = 0; j < cols.length; j++) {
    if (groups.includes(j) || constants.includes(j)) continue;
    if (cols[j].joinNext !== undefined && j + 1 < cols.length) {
      if (!(empty(j) && empty(j + 1))) shown.push([j, j + 1]);
      j++;
      continue;
    }
    if (!empty(j)) shown.push([j]);
  }
  return { groups, constants, shown };
}

/** A table; its caption is left out when it would repeat the section's heading (the heading names it). */
function renderTable(full: ReportTable, model: ReportModel, heading = ""): string {
  const table = forPeople(full);
  for (const [r, row] of table.rows.entries()) {
    if (row.length !== table.columns.length) throw new Error(`HTML report: table "${table.id}" row ${r + 1} has ${row.length} cells for ${table.columns.length} columns`);
  }
  const cols = table.columns;
  const { groups, constants, shown } = layoutOf(table);
  const head = shown
    .map((js) => {
      const c = cols[js[0]];
      const label = js.length === 2 ? (c.joinNext as string) : c.label;
      return `<th scope="col" data-key="${escapeXml(js.map((j) => cols[j].key).join(" "))}"${isNumeric(c) ? ` class="num"` : ""}>${escapeXml(label)}</th>`;
    })
    .join("");
  const span = (j: number, cell: Cell) => `<span data-key="${escapeXml(cols[j].key)}">${cellContent(cell, cols[j], model)}</span>`;
  const lines: string[] = [];
  let lastGroup: string | null = null;
  for (const row of table.rows) {
    if (groups.length > 0) {
      const key = JSON.stringify(groups.map((j) => row[j]));
      if (key !== lastGroup) {
        // The first grouped column is the heading; the others follow with their labels ("Target: 92.0%").
        const parts = groups
          .filter((j) => row[j] !== null && row[j] !== "")
          .map((j, k) => (k === 0 && j === groups[0] ? `<strong>${span(j, row[j])}</strong>` : `${escapeXml(cols[j].label)}: ${span(j, row[j])}`));
        lines.push(`<tr class="group"><th scope="rowgroup" colspan="${shown.length}">${parts.join(" · ")}</th></tr>`);
        lastGroup = key;
      }
    }
    lines.push(`<tr>${shown.map((js) => (js.length === 2 ? renderInterval(row[js[0]], row[js[1]], cols[js[0]], model) : renderCell(row[js[0]], cols[js[0]], model))).join("")}</tr>`);
  }
  // A constant the title already states ("Estimator: Lin regression") is not said twice.
  const said = constants.filter((j) => !table.title.includes(`${cols[j].label}: ${formatCell(table.rows[0][j], cols[j], model.lang)}`)).map((j) => `<span class="constant">${escapeXml(cols[j].label)}: ${span(j, table.rows[0][j])}</span>`).join(" · ");
  const notes = table.notes && table.notes.length > 0 ? `\n<ul class="table-notes">${table.notes.map((note) => `<li>${escapeXml(note)}</li>`).join("")}</ul>` : "";
  const repeats = table.title === heading;
  const caption = repeats && said === "" ? "" : `<caption>${repeats ? "" : escapeXml(table.title)}${said === "" ? "" : `${repeats ? "" : "<br>"}<span class="constants">${said}</span>`}</caption>\n`;
  const classes = [shown.length > 9 ? "wide" : "", shown.length > 14 ? "wider" : "", groups.length > 0 ? "grouped" : ""].filter((c) => c !== "");
  return (
    `<div class="table-wrap"><table id="${anchor("table", table.id)}"${classes.length > 0 ? ` class="${classes.join(" ")}"` : ""}${repeats ? ` aria-label="${escapeXml(table.title)}"` : ""}>\n${caption}` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${lines.join("\n")}\n</tbody>\n</table></div>${notes}`
  );
}

function renderSection(section: ReportSection, model: ReportModel): string {
  const parts = [`<section class="report-section" id="${anchor("section", section.id)}">`, `<h2>${escapeXml(section.title)}</h2>`];
  if (section.intro) parts.push(`<p class="intro${section.blocks ? " generated" : ""}">${escapeXml(section.intro)}</p>`);
  for (const block of section.blocks ?? []) {
    parts.push(`<h3>${escapeXml(block.heading)}</h3>`, `<ul class="statements">${block.items.map((item) => `<li>${escapeXml(item)}</li>`).join("")}</ul>`);
  }
  for (const chart of section.charts) parts.push(`<figure class="chart chart-${escapeXml(chart.kind)}">${renderChart(chart, model.lang)}</figure>`);
  for (const table of section.tables) parts.push(renderTable(table, model, section.title));
  parts.push(`</section>`);
  return parts.join("\n");
}

/** The manifest as a table: role, file, SHA-256 and note of every input. */
function renderManifest(entries: ManifestEntry[], model: ReportModel): string {
  const lang = model.lang;
  const rows = entries
    .map((entry) => `<tr><td>${escapeXml(entry.role)}</td><td>${escapeXml(entry.file)}</td><td class="hash">${escapeXml(entry.sha256)}</td><td>${escapeXml(entry.note ?? "")}</td></tr>`)
    .join("\n");
  return [
    `<section class="report-section manifest" id="section-manifest">`,
    `<h2>${escapeXml(label(lang, "section_manifest"))}</h2>`,
    `<div class="table-wrap"><table id="table-manifest">`,
    `<thead><tr><th scope="col">${escapeXml(label(lang, "role"))}</th><th scope="col">${escapeXml(label(lang, "file"))}</th><th scope="col">${escapeXml(label(lang, "sha256"))}</th><th scope="col">${escapeXml(label(lang, "note"))}</th></tr></thead>`,
    `<tbody>\n${rows}\n</tbody>`,
    `</table></div>`,
    `<p class="meta">${escapeXml(t(lang, "effekt_version_line", { version: model.effekt_version }))}</p>`,
    `</section>`,
  ].join("\n");
}

/**
 * The whole page: contents, the sections, the footnotes, and the manifest last. A section with the id
 * "manifest" is the model's own manifest and is moved to the end; without one, a manifest is built here from
 * `generated_from`.
 */
export function renderHtml(model: ReportModel): string {
  const lang = model.lang;
  const body = model.sections.filter((section) => section.id !== "manifest");
  const ownManifest = model.sections.find((section) => section.id === "manifest");
  const tocEntries = body.map((section) => `<li><a href="#${anchor("section", section.id)}">${escapeXml(section.title)}</a></li>`);
  if (model.footnotes.length > 0) tocEntries.push(`<li><a href="#section-footnotes">${escapeXml(t(lang, "footnotes"))}</a></li>`);
  tocEntries.push(`<li><a href="#section-manifest">${escapeXml(ownManifest?.title ?? label(lang, "section_manifest"))}</a></li>`);
  const footnotes =
    model.footnotes.length > 0
      ? `<section class="footnotes" id="section-footnotes">\n<h2>${escapeXml(t(lang, "footnotes"))}</h2>\n<ol>\n${model.footnotes.map((note) => `<li>${escapeXml(note)}</li>`).join("\n")}\n</ol>\n</section>`
      : "";

  return [
    `<!DOCTYPE html>`,
    `<html lang="${lang}">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="effekt ${escapeXml(model.effekt_version)}">`,
    `<title>${escapeXml(model.title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    `</head>`,
    `<body>`,
    `<div class="page">`,
    `<header class="report-header">`,
    `<h1>${escapeXml(model.title)}</h1>`,
    `<p class="meta">${escapeXml(t(lang, model.audience === "sus" ? "audience_sus" : "audience_aau"))} · ${escapeXml(t(lang, "built_by", { version: model.effekt_version }))}</p>`,
    `</header>`,
    `<nav class="toc" aria-label="${escapeXml(label(lang, "contents"))}">`,
    `<h2>${escapeXml(label(lang, "contents"))}</h2>`,
    `<ol>\n${tocEntries.join("\n")}\n</ol>`,
    `</nav>`,
    `<main>`,
    ...body.map((section) => renderSection(section, model)),
    footnotes,
    ownManifest ? renderSection(ownManifest, model) : renderManifest(model.generated_from, model),
    `</main>`,
    `</div>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
