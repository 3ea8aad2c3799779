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

function renderCell(cell: Cell, column: ReportColumn, model: ReportModel): string {
  // Hashes in a monospace face that may break anywhere, so a 64-digit SHA-256 does not widen the table.
  // Short texts (codes, areas, "all waves") stay on one line; long ones may wrap.
  const textClass = typeof cell === "string" && Array.from(cell).length > 32 ? "long" : "";
  const classes = isNumeric(column) ? "num" : column.key === "sha256" ? "hash" : textClass;
  const classAttr = (extra: string) => {
    const all = [classes, extra].filter((c) => c !== "").join(" ");
    return all === "" ? "" : ` class="${all}"`;
  };
  if (isSuppressed(cell)) {
    return `<td${classAttr("suppressed")}><span class="mark suppressed" title="${escapeXml(t(model.lang, "suppressed"))}">${escapeXml(model.privacy.mark)}</span></td>`;
  }
  if (isPending(cell)) return `<td${classAttr("pending")}><span class="mark pending">${escapeXml(model.privacy.pending)}</span></td>`;
  if (typeof cell === "number" && !Number.isFinite(cell)) throw new Error(`HTML report: a non-finite number in column "${column.key}"`);
  return `<td${classAttr("")}>${escapeXml(formatCell(cell, column, model.lang))}</td>`;
}

/** A table; its caption is left out when it would repeat the section's heading (the heading names it). */
function renderTable(full: ReportTable, model: ReportModel, heading = ""): string {
  const table = forPeople(full);
  for (const [r, row] of table.rows.entries()) {
    if (row.length !== table.columns.length) throw new Error(`HTML report: table "${table.id}" row ${r + 1} has ${row.length} cells for ${table.columns.length} columns`);
  }
  const head = table.columns
    .map((column) => `<th scope="col" data-key="${escapeXml(column.key)}"${isNumeric(column) ? ` class="num"` : ""}>${escapeXml(column.label)}</th>`)
    .join("");
  const body = table.rows.map((row) => `<tr>${row.map((cell, c) => renderCell(cell, table.columns[c], model)).join("")}</tr>`).join("\n");
  const notes = table.notes && table.notes.length > 0 ? `\n<ul class="table-notes">${table.notes.map((note) => `<li>${escapeXml(note)}</li>`).join("")}</ul>` : "";
  return (
    `<div class="table-wrap"><table id="${anchor("table", table.id)}"${table.columns.length > 10 ? ` class="wide"` : ""}${table.title === heading ? ` aria-label="${escapeXml(table.title)}">\n` : `>\n<caption>${escapeXml(table.title)}</caption>\n`}` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>${notes}`
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
