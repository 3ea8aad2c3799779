/**
 * Estimation on the terminal: estimate's, plan's and power's problems, warnings and summaries.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 * Warnings and plan deviations that are also written to a file (effects.csv.meta.json) are stored in English and
 * printed in the run's language (src/i18n/storedText.ts).
 */
import type { Entry } from "../types.js";

export const TERMINAL_ESTIMATE_MESSAGES = {
  // where a row or warning belongs
  est_label_year: { da: "{outcome} år {horizon}", en: "{outcome} year {horizon}" },
  est_label_subgroup_level: { da: "{label} ({subgroup} = {level})", en: "{label} ({subgroup} = {level})" },
  est_label_subgroup: { da: "{label}, undergruppe {subgroup}", en: "{label}, subgroup {subgroup}" },
  est_arm_treatment: { da: "indsatsgruppen", en: "treatment" },
  est_arm_control: { da: "kontrolgruppen", en: "control" },
  // estimate: the inputs and flags
  est_not_verified: {
    da: "{register} består ikke effekt verify ({reason}); effekttabellen mærkes som ikke verificeret af effekt (\"not verified by effekt\")",
    en: "{register} does not pass effekt verify ({reason}); the effect table is marked \"not verified by effekt\"",
  },
  est_external_allocation: {
    da: "{file}: fordeling lavet med et andet værktøj, ikke verificeret af effekt (randomiseringsinferensen trækker om ved fuldstændig randomisering inden for runde x stratum)",
    en: "{file}: allocation made by another tool, not verified by effekt (randomisation inference re-draws by complete randomisation within wave x stratum)",
  },
  est_table_not_verified: {
    da: "effekttabellen mærkes som ikke verificeret af effekt (\"not verified by effekt\") (fordeling fra {file})",
    en: "the effect table is marked \"not verified by effekt\" (allocation from {file})",
  },
  est_need_outcomes: {
    da: "angiv udfaldene: --plan FIL, eller --outcome NAVN (kan gentages) i hurtig tilstand",
    en: "name the outcomes: --plan FILE, or --outcome NAME (repeatable) for quick mode",
  },
  est_bad_window: { da: "--window \"{window}\": forventet first, last eller mean", en: "--window \"{window}\": expected first, last or mean" },
  est_bad_permutations: { da: "--permutations \"{value}\" er ikke et helt tal fra 0 til {max}", en: "--permutations \"{value}\" is not a whole number from 0 to {max}" },
  est_empty_seed: {
    da: "--seed er tom; angiv seed for gentrækningerne som tekst (eller udelad --seed)",
    en: "--seed is empty; give the re-draws' seed as text (or leave --seed out)",
  },
  est_by_horizon_draw_date: {
    da: "--by-horizon kræver hver husstands lodtrækningsdato: angiv --draw-date eller en draw_date-kolonne i fordelingsfilen",
    en: "--by-horizon needs each household's draw date: give --draw-date or a draw_date column in the allocation file",
  },
  est_no_rows_for_outcome: { da: "{file} har ingen rækker for udfaldet \"{outcome}\"", en: "{file} has no rows for outcome \"{outcome}\"" },
  est_quick_flag_in_plan: {
    da: "{flag} hører til hurtig tilstand; med --plan bestemmer planen (ret planen, så viser låsetjekket ændringen)",
    en: "{flag} is for quick mode; with --plan the plan decides (edit the plan, and the lock check will list the change)",
  },
  est_ri_flag_in_plan: {
    da: "{flag} hører til hurtig tilstand; med --plan gælder planens {field} (ret planen, så viser låsetjekket ændringen)",
    en: "{flag} is for quick mode; with --plan the plan's {field} applies (edit the plan, and the lock check will list the change)",
  },
  est_plan_draw_date: {
    da: "plantilstand kræver hver husstands lodtrækningsdato (vinduerne begynder der): angiv --draw-date eller en draw_date-kolonne i fordelingsfilen",
    en: "plan mode needs each household's draw date (the windows start there): give --draw-date or a draw_date column in the allocation file",
  },
  est_exp_date: { da: "en kalenderdato som ÅÅÅÅ-MM-DD eller DD-MM-ÅÅÅÅ", en: "a calendar date as YYYY-MM-DD or DD-MM-YYYY" },
  est_exp_date_quick: {
    da: "en kalenderdato som ÅÅÅÅ-MM-DD (kræves af --window first/last og --by-horizon)",
    en: "a calendar date as YYYY-MM-DD (needed by --window first/last and --by-horizon)",
  },
  est_second_value: {
    da: "har en anden værdi af udfaldet \"{outcome}\" (den første på linje {line}); angiv --window first|last|mean for at gøre dem til én",
    en: "has a second value of outcome \"{outcome}\" (first on line {line}); pass --window first|last|mean to reduce them to one",
  },
  est_exp_one_value: { da: "én værdi pr. person og udfald", en: "one value per person and outcome" },
  // estimate: warnings about the outcome rows (also in the meta's warnings, in English)
  est_before_draw: {
    da: "{outcome}: {n} rækker dateret på eller før husstandens lodtrækningsdato ignoreres (udfald måles efter lodtrækningen)",
    en: "{outcome}: {n} rows dated on or before the household's draw date are ignored (outcomes are measured after the draw)",
  },
  est_no_rows_yet: {
    da: "{outcome}: ingen rækker i {file} endnu, så alle horisonter afventer data (er data kommet, så tjek navnet mod filens outcome-kolonne: {others})",
    en: "{outcome}: no rows in {file} yet, so every horizon is pending (if its data have arrived, check the name against the file's outcome column: {others})",
  },
  est_no_other_outcomes: { da: "ingen andre udfald", en: "no other outcomes" },
  est_not_drawn_rows: {
    da: "{outcome}: {n} rækker for personer i husstande, der aldrig blev trukket, ignoreres",
    en: "{outcome}: {n} rows of persons in households that were never drawn are ignored",
  },
  est_same_day_repeats: {
    da: "{outcome}: {n} gentagne rækker på samme dato (den største værdi bruges)",
    en: "{outcome}: {n} repeated rows on the same date (the larger value is used)",
  },
  est_pending_no_window: {
    da: "intet vindue for år {horizon} er slut ved den sidste {outcome}-dato i udfaldsfilen ({last})",
    en: "no window of year {horizon} has ended by the last {outcome} date in the outcomes file ({last})",
  },
  est_pending_no_value: {
    da: "ingen talte person har en {outcome}-værdi i år {horizon} efter lodtrækningen",
    en: "no counted person has a {outcome} value in year {horizon} after the draw",
  },
  est_open_left_out: {
    da: "{outcome} år {horizon}: {n} personer uden en værdi, hvis vindue for år {horizon} slutter efter den sidste {outcome}-dato i udfaldsfilen ({last}), udelades (deres data afventes)",
    en: "{outcome} year {horizon}: {n} persons without a value whose year-{horizon} window ends after the last {outcome} date in the outcomes file ({last}) are left out (their data are pending)",
  },
  // estimate: warnings of the analysis (also in the meta's warnings, in English)
  est_undrawn: {
    da: "{label}: personer i {n} husstande, der aldrig blev trukket, udelades (ikke i registret)",
    en: "{label}: persons in {n} households that were never drawn are left out (not in the register)",
  },
  est_missing_covariate: {
    da: "{label}: {n} personer med en værdi mangler en kovariat; Lins regression giver dem kovariatens gennemsnit og en indikator for manglende værdi (ingen udelades)",
    en: "{label}: {n} persons with a value have a missing covariate; Lin's regression gives them the covariate's mean and a missingness indicator (nobody is left out)",
  },
  est_takeup_missing: {
    da: "{label}: {n} analyserede husstande er ikke i {file}; de tælles som ikke tilsluttet",
    en: "{label}: {n} analysed households are not in {file}; they count as not taking up",
  },
  est_takeup_file: { da: "tilslutningsfilen", en: "the take-up file" },
  est_below_min_share: {
    da: "{label}: {treatment} personer i indsatsgruppen og {control} i kontrolgruppen, observeret i mindre end {share} af deres vindue, tælles som manglende (planens min_observed_share)",
    en: "{label}: {treatment} treatment and {control} control persons observed for less than {share} of their window count as missing (the plan's min_observed_share)",
  },
  est_differential_attrition: {
    da: "{label}: udfaldet findes for {treatment}% af personerne i indsatsgruppen og {control}% i kontrolgruppen (forskel i frafald på over 5 procentpoint)",
    en: "{label}: outcome available for {treatment}% of treatment and {control}% of control persons (differential attrition above 5 percentage points)",
  },
  est_no_bounds: { da: "{label}: ingen grænser for frafaldet ({reason})", en: "{label}: no bounds on attrition ({reason})" },
  est_blocks_dropped_one: {
    da: "{label}: en blok (runde x stratum) har ingen husstand i den ene gruppe og udelades af alle estimatorer ({where})",
    en: "{label}: a wave x stratum block has no household in one arm and is left out of every estimator ({where})",
  },
  est_blocks_dropped_many: {
    da: "{label}: {n} blokke (runde x stratum) har ingen husstande i den ene gruppe og udelades af alle estimatorer ({where})",
    en: "{label}: {n} wave x stratum blocks have no households in one arm and are left out of every estimator ({where})",
  },
  est_block_where: {
    da: "runde {wave} {stratum}: kun {n} husstande i {arm}, {persons} personer",
    en: "wave {wave} {stratum}: {n} {arm} households only, {persons} persons",
  },
  est_too_few_households: {
    da: "{treatment} husstande i indsatsgruppen og {control} i kontrolgruppen; der kræves mindst {min} pr. gruppe",
    en: "{treatment} treatment and {control} control households; at least {min} per arm are needed",
  },
  est_nothing_to_adjust: {
    da: "ingen blok eller kovariat at justere for (én blok og ingen kovariater)",
    en: "no block or covariate to adjust for (one block and no covariates)",
  },
  est_not_estimated: {
    da: "{label}, {estimator}: ikke estimeret ({reason}); rækken efterlades tom",
    en: "{label}, {estimator}: not estimated ({reason}); the row is left empty",
  },
  est_constant_covariate: {
    da: "{label}, lm_lin: kovariaten {name} har samme værdi for alle analyserede personer; udeladt",
    en: "{label}, lm_lin: covariate {name} has the same value for every analysed person; left out",
  },
  est_no_interaction: { da: "{label}: ingen interaktionstest ({reason})", en: "{label}: no interaction test ({reason})" },
  est_ri_unbounded: {
    da: "{label}, {estimator}: randomiseringsinferensens interval er ikke afgrænset inden for estimatet +- {k} standardfejl; ri_ci_low og ri_ci_high efterlades tomme",
    en: "{label}, {estimator}: the randomisation-inference interval is not bounded within the estimate +- {k} standard errors; ri_ci_low and ri_ci_high are left empty",
  },
  // the estimators' reasons for leaving a row empty (src/estimate/; kept in English in the meta's warnings)
  est_ee_sample: { da: "stikprøven", en: "the sample" },
  est_ee_block: { da: "blok {code}", en: "block {code}" },
  est_ee_both_conditions: { da: "{label}: skal have enheder i både indsats- og kontrolgruppen", en: "{label}: must have units with both treatment conditions" },
  est_ee_two_each: {
    da: "{label}: skal have mindst to enheder i indsatsgruppen og to i kontrolgruppen",
    en: "{label}: must have at least two treated and two control units",
  },
  est_ee_blocks_multiple: { da: "alle blokke skal have flere enheder (eller klynger)", en: "all blocks must have multiple units (or clusters)" },
  est_ee_takeup_constant: {
    da: "tilslutningen er den samme for alle: der er intet første trin at dele med",
    en: "take-up is the same for everyone: there is no first stage to divide by",
  },
  est_ee_first_stage_zero: {
    da: "første trin er nul: lodtrækningen ændrede ikke tilslutningen, så effekten blandt deltagere er ikke identificeret",
    en: "the first stage is zero: assignment did not change take-up, so the complier effect is not identified",
  },
  est_ee_lee_no_treated: { da: "blok {code}: ingen person i indsatsgruppen med en værdi", en: "block {code}: no treated person with a value" },
  est_ee_lee_no_control: { da: "blok {code}: ingen person i kontrolgruppen med en værdi", en: "block {code}: no control person with a value" },
  est_ee_sg_no_person: { da: "ingen personer i denne undergruppe", en: "no person in this subgroup" },
  est_ee_sg_no_treated: { da: "ingen personer i indsatsgruppen i denne undergruppe", en: "no treated person in this subgroup" },
  est_ee_sg_no_control: { da: "ingen personer i kontrolgruppen i denne undergruppe", en: "no control person in this subgroup" },
  est_ee_sg_nothing_to_adjust: {
    da: "ingen blok eller kovariat at justere for i denne undergruppe (én blok og ingen kovariater)",
    en: "no block or covariate to adjust for in this subgroup (one block and no covariates)",
  },
  est_ee_sg_collinear: { da: "{name} er kollineær med interaktionsmodellens øvrige led", en: "{name} is collinear with the other terms of the interaction model" },
  est_ee_sg_none_estimated: { da: "ingen undergruppe har et estimat; ingen interaktion at teste", en: "no subgroup has an estimate; no interaction to test" },
  est_ee_sg_one_estimated: { da: "kun én undergruppe har et estimat; ingen interaktion at teste", en: "only one subgroup has an estimate; no interaction to test" },
  est_ee_se: { da: "{term}: standardfejlen er {se} (ingen variation tilbage at estimere den ud fra)", en: "{term}: the standard error is {se} (no variation left to estimate it)" },
  est_ee_se_zero: {
    da: "{term}: standardfejlen er numerisk nul ({se}); modellen efterlader ingen residualvariation",
    en: "{term}: the standard error is numerically zero ({se}); the model leaves no residual variation",
  },
  est_ee_df: { da: "{term}: frihedsgraderne er {df}", en: "{term}: degrees of freedom are {df}" },
  est_ee_leverage: {
    da: "{se_type} er ikke defineret: en observation har leverage én (f.eks. den eneste enhed af sin slags)",
    en: "{se_type} is undefined: an observation has leverage one (e.g. the only unit of its kind)",
  },
  est_ee_two_clusters: { da: "klyngerobuste standardfejl kræver mindst to klynger", en: "cluster-robust standard errors need at least two clusters" },
  est_ee_collinear: {
    da: "designet har ikke fuld rang: kolonnen {column} er (næsten) kollineær med tidligere kolonner",
    en: "the design is rank deficient: column {column} is (nearly) collinear with earlier columns",
  },
  // estimate: subgroup rows not estimated, one terminal line per level
  est_subgroup_not_estimated_one: {
    da: "undergruppe {subgroup} = {level}: 1 række ikke estimeret ({places}): {reasons}; rækken efterlades tom (hver årsag står i metadataens warnings)",
    en: "subgroup {subgroup} = {level}: 1 row not estimated ({places}): {reasons}; the row is left empty (each reason in the meta's warnings)",
  },
  est_subgroup_not_estimated_many: {
    da: "undergruppe {subgroup} = {level}: {n} rækker ikke estimeret ({places}): {reasons}; rækkerne efterlades tomme (hver årsag står i metadataens warnings)",
    en: "subgroup {subgroup} = {level}: {n} rows not estimated ({places}): {reasons}; the rows are left empty (each reason in the meta's warnings)",
  },
  est_subgroup_block_reason: {
    da: "en blok (runde x stratum) i lodtrækningen har for få husstande i indsats- eller kontrolgruppen i denne undergruppe",
    en: "a wave x stratum block of the draw has too few treated or control households in this subgroup",
  },
  // estimate: the plan's lock and pending horizons
  est_plan_status: { da: "plan {id}: {status}", en: "plan {id}: {status}" },
  est_plan_deviates: {
    da: "afviger fra den låste plan (låst sha256 {sha}...) på {n} punkter:",
    en: "deviates from the locked plan (locked sha256 {sha}...) in {n} places:",
  },
  est_plan_not_locked: {
    da: "ikke låst (kør effekt plan lock, før udfald læses)",
    en: "not locked (run effekt plan lock before reading outcomes)",
  },
  est_deviation: { da: "afvigelse: {deviation}", en: "deviation: {deviation}" },
  est_pending: { da: "{outcome} år {horizon}: afventer data ({reason})", en: "{outcome} year {horizon}: data pending ({reason})" },
  // estimate: the summary
  est_not_estimated_short: { da: "ikke estimeret", en: "not estimated" },
  // a figure's interval is separated by ; in Danish, where the comma is the decimal mark
  est_summary_estimate: {
    da: "{estimate} [{low}; {high}] (se {se}, p {p}{holm}{ri})",
    en: "{estimate} [{low}, {high}] (se {se}, p {p}{holm}{ri})",
  },
  est_summary_row: {
    da: "{label} {estimator} ({estimand}): {estimate}, n {treatment} i indsatsgruppen / {control} i kontrolgruppen i {households} husstande",
    en: "{label} {estimator} ({estimand}): {estimate}, n {treatment} treatment / {control} control in {households} households",
  },
  est_summary_takeup: {
    da: "tilslutning: {took} af {households} husstande i {arm} ({share})",
    en: "take-up: {took} of {households} {arm} households ({share})",
  },
  est_summary_suppressed: {
    da: "{mark}: færre end {min} personer eller husstande, eller tallet ville afsløre et sådant antal (se effekt report)",
    en: "{mark}: fewer than {min} persons or households, or would give such a count back (see effekt report)",
  },
  est_summary_table: { da: "effekttabel: {out} (metadata: {meta})", en: "effect table: {out} (metadata: {meta})" },
  // plan deviations (also in the meta's plan.deviations, in English)
  est_dev_changed: { da: "{path}: låst {locked}, nu {used}", en: "{path}: locked {locked}, used {used}" },
  est_dev_removed: { da: "{path}: fjernet {list}", en: "{path}: removed {list}" },
  est_dev_added: { da: "{path}: tilføjet {list}", en: "{path}: added {list}" },
  est_dev_order: { da: "{path}: rækkefølgen ændret fra {from} til {to}", en: "{path}: order changed from {from} to {to}" },
  est_dev_not_set: { da: "(ikke angivet)", en: "(not set)" },
  est_dev_unnamed: {
    da: "(planerne er forskellige på en måde, sammenligningen ikke kan navngive)",
    en: "(the plans differ in a way the comparison cannot name)",
  },
  // plan lock and plan show: their help
  est_help_lock: {
    da: "registrér analyseplanen og dens hash ved siden af registret (<register>.manifests/plan-lock.json)",
    en: "record the analysis plan and its hash beside the register (<register>.manifests/plan-lock.json)",
  },
  est_help_lock_plan: { da: "analyseplanen (JSON; se data-schemas/analysis-plan.md)", en: "the analysis plan (JSON; see data-schemas/analysis-plan.md)" },
  est_help_lock_register: { da: "lodtrækningsregistret fra effekt draw", en: "the allocation register from effekt draw" },
  est_help_lock_date: {
    da: "registrér denne dato som låsedato (ellers registreres intet klokkeslæt)",
    en: "record this date as the lock date (no clock time is recorded otherwise)",
  },
  est_help_lock_relock: {
    da: "erstat en låst plan med en anden (kræver --reason; den gamle plan bliver i historikken)",
    en: "replace a locked plan by a different one (needs --reason; the old plan stays in the history)",
  },
  est_help_lock_reason: { da: "med --relock: hvorfor planen ændres", en: "with --relock: why the plan changes" },
  est_help_show: {
    da: "vis planen låst i et register, dens historik og (med --plan) om en plan stemmer med den",
    en: "print the plan locked in a register, its history, and (with --plan) whether a plan matches it",
  },
  est_help_show_plan: {
    da: "sammenlign denne plan med den låste, og vis hver afvigelse",
    en: "compare this plan with the locked one and list every deviation",
  },
  est_help_show_format: {
    da: "text (standard) eller json (selve låsefilen, eller sammenligningen med --plan)",
    en: "text (default) or json (the lock file itself, or the comparison with --plan)",
  },
  // plan: checks against persons.csv
  est_plan_covariate_unknown: {
    da: "{path}: kovariaten \"{covariate}\" er hverken en kolonne i {file} (den har {columns}) eller en afledt kovariat ({derived})",
    en: "{path}: covariate \"{covariate}\" is not a column of {file} (it has {columns}) nor a derived covariate ({derived})",
  },
  est_plan_subgroup_unknown: {
    da: "subgroups[{name}].column: \"{column}\" er hverken en kolonne i {file} (den har {columns}) eller {register} fra registret",
    en: "subgroups[{name}].column: \"{column}\" is not a column of {file} (it has {columns}) nor {register} from the register",
  },
  // plan: validation problems and the lock
  // plan: the analysis plan's schema (its problems are framed by formatPlanIssues)
  est_zod_slug: {
    da: "må kun bestå af små bogstaver, cifre, '-' eller '_' (og begynde med et bogstav eller ciffer)",
    en: "must be lower-case letters, digits, '-' or '_' (starting with a letter or digit)",
  },
  est_zod_column_name: {
    da: "skal være et kolonnenavn: bogstaver, cifre, '_', '.' eller '-', der begynder med et bogstav eller '_'",
    en: "must be a column name: letters, digits, '_', '.' or '-', starting with a letter or '_'",
  },
  est_zod_at_least: { da: "skal være mindst {n}", en: "must be at least {n}" },
  est_zod_more_than: { da: "skal være større end {n}", en: "must be more than {n}" },
  est_zod_whole: { da: "skal være et helt tal", en: "must be a whole number" },
  est_zod_whole_per_year: { da: "skal være et helt antal værdier pr. år", en: "must be a whole number of values per year" },
  est_zod_age_order: { da: "skal være mindst age_min ({min}), er {max}", en: "must be at least age_min ({min}), is {max}" },
  est_zod_aggregation: {
    da: "skal være \"mean\", \"last\", \"first\", \"sum\" eller \"max\" (hvordan værdierne i et vindue bliver til ét tal pr. person)",
    en: "must be \"mean\", \"last\", \"first\", \"sum\" or \"max\" (how the values in a window become one number per person)",
  },
  est_zod_duplicate_covariate: { da: "kovariaten \"{name}\" står to gange", en: "duplicate covariate \"{name}\"" },
  est_zod_outcome_name: {
    da: "skal være en ikke-tom tekst (værdien i outcomes.csv's outcome-kolonne)",
    en: "must be a non-empty text (the value in outcomes.csv's outcome column)",
  },
  est_zod_role: { da: "skal være \"primary\" eller \"secondary\"", en: "must be \"primary\" or \"secondary\"" },
  est_zod_type: {
    da: "skal være \"binary\" (værdier 0/1 eller en andel i [0, 1]) eller \"continuous\"",
    en: "must be \"binary\" (values 0/1 or a share in [0, 1]) or \"continuous\"",
  },
  est_zod_direction: { da: "skal være \"higher_is_better\" eller \"lower_is_better\"", en: "must be \"higher_is_better\" or \"lower_is_better\"" },
  est_zod_horizons: {
    da: "skal angive mindst én horisont (år efter lodtrækningsdatoen)",
    en: "must name at least one horizon (years after the draw date)",
  },
  est_zod_increasing: { da: "skal være stigende: {value} kommer efter {before}", en: "must be increasing: {value} follows {before}" },
  est_zod_subgroup_outcomes: {
    da: "skal angive mindst ét udfald eller udelades for alle",
    en: "must name at least one outcome, or be left out for all",
  },
  est_zod_family_outcomes: { da: "skal angive mindst ét udfald", en: "must name at least one outcome" },
  est_zod_multiplicity: { da: "skal være \"holm\", \"bh\" eller \"both\"", en: "must be \"holm\", \"bh\" or \"both\"" },
  est_zod_permutations: {
    da: "skal være 0 (ingen randomiseringsinferens) eller mere",
    en: "must be 0 (no randomisation inference) or more",
  },
  est_zod_statistic: { da: "skal være \"estimate\" eller \"studentised\"", en: "must be \"estimate\" or \"studentised\"" },
  est_zod_families: { da: "skal angive mindst én familie eller udelades", en: "must name at least one family, or be left out" },
  est_zod_outcomes: { da: "skal have mindst ét udfald", en: "must list at least one outcome" },
  est_zod_duplicate_outcome: { da: "udfaldet \"{name}\" står to gange", en: "duplicate outcome \"{name}\"" },
  est_zod_needs_periods: {
    da: "kræver periods_per_year (hvor mange værdier et fuldt observeret år rummer) for at kende den observerede andel",
    en: "needs periods_per_year (how many values a fully observed year holds) to tell the observed share",
  },
  est_zod_duplicate_family: { da: "familien \"{name}\" står to gange", en: "duplicate family \"{name}\"" },
  est_zod_not_outcome: { da: "er ikke et udfald i denne plan (den har {names})", en: "is not an outcome of this plan (it has {names})" },
  est_zod_no_horizon: { da: "har ingen horisont {horizon} (dens horisonter er {horizons})", en: "has no horizon {horizon} (its horizons are {horizons})" },
  est_zod_in_family: {
    da: "{outcome} år {horizon} er allerede i familien \"{family}\" (en test hører til én familie)",
    en: "{outcome} year {horizon} is already in family \"{family}\" (a test belongs to one family)",
  },
  est_zod_duplicate_subgroup: { da: "undergruppen \"{name}\" står to gange", en: "duplicate subgroup \"{name}\"" },
  est_zod_sha256: { da: "skal være en SHA-256 i hex med små bogstaver", en: "must be a SHA-256 in lower-case hex" },
  est_issue_value: { da: " (værdi {value})", en: " (value {value})" },
  est_lock_not_json: {
    da: "{path}: er ikke gyldig JSON; forventet en planlås skrevet af effekt plan lock",
    en: "{path}: is not valid JSON; expected a plan lock written by effekt plan lock",
  },
  est_lock_field: {
    da: "{path}: feltet {field}: {message}; forventet en planlås skrevet af effekt plan lock",
    en: "{path}: field {field}: {message}; expected a plan lock written by effekt plan lock",
  },
  est_lock_plan_source: { da: "{path} (den låste plan)", en: "{path} (the locked plan)" },
  est_lock_hash_edited: {
    da: "{path}: den låste plan har hashen {actual}..., men låsen registrerer {recorded}...; låsefilen er blevet redigeret",
    en: "{path}: the locked plan hashes to {actual}... but the lock records {recorded}...; the lock file was edited",
  },
  est_lock_chain_broken: {
    da: "{path}: låsning {k} af {n} angiver ikke hashen af låsningen før den (historikken er en hashkæde); låsefilen er blevet redigeret, eller dens historik er fjernet",
    en: "{path}: lock {k} of {n} does not name the hash of the lock before it (the history is a hash chain); the lock file was edited or its history removed",
  },
  est_lock_history_removed: {
    da: "{path}: registrets commit-log nævner {anchors} planlåsninger, låsefilen rummer {n}; dens historik er fjernet",
    en: "{path}: the register's commit record lists {anchors} plan locks, the lock file holds {n}; its history was removed",
  },
  est_lock_anchor_differs: {
    da: "{path}: låsning {k} afviger fra den, registrets commit-log forankrer; låsefilen er blevet redigeret",
    en: "{path}: lock {k} differs from the one the register's commit record anchors; the lock file was edited",
  },
  est_lock_bad_date: { da: "--date: værdien {value} er ikke en dato; forventet ÅÅÅÅ-MM-DD", en: "--date: value {value} is not a date; expected YYYY-MM-DD" },
  est_lock_empty_reason: {
    da: "--reason: skal være en ikke-tom tekst, der siger, hvorfor planen ændres",
    en: "--reason: must be a non-empty text saying why the plan changes",
  },
  est_lock_no_register: {
    da: "kan ikke læse {file}: filen findes ikke; træk en runde først (låsen registrerer registrets tilstand)",
    en: "cannot read {file}: no such file; draw a wave first (the lock records the register's state)",
  },
  est_lock_register_changed: {
    da: "{file} stemmer ikke med sine manifester (den er ændret efter runde {wave}); kør effekt verify --register {file}. Intet blev låst.",
    en: "{file} does not match its manifests (it was changed after wave {wave}); run effekt verify --register {file}. Nothing was locked.",
  },
  est_lock_differs: {
    da: "{file} har allerede planen \"{id}\" låst (sha256 {sha}...); denne plan afviger: {deviations}. Kør igen med --relock --reason \"hvorfor\" for at erstatte den låste plan (den gamle plan bliver i låsens historik). Intet blev låst.",
    en: "{file} already has plan \"{id}\" locked (sha256 {sha}...); this plan differs: {deviations}. To replace the locked plan, run again with --relock --reason \"why\" (the old plan stays in the lock's history). Nothing was locked.",
  },
  est_relock_nothing: {
    da: "--relock: ingen plan er låst for {file} endnu; lås den uden --relock",
    en: "--relock: no plan is locked for {file} yet; lock it without --relock",
  },
  est_relock_needs_reason: {
    da: "--relock kræver --reason \"hvorfor planen ændres\" (den gemmes i låsens historik)",
    en: "--relock needs --reason \"why the plan changes\" (it is kept in the lock's history)",
  },
  est_reason_without_relock: { da: "--reason hører sammen med --relock", en: "--reason goes with --relock" },
  est_lock_plan_id: { da: "\"{id}\" version {version} (sha256 {sha})", en: "\"{id}\" version {version} (sha256 {sha})" },
  est_lock_waves: { da: "runde {waves}", en: "waves {waves}" },
  est_lock_unchanged: {
    da: "planen {plan} er allerede låst for {register}; intet ændret ({path})",
    en: "plan {plan} is already locked for {register}; nothing changed ({path})",
  },
  est_lock_locked: { da: "låste planen {plan} for {register} ({waves} trukket): {path}", en: "locked plan {plan} for {register} ({waves} drawn): {path}" },
  est_lock_relocked: {
    da: "låst igen: planen {plan} erstatter sha256 {previous} ({waves} trukket; begrundelse: {reason}); den erstattede plan gemmes i {path}",
    en: "relocked: plan {plan} replaces sha256 {previous} ({waves} drawn; reason: {reason}); the replaced plan is kept in {path}",
  },
  est_lock_changed: { da: "ændret: {deviation}", en: "changed: {deviation}" },
  // plan show
  est_show_bad_format: { da: "--format \"{format}\" er hverken text eller json", en: "--format \"{format}\" is not text or json" },
  est_show_not_locked: { da: "ingen plan er låst for {register}", en: "no plan is locked for {register}" },
  est_show_no_lock_file: {
    da: "ingen plan er låst for {register} ({path} findes ikke)",
    en: "no plan is locked for {register} ({path} does not exist)",
  },
  est_show_matches: {
    da: "planen \"{id}\" stemmer med planen låst for {register} (sha256 {sha})",
    en: "plan \"{id}\" matches the plan locked for {register} (sha256 {sha})",
  },
  est_show_deviates: {
    da: "planen \"{id}\" (sha256 {sha}) AFVIGER fra planen låst for {register} (sha256 {locked}):",
    en: "plan \"{id}\" (sha256 {sha}) DEVIATES from the plan locked for {register} (sha256 {locked}):",
  },
  est_show_register_differs: {
    da: "advarsel: registrets runde {waves} giver ikke længere den hash, låsen registrerede (kør effekt verify)",
    en: "warning: the register's waves {waves} no longer hash to what the lock recorded (run effekt verify)",
  },
  est_show_head: { da: "plan \"{id}\": {title}, version {version}", en: "plan \"{id}\": {title}, version {version}" },
  est_show_locked: {
    da: "låst{on}, da registret rummede {waves} (registrets sha256 {sha})",
    en: "locked{on} when the register held {waves} (register sha256 {sha})",
  },
  est_show_on: { da: " den {date}", en: " on {date}" },
  est_show_outcomes: { da: "udfald: {list}", en: "outcomes: {list}" },
  est_show_outcome: { da: "{name} ({role}, år {years})", en: "{name} ({role}, years {years})" },
  est_show_file: { da: "fil: {path}", en: "file: {path}" },
  est_show_consistent: {
    da: "registrets runder på låsetidspunktet er uændrede siden låsningen",
    en: "the register's waves at lock time are unchanged since the lock",
  },
  est_show_inconsistent: {
    da: "ADVARSEL: registrets runder på låsetidspunktet giver ikke længere den hash, låsen registrerede (et andet register, eller ændret siden; kør effekt verify)",
    en: "WARNING: the register's waves at lock time no longer hash to what the lock recorded (another register, or changed since; run effekt verify)",
  },
  est_show_relocked_because: { da: "låst igen, fordi: {reason}", en: "relocked because: {reason}" },
  est_show_earlier: {
    da: "tidligere låsning {n}: planen \"{id}\" sha256 {sha}{on}, runder {waves}{reason}",
    en: "earlier lock {n}: plan \"{id}\" sha256 {sha}{on}, waves {waves}{reason}",
  },
  est_show_earlier_on: { da: ", låst den {date}", en: ", locked on {date}" },
  est_show_earlier_reason: { da: ", begrundelse for den nye låsning: {reason}", en: ", reason for that relock: {reason}" },
  // power: problems
  est_power_not_number: { da: "--{flag} \"{value}\" er ikke et tal", en: "--{flag} \"{value}\" is not a number" },
  est_power_bad_wave: {
    da: "--waves \"{raw}\": runde {i} (\"{part}\") er ikke husstande:andel (f.eks. 321:0.25)",
    en: "--waves \"{raw}\": wave {i} (\"{part}\") is not households:share (e.g. 321:0.25)",
  },
  est_power_need_households: { da: "angiv --households (eller --waves)", en: "give --households (or --waves)" },
  est_power_need_persons: {
    da: "angiv --persons-per-household: det gennemsnitlige antal personer pr. husstand med udfaldet",
    en: "give --persons-per-household: the mean number of persons per household with the outcome",
  },
  est_power_households_or_waves: { da: "angiv --households eller --waves, ikke begge", en: "give --households or --waves, not both" },
  est_power_households_whole: { da: "--households \"{value}\" er ikke et helt tal", en: "--households \"{value}\" is not a whole number" },
  est_power_needs_treat: {
    da: "--households-file kræver --treat: pladserne i indsatsgruppen ved den planlagte lodtrækning, som ved effekt draw --treat",
    en: "--households-file needs --treat: the treatment places of the planned draw, as effekt draw --treat",
  },
  est_power_bad_min_cases: { da: "--min-cases \"{value}\" er ikke et helt tal på mindst 0", en: "--min-cases \"{value}\" is not a whole number of at least 0" },
  est_power_none_eligible: {
    da: "{file}: ingen husstand er berettiget (boligområder {areas}, mindst {min} aktive sager); intet at simulere",
    en: "{file}: no household is eligible (areas {areas}, at least {min} active cases); nothing to simulate",
  },
  est_power_bad_sizes: {
    da: "--persons-per-household skal være mindst 1 og --household-size-cv mindst 0 (fik {m} og {cv})",
    en: "--persons-per-household must be at least 1 and --household-size-cv at least 0 (got {m} and {cv})",
  },
  est_power_simulate_needs_lottery: {
    da: "--simulate kræver --register (en gennemført lodtrækning) eller --households-file (en planlagt lodtrækning): den lodtrækning, der simuleres",
    en: "--simulate needs --register (a lottery drawn) or --households-file (a lottery planned): the lottery whose draw is simulated",
  },
  est_power_register_or_file: { da: "angiv --register eller --households-file, ikke begge", en: "give --register or --households-file, not both" },
  est_power_simulate_no_households: {
    da: "--simulate tager husstande og runder fra --register eller --households-file; udelad --households og --waves",
    en: "--simulate takes its households and waves from --register or --households-file; leave out --households and --waves",
  },
  est_power_simulate_needs_effect: {
    da: "--simulate kræver --effect: den sande effekt, der simuleres (på deltagerne, når --takeup er angivet)",
    en: "--simulate needs --effect: the true effect (on compliers when --takeup is given) to simulate",
  },
  est_power_bad_sims: { da: "--sims \"{value}\" er ikke et positivt helt tal", en: "--sims \"{value}\" is not a positive whole number" },
  // power: the design's problems (src/estimate/power.ts, power_simulation.ts)
  est_pw_range: { da: "{name} skal ligge i {interval}, fik {value}", en: "{name} must be in {interval}, got {value}" },
  est_pw_wave_share: { da: "andelen i indsatsgruppen i runde {i}", en: "wave {i} share treated" },
  est_pw_no_waves: { da: "--waves skal angive mindst én runde", en: "waves must list at least one wave" },
  est_pw_wave_households: {
    da: "runde {i}: antallet af husstande skal være et helt tal >= 2, fik {value}",
    en: "wave {i}: households must be an integer >= 2, got {value}",
  },
  est_pw_households: { da: "antallet af husstande skal være et helt tal >= 3, fik {value}", en: "households must be an integer >= 3, got {value}" },
  est_pw_too_few_for_covariates: {
    da: "for få husstande til {n} kovariater på husstandsniveau",
    en: "too few households for {n} household-level covariates",
  },
  est_pw_bad_se: {
    da: "designets standardfejl {se} er ikke et positivt endeligt tal (sd {sd}, andel i indsatsgruppen {share}): angiv sd i enheder tæt på udfaldets",
    en: "the design's standard error {se} is not a positive finite number (sd {sd}, share treated {share}): give sd in units near the outcome's",
  },
  est_pw_power_alpha: {
    da: "styrken skal være større end alpha ({alpha}): en test har styrken alpha, når der ingen effekt er",
    en: "power must exceed alpha ({alpha}): a test has power alpha at no effect",
  },
  est_pw_unreachable: { da: "ingen effektstørrelse når styrken {power} (alpha {alpha}, df {df})", en: "no effect size reaches power {power} (alpha {alpha}, df {df})" },
  est_pw_mde_overflow: {
    da: "den mindste påviselige effekt løber over (standardfejl {se}): angiv sd i enheder tæt på udfaldets",
    en: "the minimum detectable effect overflows (standard error {se}): give sd in units near the outcome's",
  },
  est_pw_effect_finite: { da: "effekten skal være et endeligt tal, fik {value}", en: "effect must be finite, got {value}" },
  est_pw_sims: { da: "antallet af simuleringer skal være et positivt helt tal, fik {value}", en: "sims must be a positive whole number, got {value}" },
  // power: the analytic answer
  est_power_design: {
    da: "design: {households} husstande x {persons} personer, ICC {icc}, {shares}, R2 {r2}, alpha {alpha}{extras}",
    en: "design: {households} households x {persons} persons, ICC {icc}, {shares}, R2 {r2}, alpha {alpha}{extras}",
  },
  est_power_wave_share: { da: "{households} med {share}", en: "{households} at {share}" },
  est_power_treated: { da: "{shares} i indsatsgruppen", en: "{shares} treated" },
  est_power_size_cv: { da: "CV for husstandsstørrelse {cv}", en: "household size CV {cv}" },
  est_power_attrition: { da: "frafald {attrition}", en: "attrition {attrition}" },
  est_power_takeup: { da: "tilslutning {takeup}", en: "take-up {takeup}" },
  est_power_design_effect: {
    da: "designeffekt {effect}, standardfejl {se}, df {df}",
    en: "design effect {effect}, standard error {se}, df {df}",
  },
  est_power_mde: {
    da: "mindste påviselige effekt ved {power} % styrke: {mde}{unit}",
    en: "minimum detectable effect at {power}% power: {mde}{unit}",
  },
  est_power_mde_cace: {
    da: "mindste påviselige effekt blandt deltagere (CACE) ved {power} % styrke: {mde}{unit}",
    en: "minimum detectable complier effect (CACE) at {power}% power: {mde}{unit}",
  },
  est_power_sd_unit: { da: " standardafvigelser", en: " standard deviations" },
  est_power_power: { da: "styrke til at påvise en effekt på {effect}: {power} %", en: "power to detect an effect of {effect}: {power}%" },
  est_power_power_cace: {
    da: "styrke til at påvise en effekt blandt deltagere (CACE) på {effect}: {power} %",
    en: "power to detect a complier effect (CACE) of {effect}: {power}%",
  },
  // power: the simulation
  est_power_sim_design: {
    da: "design: {source}{planned} ({waves}); {persons} personer, {mean} pr. husstand (CV {cv}){generated}",
    en: "design: {source}{planned} ({waves}); {persons} persons, {mean} per household (CV {cv}){generated}",
  },
  est_power_sim_planned: { da: ", den runde effekt draw ville trække", en: ", the wave effekt draw would run" },
  est_power_sim_wave: {
    da: "runde {wave}: {households} husstande, {share} % i indsatsgruppen",
    en: "wave {wave}: {households} households, {share}% treated",
  },
  est_power_sim_generated: { da: ", størrelser genereret", en: ", sizes generated" },
  est_power_sim_model: {
    da: "udfaldsmodel: effekt {effect}{compliers}, sd {sd}, ICC {icc}, R2 {r2}, frafald {attrition}; {sims} simuleringer, seed \"{seed}\", alpha {alpha}",
    en: "outcome model: effect {effect}{compliers}, sd {sd}, ICC {icc}, R2 {r2}, attrition {attrition}; {sims} simulations, seed \"{seed}\", alpha {alpha}",
  },
  est_power_sim_compliers: { da: " blandt deltagere (tilslutning {takeup})", en: " on compliers (take-up {takeup})" },
  est_power_col_power: { da: "styrke", en: "power" },
  est_power_col_coverage: { da: "dækning", en: "coverage" },
  est_power_col_mean_estimate: { da: "gns. estimat", en: "mean estimate" },
  est_power_col_sd_estimate: { da: "sd af estimat", en: "sd estimate" },
  est_power_col_mean_se: { da: "gns. se", en: "mean se" },
  est_power_analytic: {
    da: "analytisk styrke for samme design (runder, andele, husstandsstørrelser, frafald{r2}): ITT {itt}{cace}",
    en: "analytic power of the same design (waves, shares, household sizes, attrition{r2}): ITT {itt}{cace}",
  },
  est_power_analytic_r2: { da: "; R2 forudsætter justering for kovariater, som lm_lin", en: "; R2 assumes covariate adjustment, as lm_lin" },
  est_power_sim_needs_sizes: {
    da: "--simulate kræver husstandenes størrelser: angiv --persons FIL (personer pr. husstand tælles), eller --persons-per-household N (størrelser genereres)",
    en: "--simulate needs the households' sizes: give --persons FILE (persons per household are counted), or --persons-per-household N (sizes are generated)",
  },
} as const satisfies Record<string, Entry>;
