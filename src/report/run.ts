import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UserError } from "../errors.js";
import { writeFolderAtomic } from "../io/atomicFolder.js";
import { checkReplaceableReport, guardOutputs, registerFamily, REPORT_MANIFEST_FORMAT, requireInputFile, type Kept } from "../io/outputGuard.js";
import { sha256 } from "../io/hash.js";
import { idPolicyFrom, type CprFlags } from "../io/pseudonym.js";
import { buildReport } from "./build.js";
import { renderHtml } from "./html/index.js";
import { readInputs, type InputPaths } from "./inputs.js";
import type { Audience, Lang, ReportModel } from "./model.js";
import { allTables, isSuppressed } from "./model.js";
import { manifestItems } from "./sections/manifest.js";
import { parseMinCell } from "../disclosure/rules.js";
import { reportCsvFiles, type CsvDialect } from "./write/csv.js";
import { reportMarkdown } from "./write/markdown.js";
import { reportXlsx } from "./write/xlsx.js";
import { VERSION } from "../version.js";
import { tm } from "../i18n/index.js";
import { registerPasses } from "../verify/register.js";

export interface ReportOptions extends CprFlags {
  audience: string;
  out: string;
  results?: string;
  register?: string;
  effects?: string;
  indicators?: string;
  gains?: string;
  takeup?: string;
  plan?: string;
  spec?: string;
  model?: string;
  format?: string;
  lang?: string;
  csvDialect?: string;
  minCell?: string;
  force?: boolean;
  /** Do not print the summary line (tests). */
  quiet?: boolean;
}

export const FORMATS = ["xlsx", "csv", "md", "html", "pdf"] as const;
/** PDF only when asked for: it starts a browser. */
export const DEFAULT_FORMATS = "xlsx,csv,md,html";
type Format = (typeof FORMATS)[number];


function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UserError(tm("res_rep_one_of", { flag, value: JSON.stringify(value), allowed: allowed.join(", ") }));
  return value as T;
}

export interface ReportRun {
  model: ReportModel;
  files: string[];
}

/**
 * `effekt report`: tables for SUS (formative) or AAU (summative) from the result files, in XLSX, CSV, Markdown and
 * HTML (and PDF). Reads the inputs (inputs.ts), builds the model (build.ts), renders each format in memory, then
 * writes everything into a temporary sibling folder and renames it into place (io/atomicFolder.ts), so the output
 * folder is always complete or absent. Deterministic: no clock, no absolute paths in any output. `say` gets the
 * summary line.
 */
export async function writeReport(opts: ReportOptions, say: (line: string) => void): Promise<ReportRun> {
  const audience = oneOf<Audience>(opts.audience, ["sus", "aau"], "--audience");
  const lang = oneOf<Lang>(opts.lang ?? "da", ["da", "en"], "--lang");
  const dialect = oneOf<CsvDialect>(opts.csvDialect ?? lang, ["da", "en"], "--csv-dialect");
  const formats = [...new Set((opts.format ?? DEFAULT_FORMATS).split(",").map((f) => f.trim()).filter((f) => f !== ""))].map((f) => oneOf<Format>(f, FORMATS, "--format"));
  if (formats.length === 0) throw new UserError(tm("res_rep_formats", { formats: FORMATS.join(", ") }));
  const minCell = parseMinCell(opts.minCell);
  const out = resolve(opts.out);
  if (opts.results && !existsSync(opts.results)) throw new UserError(tm("res_rep_no_results", { dir: opts.results }));
  if (opts.results && !statSync(opts.results).isDirectory()) throw new UserError(tm("res_rep_results_file", { dir: opts.results }));

  const inResults = (name: string) => (opts.results ? join(opts.results, name) : undefined);
  const paths: InputPaths = {
    register: opts.register ?? inResults("allocations.csv"),
    effects: opts.effects ?? inResults("effects.csv"),
    indicators: opts.indicators ?? inResults("indicators.csv"),
    gains: opts.gains ?? inResults("gains.json"),
    takeup: opts.takeup,
    plan: opts.plan,
    spec: opts.spec,
    model: opts.model,
  };
  for (const [flag, f] of [["--register", opts.register], ["--effects", opts.effects], ["--indicators", opts.indicators], ["--gains", opts.gains], ["--takeup", opts.takeup]] as const) requireInputFile(f, flag);
  // The report folder may sit inside the results folder (a new folder there), never on, around or inside what it reads.
  const kept: Kept[] = [
    ...(opts.results ? [{ path: opts.results, what: "the --results folder", interior: true }] : []),
    ...(paths.register ? [...registerFamily(paths.register), { path: `${paths.register}.balance.csv`, what: "the register's balance table" }] : []),
    ...(paths.effects ? [{ path: paths.effects, what: "the effect table" }, { path: `${paths.effects}.meta.json`, what: "the effect table's .meta.json" }] : []),
    ...(paths.indicators ? [{ path: paths.indicators, what: "the indicator table" }] : []),
    ...(paths.gains ? [{ path: paths.gains, what: "the gains file" }] : []),
    ...(paths.takeup ? [{ path: paths.takeup, what: "--takeup" }] : []),
  ];
  guardOutputs([{ path: opts.out, flag: "--out", kind: "folder" }], kept);
  if (existsSync(out)) {
    if (!opts.force) throw new UserError(tm("res_rep_out_exists", { out: opts.out }));
    checkReplaceableReport(opts.out, "--out");
  }
  const flags = {
    register: opts.register ? "--register" : undefined,
    effects: opts.effects ? "--effects" : undefined,
    indicators: opts.indicators ? "--indicators" : undefined,
    gains: opts.gains ? "--gains" : undefined,
    takeup: opts.takeup ? "--takeup" : undefined,
    plan: opts.plan ? "--plan" : undefined,
    spec: opts.spec ? "--spec" : undefined,
    model: opts.model ? "--model" : undefined,
  };
  // CPR-like household ids in the take-up file: refused, or keyed pseudonyms matching the register's
  const { pseudonyms } = idPolicyFrom(opts);
  const inputs = readInputs(paths, flags, pseudonyms);
  // "verified by effekt" needs this very register to pass verify's checks, not only the effect table's meta to say so
  if (paths.register && inputs.register && inputs.effects?.meta?.register) {
    const same = inputs.files.some((f) => f.role === "register" && f.sha256 === inputs.effects!.meta!.register!.sha256);
    inputs.registerVerified = same && registerPasses(paths.register, { pseudonyms }) === true;
  }
  if (!inputs.register && !inputs.effects && !inputs.indicators && !inputs.gains) {
    throw new UserError(tm("res_rep_nothing"));
  }
  const model = buildReport(inputs, { audience, lang, minCell, version: VERSION });

  // Render everything in memory first: a failure here leaves nothing on disk.
  const files = new Map<string, string | Uint8Array>();
  if (formats.includes("xlsx")) files.set("report.xlsx", await reportXlsx(model));
  if (formats.includes("csv")) for (const [name, text] of reportCsvFiles(model, dialect)) files.set(`csv/${name}`, text);
  if (formats.includes("md")) files.set("report.md", reportMarkdown(model));
  if (formats.includes("html")) files.set("report.html", renderHtml(model));
  // The print-ready PDF of the same page, by the headless Chromium that ships in an npm package (loaded only here).
  if (formats.includes("pdf")) files.set("report.pdf", await (await import("../io/chromium.js")).renderPdf(renderHtml(model)));
  const names = [...files.keys()].sort();
  const manifest = {
    format: REPORT_MANIFEST_FORMAT,
    effekt_version: VERSION,
    audience,
    options: { lang, csv_dialect: dialect, formats: FORMATS.filter((f) => formats.includes(f)), min_cell: minCell },
    inputs: inputs.files.map((f) => ({ role: f.role, file: f.path, sha256: f.sha256 })),
    provenance: manifestItems(inputs, VERSION),
    suppressed_cells: allTables(model).reduce((s, t) => s + t.rows.reduce((a, r) => a + r.filter(isSuppressed).length, 0), 0),
    outputs: names.map((n) => ({ file: n, sha256: sha256(files.get(n)!) })),
  };
  files.set("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);

  writeFolderAtomic(out, files, Boolean(opts.force));
  if (!opts.quiet) {
    say(tm("term_report_written", { audience, lang, out: opts.out, sections: model.sections.length, tables: allTables(model).length, suppressed: manifest.suppressed_cells, min: minCell, formats: manifest.options.formats.join(", ") }));
  }
  return { model, files: [...files.keys()].sort() };
}
