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
  file_field: { da: "felt {name}", en: "field {name}" },
  file_whole_file: { da: "filen", en: "the file" },
  // the register, its manifests and commit record (io/register.ts)
  file_not_arm: { da: "er ikke en arm", en: "is not an arm" },
  file_exp_arm: { da: "\"treatment\" eller \"control\"", en: "\"treatment\" or \"control\"" },
  file_not_fraction: { da: "er ikke en brøk", en: "is not a fraction" },
  file_exp_fraction: { da: "tæller/nævner", en: "numerator/denominator" },
  file_manifest_not_json: {
    da: "{path}: er ikke gyldig JSON; forventet et bølgemanifest skrevet af effekt draw",
    en: "{path}: is not valid JSON; expected a wave manifest written by effekt draw",
  },
  file_manifest_field: {
    da: "{path}: felt {field}: {problem}; forventet et bølgemanifest skrevet af effekt draw",
    en: "{path}: field {field}: {problem}; expected a wave manifest written by effekt draw",
  },
  file_manifest_wave: { da: "{path}: angiver bølge {wave}, men filnavnet angiver bølge {named}", en: "{path}: says wave {wave} but its file name says wave {named}" },
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
    da: "bølge {wave}: filen til --{what}, som manifestet har registreret ({path}), ligger uden for registrets mappe, og der er ingen gemt kopi af den; angiv --{what} FIL for at sige, hvilken fil der skal kontrolleres",
    en: "wave {wave}: the {what} file recorded in the manifest ({path}) lies outside the register's folder and no kept copy of it is there; pass --{what} FILE to say which file to check",
  },
  file_wave_input_missing: {
    da: "bølge {wave}: filen til --{what}, {path}, som manifestet har registreret, findes ikke; angiv --{what} for at sige, hvor den er nu",
    en: "wave {wave}: the {what} file {path} recorded in the manifest does not exist; pass --{what} to say where it is now",
  },
  file_wave_input_special: {
    da: "bølge {wave}: filen til --{what}, {path}, som manifestet har registreret, er ikke en almindelig fil; angiv --{what} FIL",
    en: "wave {wave}: the {what} file {path} recorded in the manifest is not an ordinary file; pass --{what} FILE",
  },
  file_wave_input_absent: { da: "bølge {wave}: inputfilen {path} findes ikke", en: "wave {wave}: input file {path} does not exist" },
  file_kept_copy_changed: {
    da: "bølge {wave}: de gemte husstande i denne pseudonymiserede bølge ({file}) har ikke den hash, som manifestet har registreret; filen er blevet ændret",
    en: "wave {wave}: the kept households of this pseudonymised wave ({file}) do not hash to what its manifest recorded; the file was changed",
  },
  file_wave_needs_key: {
    da: "bølge {wave} blev trukket med CPR-lignende id'er erstattet af nøglebaserede pseudonymer; angiv --allow-cpr-like-ids --pseudonym-key FIL med den samme nøgle",
    en: "wave {wave} was drawn with CPR-like ids replaced by keyed pseudonyms; pass --allow-cpr-like-ids --pseudonym-key FILE with the same key",
  },
  file_wave_other_key: {
    da: "bølge {wave} blev trukket med en anden pseudonymnøgle (dens manifest har nøglekontrollen {recorded}, denne nøgle giver {given}); angiv den nøgle, bølgen blev trukket med",
    en: "wave {wave} was drawn with a different pseudonym key (its manifest records key check {recorded}, this key gives {given}); pass the key the wave was drawn with",
  },
  // the assignment: effekt's register or another tool's allocation file (io/assignment.ts, io/allocationFile.ts)
  file_register_or_allocation: {
    da: "angiv præcis én af --register FIL (skrevet af effekt draw) og --allocation FIL (lavet med et andet værktøj)",
    en: "give exactly one of --register FILE (written by effekt draw) and --allocation FILE (made by another tool)",
  },
  file_draw_date_with_allocation: {
    da: "--draw-date hører til --allocation; registret har hver husstands lodtrækningsdato",
    en: "--draw-date goes with --allocation; the register has each household's draw date",
  },
  file_register_empty: { da: "{file} indeholder ingen udtrukne husstande", en: "{file} holds no drawn households" },
  file_draw_date_bad: { da: "--draw-date \"{value}\" er ikke en gyldig dato; forventet ÅÅÅÅ-MM-DD", en: "--draw-date \"{value}\" is not a valid date; expected YYYY-MM-DD" },
  file_exp_probability: { da: "en sandsynlighed strengt mellem 0 og 1", en: "a probability strictly between 0 and 1" },
  file_not_probability: { da: "er ikke en sandsynlighed strengt mellem 0 og 1", en: "is not a probability strictly between 0 and 1" },
  file_exp_open_unit: { da: "et tal i (0, 1)", en: "a number in (0, 1)" },
  file_p_differs: {
    da: "afviger fra linje {line} ({p}) i samme bølge {wave} og stratum \"{stratum}\"",
    en: "differs from line {line} ({p}) in the same wave {wave} and stratum \"{stratum}\"",
  },
  file_exp_one_p: { da: "én sandsynlighed for indsats pr. bølge og stratum", en: "one probability of treatment per wave and stratum" },
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
  file_lock_busy_estimate: { da: "en anden effekt estimate skriver denne effekttabel", en: "another effekt estimate is writing this effect table" },
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
} as const satisfies Record<string, Entry>;
