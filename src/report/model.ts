/**
 * The report as data, independent of its format. The section builders in ./sections/ fill it from the result
 * files; the writers in ./write/ (CSV, Markdown, XLSX) and ./html/ (HTML) only lay it out. Everything a reader
 * sees is decided here: which tables, which columns, which cells are suppressed (see ./suppress.ts).
 *
 * Conventions for cell values (the writers rely on them):
 * - `percent` columns hold shares in 0..1 (0.256 is shown as 25.6 %); CSV writes the share itself.
 * - `dkk` columns hold kroner; `count` columns hold counts of persons or households (always checked against the
 *   minimum cell size before they get here); `p_value` columns hold probabilities in 0..1.
 * - Numbers are finite; a missing value is `null` (an empty cell), never NaN.
 */
import type { ChartSpec } from "./html/chartTypes.js";

export type { ChartSpec } from "./html/chartTypes.js";

export type Audience = "sus" | "aau";
export type { Lang } from "../i18n/types.js";
import type { Lang } from "../i18n/types.js";

/** How a column's numbers are shown: text as is, counts as integers, shares as percentages, kroner with separators. */
export type ColumnKind = "text" | "count" | "percent" | "dkk" | "number" | "p_value";

export interface ReportColumn {
  /** Machine name: the CSV header and the key a reader can rely on (snake_case, not translated). */
  key: string;
  /** Header shown to people, in the report's language. */
  label: string;
  kind: ColumnKind;
  /** Decimals shown (Markdown, XLSX, HTML); CSV keeps full precision. Defaults per kind, see i18n.ts. */
  decimals?: number;
  /** A machine key for programs reading the CSV (e.g. `public_net_y3`): written to CSV only, never shown to people. */
  csvOnly?: boolean;
  /** The HTML page shows this column and the next (an interval's low and high end) as one "[low; high]" column with this label. */
  joinNext?: string;
  /** Numbers whose absolute value is above this are highlighted (HTML and XLSX), e.g. a standardised difference above 0.1. */
  flagAbove?: number;
}

/** A cell withheld because it describes too few persons or would let one recover such a cell (see suppress.ts). */
export interface SuppressedCell {
  suppressed: true;
}

/** A value that does not exist yet ("data pending"): a real state, shown as such, not an error. */
export interface PendingCell {
  pending: true;
}

export type Cell = string | number | null | SuppressedCell | PendingCell;

export interface ReportTable {
  /** File name (CSV) and sheet name (XLSX): lower-case letters, digits and `-`, at most 31 characters. */
  id: string;
  title: string;
  columns: ReportColumn[];
  /** One row per observation; each row has exactly one cell per column. */
  rows: Cell[][];
  /** Notes printed under the table (already translated). */
  notes?: string[];
  /** Keys of leading columns the HTML page shows as a heading row over each run of rows that share them. */
  groupBy?: string[];
}

/**
 * Running text of a section (the summary, the methods note): a heading and its statements, already translated
 * and with every number already checked against disclosure control. HTML and Markdown show it as a list; CSV and
 * XLSX as a two-column table (heading, statement).
 */
export interface TextBlock {
  heading: string;
  items: string[];
}

export interface ReportSection {
  id: string;
  title: string;
  intro?: string;
  /** Statements shown before the charts and tables (summary, methods note). */
  blocks?: TextBlock[];
  tables: ReportTable[];
  charts: ChartSpec[];
}

/** One input the numbers came from: its role (register, effects, ...), file name as given (relative), SHA-256. */
export interface ManifestEntry {
  role: string;
  file: string;
  sha256: string;
  /** E.g. "verified by effekt", "wave 2". */
  note?: string;
}

export interface ReportPrivacy {
  /** Smallest count of persons or households shown (Statistics Denmark's rule: never below 3; default 5). */
  min_cell: number;
  /** The text shown in place of a suppressed cell (explained in a footnote). */
  mark: string;
  /** The text shown for "data pending". */
  pending: string;
}

export interface ReportModel {
  audience: Audience;
  lang: Lang;
  title: string;
  /** effekt's version that built the report. */
  effekt_version: string;
  generated_from: ManifestEntry[];
  sections: ReportSection[];
  /** Report-wide footnotes (the suppression rule, the pending mark, sections left out and why). */
  footnotes: string[];
  privacy: ReportPrivacy;
}

/**
 * Before disclosure control (section builders only): a number shown when every cell of the declared structure
 * named in `by` is shown (src/disclosure/); the report's build step turns it into the number or the mark.
 */
export interface GuardedCell {
  /** A number, or a text derived from one (e.g. "met" for a value against its target). */
  guarded: number | string;
  by: string[];
}

export type DraftCell = Cell | GuardedCell;

export interface DraftTable extends Omit<ReportTable, "rows"> {
  rows: DraftCell[][];
}

/** A section before disclosure control: its charts are drawn once it is known which cells are shown. */
export interface DraftSection extends Omit<ReportSection, "tables" | "charts"> {
  tables: DraftTable[];
  charts: (shown: (ids: string[]) => boolean) => ChartSpec[];
}

export function isGuarded(cell: DraftCell): cell is GuardedCell {
  return typeof cell === "object" && cell !== null && "guarded" in cell;
}

export function isSuppressed(cell: Cell): cell is SuppressedCell {
  return typeof cell === "object" && cell !== null && "suppressed" in cell;
}

export function isPending(cell: Cell): cell is PendingCell {
  return typeof cell === "object" && cell !== null && "pending" in cell;
}

export const SUPPRESSED: SuppressedCell = Object.freeze({ suppressed: true as const });
export const PENDING: PendingCell = Object.freeze({ pending: true as const });

/** The columns a person reads (HTML, Markdown, XLSX): all but the CSV-only machine keys, with their indexes. */
export function shownColumns(table: Pick<ReportTable, "columns">): { column: ReportColumn; index: number }[] {
  return table.columns.map((column, index) => ({ column, index })).filter(({ column }) => !column.csvOnly);
}

/** The table as a person reads it: without the CSV-only columns. */
export function forPeople(table: ReportTable): ReportTable {
  if (!table.columns.some((c) => c.csvOnly)) return table;
  const cols = shownColumns(table);
  return { ...table, columns: cols.map((c) => c.column), rows: table.rows.map((r) => cols.map((c) => r[c.index])) };
}

/** Every table of the report in order, for the writers. */
export function allTables(model: ReportModel): ReportTable[] {
  return model.sections.flatMap((s) => s.tables);
}

/** A section's text blocks as a two-column table (heading, statement), for CSV and XLSX. */
export function blockTable(section: ReportSection): ReportTable {
  return {
    id: section.id,
    title: section.title,
    columns: [
      { key: "heading", label: section.title, kind: "text" },
      { key: "statement", label: "", kind: "text" },
    ],
    rows: [...(section.intro ? [["", section.intro] as Cell[]] : []), ...(section.blocks ?? []).flatMap((b) => b.items.map((item): Cell[] => [b.heading, item]))],
  };
}
