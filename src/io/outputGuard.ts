import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import type { MessageKey } from "../i18n/catalogue.js";
import { tm } from "../i18n/messageLang.js";
import { manifestDir } from "./register.js";
import { assertOrdinaryFile } from "./ordinaryFile.js";

/**
 * The output-path guard: no command writes over, into or around what it reads. Every command that writes calls
 * `guardOutputs` with all its outputs and everything it reads (or must keep: the register, its manifests folder,
 * a results folder) before it writes anything. Paths are compared as real paths (links followed; a path that does
 * not exist yet through its nearest existing folder), and existing files also by device and inode (hard links).
 */

/** Something a command reads or must keep. `interior`: an output may lie inside it (a results folder holds reports). */
export interface Kept {
  path: string;
  /** what it is, for the message: "the register", "--persons", "the register's manifests folder" */
  what: string;
  interior?: boolean;
}

/** Something a command writes: a file, or a folder it replaces as a whole. */
export interface Output {
  path: string;
  flag: string;
  kind: "file" | "folder";
  /** the files effekt wrote that this output may replace (its own kind: draw's register, estimate's table, ...) */
  replaces?: readonly EffektFile[];
}

/**
 * Files effekt wrote that are recognisable on disk whatever the command knows of them, so that no command writes
 * over another's work: a register (it has `<register>.manifests/` beside it), anything inside a manifests folder,
 * a register's balance tables, an effect table and its `.meta.json`, an imported outcomes file and its
 * `.manifest.json`. `indicators --out allocations.csv` knows nothing of a register but is refused all the same.
 */
export type EffektFile = "register" | "manifests" | "balance" | "effects table" | "effects meta" | "outcomes import" | "import manifest" | "report";

/** The format a report folder's manifest.json carries (report/run.ts writes it). */
export const REPORT_MANIFEST_FORMAT = "effekt-report-manifest/1";

/** A folder effekt report wrote: its manifest.json is a report manifest. */
function isReportFolder(dir: string): boolean {
  const file = join(dir, "manifest.json");
  if (statOf(file)?.isFile() !== true) return false;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { format?: unknown }).format === REPORT_MANIFEST_FORMAT;
  } catch {
    return false;
  }
}

function isDir(p: string): boolean {
  return statOf(p)?.isDirectory() === true;
}

/**
 * What a command reads or keeps, and an output named by its role, as the commands name them (`what`, `flag`), in
 * the run's language; a flag (`--persons`) as it is.
 */
const ROLES: Record<string, MessageKey> = {
  "the register": "file_kept_register",
  "the register's manifests folder": "file_kept_manifests",
  "the register's lock file": "file_kept_lock",
  "the register's balance table": "file_kept_balance",
  "the effect table": "file_kept_effects",
  "the effect table's .meta.json": "file_kept_effects_meta",
  "the indicator table": "file_kept_indicators",
  "the gains file": "file_kept_gains",
  "the --results folder": "file_kept_results",
  "the plan lock": "file_kept_plan_lock",
  "--out's .meta.json": "file_kept_out_meta",
  "--out's .manifest.json": "file_kept_out_manifest",
};

function role(name: string): string {
  const key = ROLES[name];
  return key === undefined ? name : tm(key);
}

/** What effekt file `path` is (an output about to be written there would replace it), with words for the message. */
export function effektFileAt(path: string): { kind: EffektFile; what: string } | undefined {
  const real = realPath(path);
  if (isDir(`${real}.manifests`)) return { kind: "register", what: tm("file_effekt_register") };
  const parts = real.split(sep);
  for (let i = parts.length - 1; i > 0; i--) {
    if (parts[i].endsWith(".manifests") && isDir(parts.slice(0, i + 1).join(sep))) return { kind: "manifests", what: tm("file_effekt_manifests") };
  }
  for (let i = parts.length - 1; i > 0; i--) {
    if (isReportFolder(parts.slice(0, i).join(sep) || sep)) return { kind: "report", what: tm("file_effekt_report") };
  }
  const balance = /^(.*)\.balance(\.joint)?\.csv$/.exec(real);
  if (balance && isDir(`${balance[1]}.manifests`)) return { kind: "balance", what: tm("file_effekt_balance") };
  const meta = /^(.*)\.meta\.json$/.exec(real);
  if (meta && statOf(meta[1])?.isFile()) return { kind: "effects meta", what: tm("file_effekt_effects_meta") };
  if (statOf(`${real}.meta.json`)?.isFile()) return { kind: "effects table", what: tm("file_effekt_effects_table") };
  const imported = /^(.*)\.manifest\.json$/.exec(real);
  if (imported && statOf(imported[1])?.isFile()) return { kind: "import manifest", what: tm("file_effekt_import_manifest") };
  if (statOf(`${real}.manifest.json`)?.isFile()) return { kind: "outcomes import", what: tm("file_effekt_outcomes_import") };
  return undefined;
}

/** The real path of `p`: links followed; for a path that does not exist yet, its nearest existing ancestor's real path plus the rest. */
export function realPath(p: string): string {
  const abs = resolve(p);
  const rest: string[] = [];
  let head = abs;
  for (;;) {
    try {
      return join(realpathSync(head), ...rest);
    } catch {
      const parent = dirname(head);
      if (parent === head) return abs;
      rest.unshift(basename(head));
      head = parent;
    }
  }
}

function statOf(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

/** `inner` is `outer` or lies inside it (both real paths). */
function within(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const rel = relative(outer, inner);
  return rel !== "" && rel.split(sep)[0] !== ".." && !isAbsolute(rel);
}

/** Everything beside a register that belongs to it: the register, its manifests folder (plan lock inside), its lock. */
export function registerFamily(registerPath: string): Kept[] {
  return [
    { path: registerPath, what: "the register" },
    { path: manifestDir(registerPath), what: "the register's manifests folder" },
    { path: `${registerPath}.lock`, what: "the register's lock file" },
  ];
}

/**
 * Refuses (exit 2, one line, before anything is written) an output that is, contains or lies inside anything in
 * `kept`; an output whose existing kind does not match (a folder where a file is meant or the reverse, a device);
 * and two outputs on the same path.
 */
export function guardOutputs(outputs: readonly Output[], kept: readonly Kept[]): void {
  const keptReal = kept.filter((k) => k.path !== "").map((k) => ({ ...k, real: realPath(k.path), stat: statOf(k.path) }));
  const seen = new Map<string, Output>();
  for (const o of outputs) {
    const real = realPath(o.path);
    const st = statOf(o.path);
    if (st) {
      if (o.kind === "file" && st.isDirectory()) throw new UserError(tm("file_out_is_folder", { flag: role(o.flag), path: o.path }));
      if (o.kind === "folder" && !st.isDirectory()) throw new UserError(tm("file_out_is_file", { flag: role(o.flag), path: o.path }));
      if (o.kind === "file" && !st.isFile()) throw new UserError(tm("file_out_special", { flag: role(o.flag), path: o.path }));
    }
    const twin = seen.get(real);
    if (twin) throw new UserError(tm("file_out_twin", { flag: role(o.flag), path: o.path, twin: role(twin.flag) }));
    seen.set(real, o);
    for (const k of keptReal) {
      const sameFile = st && k.stat && st.dev === k.stat.dev && st.ino === k.stat.ino;
      if (sameFile || real === k.real) throw new UserError(tm("file_out_is_kept", { flag: role(o.flag), path: o.path, what: role(k.what), kept: k.path }));
      if (within(k.real, real)) throw new UserError(tm("file_out_contains", { flag: role(o.flag), path: o.path, what: role(k.what), kept: k.path }));
      if (!k.interior && within(real, k.real)) throw new UserError(tm("file_out_inside", { flag: role(o.flag), path: o.path, what: role(k.what), kept: k.path }));
    }
    const theirs = effektFileAt(o.path);
    if (theirs && !(o.replaces ?? []).includes(theirs.kind)) {
      throw new UserError(tm("file_out_effekt_file", { flag: role(o.flag), path: o.path, what: theirs.what }));
    }
  }
}



/**
 * `report --force` replaces only a folder effekt wrote as a report: it holds a `manifest.json` of the report
 * format, and nothing but the files that manifest lists (and the manifest). Anything else is refused untouched.
 */
export function checkReplaceableReport(out: string, flag: string): void {
  const manifestFile = join(out, "manifest.json");
  const refuse = (why: string) => new UserError(tm("file_report_refused", { flag, out, why }));
  if (!existsSync(manifestFile)) throw refuse(tm("file_report_no_manifest"));
  let listed: Set<string>;
  try {
    const m = JSON.parse(readFileSync(manifestFile, "utf8")) as { format?: unknown; outputs?: { file?: unknown }[] };
    if (m.format !== REPORT_MANIFEST_FORMAT || !Array.isArray(m.outputs)) throw new Error("not a report manifest");
    listed = new Set(m.outputs.map((x) => String(x.file)));
  } catch {
    throw refuse(tm("file_report_bad_manifest"));
  }
  listed.add("manifest.json");
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isDirectory()) continue;
    const name = relative(out, join(e.parentPath, e.name)).split(sep).join("/");
    if (!e.isFile() || !listed.has(name)) throw refuse(tm("file_report_foreign", { name }));
  }
}

/** A file given on the command line: it must exist and not be a folder (one line, exit 2; never EISDIR). */
export function requireInputFile(path: string | undefined, flag: string): void {
  if (path === undefined) return;
  const st = statOf(path);
  if (!st) throw new UserError(tm("file_no_such", { file: `${flag} ${path}` }));
  if (st.isDirectory()) throw new UserError(tm("file_is_folder", { file: `${flag} ${path}` }));
  assertOrdinaryFile(path, flag);
}
