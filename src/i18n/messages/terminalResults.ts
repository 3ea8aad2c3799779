/**
 * Results on the terminal: gains', indicators' and report's problems, warnings and summaries, and disclosure.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_RESULTS_MESSAGES = {
  // --min-cell (disclosure/rules.ts)
  res_min_cell_floor: {
    da: "--min-cell {n}: den mindste cellestørrelse skal være et helt tal på mindst {floor} (Danmarks Statistiks regel)",
    en: "--min-cell {n}: the minimum cell size must be a whole number of at least {floor} (Statistics Denmark's rule)",
  },
  res_min_cell_text: { da: "--min-cell {value}: forventet et helt tal på mindst {floor}", en: "--min-cell {value}: expected a whole number of at least {floor}" },
  res_suppressed_gains: {
    da: "{mark}: færre end {min} personer, eller tallet ville afsløre et sådant antal (se effekt report); filen beholder alle tal",
    en: "{mark}: fewer than {min} persons, or would give such a count back (see effekt report); the file keeps every number",
  },
  res_suppressed_indicators: {
    da: "{mark}: færre end {min} personer, eller tallet ville afsløre et sådant antal (se effekt report); filen beholder alle detaljer",
    en: "{mark}: fewer than {min} persons, or would give such a count back (see effekt report); the file keeps full detail",
  },

  // gains: the command line and its inputs (gainsRun/run.ts)
  res_gains_register_persons: {
    da: "--register og --persons hører sammen (persons-filen siger, hvem der er i hvert udfalds population)",
    en: "--register and --persons go together (the persons file says who is in each outcome's population)",
  },
  res_gains_takeup_needs: {
    da: "--takeup kræver --register og --persons (den tæller deltagerne, dem der tog imod, blandt de tildelte)",
    en: "--takeup needs --register and --persons (it counts compliers among the assigned)",
  },
  res_gains_estimator_needs: { da: "--estimator kræver --estimates", en: "--estimator needs --estimates" },
  res_gains_no_effects: {
    da: "angiv --estimates FIL (en effekttabel) eller mindst ét --assume UDFALD=EFFEKT",
    en: "give --estimates FILE (an effect table) or at least one --assume OUTCOME=EFFECT",
  },
  res_assume_twice: { da: "--assume angiver udfaldet \"{outcome}\" i år {year} to gange", en: "--assume names outcome \"{outcome}\" at year {year} twice" },
  res_draws_bad: { da: "--draws \"{draws}\" er ikke et helt tal fra 10000 til {max}", en: "--draws \"{draws}\" is not a whole number from 10000 to {max}" },
  res_seed_empty: {
    da: "--seed er tom; angiv Monte Carlo-seed som tekst (eller udelad --seed for at bruge modellens)",
    en: "--seed is empty; give the Monte Carlo seed as text (or leave --seed out to use the model's)",
  },
  res_seed_missing: { da: "{file}: monte_carlo.seed mangler; angiv --seed TEKST", en: "{file}: monte_carlo.seed is missing; give --seed TEXT" },
  res_overflow_effect: {
    da: "en effekt (--assume eller effekttabellen) eller et tal i modellen",
    en: "an effect (--assume or the effect table) or a number in the model",
  },
  res_overflow_model: {
    da: "et tal i modellen (en enhedsværdi, pris, et antal eller et beløb)",
    en: "a number in the model (a unit value, price, count or amount)",
  },
  res_overflow: {
    da: "{file}: resultatet {field} er ikke et endeligt tal: {cause} er for stort til beregningen; intet er skrevet",
    en: "{file}: the result {field} is not a finite number: {cause} is too large for the arithmetic; nothing was written",
  },
  res_written: { da: "skrevet til {out}", en: "written to {out}" },

  // gains: --assume and the effect table (gainsRun/effects.ts)
  res_assume_shape: {
    da: "--assume \"{raw}\": forventet UDFALD=EFFEKT, UDFALD=EFFEKT:SE eller UDFALD@ÅR=EFFEKT[:SE], f.eks. employment=0.05 (udfald: {outcomes})",
    en: "--assume \"{raw}\": expected OUTCOME=EFFECT, OUTCOME=EFFECT:SE or OUTCOME@YEAR=EFFECT[:SE], e.g. employment=0.05 (outcomes: {outcomes})",
  },
  res_assume_unknown: {
    da: "--assume \"{raw}\": \"{outcome}\" er ikke et udfald i modellen (udfald: {outcomes})",
    en: "--assume \"{raw}\": \"{outcome}\" is not an outcome in the model (outcomes: {outcomes})",
  },
  res_assume_year: {
    da: "--assume \"{raw}\": år {year} skal ligge mellem 1 og modellens horizon_years {horizon}",
    en: "--assume \"{raw}\": year {year} must be between 1 and the model's horizon_years {horizon}",
  },
  res_assume_number: {
    da: "--assume \"{raw}\": {what} \"{text}\" er ikke et tal (brug punktum som decimaltegn, f.eks. 0.05)",
    en: "--assume \"{raw}\": {what} \"{text}\" is not a number (use a point as decimal mark, e.g. 0.05)",
  },
  res_assume_effect: { da: "effekten", en: "effect" },
  res_assume_se: { da: "standardfejlen", en: "standard error" },
  res_assume_se_negative: { da: "--assume \"{raw}\": standardfejlen {se} må ikke være negativ", en: "--assume \"{raw}\": standard error {se} must not be negative" },
  res_no_itt_row: { da: "ingen ITT-række for udfaldet \"{outcome}\"", en: "no ITT row for outcome \"{outcome}\"" },
  res_no_itt_expected: {
    da: "en ITT-estimator (ikke iv_robust/CACE), eller vælg en med --estimator",
    en: "an ITT estimator (not iv_robust/CACE), or choose one with --estimator",
  },
  res_no_estimator_row: { da: "ingen \"{estimator}\"-række for udfaldet \"{outcome}\"", en: "no \"{estimator}\" row for outcome \"{outcome}\"" },
  res_estimator_among: { da: "en estimator blandt {list}", en: "an estimator among {list}" },
  res_ambiguous: {
    da: "er tvetydig: linje {first} og {second} giver begge udfaldet \"{outcome}\" ved horisont {horizon}",
    en: "is ambiguous: lines {first} and {second} both give outcome \"{outcome}\" at horizon {horizon}",
  },
  res_ambiguous_expected: {
    da: "én række pr. udfald, horisont og estimator (eller vælg med --estimator)",
    en: "one row per outcome, horizon and estimator (or choose with --estimator)",
  },
  res_effect_placeholder: { da: "EFFEKT", en: "EFFECT" },
  res_se_expected: { da: "et tal >= 0 (rækken har et estimat)", en: "a number >= 0 (the row has an estimate)" },
  res_missing_outcome_one: {
    da: "har ingen række for hele stikprøven med et estimat ved horisont 1-{horizon} for udfaldet {list} i gevinstmodellen",
    en: "has no whole-sample row with an estimate at horizons 1-{horizon} for outcome {list} of the gains model",
  },
  res_missing_outcome_many: {
    da: "har ingen række for hele stikprøven med et estimat ved horisont 1-{horizon} for udfaldene {list} i gevinstmodellen",
    en: "has no whole-sample row with an estimate at horizons 1-{horizon} for outcomes {list} of the gains model",
  },
  res_missing_outcome_expected: {
    da: "rækker for {list} (via planens gains_outcome), eller {assume}",
    en: "rows for {list} (through the plan's gains_outcome), or {assume}",
  },

  // gains: counts from the register (gainsRun/counts.ts) and the computation (src/gains)
  res_no_population: {
    da: "udfaldet \"{outcome}\" har ingen population at tælle personer i: knyt et udfald i planen til det med gains_outcome, eller angiv outcomes[].population i modellen",
    en: "outcome \"{outcome}\" has no population to count persons in: map a plan outcome to it with gains_outcome, or give outcomes[].population in the model",
  },
  res_cace_needs_takeup: {
    da: "{outcomes}: en CACE-effekt er pr. deltager; angiv --takeup FIL for at tælle deltagerne",
    en: "{outcomes}: a CACE effect is per complier; give --takeup FILE to count the compliers",
  },
  res_no_draw_date: {
    da: "{file}: en husstand i runde {wave} har ingen draw_date; gevinster kræver hver husstands lodtrækningsdato",
    en: "{file}: household in wave {wave} has no draw_date; gains need each household's draw date",
  },
  res_two_draw_dates: { da: "{file}: runde {wave} har to lodtrækningsdatoer ({first}, {second})", en: "{file}: wave {wave} has two draw dates ({first}, {second})" },
  res_planning_takeup: {
    da: "udfaldet \"{outcome}\": en CACE-effekt er pr. deltager; planlægning kræver outcomes[].planning_count.takeup_share (eller angiv --register, --persons og --takeup)",
    en: "outcome \"{outcome}\": a CACE effect is per complier; planning needs outcomes[].planning_count.takeup_share (or give --register, --persons and --takeup)",
  },
  res_drawn_before_year0: {
    da: "{label} blev trukket den {date}, før modellens year0 {year0} (det første budgetår); flyt year0 tilbage",
    en: "{label} was drawn on {date}, before the model's year0 {year0} (the first budget year); move year0 back",
  },
  res_price_index: {
    da: "{field}: prisåret {year} afviger fra modellens {model_year}, og price_index mangler {missing}",
    en: "{field}: price year {year} differs from the model's {model_year} and price_index lacks {missing}",
  },

  // gains: the summary on the terminal (with --out)
  res_sum_effects: { da: "effekter: {list}", en: "effects: {list}" },
  res_sum_effect: { da: "{outcome} {estimand} i år {years}{illustrative}", en: "{outcome} {estimand} at years {years}{illustrative}" },
  // Danish plural, as the report writes it ("antagne (illustrative) effekter"): the values at those years
  res_sum_illustrative: { da: " (illustrative)", en: " (illustrative)" },
  res_sum_counts: { da: "antal ({basis}): {list}", en: "counts ({basis}): {list}" },
  res_sum_counts_register: { da: "fra registret og persons-filen", en: "from the register and persons file" },
  res_sum_counts_planning: { da: "planlægning: modellens forventede tilgang", en: "planning: the model's expected intake" },
  res_sum_count: { da: "{outcome} {value} ({who})", en: "{outcome} {value} ({who})" },
  res_sum_compliers: { da: "deltagere", en: "compliers" },
  res_sum_assigned: { da: "tildelt indsats", en: "assigned" },
  res_sum_budget: {
    da: "budgetår {first}-{last} (år 0 = {year0}), priser {price_year}, diskonteringsrente {rate}; intervaller {level} fra {draws} træk (seed {seed})",
    en: "budget years {first}-{last} (year 0 = {year0}), prices {price_year}, discount rate {rate}; intervals {level} from {draws} draws (seed {seed})",
  },
  res_sum_public: {
    da: "hele den offentlige sektor efter tilbagebetalingen, til og med {through}: netto {net}, nutidsværdi {pv}, P(tilbagebetalt) {p}",
    en: "whole public sector after the repayment, through {through}: net {net}, PV {pv}, P(payback) {p}",
  },
  res_sum_accounts: { da: "nutidsværdi til og med {through} pr. regnskab: {list}", en: "PV through {through} by account: {list}" },
  res_sum_repayment: {
    da: "tilbagebetaling fra kommunen til {investor}: {repayment}; {limit}; P(gulvet binder) {floor}, P(loftet binder) {cap}",
    en: "repayment by the kommune to {investor}: {repayment}; {limit}; P(floor binds) {floor}, P(cap binds) {cap}",
  },
  res_sum_the_investor: { da: "investor", en: "the investor" },
  res_limit_none: { da: "inden for afkastloft og afkastgulv (ingen justering)", en: "within the afkastloft and afkastgulv (no adjustment)" },
  res_limit_capped: {
    da: "nedsat til loftet: tilbagebetalingen blev sat ned, så investors afkast svarer til afkastloftet",
    en: "capped: the repayment was lowered so that the investor's return equals the afkastloft",
  },
  res_limit_floor: {
    da: "hævet til gulvet: tilbagebetalingen blev sat op, så investors afkast svarer til afkastgulvet",
    en: "raised to the floor: the repayment was raised so that the investor's return equals the afkastgulv",
  },
  res_sum_irr: { da: "investors IRR over de daterede betalinger: {irr}{interval}", en: "investor's IRR over the dated flows: {irr}{interval}" },
  res_sum_irr_undefined: { da: "ikke defineret", en: "not defined" },
  res_sum_lines: { da: "  betalingsmål: {list}", en: "  lines: {list}" },
  res_sum_line: {
    da: "{goal}: {met} (P {p}), betaler {payment} i {year}, forventet {expected}",
    en: "{goal}: {met} (P {p}), pays {payment} in {year}, expected {expected}",
  },
  res_sum_met: { da: "opfyldt", en: "met" },
  res_sum_not_met: { da: "ikke opfyldt", en: "not met" },
  res_sum_sensitivities: { da: "største følsomheder: {list}", en: "largest sensitivities: {list}" },
  res_sum_swing: { da: "{assumption} (udsving {swing})", en: "{assumption} (swing {swing})" },
  res_sum_depends: {
    da: "* bygger på illustrative parametre ({n} i modellen, f.eks. {list})",
    en: "* depends on illustrative parameters ({n} in the model, e.g. {list})",
  },

  // indicators (indicatorsRun/run.ts, src/indicators)
  res_ind_one_input: {
    da: "angiv præcis ét af --values (aggregeret CSV) eller --persons (CSV på personniveau)",
    en: "give exactly one of --values (aggregated CSV) or --persons (person-level CSV)",
  },
  res_ind_written: { da: "{name}: {rows} rækker ({pending} afventer data) skrevet til {out}", en: "{name}: {rows} rows ({pending} pending) written to {out}" },
  res_ind_h_indicator: { da: "indikator", en: "indicator" },
  res_ind_h_area: { da: "område", en: "area" },
  res_ind_h_year: { da: "år", en: "year" },
  res_ind_h_value: { da: "værdi", en: "value" },
  res_ind_h_interval: { da: "95 %-interval", en: "95% interval" },
  res_ind_h_n: { da: "n", en: "n" },
  res_ind_h_baseline: { da: "ift. baseline", en: "vs baseline" },
  res_ind_h_comparison: { da: "ift. sammenligning", en: "vs comparison" },
  res_ind_h_target: { da: "mod mål", en: "to target" },
  res_ind_h_status: { da: "status", en: "status" },
  res_ind_pending: { da: "afventer", en: "pending" },
  res_ind_status_better: { da: "bedre", en: "better" },
  res_ind_status_worse: { da: "dårligere", en: "worse" },
  res_ind_status_unchanged: { da: "uændret inden for usikkerheden", en: "unchanged-within-uncertainty" },
  res_ind_status_pending: { da: "afventer", en: "pending" },
  res_ind_status_not_assessable: { da: "kan ikke vurderes", en: "not-assessable" },
  res_ind_points: { da: " pct.-point", en: " pp" },
  res_ind_not_proportion: {
    da: "indikator {indicator}, område {area}, år {year}: værdien {value} skal være en andel i [0, 1]",
    en: "indicator {indicator}, area {area}, year {year}: value {value} must be a proportion in [0, 1]",
  },
  res_ind_unknown: {
    da: "indikatorværdier: ukendt indikator \"{indicator}\" (ikke i specifikationen \"{spec}\")",
    en: "indicator values: unknown indicator \"{indicator}\" (not in spec \"{spec}\")",
  },
  res_ind_duplicate: {
    da: "indikatorværdier: dobbelt række for indikator {indicator}, område {area}, år {year}",
    en: "indicator values: duplicate row for indicator {indicator}, area {area}, year {year}",
  },

  // a JSON file's problems (schemas: the gains model, the indicator spec; zod's own messages)
  res_zod_top_level: { da: "(øverste niveau)", en: "(top level)" },
  res_zod_required: { da: "er påkrævet", en: "Required" },
  res_zod_type: { da: "forventet {expected}, fik {received}", en: "Expected {expected}, received {received}" },
  res_zod_literal: { da: "ugyldig værdi, forventet {expected}", en: "Invalid literal value, expected {expected}" },
  res_zod_unknown_keys: { da: "ukendte felter: {keys}", en: "Unrecognized key(s) in object: {keys}" },
  res_zod_enum: { da: "ugyldig værdi, forventet {options}, fik '{received}'", en: "Invalid enum value. Expected {options}, received '{received}'" },
  res_zod_invalid: { da: "ugyldig værdi", en: "Invalid input" },
  res_zod_min_items: { da: "skal have mindst {n} element(er)", en: "Array must contain at least {n} element(s)" },
  res_zod_max_items: { da: "må højst have {n} element(er)", en: "Array must contain at most {n} element(s)" },
  res_zod_min_chars: { da: "skal have mindst {n} tegn", en: "String must contain at least {n} character(s)" },
  res_zod_min_number: { da: "skal være mindst {n}", en: "Number must be greater than or equal to {n}" },
  res_zod_above_number: { da: "skal være større end {n}", en: "Number must be greater than {n}" },
  res_zod_max_number: { da: "må højst være {n}", en: "Number must be less than or equal to {n}" },
  res_zod_below_number: { da: "skal være mindre end {n}", en: "Number must be less than {n}" },
  res_zod_whole: { da: "skal være et helt tal", en: "Expected integer, received float" },
  res_zod_finite: { da: "skal være et endeligt tal", en: "Number must be finite" },
  res_zod_t_string: { da: "tekst", en: "string" },
  res_zod_t_number: { da: "tal", en: "number" },
  res_zod_t_integer: { da: "helt tal", en: "integer" },
  res_zod_t_float: { da: "decimaltal", en: "float" },
  res_zod_t_boolean: { da: "true/false", en: "boolean" },
  res_zod_t_object: { da: "objekt", en: "object" },
  res_zod_t_array: { da: "liste", en: "array" },
  res_zod_non_empty: { da: "skal være en ikke-tom tekst", en: "must be a non-empty text" },
  res_zod_source: { da: "er påkrævet: hvert tal skal have sin kilde", en: "is required: every number needs its source" },
  res_zod_is_required: { da: "er påkrævet", en: "is required" },
  res_zod_year_number: { da: "skal være et årstal (tal)", en: "must be a year (number)" },
  res_zod_whole_year: { da: "skal være et helt årstal", en: "must be a whole year" },
  res_zod_year_range: { da: "skal være et årstal mellem 1900 og 2200", en: "must be a year between 1900 and 2200" },
  res_zod_price_year: { da: "er påkrævet: hvert beløb skal have sit prisår", en: "is required: every amount needs its price year" },
  res_zod_whole_years: { da: "skal være et helt antal år", en: "must be a whole number of years" },
  res_zod_at_least_1: { da: "skal være mindst 1", en: "must be at least 1" },
  res_zod_at_most: { da: "må højst være {n}", en: "must be at most {n}" },
  res_zod_dkk: { da: "skal være et tal (kr.)", en: "must be a number (DKK)" },
  res_zod_dkk_non_negative: { da: "må ikke være negativ (kr.)", en: "must be non-negative (DKK)" },
  res_zod_date: { da: "skal være en dato ÅÅÅÅ-MM-DD", en: "must be a date YYYY-MM-DD" },
  res_zod_real_date: { da: "skal være en gyldig kalenderdato", en: "must be a real calendar date" },
  res_zod_payer: { da: "skal være \"kommune\", \"region\" eller \"stat\"", en: "must be \"kommune\", \"region\" or \"stat\"" },
  res_zod_number: { da: "skal være et tal", en: "must be a number" },
  res_zod_non_negative: { da: "må ikke være negativ", en: "must be non-negative" },
  res_zod_estimand: {
    da: "skal være \"ITT\" (pr. person tildelt indsatsen) eller \"CACE\" (pr. deltager)",
    en: "must be \"ITT\" (per person assigned) or \"CACE\" (per complier)",
  },
  res_zod_measured: { da: "kræver mindst ét målt (eller antaget) år", en: "needs at least one measured (or assumed) year" },
  res_zod_unit_interval: { da: "skal ligge i [0, 1]", en: "must be in [0, 1]" },
  res_zod_years_increasing: { da: "årene skal være strengt stigende", en: "years must be strictly increasing" },
  res_zod_id: { da: "må kun bestå af små bogstaver, cifre, '-' eller '_'", en: "must be lower-case letters, digits, '-' or '_'" },
  res_zod_unit_values: { da: "kræver mindst én enhedsværdi", en: "needs at least one unit value" },
  res_zod_additional: {
    da: "er påkrævet: er denne omkostning ud over det, kontrolgruppen får?",
    en: "is required: is this cost additional to what the control group gets?",
  },
  res_zod_true_false: { da: "skal være true eller false", en: "must be true or false" },
  res_zod_discount: { da: "skal ligge mellem 0 og 0.20 (0-20 %)", en: "must be between 0 and 0.20 (0-20%)" },
  res_zod_intake_unit: { da: "skal være \"households\" eller \"persons\"", en: "must be \"households\" or \"persons\"" },
  res_zod_intake_years: { da: "kræver mindst ét års tilgang", en: "needs at least one year of intake" },
  res_zod_counting: { da: "skal være \"net_of_control\" eller \"gross\"", en: "must be \"net_of_control\" or \"gross\"" },
  res_zod_below_threshold: {
    da: "skal være \"nothing\" (standard: ingen betaling under tærsklen) eller \"pro_rata\"",
    en: "must be \"nothing\" (the default: no payment below the threshold) or \"pro_rata\"",
  },
  res_zod_control_rate: {
    da: "er påkrævet, når counting er gross (succeser = personer x (control_rate + effekt))",
    en: "is required when counting is gross (successes = persons x (control_rate + effect))",
  },
  res_zod_disbursements: { da: "kræver investors udbetalinger pr. budgetår", en: "needs the investor's disbursements by budget year" },
  res_zod_floor_above: {
    da: "skal være over -1 (udelad afkastgulv, når investor kan tabe det hele)",
    en: "must be above -1 (leave afkastgulv out when the investor can lose everything)",
  },
  res_zod_floor_cap: { da: "må ikke overstige afkastloft.max_annual_return", en: "must not exceed afkastloft.max_annual_return" },
  res_zod_disburse_positive: { da: "skal udbetale et positivt beløb i mindst ét år", en: "must disburse a positive amount in some year" },
  res_zod_format: { da: "skal være \"{format}\"", en: "must be \"{format}\"" },
  res_zod_draws: { da: "skal være mindst 10000", en: "must be at least 10000" },
  res_zod_price_index: {
    da: "{year} afviger fra modellens price_year {price_year}, og price_index.values mangler {missing} (nødvendig for at omregne priser med nettoprisindekset)",
    en: "{year} differs from the model's price_year {price_year} and price_index.values lacks {missing} (needed to move prices with the net price index)",
  },
  res_zod_before_year0: {
    da: "{year} ligger før year0 {year0} (det første budgetår, år 0 i diskonteringen)",
    en: "{year} lies before year0 {year0} (the first budget year, year 0 of the discounting)",
  },
  res_zod_duplicate_id: { da: "dobbelt id \"{id}\"", en: "duplicate id \"{id}\"" },
  res_zod_duplicate_payer: { da: "dobbelt betaler \"{payer}\"", en: "duplicate payer \"{payer}\"" },
  res_zod_cace_takeup: {
    da: "er påkrævet, når effekten er en CACE (planlægningen tæller de forventede deltagere)",
    en: "is required when the effect is a CACE (planning counts the expected compliers)",
  },
  res_zod_beyond_horizon: { da: "{year} ligger ud over horizon_years {horizon}", en: "{year} lies beyond horizon_years {horizon}" },
  res_zod_in_year: { da: "skal ligge i {year}", en: "must lie in {year}" },
  res_zod_not_outcome: { da: "\"{outcome}\" er ikke et udfalds-id i denne model", en: "\"{outcome}\" is not an outcome id in this model" },
  res_zod_direction: {
    da: "skal være \"higher\" eller \"lower\" (hvilken ændringsretning der er bedst)",
    en: "must be \"higher\" or \"lower\" (which direction of change is better)",
  },
  res_zod_ind_unit: { da: "skal være \"share\", \"rate\" eller \"mean\"", en: "must be \"share\", \"rate\" or \"mean\"" },
  res_zod_ind_status: { da: "skal være \"active\" eller \"pending\"", en: "must be \"active\" or \"pending\"" },
  res_zod_baseline_required: { da: "er påkrævet, medmindre status er \"pending\"", en: "is required unless status is \"pending\"" },
  res_zod_proportion: {
    da: "skal være en andel i [0, 1] for enheden \"{unit}\" (75 % er 0.75)",
    en: "must be a proportion in [0, 1] for unit \"{unit}\" (75% is 0.75)",
  },

  // report: flags, inputs and refusals (report/run.ts, report/inputs.ts)
  res_rep_one_of: { da: "{flag} {value}: forventet en af {allowed}", en: "{flag} {value}: expected one of {allowed}" },
  res_rep_formats: { da: "--format: forventet en eller flere af {formats}", en: "--format: expected one or more of {formats}" },
  res_rep_no_results: { da: "--results {dir}: mappen findes ikke", en: "--results {dir}: no such folder" },
  res_rep_results_file: {
    da: "--results {dir}: er en fil; forventet mappen med resultatfilerne",
    en: "--results {dir}: is a file; expected the folder that holds the result files",
  },
  res_rep_out_exists: {
    da: "--out {out}: mappen findes; vælg en anden eller angiv --force for at erstatte den",
    en: "--out {out}: the folder exists; choose another or pass --force to replace it",
  },
  res_rep_nothing: {
    da: "ingen resultatfiler fundet: angiv --results MAPPE eller mindst ét af --register, --effects, --indicators, --gains",
    en: "no result files found: give --results DIR or at least one of --register, --effects, --indicators, --gains",
  },
  res_rep_no_file: { da: "{flag} {path}: filen findes ikke", en: "{flag} {path}: no such file" },
  res_rep_register_empty: {
    da: "{file}: registret er tomt; forventet husstande trukket af effekt draw",
    en: "{file}: the register is empty; expected households drawn by effekt draw",
  },
  res_rep_other_register: {
    da: "{file}: estimaterne kommer fra et register med SHA-256 {theirs}..., ikke fra {register} ({ours}...); kør effekt estimate igen på dette register, eller angiv det register, der blev brugt",
    en: "{file}: the estimates came from a register with SHA-256 {theirs}..., not from {register} ({ours}...); re-run effekt estimate on this register or give the register it used",
  },
} as const satisfies Record<string, Entry>;
