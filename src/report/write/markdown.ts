/**
 * Markdown: one file with every table, for pasting into a memo. Numbers formatted for the report's language
 * (i18n.ts); `|` in text escaped so a cell cannot break the table; suppressed cells show the mark.
 * Text from data (area names, strata, labels, outcome names from the plan) is never live: `markdownText` makes raw
 * HTML (`<tag`), character references (`&amp;`), link and image syntax (`](`, `][`, `]:`) and line breaks plain text.
 */
import { formatCell, t } from "../i18n.js";
import { shownColumns, type ReportModel, type ReportTable } from "../model.js";
import { TERMINAL_CONTROL } from "../../terminalText.js";

/**
 * Text shown as itself by every Markdown renderer (CommonMark, GitHub): backslashes and `|` escaped, a `<` that could open a tag, comment or autolink (`<a`, `</`, `<!`, `<?`) and an
 * `&` that would start a character reference written as references, `]` escaped where it would close a link or
 * image (`](url)`, `][ref]`, and `]:` of a definition at the start), line breaks as spaces. `[s]` (the suppression mark) stays as it is.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, " ")
    .replace(TERMINAL_CONTROL, "?") // ESC, C1 and bidi controls: the file is also read with cat and less
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, "&amp;")
    .replace(/<(?=[A-Za-z/!?])/g, "&lt;")
    .replace(/\](?=[([])/g, "\\]")
    .replace(/^(\[[^\]]*)\]:/, "$1\\]:");
}
const escape = markdownText;

export function tableMarkdown(table: ReportTable, lang: ReportModel["lang"], heading = ""): string {
  const cols = shownColumns(table);
  const head = `| ${cols.map(({ column: c }) => escape(c.label)).join(" | ")} |`;
  const rule = `| ${cols.map(({ column: c }) => (c.kind === "text" ? "---" : "---:")).join(" | ")} |`;
  const body = table.rows.map((r) => `| ${cols.map(({ column, index }) => escape(formatCell(r[index], column, lang))).join(" | ")} |`);
  const notes = (table.notes ?? []).map((n) => `\n_${escape(n)}_`);
  // Every table keeps its ### line: readers and tools split the file on it (the privacy test does).
  void heading;
  return [`### ${escape(table.title)}`, "", head, rule, ...body, ...notes].join("\n");
}

export function reportMarkdown(model: ReportModel): string {
  const parts = [`# ${escape(model.title)}`, ""];
  for (const s of model.sections) {
    parts.push(`## ${escape(s.title)}`, "");
    if (s.intro) parts.push(s.blocks ? `_${escape(s.intro)}_` : escape(s.intro), "");
    for (const b of s.blocks ?? []) parts.push(`**${escape(b.heading)}**`, "", ...b.items.map((item) => `- ${escape(item)}`), "");
    for (const t of s.tables) parts.push(tableMarkdown(t, model.lang, s.title), "");
  }
  if (model.footnotes.length > 0) {
    parts.push(`## ${t(model.lang, "footnotes")}`, "");
    for (const f of model.footnotes) parts.push(`- ${escape(f)}`);
    parts.push("");
  }
  return `${parts.join("\n")}`;
}
