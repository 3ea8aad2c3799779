/**
 * An attacker on published reports, written independently of src/disclosure's declarations: it reads the report
 * files back (CSV, XLSX, Markdown, HTML), knows what the tables mean (flow, balance, indicators, effects,
 * attrition, take-up), and tries what a reader with a spreadsheet would:
 * - counts shown directly;
 * - shares times n (a share's count) and complements (n minus that count), both ways;
 * - differences between linked rows and tables: margins ("all areas", "all waves"), drawn = treatment +
 *   control, treatment - took up, whole sample - subgroup levels, flow totals vs balance n, attrition vs effect n;
 * - means times n against the "all waves" or whole-sample mean times n (sums are additive);
 * - Wilson interval inversion (an interval beside a hidden share or n gives both back).
 * Every relation is a linear equation in the published numbers and the hidden ones; the attacker solves the
 * system exactly (reduced row echelon form) and reports every person or household count it pins down that lies
 * in 1..N-1. Rounded numbers give approximate equations: a recovered value counts when within 0.25 of a whole
 * number.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { neutraliseFormula } from "../../src/io/excelSafe.js";

export type Value = number | null | "S";
export interface Table {
  id: string;
  keys: string[];
  rows: Value[][];
  text: string[][];
}
export type Report = Map<string, Table>;

/** A cell's text as a number (Danish or English format, per cent as a share), the mark as "S", empty as null. */
export function parseCellText(raw: string, lang: "da" | "en"): Value {
  let t = raw.replace(/\u00a0|\u202f/g, " ").trim();
  if (t === "") return null;
  if (t === "[s]") return "S";
  const percent = /%$/.test(t);
  t = t.replace(/\s*%$/, "");
  if (t.startsWith("<")) return null;
  if (lang === "da") t = t.replace(/\./g, "").replace(",", ".");
  else t = t.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t)) return null;
  const x = Number(t);
  return percent ? x / 100 : x;
}

function table(id: string, keys: string[], text: string[][], lang: "da" | "en"): Table {
  return { id, keys, text, rows: text.map((r) => r.map((c) => parseCellText(c, lang))) };
}

export function readCsvReport(dir: string, tables: { id: string; keys: string[] }[], dialect: "da" | "en"): Report {
  const out: Report = new Map();
  for (const t of tables) {
    const text = readFileSync(join(dir, "csv", `${t.id}.csv`), "utf8").slice(1);
    const rows: string[][] = parse(text, { delimiter: dialect === "da" ? ";" : "," });
    out.set(t.id, table(t.id, rows[0], rows.slice(1), dialect));
  }
  return out;
}

/**
 * Each table's sheet, found as a reader finds it: by the contents sheet (the first), whose rows list a sheet's name
 * and its table's title, not by the sheets' order. Tables with equal titles take the listed sheets in turn. Throws
 * when a table is not listed, a listed sheet does not exist, or a sheet is not listed (so nothing escapes a reader
 * that reads every listed sheet). `others` are the listed sheets no table claimed (the summary and methods texts).
 */
export function sheetsByContents(wb: ExcelJS.Workbook, tables: { id: string; title: string }[]): { sheets: Map<string, ExcelJS.Worksheet>; others: string[] } {
  const contents = wb.worksheets[0];
  const listed: { name: string; title: string }[] = [];
  for (let i = 2; i <= contents.rowCount; i++) {
    const name = contents.getRow(i).getCell(1).value;
    if (name === null || name === undefined || name === "") break; // the manifest follows an empty row
    listed.push({ name: String(name), title: String(contents.getRow(i).getCell(2).value ?? "") });
  }
  for (const l of listed) if (!wb.getWorksheet(l.name)) throw new Error(`the contents list a sheet "${l.name}" the workbook lacks`);
  const unlisted = wb.worksheets.slice(1).filter((ws) => !listed.some((l) => l.name === ws.name));
  if (unlisted.length > 0) throw new Error(`sheets not in the contents: ${unlisted.map((ws) => ws.name).join(", ")}`);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  const taken = new Set<number>();
  for (const t of tables) {
    const k = listed.findIndex((l, j) => !taken.has(j) && l.title === neutraliseFormula(t.title));
    if (k < 0) throw new Error(`no sheet listed for ${t.id} ("${t.title}")`);
    taken.add(k);
    sheets.set(t.id, wb.getWorksheet(listed[k].name)!);
  }
  return { sheets, others: listed.filter((_, j) => !taken.has(j)).map((l) => l.name) };
}

export async function readXlsxReport(file: string, tables: { id: string; title: string; keys: string[] }[]): Promise<Report> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const out: Report = new Map();
  const { sheets } = sheetsByContents(wb, tables);
  for (const t of tables) {
    // Every table's sheet, by the contents sheet's listing (sheet names are in the report's language).
    const ws = sheets.get(t.id)!;
    const rows: Value[][] = [];
    const text: string[][] = [];
    for (let i = 2; i <= ws.rowCount; i++) {
      const row = ws.getRow(i);
      if (!row.getCell(1).value && !row.getCell(2).value) break; // the notes start after an empty row
      const vals: Value[] = [];
      const txt: string[] = [];
      for (let j = 1; j <= t.keys.length; j++) {
        const v = row.getCell(j).value;
        txt.push(v === null || v === undefined ? "" : String(v));
        vals.push(typeof v === "number" ? v : v === "[s]" ? "S" : v === null || v === undefined || v === "" ? null : parseCellText(String(v), "en"));
      }
      rows.push(vals);
      text.push(txt);
    }
    out.set(t.id, { id: t.id, keys: t.keys, rows, text });
  }
  return out;
}

export function readMarkdownReport(file: string, tables: { id: string; keys: string[] }[], lang: "da" | "en"): Report {
  const md = readFileSync(file, "utf8");
  const blocks = md.split(/^### /m).slice(1);
  const out: Report = new Map();
  tables.forEach((t, k) => {
    const lines = blocks[k].split("\n").filter((l) => l.startsWith("| ")).slice(2);
    const text = lines.map((l) => l.slice(2, -2).split(/(?<!\\) \| /));
    out.set(t.id, table(t.id, t.keys, text, lang));
  });
  return out;
}

/**
 * The HTML page's tables mapped back to the model's columns by each cell's data-key: a header may name two keys (an
 * interval shown as "[low; high]", in English "[low, high]"), a heading row (class "group") gives its grouped columns' values to the rows
 * under it, and a caption may state a column's value for every row (a span with its data-key).
 */
export function readHtmlReport(file: string, tables: { id: string; keys: string[] }[], lang: "da" | "en"): Report {
  const html = readFileSync(file, "utf8");
  const blocks = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const clean = (raw: string) => raw.replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").trim();
  const spans = (raw: string) => new Map([...raw.matchAll(/<span data-key="([^"]+)">([\s\S]*?)<\/span>/g)].map((m) => [m[1], clean(m[2])]));
  const out: Report = new Map();
  tables.forEach((t, k) => {
    const block = blocks[k];
    const caption = /<caption>([\s\S]*?)<\/caption>/.exec(block)?.[1] ?? "";
    const constants = spans(caption);
    const headKeys = [...(/<thead>([\s\S]*?)<\/thead>/.exec(block)?.[1] ?? "").matchAll(/<th[^>]*data-key="([^"]+)"/g)].map((m) => m[1].split(" "));
    const body = block.slice(block.indexOf("<tbody"));
    let group = new Map<string, string>();
    const text: string[][] = [];
    for (const r of body.matchAll(/<tr([^>]*)>([\s\S]*?)<\/tr>/g)) {
      if (/class="group"/.test(r[1])) {
        group = spans(r[2]);
        continue;
      }
      const values = new Map<string, string>([...constants, ...group]);
      [...r[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].forEach((c, j) => {
        const keys = headKeys[j] ?? [];
        const cell = clean(c[1]);
        if (keys.length === 2) {
          const ends = cell === "[s]" ? ["[s]", "[s]"] : cell === "" ? ["", ""] : cell.replace(/^\[|\]$/g, "").split(lang === "da" ? "; " : ", ");
          keys.forEach((key, e) => values.set(key, ends[e] ?? ""));
        } else if (keys.length === 1) values.set(keys[0], cell);
      });
      text.push(t.keys.map((key) => values.get(key) ?? ""));
    }
    out.set(t.id, table(t.id, t.keys, text, lang));
  });
  return out;
}

/** A linear system over named variables: known values and equations sum(coef * var) = 0. */
class Facts {
  known = new Map<string, number>();
  vars = new Set<string>();
  counts = new Set<string>();
  eqs: [string, number][][] = [];

  /** A published cell: its value (known) or hidden; returns the variable. */
  cell(name: string, v: Value | undefined, isCount: boolean): string | null {
    if (v === null || v === undefined) return null;
    this.vars.add(name);
    if (isCount) this.counts.add(name);
    if (v !== "S") this.known.set(name, v);
    return name;
  }

  /** A variable only derivable (a complement, a sum): unknown unless an equation pins it. */
  derived(name: string, isCount: boolean): string {
    this.vars.add(name);
    if (isCount) this.counts.add(name);
    return name;
  }

  /** total = sum(parts). */
  sum(total: string | null, parts: (string | null)[]): void {
    if (total === null || parts.some((p) => p === null) || parts.length === 0) return;
    this.eqs.push([[total, 1], ...parts.map((p): [string, number] => [p as string, -1])]);
  }

  /** product = a * b, when a or b is known (linear then). */
  product(product: string | null, a: string | null, b: string | null): void {
    if (product === null || a === null || b === null) return;
    const ka = this.known.get(a), kb = this.known.get(b);
    if (ka !== undefined) this.eqs.push([[product, 1], [b, -ka]]);
    else if (kb !== undefined) this.eqs.push([[product, 1], [a, -kb]]);
  }

  /** Every variable the system pins down (within tolerance), with its value. */
  solve(): Map<string, number> {
    const unknown = [...this.vars].filter((v) => !this.known.has(v));
    const col = new Map(unknown.map((v, i) => [v, i]));
    const rows: number[][] = [];
    for (const eq of this.eqs) {
      const r = new Array<number>(unknown.length + 1).fill(0);
      for (const [v, c] of eq) {
        const k = this.known.get(v);
        if (k !== undefined) r[unknown.length] -= c * k;
        else r[col.get(v)!] += c;
      }
      if (r.slice(0, unknown.length).some((x) => Math.abs(x) > 1e-12)) rows.push(r);
    }
    // Reduced row echelon form with partial pivoting.
    const n = unknown.length;
    let lead = 0;
    const pivots: number[] = [];
    for (let c = 0; c < n && lead < rows.length; c++) {
      let best = lead;
      for (let i = lead + 1; i < rows.length; i++) if (Math.abs(rows[i][c]) > Math.abs(rows[best][c])) best = i;
      if (Math.abs(rows[best][c]) < 1e-9) continue;
      [rows[lead], rows[best]] = [rows[best], rows[lead]];
      const p = rows[lead][c];
      for (let j = 0; j <= n; j++) rows[lead][j] /= p;
      for (let i = 0; i < rows.length; i++) {
        if (i === lead || Math.abs(rows[i][c]) < 1e-15) continue;
        const f = rows[i][c];
        for (let j = 0; j <= n; j++) rows[i][j] -= f * rows[lead][j];
      }
      pivots.push(c);
      lead++;
    }
    const out = new Map<string, number>(this.known);
    pivots.forEach((c, i) => {
      const others = rows[i].slice(0, n).some((x, j) => j !== c && Math.abs(x) > 1e-9);
      if (!others) out.set(unknown[c], rows[i][n]);
    });
    return out;
  }
}

export interface Leak {
  variable: string;
  value: number;
}

const txt = (t: Table, r: number, key: string): string => {
  const j = t.keys.indexOf(key);
  return j < 0 ? "" : (t.text[r][j] ?? "");
};
const val = (t: Table, r: number, key: string): Value | undefined => {
  const j = t.keys.indexOf(key);
  return j < 0 ? undefined : t.rows[r][j];
};

/** Wilson interval (lower, upper) for x of n. */
function wilson(x: number, n: number, z = 1.959963984540054): [number, number] {
  const p = x / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [c - h, c + h];
}

/** The (x, n) pairs whose Wilson interval rounds to the published one (n up to 2000). */
export function invertWilson(lower: number, upper: number, decimals: number): [number, number][] {
  const tol = 0.5 * 10 ** -decimals + 1e-12;
  const hits: [number, number][] = [];
  for (let n = 1; n <= 2000; n++) {
    for (let x = 0; x <= n; x++) {
      const [l, u] = wilson(x, n);
      if (Math.abs(l - lower) <= tol && Math.abs(u - upper) <= tol) hits.push([x, n]);
    }
  }
  return hits;
}

/**
 * Attacks a set of published reports (e.g. the SUS and AAU reports of the same results, in one format) and
 * returns every count of persons or households in 1..minCell-1 it recovers.
 */
export function attack(reports: Report[], minCell: number): Leak[] {
  const f = new Facts();
  f.cell("one", 1, false);
  const small = (v: number) => {
    const r = Math.round(v);
    return Math.abs(v - r) < 0.25 && r >= 1 && r < minCell;
  };
  const wilsonLeaks: Leak[] = [];
  const tablesNamed = (id: string) => reports.map((r) => r.get(id)).filter((t): t is Table => t !== undefined);

  for (const t of tablesNamed("flow")) {
    t.rows.forEach((_, r) => {
      const key = `flow|${txt(t, r, "wave")}|${txt(t, r, "area")}`;
      const c = (k: string) => f.cell(`${key}|${k}`, val(t, r, k), true);
      const [eligible, drawn, treat, control, took] = ["eligible", "drawn", "treatment", "control", "took_up"].map(c);
      f.sum(drawn, [treat, control]);
      if (eligible && drawn) f.sum(eligible, [drawn, f.derived(`${key}|not-drawn`, true)]);
      if (took && treat) {
        f.sum(treat, [took, f.derived(`${key}|declined`, true)]);
        f.product(took, f.cell(`${key}|takeup_share`, val(t, r, "takeup_share"), false), treat);
      }
    });
    margins(f, t, "flow", ["wave", "area"], ["eligible", "drawn", "treatment", "control", "took_up", "declined", "not-drawn"]);
  }
  for (const t of tablesNamed("exclusions")) t.rows.forEach((row, r) => t.keys.slice(1).forEach((k) => f.cell(`excl|${r}|${k}`, val(t, r, k), true)));

  for (const t of tablesNamed("balance")) {
    const waves = new Set<string>();
    t.rows.forEach((_, r) => {
      const wave = txt(t, r, "wave");
      waves.add(wave);
      const cov = txt(t, r, "covariate"), level = txt(t, r, "level");
      for (const arm of ["treatment", "control"]) {
        const n = f.cell(`bal|${cov}|${level}|${wave}|${arm}|n`, val(t, r, `n_${arm}`), true);
        const mean = f.cell(`bal|${cov}|${level}|${wave}|${arm}|mean`, val(t, r, `mean_${arm}`), false);
        // The same n for every level of a covariate.
        if (level) f.sum(n, [f.derived(`bal|${cov}||${wave}|${arm}|n`, true)]);
        const flowTotal = `flow|${wave}|${flowAll(reports, "area")}|${arm}`;
        if (f.vars.has(flowTotal)) f.sum(flowTotal, [n, f.derived(`bal|${cov}|${level}|${wave}|${arm}|missing`, true)]);
        // A wave's level: mean x n is the level's count; numeric: mean x n is the wave's sum. The pooled row is
        // block-weighted over the waves (below).
        if (/^\d+$/.test(wave)) {
          const product = f.derived(`bal|${cov}|${level}|${wave}|${arm}|${level ? "x" : "sum"}`, Boolean(level));
          f.product(product, mean, n);
          if (level) f.sum(n, [product, f.derived(`bal|${cov}|${level}|${wave}|${arm}|not`, true)]);
        }
      }
    });
    const covLevels = new Map<string, Set<string>>();
    t.rows.forEach((_, r) => {
      const cov = txt(t, r, "covariate");
      covLevels.set(cov, (covLevels.get(cov) ?? new Set()).add(txt(t, r, "level")));
    });
    const all = [...waves].find((w) => !/^\d+$/.test(w));
    const numeric = [...waves].filter((w) => /^\d+$/.test(w));
    for (const [cov, levels] of covLevels) {
      for (const arm of ["treatment", "control"]) {
        for (const level of levels) {
          const kind = level ? "x" : "sum";
          if (!all) continue;
          f.sum(`bal|${cov}|${level}|${all}|${arm}|n`, numeric.map((w) => `bal|${cov}|${level}|${w}|${arm}|n`));
          // mean_all = sum_w (m_w / m) x_w / n_w over the waves with values in both arms (m_w = n_T,w + n_C,w),
          // linear in the waves' counts or sums when every n is published.
          const nOf = (w: string, a: string) => f.known.get(`bal|${cov}|${level}|${w}|${a}|n`);
          const meanAll = `bal|${cov}|${level}|${all}|${arm}|mean`;
          if (!f.vars.has(meanAll) || numeric.some((w) => nOf(w, "treatment") === undefined || nOf(w, "control") === undefined)) continue;
          const used = numeric.filter((w) => nOf(w, "treatment")! > 0 && nOf(w, "control")! > 0);
          const m = used.reduce((a, w) => a + nOf(w, "treatment")! + nOf(w, "control")!, 0);
          if (m === 0) continue;
          f.eqs.push([[meanAll, -1], ...used.map((w): [string, number] => [`bal|${cov}|${level}|${w}|${arm}|${kind}`, (nOf(w, "treatment")! + nOf(w, "control")!) / m / nOf(w, arm)!])]);
        }
        if (levels.has("") && levels.size === 1) continue;
        // The pooled shares of a covariate's levels sum to 1 (each wave's shares do, and the weights sum to 1).
        const pooledShares = [...levels].map((l) => `bal|${cov}|${l}|${all}|${arm}|mean`);
        if (all && pooledShares.every((v) => f.vars.has(v))) f.eqs.push([["one", -1], ...pooledShares.map((v): [string, number] => [v, 1])]);
        for (const w of numeric) f.sum(`bal|${cov}||${w}|${arm}|n`, [...levels].map((l) => `bal|${cov}|${l}|${w}|${arm}|x`));
      }
    }
  }

  for (const t of tablesNamed("indicators")) {
    t.rows.forEach((_, r) => {
      const key = `ind|${txt(t, r, "indicator")}|${txt(t, r, "year")}|${txt(t, r, "area")}`;
      const n = f.cell(`${key}|n`, val(t, r, "n"), true);
      const share = f.cell(`${key}|share`, val(t, r, "value_share"), false);
      if (share && n) {
        const x = f.derived(`${key}|x`, true);
        f.product(x, share, n);
        f.sum(n, [x, f.derived(`${key}|not`, true)]);
      }
      const lo = val(t, r, "interval_lower"), hi = val(t, r, "interval_upper");
      if (typeof lo === "number" && typeof hi === "number" && val(t, r, "value_share") !== null && (val(t, r, "n") === "S" || val(t, r, "value_share") === "S")) {
        const hits = invertWilson(lo, hi, 3);
        const ns = new Set(hits.map((h) => h[1]));
        if (ns.size === 1) for (const [x, nn] of hits) for (const v of [x, nn, nn - x]) if (small(v)) wilsonLeaks.push({ variable: `${key}|wilson`, value: v });
      }
    });
    margins(f, t, "ind", ["indicator", "year", "area"], ["n", "x", "not"], ["area"]);
  }

  const effectTables = [...tablesNamed("effects-interim"), ...tablesNamed("effects"), ...tablesNamed("effects-other"), ...tablesNamed("subgroups"), ...tablesNamed("subgroups-other")];
  for (const t of effectTables) {
    t.rows.forEach((_, r) => {
      const key = `eff|${txt(t, r, "outcome")}|${txt(t, r, "horizon")}|${txt(t, r, "estimator")}|${txt(t, r, "estimand")}|${txt(t, r, "subgroup")}|${txt(t, r, "subgroup_level")}`;
      f.cell(`${key}|treatment`, val(t, r, "n_treatment"), true);
      const nc = f.cell(`${key}|control`, val(t, r, "n_control"), true);
      f.product(f.derived(`${key}|control-sum`, false), f.cell(`${key}|control_mean`, val(t, r, "control_mean"), false), nc);
    });
  }
  for (const t of [...tablesNamed("subgroups"), ...tablesNamed("subgroups-other")]) {
    const groups = new Map<string, string[]>();
    t.rows.forEach((_, r) => {
      const g = `eff|${txt(t, r, "outcome")}|${txt(t, r, "horizon")}|${txt(t, r, "estimator")}|${txt(t, r, "estimand")}`;
      const k = `${g}\u0000${txt(t, r, "subgroup")}`;
      groups.set(k, [...(groups.get(k) ?? []), `${g}|${txt(t, r, "subgroup")}|${txt(t, r, "subgroup_level")}`]);
    });
    for (const [k, levels] of groups) {
      const whole = `${k.split("\u0000")[0]}||`;
      for (const arm of ["treatment", "control"]) if (f.vars.has(`${whole}|${arm}`)) f.sum(`${whole}|${arm}`, levels.map((l) => `${l}|${arm}`));
      if (f.vars.has(`${whole}|control-sum`)) f.sum(`${whole}|control-sum`, levels.map((l) => `${l}|control-sum`));
    }
  }
  for (const t of tablesNamed("attrition")) {
    t.rows.forEach((_, r) => {
      const key = `attr|${txt(t, r, "outcome")}|${txt(t, r, "horizon")}|${txt(t, r, "arm")}`;
      const counted = f.cell(`${key}|counted`, val(t, r, "persons_counted"), true);
      const withValue = f.cell(`${key}|with`, val(t, r, "persons_with_value"), true);
      const missing = f.cell(`${key}|missing`, val(t, r, "missing"), true);
      f.sum(counted, [withValue, missing]);
      f.product(missing, f.cell(`${key}|share`, val(t, r, "share_missing"), false), counted);
    });
  }
  for (const t of tablesNamed("takeup")) {
    t.rows.forEach((_, r) => {
      const key = `takeup|${txt(t, r, "arm")}`;
      const hh = f.cell(`${key}|households`, val(t, r, "households"), true);
      const took = f.cell(`${key}|took`, val(t, r, "took_up"), true);
      if (hh && took) f.sum(hh, [took, f.derived(`${key}|declined`, true)]);
      f.product(took, f.cell(`${key}|share`, val(t, r, "takeup_share"), false), hh);
    });
  }

  const solved = f.solve();
  const leaks: Leak[] = [...wilsonLeaks];
  for (const v of f.counts) {
    const x = solved.get(v);
    if (x !== undefined && small(x)) leaks.push({ variable: v, value: x });
  }
  return leaks;
}

/** The "all ..." label used in a flow column (the last row's text). */
function flowAll(reports: Report[], key: string): string {
  for (const r of reports) {
    const t = r.get("flow");
    if (t) return txt(t, t.rows.length - 1, key);
  }
  return "";
}

/**
 * Margins: for each key column in `over` (default all of `keys`), the row whose value there is the "all" label
 * (the last distinct value that is not a number and appears in the last row) is the sum of the rows that differ
 * from it only there.
 */
function margins(f: Facts, t: Table, prefix: string, keys: string[], cols: string[], over = keys): void {
  const last = t.rows.length - 1;
  for (const k of over) {
    const allLabel = txt(t, last, k);
    if (!allLabel || /^\d+$/.test(allLabel)) continue;
    const rest = keys.filter((q) => q !== k);
    const groups = new Map<string, { total?: number; parts: number[] }>();
    t.rows.forEach((_, r) => {
      const g = rest.map((q) => txt(t, r, q)).join("|");
      const e = groups.get(g) ?? { parts: [] };
      if (txt(t, r, k) === allLabel) e.total = r;
      else e.parts.push(r);
      groups.set(g, e);
    });
    for (const e of groups.values()) {
      if (e.total === undefined || e.parts.length === 0) continue;
      const name = (r: number, c: string) => `${prefix}|${keys.map((q) => txt(t, r, q)).join("|")}|${c}`;
      for (const c of cols) {
        if (!f.vars.has(name(e.total, c))) continue;
        if (e.parts.every((r) => f.vars.has(name(r, c)))) f.sum(name(e.total, c), e.parts.map((r) => name(r, c)));
      }
    }
  }
}

/**
 * A published money amount whose derivation is count x (a published per-person amount): gains in a budget year
 * are persons x effect x price x the share of each wave's year since the draw in the budget year, all published
 * (the model's prices, the effects table, the waves' draw dates). In a budget year that one wave reaches alone,
 * amount / per-person amount is that wave's count.
 */
export interface MoneyBasis {
  /** table id and the text of its key columns that pick the row */
  table: string;
  match: Record<string, string>;
  column: string;
  /** the amount one person (or household) of the count contributes */
  perPerson: number;
  /** the count's name, for the leak */
  count: string;
}

/** Every count in 1..minCell-1 recovered as amount / per-person amount from a shown money cell. */
export function attackMoney(reports: Report[], bases: MoneyBasis[], minCell: number): Leak[] {
  const leaks: Leak[] = [];
  for (const b of bases) {
    for (const rep of reports) {
      const t = rep.get(b.table);
      if (!t || b.perPerson === 0) continue;
      t.rows.forEach((_, r) => {
        if (!Object.entries(b.match).every(([k, v]) => txt(t, r, k) === v)) return;
        const v = val(t, r, b.column);
        if (typeof v !== "number") return;
        const x = v / b.perPerson;
        const n = Math.round(x);
        if (Math.abs(x - n) < 0.25 && n >= 1 && n < minCell) leaks.push({ variable: `${b.table}|${Object.values(b.match).join("|")}|${b.column}:${b.count}`, value: x });
      });
    }
  }
  return leaks;
}
