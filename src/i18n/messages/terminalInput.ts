/**
 * Problems in input files and their expectations: the readers of the data tables (households, cases, persons, outcomes, indicator values: CSV, XLSX, decoding, columns).
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_INPUT_MESSAGES = {
  // reading a file (io/csv.ts, io/outcomesStream.ts)
  in_folder: { da: "{path} er en mappe; forventet en CSV-fil", en: "{path} is a folder; expected a CSV file" },
  in_exp_header_then_rows: { da: "en overskriftslinje med kolonnernes navne og derefter datarækker", en: "a header line naming the columns, then data rows" },
  in_exp_header_line: { da: "en overskriftslinje med kolonnernes navne", en: "a header line naming the columns" },
  in_exp_header_row_then_rows: { da: "en overskriftsrække med kolonnernes navne og derefter datarækker", en: "a header row naming the columns, then data rows" },
  in_nothing_below_one: { da: "har intet under den {n} oversprungne linje (--skip-rows)", en: "has nothing below the {n} skipped line (--skip-rows)" },
  in_nothing_below_many: { da: "har intet under de {n} oversprungne linjer (--skip-rows)", en: "has nothing below the {n} skipped lines (--skip-rows)" },
  in_stray_cell: { da: "har en værdi i en kolonne uden overskrift", en: "has a value in a column with no header" },
  in_exp_stray_cell: { da: "alle værdier under en navngiven kolonne (eller slet den løse celle)", en: "every value under a named column (or delete the stray cell)" },
  in_title_line: {
    da: "ligner en titel over overskriften ({title}); overskriften ser ud til at stå på linje {n}",
    en: "looks like a title above the header ({title}); the header seems to be on line {n}",
  },
  in_title_row: {
    da: "ligner en titel over overskriften ({title}); overskriften ser ud til at stå i række {n}",
    en: "looks like a title above the header ({title}); the header seems to be on row {n}",
  },
  in_exp_skip_rows: {
    da: "overskriften øverst, eller --skip-rows {n} (eller \"skip_rows\": {n} i --mapping-filen), så linjerne over den springes over",
    en: "the header first, or --skip-rows {n} (or \"skip_rows\": {n} in the --mapping file) to skip the lines above it",
  },
  in_mapped_twice: { da: "er både en kolonne i filen og hentes fra \"{from}\"", en: "is both a column of the file and mapped from \"{from}\"" },
  in_exp_mapped_once: {
    da: "hver af effekts kolonner én gang (fjern koblingen i --column/--mapping, eller omdøb en af dem)",
    en: "each of effekt's columns once (drop the mapping or rename one of them)",
  },
  in_record_too_large: { da: "har en række på over 1 MiB", en: "has a record larger than 1 MiB" },
  in_exp_ordinary_size: { da: "felter af almindelig størrelse", en: "fields of ordinary size" },
  in_field_count: { da: "har et andet antal felter end overskriften", en: "has a different number of fields than the header" },
  in_exp_field_count: { da: "ét felt pr. kolonne i overskriften (tjek skilletegn og anførselstegn)", en: "one field per header column (check the delimiter and quotes)" },
  in_quote_unclosed: { da: "har et anførselstegn, der aldrig lukkes", en: "has a quote that is never closed" },
  in_exp_quotes_balanced: { da: "anførselstegn i par", en: "balanced double quotes" },
  in_quote_stray: { da: "har et løst tegn efter et afsluttende anførselstegn", en: "has a stray character after a closing quote" },
  in_exp_quotes_whole: {
    da: "anførselstegn om hele felter, med anførselstegn inde i feltet skrevet dobbelt (\"\")",
    en: "quotes around whole fields, with inner quotes doubled (\"\")",
  },
  in_quote_inside: { da: "har et anførselstegn inde i et felt, der ikke begynder med et", en: "has a double quote inside a field that does not start with one" },
  in_exp_quote_field: {
    da: "at et felt med anførselstegn står i anførselstegn som helhed, med anførselstegn inde i feltet skrevet dobbelt (\"a \"\"b\"\" c\")",
    en: "a field with quotes to be quoted as a whole, inner quotes doubled (\"a \"\"b\"\" c\")",
  },
  in_not_csv: { da: "kunne ikke læses som CSV ({reason})", en: "could not be read as CSV ({reason})" },
  in_exp_csv: { da: "en CSV-fil", en: "a CSV file" },
  // the bytes of a file (io/decode.ts, io/outcomesStream.ts)
  in_nul_byte: {
    da: "indeholder en NUL-byte (en binær fil, eller UTF-16 uden BOM)",
    en: "contains a NUL byte (a binary file, or UTF-16 without a byte-order mark)",
  },
  in_exp_text_file: {
    da: "en tekstfil i UTF-8, UTF-8 med BOM, UTF-16 med BOM eller Windows-1252",
    en: "a text file in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252",
  },
  in_bom_not_utf8: { da: "begynder med en UTF-8-BOM, men er ikke gyldig UTF-8", en: "starts with a UTF-8 byte-order mark but is not valid UTF-8" },
  in_exp_utf8_after_bom: { da: "gyldig UTF-8 efter BOM'en", en: "valid UTF-8 after the BOM" },
  // workbooks (io/xlsx.ts)
  in_xlsx_not_workbook: {
    da: "er et ZIP-arkiv, men ikke en Excel-projektmappe (ingen xl/workbook.xml)",
    en: "is a ZIP archive but not an Excel workbook (no xl/workbook.xml)",
  },
  in_exp_xlsx_or_csv: { da: "en .xlsx-fil gemt af Excel eller en CSV-fil", en: "an .xlsx file saved by Excel, or a CSV file" },
  in_xlsx_no_sheets: { da: "har ingen ark", en: "has no sheets" },
  in_exp_one_sheet: { da: "en projektmappe med mindst ét ark", en: "a workbook with at least one sheet" },
  in_xlsx_no_sheet_named: { da: "har intet ark med navnet {sheet}", en: "has no sheet named {sheet}" },
  in_exp_sheet_of: { da: "et af dens ark: {sheets} (--sheet NAVN)", en: "one of its sheets: {sheets} (--sheet NAME)" },
  in_xlsx_sheet_no_part: { da: "ark {sheet} har ingen del i projektmappen", en: "sheet {sheet} has no part in the workbook" },
  in_xlsx_sheet_missing: { da: "ark {sheet} mangler i projektmappen ({part})", en: "sheet {sheet} is missing from the workbook ({part})" },
  in_exp_saved_by_excel: { da: "en projektmappe gemt af Excel", en: "a workbook saved by Excel" },
  // a workbook that is not a readable ZIP archive: each reason in its own whole sentence
  in_xlsx_no_directory: {
    da: "er ikke en læsbar .xlsx (ingen ZIP-indholdsfortegnelse; filen er måske afkortet)",
    en: "is not a readable .xlsx (no ZIP directory; the file may be cut short)",
  },
  in_xlsx_damaged_directory: { da: "er ikke en læsbar .xlsx (en beskadiget ZIP-indholdsfortegnelse)", en: "is not a readable .xlsx (a damaged ZIP directory)" },
  in_xlsx_damaged_entry: { da: "er ikke en læsbar .xlsx (en beskadiget post {name})", en: "is not a readable .xlsx (a damaged entry {name})" },
  in_xlsx_no_inflate: { da: "er ikke en læsbar .xlsx (posten {name} kan ikke pakkes ud)", en: "is not a readable .xlsx (entry {name} does not inflate)" },
  in_xlsx_method: {
    da: "er ikke en læsbar .xlsx (posten {name} bruger komprimeringsmetode {method})",
    en: "is not a readable .xlsx (entry {name} uses compression method {method})",
  },
  // values (io/columns.ts)
  in_decimal_hint: {
    da: "ét decimaltegn pr. kolonne; angiv --decimal , (decimalkomma, . adskiller tusinder) eller --decimal . (decimalpunktum) for at afgøre det",
    en: "one decimal mark per column; pass --decimal , (decimal comma, . groups thousands) or --decimal . (decimal point) to settle it",
  },
  in_decimal_mixed: { da: "bruger {mark}, men linje {line} i kolonnen bruger {other}", en: "uses a {mark}, but line {line} of the column a {other}" },
  in_mark_point: { da: "decimalpunktum", en: "decimal point" },
  in_mark_comma: { da: "decimalkomma", en: "decimal comma" },
  in_decimal_ambiguous_column: {
    da: "kan være et decimalpunktum eller en tusindtalsseparator, og ingen værdi i kolonnen afgør hvilket",
    en: "could be a decimal point or a thousands separator, and no value in the column settles which",
  },
  in_decimal_ambiguous_before: {
    da: "kan være et decimalpunktum eller en tusindtalsseparator, og ingen værdi før den afgør hvilket",
    en: "could be a decimal point or a thousands separator, and no value before it settles which",
  },
  in_control_character: { da: "indeholder et kontroltegn (vist som ?)", en: "holds a control character (shown as ?)" },
  in_exp_plain_name: {
    da: "{what} uden tabulatorer, linjeskift, escape-tegn eller tegn, der skifter skriveretning",
    en: "{what} without tabs, line breaks, escape or direction-changing characters",
  },
  in_exp_a_name: { da: "et navn", en: "a name" },
  // problem and expectation in one entry, so the date format never stands alone as an English fragment
  in_date_flag_invalid: { da: "er ikke en gyldig dato; forventet ÅÅÅÅ-MM-DD", en: "is not a valid date; expected YYYY-MM-DD" },
  in_exp_number_or_empty: { da: "et endeligt tal eller en tom celle", en: "a finite number or empty" },
  // households and cases (io/households.ts)
  in_strata_missing: { da: "mangler (angivet med --strata)", en: "is missing (named by --strata)" },
  in_cases_need_date: { da: "--cases kræver --date: den dag, hvor sagerne tælles som aktive", en: "--cases needs --date: the day on which cases are counted as active" },
  in_case_closed_before: { da: "ligger før sagen blev åbnet ({opened})", en: "is before the case was opened ({opened})" },
  in_exp_closed_after: { da: "en lukkedato på eller efter åbningsdatoen", en: "a closing date on or after the opening date" },
  // persons (io/persons.ts)
  in_exp_population_column: {
    da: "en kolonne med navnet \"{name}\" (analyseplanens populationer kræver den; overskriften har: {header})",
    en: "a column named \"{name}\" (the analysis plan's populations need it; the header has: {header})",
  },
  in_exp_birth_year: { da: "en birth_year-kolonne (kovariaten \"age\" udledes af den)", en: "a birth_year column (the covariate \"age\" is derived from it)" },
  in_exp_covariate_column: {
    da: "en numerisk kovariatkolonne med navnet \"{name}\" (overskriften har: {header})",
    en: "a numeric covariate column named \"{name}\" (the header has: {header})",
  },
  in_exp_subgroup_column: {
    da: "en undergruppekolonne med navnet \"{name}\" (overskriften har: {header})",
    en: "a subgroup column named \"{name}\" (the header has: {header})",
  },
  // outcomes (io/outcomesStream.ts)
  in_exp_column_has: { da: "en kolonne med navnet \"{name}\" (overskriften har: {header})", en: "a column named \"{name}\" (the header has: {header})" },
  in_not_in_persons: { da: "findes ikke i {persons}", en: "is not in {persons}" },
  in_exp_person_of_file: { da: "et person_id fra personfilen", en: "a person_id of the persons file" },
  in_exp_outcome_name: { da: "navnet på et udfald", en: "an outcome name" },
  // indicator values and person-level indicator rows (io/indicatorValues.ts)
  in_exp_indicator_id: { da: "et indikator-id fra specifikationen", en: "an indicator id from the spec" },
  in_not_indicator: { da: "er ikke en indikator i specifikationen \"{spec}\"", en: "is not an indicator in the spec \"{spec}\"" },
  in_exp_one_of: { da: "en af {list}", en: "one of {list}" },
  in_exp_area_name: { da: "navnet på et boligområde", en: "an area name" },
  in_exp_value_pending: { da: "et tal (tom = afventer data)", en: "a number (empty = data pending)" },
  in_duplicate_row: { da: "gentager linje {line} (samme indikator, område og år)", en: "duplicates line {line} (same indicator, area and year)" },
  in_exp_one_row_each: { da: "én række pr. indikator, område og år", en: "one row per indicator, area and year" },
  // one key per unit held as a proportion (share, rate: a mean is not checked), so no English word stands alone
  in_outside_share: { da: "ligger uden for [0; 1] for share-indikatoren {id}", en: "is outside [0, 1] for share indicator {id}" },
  in_outside_rate: { da: "ligger uden for [0; 1] for rate-indikatoren {id}", en: "is outside [0, 1] for rate indicator {id}" },
  in_exp_proportion: { da: "en andel i [0; 1] (75 % er 0,75)", en: "a proportion in [0, 1] (75% is 0.75)" },
  in_person_unit: { da: "har enheden \"{unit}\"; rækker pr. person giver kun andele", en: "has unit \"{unit}\"; person-level rows give shares only" },
  in_exp_share_unit: {
    da: "en indikator med enheden share (angiv rater og gennemsnit med --values)",
    en: "an indicator with unit share (give rates and means with --values)",
  },
  in_all_areas_label: { da: "er betegnelsen for alle områder", en: "is the all-areas label" },
  in_exp_area_not_all: { da: "navnet på et boligområde (rækken for alle områder beregnes)", en: "an area name (the all-areas row is computed)" },
  in_meets_not_yes_no: { da: "er ikke ja, nej eller tom", en: "is not yes, no or empty" },
  in_exp_meets: { da: "true/false, 1/0, ja/nej eller tom for ukendt", en: "true/false, 1/0, ja/nej, or empty for unknown" },
  // outcomes import (io/outcomeImport.ts, cli/outcomes.ts)
  in_spec_invalid: { da: "{path}: {field}: {reason}; se data-schemas/outcome-import.md", en: "{path}: {field}: {reason}; see data-schemas/outcome-import.md" },
  in_spec_whole: { da: "specifikationen", en: "the spec" },
  in_exp_score: { da: "en score (tom eller NA, når der ikke er svaret)", en: "a score (empty or NA when not answered)" },
  in_no_periods: { da: "har ingen uge- eller månedskolonner", en: "has no week or month columns" },
  in_exp_periods: {
    da: "kolonner med navne som \"Uge 10-2025\" (en uge) eller \"2025-03\" (en måned)",
    en: "columns named like \"Uge 10-2025\" (a week) or \"2025-03\" (a month)",
  },
  in_unmapped_code: { da: "er en statuskode, som importspecifikationen ikke har en værdi for", en: "is a status code the import spec does not map" },
  in_exp_codes: { da: "en af {codes} (tilføj den under \"codes\")", en: "one of {codes} (add it to \"codes\")" },
  // the outcomes import's summary: its counts (the manifest keeps the English keys)
  in_import_count_empty: { da: "(tom celle)", en: "(empty)" },
  in_import_count_responses: { da: "svar", en: "responses" },
  in_import_count_missing: { da: "uden svar", en: "missing" },
} as const satisfies Record<string, Entry>;
