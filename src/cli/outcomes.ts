import { basename } from "node:path";
import type { Command } from "commander";
import { assertWritable, writeFileAtomic } from "../io/atomic.js";
import { csvField, csvFieldVerbatim } from "../io/csvOut.js";
import { formatDay } from "../io/columns.js";
import { sha256, sha256File } from "../io/hash.js";
import { importOutcomes, readImportSpec } from "../io/outcomeImport.js";
import { guardOutputs, requireInputFile } from "../io/outputGuard.js";
import { VERSION } from "../version.js";
import { say } from "./output.js";
import { tm } from "../i18n/index.js";
import { summaryOf } from "./commands.js";

interface ImportOptions { from: string; spec: string; out: string }

/** `effekt outcomes import`: a wide weekly/monthly status file or a survey export -> outcomes.csv and its manifest. */
export function registerOutcomes(program: Command): void {
  const outcomes = program.command("outcomes").description(summaryOf("outcomes"));
  outcomes
    .command("import")
    .description(tm("file_help_import"))
    .requiredOption("--from <file>", tm("file_help_import_from"))
    .requiredOption("--spec <file>", tm("file_help_import_spec"))
    .requiredOption("--out <file>", tm("file_help_import_out"))
    .addHelpText("after", `\n${tm("file_help_example")}\n  effekt outcomes import --from samples/exports/jobcenter-uger.csv --spec samples/exports/import-beskaeftigelse.json --out evaluation/outcomes-employment.csv\n`)
    .action((opts: ImportOptions) => runImport(opts));
}

export function runImport(opts: ImportOptions): void {
  for (const [f, flag] of [[opts.from, "--from"], [opts.spec, "--spec"]] as const) requireInputFile(f, flag);
  // Nothing it reads, and no file effekt wrote but an earlier import, is written over (real paths, links followed).
  guardOutputs(
    [{ path: opts.out, flag: "--out", kind: "file", replaces: ["outcomes import"] }, { path: `${opts.out}.manifest.json`, flag: "--out's .manifest.json", kind: "file", replaces: ["import manifest"] }],
    [{ path: opts.from, what: "--from" }, { path: opts.spec, what: "--spec" }],
  );
  const spec = readImportSpec(opts.spec);
  const { rows, counts, periods } = importOutcomes(opts.from, spec);
  // Person ids as they are (they join with persons.csv in effekt and in any other tool); the outcome name, a label,
  // neutralised against formula injection (effekt reads it back without the quote).
  const lines = ["person_id,outcome,date,value"];
  for (const r of rows) lines.push(`${csvFieldVerbatim(r.person)},${csvField(spec.outcome)},${formatDay(r.day)},${Number.isFinite(r.value) ? String(r.value) : "NA"}`);
  const text = `${lines.join("\n")}\n`;
  const manifest = {
    format: "effekt-outcome-import-v1",
    effekt_version: VERSION,
    source: { file: basename(opts.from), sha256: sha256File(opts.from) },
    spec: { file: basename(opts.spec), sha256: sha256File(opts.spec), content: spec },
    reshaping: spec.kind === "wide"
      ? `one column per ${periods && periods.columns > 0 ? "period" : "week or month"} (${periods?.columns ?? 0} columns, ${periods?.first} to ${periods?.last}) to one row per person and period, dated the period's first day (weeks: Monday, ISO 8601); status codes mapped by the spec's codes; empty cells and codes mapped to null give no row`
      : "one row per response: person, the score as value (empty or NA: missing), the response date as date",
    counts,
    rows_written: rows.length,
    output_sha256: sha256(text),
  };
  assertWritable(opts.out);
  assertWritable(`${opts.out}.manifest.json`);
  writeFileAtomic(opts.out, text);
  writeFileAtomic(`${opts.out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  say(tm("term_outcomes_imported", { rows: rows.length, outcome: spec.outcome, out: opts.out, from: basename(opts.from), counts: Object.entries(counts).map(([k, v]) => `${countLabel(k, spec.kind)}: ${v}`).join(", ") }));
}

/**
 * A count of the import's summary in the run's language: the manifest keeps its keys as they are (a status code
 * of the delivery, "(empty)" for an empty cell, a survey's "responses" and "missing").
 */
function countLabel(key: string, kind: string): string {
  if (kind === "survey" && key === "responses") return tm("in_import_count_responses");
  if (kind === "survey" && key === "missing") return tm("in_import_count_missing");
  return kind !== "survey" && key === "(empty)" ? tm("in_import_count_empty") : key;
}
