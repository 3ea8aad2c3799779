/**
 * Words effekt prints on the terminal, in Danish and English (commands choose the language; error lines keep
 * their one-line form: file, row, column, value, what was expected). Placeholders are `{name}`, the same in both
 * languages.
 */
import type { Entry } from "../types.js";

export const TERMINAL_MESSAGES = {
  term_warning: { da: "effekt: advarsel: {message}", en: "effekt: warning: {message}" },
  term_error: { da: "effekt: {message}", en: "effekt: {message}" },
  term_report_written: {
    da: "rapport ({audience}, {lang}) skrevet til {out}: {sections} afsnit, {tables} tabeller, {suppressed} celler diskretioneret (mindste celle {min}); formater {formats}",
    en: "report ({audience}, {lang}) written to {out}: {sections} sections, {tables} tables, {suppressed} cells suppressed (min cell {min}); formats {formats}",
  },
  // where an input problem is, and its one-line frame (file, line or cell, column, value, problem; expected)
  term_line: { da: "linje {n}", en: "line {n}" },
  term_cell: { da: "celle {cell}", en: "cell {cell}" },
  term_column: { da: "kolonne {name}", en: "column {name}" },
  term_sheet: { da: "{file}, ark {sheet}", en: "{file}, sheet {sheet}" },
  term_value: { da: "værdi {value} ", en: "value {value} " },
  term_expected: { da: "; forventet {expected}", en: "; expected {expected}" },
  // all problems of a file in one run
  term_problems: { da: "{file} har {n} problemer{first}; ret dem og kør igen:", en: "{file} has {n} problems{first}; fix them and run again:" },
  term_problems_first: { da: " (de første {max} nedenfor)", en: " (the first {max} below)" },
  term_problems_more: { da: "... og {n} flere", en: "... and {n} more" },
  // problems of a value (io/columns.ts)
  err_missing: { da: "mangler", en: "is missing" },
  err_empty: { da: "er tom", en: "is empty" },
  err_not_number: { da: "er ikke et tal", en: "is not a number" },
  err_not_whole: { da: "er ikke et helt tal", en: "is not a whole number" },
  err_too_small: { da: "er for lille", en: "is too small" },
  err_too_large: { da: "er for stor", en: "is too large" },
  err_duplicate: { da: "er en dublet (første gang på {at})", en: "is a duplicate (first seen on {at})" },
  err_not_date: { da: "er ikke en gyldig dato", en: "is not a valid date" },
  err_not_yes_no: { da: "er ikke ja eller nej", en: "is not yes or no" },
  err_cpr_like: {
    da: "ligner et dansk CPR-nummer; effekt tager kun pseudonymiserede id'er",
    en: "looks like a Danish CPR number; effekt only takes pseudonymised identifiers",
  },
  err_column_missing: { da: "mangler", en: "is missing" },
  // what was expected instead
  exp_number: { da: "et tal", en: "a number" },
  exp_whole: { da: "et helt tal", en: "a whole number" },
  exp_at_least: { da: " på mindst {min}", en: " of at least {min}" },
  exp_at_most: { da: " og højst {max}", en: " and at most {max}" },
  exp_decimal_comma: { da: " (decimalkomma, da filen er ;-separeret)", en: " (decimal comma, as the file is ;-separated)" },
  exp_id: { da: "et pseudonymt id", en: "a pseudonymous identifier" },
  exp_id_or_key: {
    da: "et pseudonymt id (eller angiv --allow-cpr-like-ids --pseudonym-key FIL for at erstatte sådanne id'er med nøglebaserede pseudonymer)",
    en: "a pseudonymous id (or pass --allow-cpr-like-ids --pseudonym-key FILE to replace such ids by keyed pseudonyms)",
  },
  exp_each_once: { da: "hvert id én gang", en: "each id once" },
  exp_value: { da: "en værdi", en: "a value" },
  exp_date: {
    da: "en kalenderdato som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ (også 7-3-2025 og 07.03.2025)",
    en: "a calendar date as YYYY-MM-DD or DD-MM-YYYY (7-3-2025 and 07.03.2025 too)",
  },
  exp_yes_no: { da: "true/false, 1/0 eller ja/nej", en: "true/false, 1/0 or ja/nej" },
  exp_column: { da: "en kolonne med navnet \"{name}\"", en: "a column named \"{name}\"" },
  exp_column_header: {
    da: "en kolonne med navnet \"{name}\" (overskriften har: {header}{mapped}; navngiv din overskrift med --column {name}=OVERSKRIFT)",
    en: "a column named \"{name}\" (the header has: {header}{mapped}; name your header with --column {name}=HEADER)",
  },
  exp_column_mapped: {
    da: "; --column/--mapping henter den fra \"{from}\", som overskriften heller ikke har",
    en: "; --column/--mapping maps it from \"{from}\", which the header does not have either",
  },
  err_header_empty_name: { da: "kolonne {n} har intet navn", en: "column {n} has an empty name" },
  exp_header_names: { da: "et navn til hver kolonne i overskriften", en: "every column to have a name in the header" },
  err_header_twice: { da: "står to gange i overskriften", en: "appears twice in the header" },
  exp_header_unique: { da: "entydige kolonnenavne", en: "unique column names" },
  err_no_rows: { da: "har en overskrift men ingen datarækker", en: "has a header but no data rows" },
  exp_one_row: { da: "mindst én datarække", en: "at least one data row" },
  exp_active_cases: { da: "et antal aktive kommunale sager (0 eller flere)", en: "a count of active municipal cases (0 or more)" },
  exp_area: { da: "navnet på boligområdet", en: "the name of the housing area" },
  exp_stratum: { da: "et stratum for hver husstand", en: "a stratum for every household" },
  // the command line
  term_missing_option: { da: "det påkrævede flag {flag} er ikke angivet", en: "required option {flag} not specified" },
  term_unknown_option: { da: "ukendt flag {flag}", en: "unknown option {flag}" },
  // summaries and progress
  term_verified_one: { da: "verificeret: 1 runde, {households} husstande, hashkæden er intakt{note}", en: "verified: 1 wave, {households} households, hash chain intact{note}" },
  term_verified_many: { da: "verificeret: {waves} runder, {households} husstande, hashkæden er intakt{note}", en: "verified: {waves} waves, {households} households, hash chain intact{note}" },
  term_verified_lock_one: { da: "; planlåsen er intakt (1 låsning)", en: "; plan lock intact (1 lock)" },
  term_verified_lock_many: { da: "; planlåsen er intakt ({n} låsninger)", en: "; plan lock intact ({n} locks)" },
  term_project_written: {
    da: "projektfil skrevet: {file} (kommandoer kørt i {dir} bruger dens stier; flag på kommandolinjen går forud)",
    en: "project file written: {file} (commands run in {dir} take its paths; flags override them)",
  },
  term_outcomes_imported: {
    da: "{rows} rækker af {outcome} skrevet til {out} (fra {from}; {counts}); omformningen står i {out}.manifest.json",
    en: "{rows} {outcome} rows written to {out} (from {from}; {counts}); reshaping in {out}.manifest.json",
  },
  term_progress_ri: { da: "randomiseringsinferens [{bar}] {value}/{total} gentrækninger", en: "randomisation inference [{bar}] {value}/{total} re-draws" },
  term_progress_simulation: { da: "simulerer designet [{bar}] {value}/{total}", en: "simulating the design [{bar}] {value}/{total}" },
} as const satisfies Record<string, Entry>;
