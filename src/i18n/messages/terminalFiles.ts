/**
 * Files on the terminal: the output guard, registers, wave files, manifests, locks, project and JSON files, and the one-line error frame's helpers (src/io/ besides the table readers, src/cli/).
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_FILES_MESSAGES = {
  // a file or folder given on the command line (io/ordinaryFile.ts, io/outputGuard.ts, cli/main.ts)
  file_is_folder: { da: "{file}: er en mappe; forventet en fil", en: "{file}: is a folder; expected a file" },
  file_special: {
    da: "{file}: er en enhed eller specialfil (en FIFO, en socket eller /dev/...); forventet en almindelig fil",
    en: "{file}: is a device or special file (a FIFO, socket or /dev/...); expected an ordinary file",
  },
  file_no_such: { da: "{file}: filen findes ikke", en: "{file}: no such file" },
  file_not_folder: { da: "{file}: er ikke en mappe (en del af stien er en fil)", en: "{file}: is not a folder (a part of the path is a file)" },
  file_permission: { da: "{file}: adgang nægtet", en: "{file}: permission denied" },
  file_links: { da: "{file}: har for mange symbolske links", en: "{file}: has too many symbolic links" },
  file_path_long: { da: "{file}: stien er for lang", en: "{file}: the path is too long" },
  // outputs (io/outputGuard.ts): nothing a command reads or keeps is written over
  file_out_is_folder: { da: "{flag} {path}: er en mappe; forventet et filnavn (intet blev skrevet)", en: "{flag} {path}: is a folder; expected a file name (nothing was written)" },
  file_out_is_file: { da: "{flag} {path}: er en fil; forventet en mappe (intet blev skrevet)", en: "{flag} {path}: is a file; expected a folder (nothing was written)" },
  file_out_special: {
    da: "{flag} {path}: er en enhed eller specialfil; forventet en almindelig fil (intet blev skrevet)",
    en: "{flag} {path}: is a device or special file; expected an ordinary file (nothing was written)",
  },
  file_out_twin: {
    da: "{flag} {path}: er samme sti som {twin}; hvert output skal have sin egen fil (intet blev skrevet)",
    en: "{flag} {path}: is the same path as {twin}; each output needs its own file (nothing was written)",
  },
  file_out_is_kept: {
    da: "{flag} {path}: er {what} ({kept}), som denne kommando læser eller bevarer; vælg et andet output (intet blev skrevet)",
    en: "{flag} {path}: is {what} ({kept}), which this command reads or keeps; choose another output (nothing was written)",
  },
  file_out_contains: {
    da: "{flag} {path}: indeholder {what} ({kept}); vælg et output, der ikke rummer noget, som effekt læser (intet blev skrevet)",
    en: "{flag} {path}: contains {what} ({kept}); choose an output that holds nothing effekt reads (nothing was written)",
  },
  file_out_inside: {
    da: "{flag} {path}: ligger inde i {what} ({kept}); vælg et output et andet sted (intet blev skrevet)",
    en: "{flag} {path}: lies inside {what} ({kept}); choose an output outside it (nothing was written)",
  },
  file_out_effekt_file: {
    da: "{flag} {path}: er {what}, som denne kommando ikke skriver; vælg et andet output (intet blev skrevet)",
    en: "{flag} {path}: is {what}, which this command does not write; choose another output (nothing was written)",
  },
  // what a command reads or keeps, and outputs named by their role, as the commands name them
  file_kept_register: { da: "registret", en: "the register" },
  file_kept_manifests: { da: "registrets manifestmappe", en: "the register's manifests folder" },
  file_kept_lock: { da: "registrets låsefil", en: "the register's lock file" },
  file_kept_balance: { da: "registrets balancetabel", en: "the register's balance table" },
  file_kept_effects: { da: "effekttabellen", en: "the effect table" },
  file_kept_effects_meta: { da: "effekttabellens .meta.json", en: "the effect table's .meta.json" },
  file_kept_indicators: { da: "indikatortabellen", en: "the indicator table" },
  file_kept_gains: { da: "gevinstfilen", en: "the gains file" },
  file_kept_results: { da: "--results-mappen", en: "the --results folder" },
  file_kept_plan_lock: { da: "planlåsen", en: "the plan lock" },
  file_kept_out_meta: { da: ".meta.json til --out", en: "--out's .meta.json" },
  file_kept_out_manifest: { da: ".manifest.json til --out", en: "--out's .manifest.json" },
  // files effekt wrote, recognised on disk
  file_effekt_register: { da: "et lodtrækningsregister (dets manifestmappe ligger ved siden af)", en: "an allocation register (its manifests folder is beside it)" },
  file_effekt_manifests: { da: "inde i et registers manifestmappe", en: "inside a register's manifests folder" },
  file_effekt_report: { da: "inde i en rapportmappe skrevet af effekt report", en: "inside a report folder written by effekt report" },
  file_effekt_balance: { da: "et registers balancetabel", en: "a register's balance table" },
  file_effekt_effects_meta: { da: ".meta.json til en effekttabel", en: "the .meta.json of an effect table" },
  file_effekt_effects_table: {
    da: "en effekttabel skrevet af effekt estimate (dens .meta.json ligger ved siden af)",
    en: "an effect table written by effekt estimate (its .meta.json is beside it)",
  },
  file_effekt_import_manifest: { da: ".manifest.json til en importeret udfaldsfil", en: "the .manifest.json of an imported outcomes file" },
  file_effekt_outcomes_import: {
    da: "en udfaldsfil skrevet af effekt outcomes import (dens .manifest.json ligger ved siden af)",
    en: "an outcomes file written by effekt outcomes import (its .manifest.json is beside it)",
  },
  // report --force (io/outputGuard.ts, io/atomicFolder.ts)
  file_report_refused: {
    da: "{flag} {out}: {why}; --force erstatter kun en rapportmappe skrevet af effekt report (intet blev ændret)",
    en: "{flag} {out}: {why}; --force replaces only a report folder written by effekt report (nothing was changed)",
  },
  file_report_no_manifest: { da: "mappen har ingen manifest.json fra en effekt-rapport", en: "the folder has no manifest.json of an effekt report" },
  file_report_bad_manifest: { da: "dens manifest.json er ikke et effekt-rapportmanifest", en: "its manifest.json is not an effekt report manifest" },
  file_report_foreign: { da: "den rummer {name}, som ikke hører til rapporten", en: "it holds {name}, which is not part of the report" },
  file_folder_exists: { da: "--out {out}: mappen findes allerede; angiv --force for at erstatte den", en: "--out {out}: the folder exists; pass --force to replace it" },
  // writing and reading (io/atomic.ts): a file open in Excel on Windows
  file_locked_write: {
    da: "kan ikke skrive {path}: filen er åben i et andet program (Excel?) eller skrivebeskyttet ({code}); luk den og kør kommandoen igen. Intet blev skrevet.",
    en: "cannot write {path}: it is open in another program (Excel?) or not writable ({code}); close it and run the command again. Nothing was written.",
  },
  file_locked_read: {
    da: "kan ikke læse {path}: filen er åben i et andet program (Excel?) eller kan ikke læses ({code}); luk den og kør kommandoen igen. Intet blev skrevet.",
    en: "cannot read {path}: it is open in another program (Excel?) or not readable ({code}); close it and run the command again. Nothing was written.",
  },
  // JSON files (io/json.ts)
  file_json_folder: { da: "{path} er en mappe; forventet en JSON-fil", en: "{path} is a folder; expected a JSON file" },
  file_cannot_read: { da: "kan ikke læse {path}: {reason}", en: "cannot read {path}: {reason}" },
  file_json_invalid: { da: "{file}: er ikke gyldig JSON ({reason})", en: "{file}: is not valid JSON ({reason})" },
  // where a JSON file breaks, for a Danish terminal (English shows V8's own message)
  file_json_at: { da: "syntaksfejl på linje {line}, tegn {column}", en: "syntax error on line {line}, column {column}" },
  file_json_end: { da: "teksten slutter, før JSON-værdien er færdig", en: "the text ends before the JSON value is complete" },
  file_json_syntax: { da: "syntaksfejl", en: "syntax error" },
  file_field: { da: "felt {name}", en: "field {name}" },
  file_whole_file: { da: "filen", en: "the file" },
  file_field_top: { da: "(øverste niveau)", en: "(top)" },
  // the register, its manifests and commit record (io/register.ts)
  file_not_arm: { da: "er ikke en gruppe", en: "is not an arm" },
  file_exp_arm: { da: "\"treatment\" (indsats) eller \"control\" (kontrol)", en: "\"treatment\" or \"control\"" },
  file_not_fraction: { da: "er ikke en brøk", en: "is not a fraction" },
  file_exp_fraction: { da: "tæller/nævner", en: "numerator/denominator" },
  file_manifest_not_json: {
    da: "{path}: er ikke gyldig JSON; forventet et rundemanifest skrevet af effekt draw",
    en: "{path}: is not valid JSON; expected a wave manifest written by effekt draw",
  },
  file_manifest_field: {
    da: "{path}: felt {field}: {problem}; forventet et rundemanifest skrevet af effekt draw",
    en: "{path}: field {field}: {problem}; expected a wave manifest written by effekt draw",
  },
  file_manifest_wave: { da: "{path}: angiver runde {wave}, men filnavnet angiver runde {named}", en: "{path}: says wave {wave} but its file name says wave {named}" },
  file_commit_line: {
    da: "{path} linje {n}: er ikke en linje i commit-loggen; forventet \"wave N manifest SHA256 register SHA256\", som effekt draw skriver den",
    en: "{path} line {n}: is not a commit record line; expected \"wave N manifest SHA256 register SHA256\" as effekt draw writes it",
  },
  // a wave's inputs (io/waveFiles.ts)
  file_input_changed: {
    da: "{file} blev ændret, mens den blev læst (dens SHA-256 er ikke længere {sha}...); der blev ikke trukket noget, kør lodtrækningen igen",
    en: "{file} changed while it was being read (its SHA-256 is no longer {sha}...); nothing was drawn, run the draw again",
  },
  file_wave_input_outside: {
    da: "runde {wave}: filen til --{what}, som manifestet har registreret ({path}), ligger uden for registrets mappe, og der er ingen gemt kopi af den; angiv --{what} FIL for at sige, hvilken fil der skal kontrolleres",
    en: "wave {wave}: the {what} file recorded in the manifest ({path}) lies outside the register's folder and no kept copy of it is there; pass --{what} FILE to say which file to check",
  },
  file_wave_input_missing: {
    da: "runde {wave}: filen til --{what}, {path}, som manifestet har registreret, findes ikke; angiv --{what} for at sige, hvor den er nu",
    en: "wave {wave}: the {what} file {path} recorded in the manifest does not exist; pass --{what} to say where it is now",
  },
  file_wave_input_special: {
    da: "runde {wave}: filen til --{what}, {path}, som manifestet har registreret, er ikke en almindelig fil; angiv --{what} FIL",
    en: "wave {wave}: the {what} file {path} recorded in the manifest is not an ordinary file; pass --{what} FILE",
  },
  file_wave_input_absent: { da: "runde {wave}: inputfilen {path} findes ikke", en: "wave {wave}: input file {path} does not exist" },
  file_kept_copy_changed: {
    da: "runde {wave}: de gemte husstande i denne pseudonymiserede runde ({file}) har ikke den hash, som manifestet har registreret; filen er blevet ændret",
    en: "wave {wave}: the kept households of this pseudonymised wave ({file}) do not hash to what its manifest recorded; the file was changed",
  },
  file_wave_needs_key: {
    da: "runde {wave} blev trukket med CPR-lignende id'er erstattet af nøglebaserede pseudonymer; angiv --allow-cpr-like-ids --pseudonym-key FIL med den samme nøgle",
    en: "wave {wave} was drawn with CPR-like ids replaced by keyed pseudonyms; pass --allow-cpr-like-ids --pseudonym-key FILE with the same key",
  },
  file_wave_other_key: {
    da: "runde {wave} blev trukket med en anden pseudonymnøgle (dens manifest har nøglekontrollen {recorded}, denne nøgle giver {given}); angiv den nøgle, runden blev trukket med",
    en: "wave {wave} was drawn with a different pseudonym key (its manifest records key check {recorded}, this key gives {given}); pass the key the wave was drawn with",
  },
  // the assignment: effekt's register or another tool's allocation file (io/assignment.ts, io/allocationFile.ts)
  file_register_or_allocation: {
    da: "angiv præcis én af --register FIL (skrevet af effekt draw) og --allocation FIL (lavet med et andet værktøj)",
    en: "give exactly one of --register FILE (written by effekt draw) and --allocation FILE (made by another tool)",
  },
  file_draw_date_with_allocation: {
    da: "--draw-date bruges kun med --allocation; registret har hver husstands lodtrækningsdato",
    en: "--draw-date goes with --allocation; the register has each household's draw date",
  },
  file_register_empty: { da: "{file} indeholder ingen udtrukne husstande", en: "{file} holds no drawn households" },
  file_draw_date_bad: { da: "--draw-date \"{value}\" er ikke en gyldig dato; forventet ÅÅÅÅ-MM-DD", en: "--draw-date \"{value}\" is not a valid date; expected YYYY-MM-DD" },
  file_exp_probability: { da: "en sandsynlighed strengt mellem 0 og 1", en: "a probability strictly between 0 and 1" },
  file_not_probability: { da: "er ikke en sandsynlighed strengt mellem 0 og 1", en: "is not a probability strictly between 0 and 1" },
  file_exp_open_unit: { da: "et tal i (0, 1)", en: "a number in (0, 1)" },
  file_p_differs: {
    da: "afviger fra linje {line} ({p}) i samme runde {wave} og stratum \"{stratum}\"",
    en: "differs from line {line} ({p}) in the same wave {wave} and stratum \"{stratum}\"",
  },
  file_exp_one_p: { da: "én sandsynlighed for indsats pr. runde og stratum", en: "one probability of treatment per wave and stratum" },
  file_exp_day: { da: "ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ", en: "YYYY-MM-DD or DD-MM-YYYY" },
  // pseudonym keys (io/pseudonym.ts)
  file_key_short: {
    da: "pseudonymnøglen har {n} byte; forventet mindst {min} (f.eks. openssl rand -hex 32 > key.txt)",
    en: "the pseudonym key has {n} bytes; expected at least {min} (e.g. openssl rand -hex 32 > key.txt)",
  },
  file_key_folder: { da: "--pseudonym-key {path} er en mappe; forventet en nøglefil", en: "--pseudonym-key {path} is a folder; expected a key file" },
  file_key_unreadable: { da: "kan ikke læse pseudonymnøglen {path}: {reason}", en: "cannot read the pseudonym key {path}: {reason}" },
  file_unreadable: { da: "ulæselig", en: "unreadable" },
  file_cpr_needs_key: {
    da: "--allow-cpr-like-ids kræver --pseudonym-key FIL: effekt erstatter CPR-lignende id'er med nøglebaserede pseudonymer og skriver aldrig de oprindelige (opret en nøgle én gang med: openssl rand -hex 32 > pseudonym.key)",
    en: "--allow-cpr-like-ids needs --pseudonym-key FILE: effekt replaces CPR-like ids by keyed pseudonyms and never writes the originals (create a key once with: openssl rand -hex 32 > pseudonym.key)",
  },
  file_key_needs_cpr: {
    da: "--pseudonym-key bruges kun sammen med --allow-cpr-like-ids (tilføj det flag, eller udelad nøglen)",
    en: "--pseudonym-key is only used with --allow-cpr-like-ids (add that flag, or drop the key)",
  },
  // the project file (io/project.ts)
  file_project_missing: {
    da: "--project {flag}: filen findes ikke; forventet en {file} skrevet af effekt init",
    en: "--project {flag}: no such file; expected an {file} written by effekt init",
  },
  file_project_invalid: {
    da: "{file}: {at}: {problem}; forventet en projektfil, som effekt init skriver den (se data-schemas/project.md)",
    en: "{file}: {at}: {problem}; expected a project file as effekt init writes it (see data-schemas/project.md)",
  },
  file_project_exists: { da: "{file} findes allerede; ret i den, eller angiv --force for at skrive en ny", en: "{file} exists; edit it, or pass --force to write a new one" },
  // locks (io/lock.ts)
  file_locked: {
    da: "{register} er låst af {who} ({lock}); {busy}. Vent, til den er færdig, eller fjern låsefilen, hvis du er sikker på, at intet kører.",
    en: "{register} is locked by {who} ({lock}); {busy}. Wait for it to finish, or remove the lock file if you are sure nothing is running.",
  },
  file_lock_process: { da: "proces {pid} på {host}", en: "process {pid} on {host}" },
  file_lock_another_process: { da: "en anden proces", en: "another process" },
  file_lock_busy_draw: { da: "en anden lodtrækning kører på dette register", en: "another draw is running on this register" },
  file_lock_busy_estimate: { da: "en anden kørsel af effekt estimate skriver denne effekttabel", en: "another effekt estimate is writing this effect table" },
  file_lock_reappears: { da: "kunne ikke låse {register}: låsen {lock} dukker op igen og igen", en: "could not lock {register}: the lock {lock} keeps reappearing" },
  // reading settings (io/inputSettings.ts, cli/inputOptions.ts, cli/main.ts)
  file_mapping_invalid: {
    da: "{path}: {at}: {problem}; forventet {example} (se data-schemas/column-mapping.md)",
    en: "{path}: {at}: {problem}; expected {example} (see data-schemas/column-mapping.md)",
  },
  file_column_flag: {
    da: "--column \"{value}\" er ikke NAVN=OVERSKRIFT; forventet effekts kolonnenavn, =, og overskriften i din fil, f.eks. household_id=Husstand",
    en: "--column \"{value}\" is not NAME=HEADER; expected effekt's column name, =, and the header in your file, such as household_id=Husstand",
  },
  file_skip_rows: { da: "--skip-rows \"{value}\" er ikke et helt tal på 0 eller mere", en: "--skip-rows \"{value}\" is not a whole number of 0 or more" },
  file_decimal: { da: "--decimal {value}: forventet , eller .", en: "--decimal {value}: expected , or ." },
  file_format: { da: "--format \"{value}\" er hverken csv eller json", en: "--format \"{value}\" is not csv or json" },
  // commander's own messages besides those in terminal.ts (cli/main.ts)
  file_cli_argument_missing: { da: "flaget {flag} mangler sin værdi", en: "option {flag} argument missing" },
  file_cli_unknown_command: { da: "ukendt kommando {name}", en: "unknown command {name}" },
  file_cli_missing_argument: { da: "det påkrævede argument {name} mangler", en: "missing required argument {name}" },
  file_cli_too_many: {
    da: "for mange argumenter til {command}: forventede {expected}, men fik {got}",
    en: "too many arguments for {command}. Expected {expected} arguments but got {got}.",
  },
  file_cli_suggest: { da: "(mente du {names}?)", en: "(Did you mean {names}?)" },
  file_cli_suggest_one_of: { da: "(mente du en af {names}?)", en: "(Did you mean one of {names}?)" },
  // result files read back (io/gainsFile.ts, io/effectTable.ts)
  file_gains_format: {
    da: "{file}: felt format: forventet \"{format}\" (en fil skrevet af denne version af effekt gains), fandt {found}",
    en: "{file}: field format: expected \"{format}\" (a file written by this version of effekt gains), found {found}",
  },
  file_meta_invalid: {
    da: "{problems}; forventet den .meta.json, som effekt estimate skriver ved siden af sin tabel",
    en: "{problems}; expected the .meta.json written by effekt estimate beside its table",
  },
  file_meta_other_table: {
    da: "{table}: dens SHA-256 {hash}... afviger fra table_sha256 {recorded}... i {meta}; tabellen er ændret, efter effekt estimate skrev den, eller de to filer hører ikke sammen",
    en: "{table}: its SHA-256 {hash}... differs from table_sha256 {recorded}... in {meta}; the table was changed after effekt estimate wrote it, or the two files do not belong together",
  },
  file_exp_outcome: { da: "et udfalds-id", en: "an outcome id" },
  file_exp_horizon: { da: "et helt antal år (1 eller flere) eller tomt", en: "a whole number of years (1 or more), or empty" },
  file_exp_estimator: { da: "navnet på en estimator, f.eks. lm_lin", en: "an estimator name such as lm_lin" },
  // values and names in messages (errors.ts)
  file_cpr_value: { da: "(en værdi, der ligner et CPR-nummer, vises ikke)", en: "(a value that looks like a CPR number, not shown)" },
  file_cpr_name: { da: "(et navn, der ligner et CPR-nummer, vises ikke)", en: "(a name that looks like a CPR number, not shown)" },
  file_cpr_masked: { da: "(CPR-lignende)", en: "(CPR-like)" },
  file_names_more: { da: "{names} og {n} flere", en: "{names} and {n} more" },
  // --help: the commands' summaries and flags (src/cli/ besides init, plan, verify and outcomes, whose parts translate theirs)
  file_help_effekt: {
    da: "Reviderbar lodtrækning, effektestimater, indikatorer, gevinster og rapporter for danske sociale investeringer",
    en: "Auditable lottery, effect estimates, indicators, gains and reports for Danish social impact investments",
  },
  file_help_decimal: {
    da: "decimaltegn for tal i ;-separerede inputfiler, når en kolonne ikke selv afgør det: , (1.234,5) eller . (1234.5)",
    en: "decimal mark of numbers in ;-separated input files, when a column does not settle it: , (1.234,5) or . (1234.5)",
  },
  file_help_lang: {
    da: "sproget i meddelelserne (standard: da, når LANG er dansk, ellers en); for rapportkommandoen også rapportens sprog",
    en: "the language of messages (default: da when LANG is Danish, else en); for report also the report's language",
  },
  file_help_sheet: { da: "arket, der skal læses i et .xlsx-input (standard: det første)", en: "the sheet to read from an .xlsx input (default: the first)" },
  file_help_skip_rows: { da: "linjer (eller Excel-rækker) over overskriften, der skal springes over, f.eks. en titel", en: "lines (or Excel rows) above the header to skip, such as a title" },
  file_help_column: {
    da: "din fils overskrift for en af effekts kolonner, f.eks. household_id=Husstand (kan gentages)",
    en: "your file's header for one of effekt's columns, e.g. household_id=Husstand (repeatable)",
  },
  file_help_mapping: {
    da: "en JSON-fil med sheet, skip_rows og columns pr. inputformat (data-schemas/column-mapping.md)",
    en: "a JSON file with sheet, skip_rows and columns per input format (data-schemas/column-mapping.md)",
  },
  file_help_allow_cpr: {
    da: "tag imod id'er, der ligner CPR-numre, ved at erstatte hvert med et nøglebaseret pseudonym (PS-...), før noget skrives; kræver --pseudonym-key",
    en: "accept identifiers that look like CPR numbers by replacing each with a keyed pseudonym (PS-...) before anything is written; needs --pseudonym-key",
  },
  file_help_pseudonym_key: {
    da: "hemmelig nøglefil til --allow-cpr-like-ids (mindst 16 byte, f.eks. openssl rand -hex 32); brug den samme nøgle i alle kommandoer; hold den uden for evalueringsmappen",
    en: "secret key file for --allow-cpr-like-ids (at least 16 bytes, e.g. openssl rand -hex 32); use the same key in every command; keep it out of the evaluation folder",
  },
  file_help_init: {
    da: "skriv evalueringsmappens projektfil (register, inputfiler, plan, rapportindstillinger), så kommandoer, der køres dér, ikke behøver stier",
    en: "write the evaluation folder's project file (register, inputs, plan, report settings), so commands run there need no paths",
  },
  file_help_draw: {
    da: "træk én runde af husstandslodtrækningen ind i registret (stratificeret fuldstændig randomisering)",
    en: "draw one wave of the household lottery into the register (stratified complete randomisation)",
  },
  file_help_verify: {
    da: "genberegn hver runde ud fra dens manifest og inputfiler, og kontrollér registrets hashkæde",
    en: "re-derive every wave from its manifest and input files and check the register's hash chain",
  },
  file_help_estimate: {
    da: "effektestimater (ITT ved forskel i gennemsnit og Lin-regression, CACE med tilslutning) efter en analyseplan eller i hurtig tilstand",
    en: "effect estimates (ITT by difference in means and Lin regression, CACE with take-up) by an analysis plan or quick mode",
  },
  file_help_power: {
    da: "mindste påviselige effekt (og styrke for en given effekt) i det husstandsrandomiserede design",
    en: "minimum detectable effect (and power for a given effect) of the household-randomised design",
  },
  file_help_indicators: {
    da: "indikatorer pr. boligområde og år mod områdets baseline, sammenligningens baseline og målet (manglende data vises som afventer)",
    en: "indicators per area and year against area baseline, comparison baseline and target (pending shown as pending)",
  },
  file_help_gains: {
    da: "budgetøkonomiske gevinster (SØM) pr. budgetår og år siden lodtrækningen, pr. konto (kommune, region, stat, offentlig, investor), tilbagebetalingen, Monte Carlo-intervaller og et tornadodiagram",
    en: "budget-economic gains (SØM) by budget year and years since the draw, per account (kommune, region, stat, public, investor), the repayment, Monte Carlo intervals and a tornado",
  },
  file_help_plan: { da: "forhåndsregistrér en analyseplan: lås den i registret, før noget udfald læses", en: "pre-register an analysis plan: lock it in the register before any outcome is read" },
  file_help_report: {
    da: "tabeller til SUS (formativ) eller AAU (summativ) med diskretionering af små celler: XLSX, CSV, Markdown, HTML",
    en: "tables for SUS (formative) or AAU (summative) with suppression of small cells: XLSX, CSV, Markdown, HTML",
  },
  file_help_outcomes: { da: "klargør udfaldsleverancer til effekt estimate", en: "prepare outcome deliveries for effekt estimate" },
  file_help_draw_households: { da: "households.csv: household_id, area, active_cases, kovariater", en: "households.csv: household_id, area, active_cases, covariates" },
  file_help_draw_cases: {
    da: "cases.csv: case_id, household_id, opened, closed; giver de aktive sager på --date",
    en: "cases.csv: case_id, household_id, opened, closed; gives active cases on --date",
  },
  file_help_draw_date: { da: "lodtrækningsdatoen (registreres pr. husstand; sager tælles som aktive på den dato)", en: "the draw date (recorded per household; cases are counted as active on it)" },
  file_help_draw_register: { da: "lodtrækningsregistret (oprettes ved første runde)", en: "the allocation register (created on the first wave)" },
  file_help_draw_wave: { da: "rundenummer: den næste runde, eller en eksisterende for at bekræfte den", en: "wave number: the next wave, or an existing one to confirm it" },
  file_help_draw_seed: { da: "lodtrækningens seed (fastlæg og offentliggør det før lodtrækningen)", en: "the lottery seed (fix and publish it before the draw)" },
  file_help_draw_treat: {
    da: "indsatspladser i denne runde: et samlet antal fordelt forholdsmæssigt, eller pr. stratum",
    en: "treatment places in this wave: a total split proportionally, or per stratum",
  },
  file_help_strata: { da: "kolonnen, der definerer strata", en: "column that defines the strata" },
  file_help_min_cases: { da: "mindste antal aktive sager for at være berettiget", en: "minimum number of active cases to be eligible" },
  file_help_draw_balance: { da: "hvor balancetabellen skrives (standard: <register>.balance.csv)", en: "where to write the balance table (default: <register>.balance.csv)" },
  file_help_draw_area_alias: {
    da: "læs et områdenavn i filen som et udvalgt boligområde, f.eks. \"Houlkaer=Houlkær\" (kan gentages)",
    en: "read an area name of the file as a selected area, e.g. \"Houlkaer=Houlkær\" (repeatable)",
  },
  file_help_draw_exclude_area: {
    da: "et områdenavn i filen, der bekræftet ikke er et udvalgt boligområde (kan gentages)",
    en: "an area name of the file that is not a selected area, confirmed (repeatable)",
  },
  file_help_draw_min_cell: {
    da: "mindste antal husstande, der vises i terminalen (mindst 3); registret, manifesterne og balancefilerne beholder alle tal",
    en: "smallest count of households shown on the terminal (at least 3); the register, manifests and balance files keep every number",
  },
  file_help_draw_dry_run: {
    da: "vis berettigelse pr. boligområde og årsag, strata og deres pladser; træk og skriv intet",
    en: "show eligibility by area and reason, the strata and their places; draw and write nothing",
  },
  file_help_est_plan: {
    da: "analyseplan i JSON (f.eks. analyses/relationel-velfaerd.json): udfald, vinduer, horisonter, kovariater, undergrupper, RI",
    en: "analysis plan JSON (e.g. analyses/relationel-velfaerd.json): outcomes, windows, horizons, covariates, subgroups, RI",
  },
  file_help_est_register: { da: "allocations.csv skrevet af effekt draw", en: "allocations.csv written by effekt draw" },
  file_help_est_allocation: {
    da: "i stedet for --register: household_id, arm, stratum, p_treatment[, wave, draw_date] lavet med et andet værktøj (ikke verificeret af effekt)",
    en: "instead of --register: household_id, arm, stratum, p_treatment[, wave, draw_date] made by another tool (not verified by effekt)",
  },
  file_help_est_draw_date: { da: "med --allocation: lodtrækningsdatoen, når filen ikke har en draw_date-kolonne", en: "with --allocation: the draw date when the file has no draw_date column" },
  file_help_est_persons: { da: "persons.csv: person_id, household_id, baselinekovariater", en: "persons.csv: person_id, household_id, baseline covariates" },
  file_help_est_outcomes: { da: "outcomes.csv: person_id, outcome, date, value (læses som en strøm)", en: "outcomes.csv: person_id, outcome, date, value (read as a stream)" },
  file_help_est_takeup: {
    da: "takeup.csv: household_id, took_up; tilføjer effekten blandt deltagere (cace_ratio: ITT divideret med første trin)",
    en: "takeup.csv: household_id, took_up; adds the complier effect (cace_ratio: ITT over the first stage)",
  },
  file_help_est_outcome: { da: "hurtig tilstand (ingen plan): udfald, der skal estimeres (kan gentages)", en: "quick mode (no plan): outcome to estimate (repeatable)" },
  file_help_est_covariates: {
    da: "hurtig tilstand: kommaseparerede numeriske personkovariater til Lin-regression (fra persons.csv)",
    en: "quick mode: comma-separated numeric person covariates for Lin regression (from persons.csv)",
  },
  file_help_est_subgroup: {
    da: "hurtig tilstand: estimér også inden for hvert niveau af denne kolonne i persons.csv (kan gentages)",
    en: "quick mode: also estimate within each level of this persons.csv column (repeatable)",
  },
  file_help_est_window: { da: "hurtig tilstand: hvordan flere værdier pr. person og udfald reduceres til én", en: "quick mode: how to reduce several values per person and outcome to one" },
  file_help_est_permutations: {
    da: "hurtig tilstand: gentrækninger af lodtrækningen til randomiseringsinferensens p-værdi (standard 0 = ingen)",
    en: "quick mode: re-draws of the lottery for the randomisation-inference p-value (default 0 = none)",
  },
  file_help_est_seed: { da: "hurtig tilstand: seed til gentrækningerne (standard \"effekt-ri\")", en: "quick mode: seed for the re-draws (default \"effekt-ri\")" },
  file_help_est_by_horizon: {
    da: "hurtig tilstand: estimér pr. horisont: hele år fra husstandens lodtrækningsdato til udfaldets dato (afrundet; før år 1 ignoreres)",
    en: "quick mode: estimate per horizon: whole years from the household's draw date to the outcome date (rounded; before year 1 ignored)",
  },
  file_help_est_out: {
    da: "skriv effekttabellen hertil (atomisk) og <file>.meta.json ved siden af; standard: stdout",
    en: "write the effect table here (atomically) and <file>.meta.json beside it; default stdout",
  },
  file_help_output_format: { da: "outputformat", en: "output format" },
  file_help_no_progress: { da: "ingen statuslinje i terminalen", en: "no progress bar on the terminal" },
  file_help_gains_model: {
    da: "gevinstmodel i JSON (effekt-gains-model/2), f.eks. analyses/gains-relationel-velfaerd.json",
    en: "gains model JSON (effekt-gains-model/2), e.g. analyses/gains-relationel-velfaerd.json",
  },
  file_help_gains_estimates: {
    da: "effekttabel i CSV (effekt estimate): alle målte horisonter for hvert udfald bruges",
    en: "effect table CSV (effekt estimate): every measured horizon of each outcome is used",
  },
  file_help_gains_estimator: {
    da: "med --estimates: denne estimators rækker (cace_ratio giver CACE, talt blandt deltagere) i stedet for den foretrukne ITT",
    en: "with --estimates: this estimator's rows (cace_ratio gives CACE, counted over compliers) instead of the preferred ITT",
  },
  file_help_gains_plan: {
    da: "analyseplanen: gains_outcome knytter tabellens udfald til modellens udfald og hvert udfalds population (standard: planen, som <estimates>.meta.json nævner)",
    en: "the analysis plan: gains_outcome maps table outcomes to model outcomes and each outcome's population (default: the plan named in <estimates>.meta.json)",
  },
  file_help_gains_register: {
    da: "lodtrækningsregister (effekt draw): hver rundes lodtrækningsdato, og hvem der blev tildelt indsats",
    en: "allocation register (effekt draw): each wave's draw date and who was assigned to treatment",
  },
  file_help_gains_persons: { da: "persons.csv: hvem der er i hvert udfalds population (rolle, fødselsår)", en: "persons.csv: who is in each outcome's population (role, birth year)" },
  file_help_gains_takeup: {
    da: "takeup.csv: med en CACE-effekt er deltagerne de tildelte, hvis husstand tog imod tilbuddet",
    en: "takeup.csv: with a CACE effect, the compliers are the assigned whose household took up",
  },
  file_help_gains_assume: {
    da: "antaget effekt til planlægning (kan gentages; markeret som illustrativ); uden --register giver modellens forventede optag antallene",
    en: "assumed effect for planning (repeatable; marked illustrative); without --register the model's expected intake gives the counts",
  },
  file_help_gains_out: {
    da: "skriv resultatet hertil (atomisk) og vis et resumé; standard: resultatet til stdout",
    en: "write the result here (atomically) and print a summary; default: the result to stdout",
  },
  file_help_gains_format: {
    da: "outputformat (standard json; csv = én lang, ryddelig tabel med en section-kolonne)",
    en: "output format (default json; csv = one tidy long table with a section column)",
  },
  file_help_gains_draws: { da: "Monte Carlo-træk (mindst 10000; standard: modellens, ellers 10000)", en: "Monte Carlo draws (at least 10000; default: the model's, else 10000)" },
  file_help_gains_seed: { da: "Monte Carlo-seed (standard: modellens monte_carlo.seed)", en: "Monte Carlo seed (default: the model's monte_carlo.seed)" },
  file_help_gains_min_cell: {
    da: "med --out: mindste antal personer, der vises i terminalens resumé (mindst 3, standard 5); filen beholder alle tal",
    en: "with --out: smallest count of persons shown in the terminal summary (at least 3, default 5); the file keeps every number",
  },
  file_help_ind_spec: {
    da: "indikatorspecifikation i JSON (effekt-indicator-spec/1), f.eks. analyses/lbf-uddannelse-og-livschancer.json",
    en: "indicator spec JSON (effekt-indicator-spec/1), e.g. analyses/lbf-uddannelse-og-livschancer.json",
  },
  file_help_ind_values: {
    da: "aggregerede værdier i CSV: indicator, area, year, value, n (kolonnen se er valgfri); se data-schemas/indicator-values.md",
    en: "aggregated values CSV: indicator, area, year, value, n (se optional); see data-schemas/indicator-values.md",
  },
  file_help_ind_persons: {
    da: "CSV på personniveau: indicator, area, year, meets (true/false/tom); se data-schemas/indicator-persons.md",
    en: "person-level CSV: indicator, area, year, meets (true/false/empty); see data-schemas/indicator-persons.md",
  },
  file_help_ind_out: {
    da: "skriv tabellen hertil (atomisk) og vis et kort resumé; standard: tabellen til stdout",
    en: "write the table here (atomically) and print a short summary; default: the table to stdout",
  },
  file_help_ind_min_cell: {
    da: "med --out: mindste antal personer, der vises i terminalens resumé (mindst 3); filen beholder alle detaljer",
    en: "with --out: smallest count of persons shown in the terminal summary (at least 3); the file keeps full detail",
  },
  file_help_pow_households: { da: "antal randomiserede husstande (klynger); eller --waves", en: "number of households randomised (clusters); or --waves" },
  file_help_pow_persons_per_household: {
    da: "gennemsnitligt antal personer pr. husstand med udfaldet (med --simulate og uden --persons: størrelserne dannes med dette gennemsnit og --household-size-cv)",
    en: "mean persons per household with the outcome (with --simulate and no --persons: sizes are generated with this mean and --household-size-cv)",
  },
  file_help_pow_icc: { da: "udfaldets korrelation inden for husstanden, 0-1", en: "intra-household correlation of the outcome, 0-1" },
  file_help_pow_share_treated: { da: "andel af husstandene, der trækkes til indsats", en: "share of households drawn for treatment" },
  file_help_pow_r2: { da: "udfaldets varians forklaret af baselinekovariater", en: "outcome variance explained by baseline covariates" },
  file_help_pow_alpha: { da: "tosidet signifikansniveau", en: "two-sided significance level" },
  file_help_pow_power: { da: "ønsket styrke for MDE", en: "target power for the MDE" },
  file_help_pow_effect: { da: "vis også styrken til at påvise denne effekt (i enheder af --sd)", en: "also print the power to detect this effect (in --sd units)" },
  file_help_pow_sd: { da: "udfaldets standardafvigelse (standard 1: MDE i standardafvigelser)", en: "outcome standard deviation (default 1: the MDE in standard deviations)" },
  file_help_pow_size_cv: {
    da: "variationskoefficient for husstandsstørrelse (sd / gennemsnit af personer pr. husstand)",
    en: "coefficient of variation of household size (sd / mean of persons per household)",
  },
  file_help_pow_waves: {
    da: "runder med hver sin andel til indsats, som husstande:andel,... (f.eks. 321:0.25,92:0.65); erstatter --households og --share-treated",
    en: "waves with their own share treated, as households:share,... (e.g. 321:0.25,92:0.65); replaces --households and --share-treated",
  },
  file_help_pow_attrition: { da: "andel af husstandene, hvis udfald vil mangle (tilfældigt)", en: "share of households whose outcome will be missing (at random)" },
  file_help_pow_takeup: {
    da: "andel af indsatshusstandene, der forventes at tage imod tilbuddet (ingen i kontrol): giver også CACE-effektens MDE",
    en: "share of treated households expected to take up the offer (none in control): also the CACE's MDE",
  },
  file_help_pow_simulate: {
    da: "simulér den faktiske lodtrækning i --register (dens runder, strata og pladser), udfaldsmodellen og estimatorerne i effekt estimate; angiv styrke, bias, RMSE og dækning",
    en: "simulate the actual lottery of --register (its waves, strata and places), the outcome model and the estimators of effekt estimate; report power, bias, RMSE and coverage",
  },
  file_help_pow_register: {
    da: "med --simulate: lodtrækningsregistret (allocations.csv), hvis lodtrækning simuleres",
    en: "with --simulate: the lottery register (allocations.csv) whose draw is simulated",
  },
  file_help_pow_households_file: {
    da: "med --simulate, i stedet for --register: households.csv for en lodtrækning, der endnu ikke er foretaget; den runde, effekt draw ville trække (--treat, --strata, --areas, --min-cases, --cases med --date), simuleres",
    en: "with --simulate, instead of --register: households.csv of a lottery not yet drawn; the wave effekt draw would run (--treat, --strata, --areas, --min-cases, --cases with --date) is simulated",
  },
  file_help_pow_cases: { da: "med --households-file: cases.csv, aktive sager talt på --date", en: "with --households-file: cases.csv, active cases counted on --date" },
  file_help_pow_date: { da: "med --households-file: den planlagte lodtrækningsdato", en: "with --households-file: the planned draw date" },
  file_help_pow_treat: { da: "med --households-file: indsatspladser, som i effekt draw --treat", en: "with --households-file: treatment places, as effekt draw --treat" },
  file_help_pow_strata: { da: "med --households-file: kolonnen, der definerer strata", en: "with --households-file: the column that defines the strata" },
  file_help_pow_min_cases: { da: "med --households-file: mindste antal aktive sager for at være berettiget", en: "with --households-file: minimum number of active cases to be eligible" },
  file_help_pow_persons: { da: "med --simulate: persons.csv, til husstandenes størrelser", en: "with --simulate: persons.csv, for the households' sizes" },
  file_help_pow_sims: { da: "med --simulate: antal simuleringer", en: "with --simulate: number of simulations" },
  file_help_pow_seed: { da: "med --simulate: simuleringens seed", en: "with --simulate: seed of the simulation" },
  file_help_rep_audience: {
    da: "sus: flow, balance, indikatorer, foreløbige effekter; aau: effekter, frafald, undergrupper, gevinster",
    en: "sus: flow, balance, indicators, interim effects; aau: effects, attrition, subgroups, gains",
  },
  file_help_rep_out: { da: "outputmappe (skrives atomisk; afvises, hvis den findes, medmindre --force er angivet)", en: "output folder (written atomically; refused if it exists, unless --force)" },
  file_help_rep_results: {
    da: "mappe med allocations.csv, effects.csv, indicators.csv, gains.json (hver især valgfri)",
    en: "folder with allocations.csv, effects.csv, indicators.csv, gains.json (each optional)",
  },
  file_help_rep_register: { da: "registret (allocations.csv) med dets manifester og balancetabel ved siden af", en: "the register (allocations.csv), with its manifests and balance table beside it" },
  file_help_rep_effects: { da: "effekttabel fra effekt estimate (med dens .meta.json ved siden af)", en: "effect table from effekt estimate (its .meta.json beside it)" },
  file_help_rep_indicators: { da: "indikatortabel fra effekt indicators", en: "indicator table from effekt indicators" },
  file_help_rep_gains: { da: "gains.json fra effekt gains", en: "gains.json from effekt gains" },
  file_help_rep_takeup: { da: "tilslutningsfil i CSV (household_id, took_up) til flowtabellen", en: "take-up CSV (household_id, took_up) for the flow table" },
  file_help_rep_plan: {
    da: "analyseplan (udfaldsnavne, titel, metoder); standard: planen, som effekttabellens meta nævner, når den findes uændret",
    en: "analysis plan (outcome labels, title, methods); default: the plan the effects meta names, when found unchanged",
  },
  file_help_rep_spec: { da: "indikatorspecifikation (indikatornavne)", en: "indicator spec (indicator labels)" },
  file_help_rep_model: { da: "gevinstmodel (udfaldsnavne)", en: "gains model (outcome labels)" },
  file_help_rep_format: {
    da: "kommasepareret: xlsx,csv,md,html,pdf (pdf: HTML-siden udskrevet af headless Chromium)",
    en: "comma-separated: xlsx,csv,md,html,pdf (pdf: the HTML page printed by headless Chromium)",
  },
  file_help_rep_lang: { da: "tekster og talformater", en: "labels and number formats" },
  file_help_rep_csv_dialect: { da: "da: ';' og decimalkomma; en: ',' og decimalpunktum (standard: som --lang)", en: "da: ';' and decimal comma; en: ',' and decimal point (default: as --lang)" },
  file_help_rep_min_cell: { da: "mindste antal personer eller husstande, der vises (mindst 3)", en: "smallest count of persons or households shown (at least 3)" },
  file_help_rep_force: { da: "erstat en eksisterende outputmappe", en: "replace an existing output folder" },
  file_help_areas: { da: "kommaseparerede udvalgte boligområder (standard: {areas})", en: "comma-separated selected areas (default: {areas})" },
  file_help_pow_areas: { da: "med --households-file: kommaseparerede udvalgte boligområder (standard: {areas})", en: "with --households-file: comma-separated selected areas (default: {areas})" },
  file_help_draw_balance_redraws: {
    da: "gentrækninger af lodtrækningen til den samlede balancetest (standard {n}; 0 udelader den; registre med over {max} husstande udelader den, medmindre flaget er angivet)",
    en: "re-draws of the lottery for the joint test of balance (default {n}; 0 leaves it out; registers above {max} households leave it out unless given)",
  },
  file_help_project: {
    da: "evalueringens projektfil (standard: {file} i den aktuelle mappe, hvis der er en; skrevet af effekt init)",
    en: "the evaluation's project file (default: {file} in the current folder, if there is one; written by effekt init)",
  },
  file_help_examples: { da: "Eksempler:", en: "Examples:" },
  file_help_example: { da: "Eksempel:", en: "Example:" },
  // commander's own help words (cli/main.ts, cli/inputOptions.ts)
  file_help_version: { da: "vis versionsnummeret", en: "output the version number" },
  file_help_help: { da: "vis hjælp til kommandoen", en: "display help for command" },
  file_help_usage: { da: "Brug:", en: "Usage:" },
  file_help_options: { da: "Flag:", en: "Options:" },
  file_help_global_options: { da: "Globale flag:", en: "Global Options:" },
  file_help_commands: { da: "Kommandoer:", en: "Commands:" },
  file_help_arguments: { da: "Argumenter:", en: "Arguments:" },
  file_help_default: { da: "standard", en: "default" },
  file_help_required: { da: "(påkrævet)", en: "(required)" },
  // --help of init, verify and outcomes import
  file_help_init_dir: { da: "evalueringsmappen (oprettes, hvis den ikke findes)", en: "the evaluation folder (created if missing)" },
  file_help_init_register: { da: "lodtrækningsregistret", en: "the allocation register" },
  file_help_init_results: { da: "hvor effects.csv, indicators.csv og gains.json skrives (standard: evalueringsmappen)", en: "where effects.csv, indicators.csv and gains.json go (default: the evaluation folder)" },
  file_help_init_households: { da: "husstandsudtrækket (draw)", en: "the households export (draw)" },
  file_help_init_cases: { da: "sagsudtrækket (draw)", en: "the cases export (draw)" },
  file_help_init_persons: { da: "persons.csv (estimate, gains)", en: "persons.csv (estimate, gains)" },
  file_help_init_outcomes: { da: "outcomes.csv (estimate)", en: "outcomes.csv (estimate)" },
  file_help_init_takeup: { da: "takeup.csv (estimate, gains, report)", en: "takeup.csv (estimate, gains, report)" },
  file_help_init_plan: { da: "analyseplanen (plan lock, estimate, gains, report)", en: "the analysis plan (plan lock, estimate, gains, report)" },
  file_help_init_indicator_spec: { da: "indikatorspecifikationen (indicators, report)", en: "the indicator spec (indicators, report)" },
  file_help_init_indicator_values: { da: "aggregerede indikatorværdier (indicators)", en: "aggregated indicator values (indicators)" },
  file_help_init_indicator_persons: { da: "indikatorrækker pr. person (indicators)", en: "person-level indicator rows (indicators)" },
  file_help_init_gains_model: { da: "gevinstmodellen (gains, report)", en: "the gains model (gains, report)" },
  file_help_init_min_cell: { da: "rapporternes mindste viste celle (mindst 3)", en: "the reports' smallest cell shown (at least 3)" },
  file_help_init_force: { da: "erstat en eksisterende projektfil", en: "replace an existing project file" },
  file_help_init_after: {
    da: "Hver sti gemmes relativt til mappen; en kommando, der køres dér (eller får --project MAPPE), bruger dem,\nog et flag på dens kommandolinje går forud.",
    en: "Every path is stored relative to the folder; a command run there (or given --project FOLDER) takes them,\nand a flag on its command line wins.",
  },
  file_help_verify_register: { da: "lodtrækningsregistret, der skal verificeres", en: "the allocation register to verify" },
  file_help_verify_households: { da: "brug denne husstandsfil i stedet for den, manifesterne har registreret (alle runder)", en: "use this households file instead of the one recorded in the manifests (all waves)" },
  file_help_verify_cases: { da: "brug denne sagsfil i stedet for den, manifesterne har registreret", en: "use this cases file instead of the one recorded in the manifests" },
  file_help_verify_exit: { da: "Slutkoder: 0 verificeret, 1 en forskel blev fundet, 2 fejl i input.", en: "Exit codes: 0 verified, 1 a difference was found, 2 bad input." },
  file_help_import: {
    da: "omform en bred uge-/månedsstatusfil eller et surveyudtræk til outcomes.csv (person_id, outcome, date, value)",
    en: "turn a wide weekly/monthly status file or a survey export into outcomes.csv (person_id, outcome, date, value)",
  },
  file_help_import_from: { da: "leverancen: CSV eller .xlsx", en: "the delivery: CSV or .xlsx" },
  file_help_import_spec: {
    da: "importspecifikationen (JSON): kind wide med statuskoder, eller survey (data-schemas/outcome-import.md)",
    en: "the import spec (JSON): kind wide with status codes, or survey (data-schemas/outcome-import.md)",
  },
  file_help_import_out: {
    da: "den outcomes.csv, der skrives (med <out>.manifest.json, der beskriver omformningen)",
    en: "the outcomes.csv to write (with <out>.manifest.json describing the reshaping)",
  },
} as const satisfies Record<string, Entry>;
