/**
 * The lottery on the terminal: draw's problems, warnings and summary, places, re-draws and verify.
 * Danish and English, placeholders `{name}` the same in both (see terminal.ts for the one-line error frame).
 */
import type { Entry } from "../types.js";

export const TERMINAL_DRAW_MESSAGES = {
  // draw's flags (drawRun/run.ts)
  draw_not_whole: { da: "--{flag} \"{raw}\" er ikke et helt tal på mindst {min} (og højst {max})", en: "--{flag} \"{raw}\" is not a whole number of at least {min} (and at most {max})" },
  draw_redraws_too_many: { da: "--balance-redraws {n} er mere end 1.000.000", en: "--balance-redraws {n} is more than 1,000,000" },
  draw_seed_empty: { da: "--seed er tom; fastlæg og offentliggør en seed-tekst før lodtrækningen", en: "--seed is empty; fix and publish a seed text before the draw" },
  draw_areas_none: { da: "--areas nævner intet boligområde", en: "--areas names no area" },
  // the register and its waves before a draw
  draw_wave_removed: {
    da: "{register}: runde {wave} er trukket og bekræftet (dens commit-post findes), men dens husstande er væk fra registret; en trukket runde kan ikke fjernes eller trækkes om. Kør effekt verify --register {register}. Intet blev trukket.",
    en: "{register}: wave {wave} was drawn and committed (its commit record is there) but its households are gone from the register; a drawn wave cannot be removed or redrawn. Run effekt verify --register {register}. Nothing was drawn.",
  },
  draw_register_edited: {
    da: "{register} er ikke byte for byte det register, som dets rækker giver (et felt som p_treatment er rettet, eller filen er gemt igen); kør effekt verify --register {register} for at se hvor. Intet blev trukket.",
    en: "{register} is not byte for byte the register its rows give (a field such as p_treatment was edited, or the file was re-saved); run effekt verify --register {register} to see where. Nothing was drawn.",
  },
  draw_register_changed: {
    da: "{register} svarer ikke til sine manifester (det er ændret efter runde {wave}); kør effekt verify --register {register} for at se, hvad der er ændret. Intet blev trukket.",
    en: "{register} does not match its manifests (it was changed after wave {wave}); run effekt verify --register {register} to see what changed. Nothing was drawn.",
  },
  draw_already_drawn: {
    da: "runde {wave} er allerede trukket med disse inputfiler og denne seed; registret er uændret ({register})",
    en: "wave {wave} is already drawn with these inputs and this seed; the register is unchanged ({register})",
  },
  draw_rebuilt: { da: "genopbygget (manglede eller var forældet): {files}", en: "rebuilt (missing or stale): {files}" },
  draw_rebuilt_commit: { da: "commit-posten", en: "commit record" },
  draw_rebuilt_balance: { da: "balancetabellen {file}", en: "balance table {file}" },
  draw_rebuilt_joint: { da: "den samlede balancetest {file}", en: "joint balance test {file}" },
  draw_not_next_wave: { da: "--wave {wave} er ikke den næste runde: registret har {has}, så den næste er {next}", en: "--wave {wave} is not the next wave: the register has {has}, so the next is {next}" },
  draw_no_waves: { da: "ingen runder", en: "no waves" },
  draw_waves_up_to: { da: "runde 1 til {last}", en: "waves 1 to {last}" },
  draw_waves_first: { da: "runde 1", en: "waves 1 to 1" },
  draw_interrupted: {
    da: "{manifest}: en lodtrækning af runde {wave} med andre indstillinger blev afbrudt, før den blev bekræftet; kør den igen med samme indstillinger, eller fjern det manifest, hvis den lodtrækning ikke skal tælle. Intet blev trukket.",
    en: "{manifest}: a draw of wave {wave} with other settings was interrupted before it was committed; run it again with the same settings, or remove that manifest if that draw must not count. Nothing was drawn.",
  },
  draw_none_eligible: { da: "runde {wave}: ingen husstand er berettiget (uden for lodtrækningen: {excluded}); intet at trække", en: "wave {wave}: no household is eligible (excluded: {excluded}); nothing to draw" },
  draw_households_changed: {
    da: "runde {wave}: husstandsfilen {file} er ændret, siden den runde blev trukket, og der ligger ingen gemt kopi af den i manifestmappen; genskab den (dens rækker i balancetabellen ville ændre sig). Intet blev trukket.",
    en: "wave {wave}: the households file {file} has changed since that wave was drawn, and no kept copy of it is in the manifests folder; restore it (its balance rows would change). Nothing was drawn.",
  },
  draw_cases_changed: {
    da: "runde {wave}: sagsfilen {file} er ændret, siden den runde blev trukket, og der ligger ingen gemt kopi af den i manifestmappen; genskab den. Intet blev trukket.",
    en: "wave {wave}: the cases file {file} has changed since that wave was drawn, and no kept copy of it is in the manifests folder; restore it. Nothing was drawn.",
  },
  // a wave drawn again with other settings
  draw_redraw_refused: {
    da: "runde {wave} er allerede trukket med andre indstillinger: {differences}. En trukket runde kan ikke trækkes om; husstandene beholder deres gruppe. Intet blev ændret.",
    en: "wave {wave} was already drawn with different settings: {differences}. A drawn wave cannot be redrawn; households keep their arm. Nothing was changed.",
  },
  draw_diff_households: { da: "husstandsfilen (indholdet er et andet)", en: "the households file (its contents differ)" },
  draw_diff_households_path: { da: "husstandsfilens sti", en: "the households file path" },
  draw_diff_households_read: { da: "hvordan husstandsfilen læses (--sheet, --skip-rows, --column, --mapping)", en: "how the households file is read (--sheet, --skip-rows, --column, --mapping)" },
  draw_diff_cases: { da: "sagsfilen eller dens dato", en: "the cases file or its date" },
  draw_diff_seed: { da: "en anden seed", en: "the seed" },
  draw_diff_field: { da: "{field} (registreret {recorded}, nu {now})", en: "{field} (recorded {recorded}, now {now})" },
  // area names of the households file (drawRun/run.ts matchFileAreas)
  draw_area_alias_bad: {
    da: "--area-alias \"{alias}\" er ikke NAVN=OMRÅDE, hvor OMRÅDE er et af de valgte boligområder ({areas})",
    en: "--area-alias \"{alias}\" is not NAME=AREA with AREA one of the selected areas ({areas})",
  },
  draw_area_unconfirmed: {
    da: "{file}: områdenavne, der ikke svarer til noget valgt boligområde: {names}; læs et af dem som et valgt boligområde med --area-alias \"{name}={nearest}\", eller udelad det med --exclude-area \"{name}\". Intet blev trukket.",
    en: "{file}: area names that match no selected area: {names}; read one as a selected area with --area-alias \"{name}={nearest}\" or leave it out with --exclude-area \"{name}\". Nothing was drawn.",
  },
  draw_area_unconfirmed_one: { da: "\"{name}\" (1 husstand; nærmeste valgte boligområde \"{nearest}\")", en: "\"{name}\" (1 household; nearest selected area \"{nearest}\")" },
  draw_area_unconfirmed_many: { da: "\"{name}\" ({n} husstande; nærmeste valgte boligområde \"{nearest}\")", en: "\"{name}\" ({n} households; nearest selected area \"{nearest}\")" },
  draw_areas_absent: {
    da: "--areas nævner {absent}, som ingen husstand i {file} bor i (boligområder i filen: {present})",
    en: "--areas names {absent}, which no household in {file} lives in (areas in the file: {present})",
  },
  // the summary after a draw and of a dry run (drawRun/summary.ts)
  draw_reason_area_not_selected: { da: "bor uden for de valgte boligområder", en: "area not selected" },
  draw_reason_too_few_cases: { da: "for få aktive sager", en: "too few cases" },
  draw_reason_already_drawn: { da: "allerede trukket", en: "already drawn" },
  draw_drawn: {
    da: "runde {wave} trukket: {eligible} berettigede husstande, {treatment} til indsats, {control} til kontrol",
    en: "wave {wave} drawn: {eligible} eligible households, {treatment} treatment, {control} control",
  },
  draw_excluded: { da: "uden for lodtrækningen: {reasons}", en: "excluded: {reasons}" },
  draw_stratum: {
    da: "  {stratum}: {eligible} berettigede, {treatment} til indsats, {control} til kontrol, p_treatment {p}",
    en: "  {stratum}: {eligible} eligible, {treatment} treatment, {control} control, p_treatment {p}",
  },
  draw_register_one: { da: "register: {register} ({households} husstande i 1 runde), manifest: {manifest}", en: "register: {register} ({households} households in 1 wave), manifest: {manifest}" },
  draw_register_many: { da: "register: {register} ({households} husstande i {waves} runder), manifest: {manifest}", en: "register: {register} ({households} households in {waves} waves), manifest: {manifest}" },
  draw_footnote: {
    da: "{mark}: færre end {min} husstande, eller tallet ville afsløre et sådant antal (se rapporten); manifestet har alle tal",
    en: "{mark}: fewer than {min} households, or would give such a count back (see effekt report); the manifest keeps every number",
  },
  draw_dry_run: { da: "prøvekørsel af runde {wave}: intet bliver trukket eller skrevet", en: "dry run of wave {wave}: nothing is drawn or written" },
  draw_dry_eligibility: {
    da: "berettigede pr. boligområde (valgt: {areas}; mindst {min} aktive sager; ikke trukket før):",
    en: "eligibility by area (selected: {areas}; at least {min} active cases; not drawn before):",
  },
  draw_dry_area: {
    da: "  {area}: {households} husstande, {eligible} berettigede; uden for lodtrækningen: {reasons}",
    en: "  {area}: {households} households, {eligible} eligible; excluded: {reasons}",
  },
  draw_dry_strata: { da: "strata og pladser: {eligible} berettigede", en: "strata and places: {eligible} eligible" },
  draw_dry_stratum: {
    da: "  {stratum}: {eligible} berettigede, {treatment} pladser (indsats), {control} til kontrol, p_treatment {p}",
    en: "  {stratum}: {eligible} eligible, {treatment} places (treatment), {control} control, p_treatment {p}",
  },
  draw_balance_heading: {
    da: "balance i baggrundsvariable mellem indsats og kontrol, pr. runde (også i {file}):",
    en: "balance of baseline covariates by arm, per wave (also in {file}):",
  },
  draw_balance_heading_pooled: {
    da: "balance i baggrundsvariable mellem indsats og kontrol, pr. runde og samlet (også i {file}):",
    en: "balance of baseline covariates by arm, per wave and pooled (also in {file}):",
  },
  draw_joint_left_out: { da: "den samlede balancetest er udeladt (--balance-redraws 0)", en: "joint test of balance left out (--balance-redraws 0)" },
  draw_joint_left_out_large: {
    da: "den samlede balancetest er udeladt: {households} husstande (mere end {max}); --balance-redraws N kører den",
    en: "joint test of balance left out: {households} households (more than {max}); --balance-redraws N runs it",
  },
  // the balance table and the joint test of balance on the terminal (report/balance.ts, printed by draw)
  draw_balance_columns: { da: "baggrundsvariabel|runde|n indsats|n kontrol|gns. indsats|gns. kontrol|std. forskel", en: "covariate|wave|n T|n C|mean T|mean C|std diff" },
  draw_balance_footnote: {
    da: "{mark}: færre end {min} husstande, eller tallet ville afsløre et sådant antal (se rapporten)",
    en: "{mark}: fewer than {min} households, or would give such a count back (see effekt report)",
  },
  draw_joint_line: {
    da: "samlet balancetest, alle baggrundsvariable på én gang (randomiseringsinferens, {redraws} gentagne lodtrækninger): {results}",
    en: "joint test of balance, all covariates at once (randomisation inference, {redraws} re-draws of the lottery): {results}",
  },
  draw_joint_no_households: { da: "samlet balancetest: ingen husstande", en: "joint test of balance: no households" },
  draw_joint_wave: { da: "runde {wave}", en: "wave {wave}" },
  draw_joint_p_one: { da: "p = {p} (1 kolonne)", en: "p = {p} (1 column)" },
  draw_joint_p_many: { da: "p = {p} ({n} kolonner)", en: "p = {p} ({n} columns)" },
  draw_joint_nothing: { da: "intet at teste (ingen baggrundsvariabel varierer inden for strata)", en: "nothing to test (no covariate varies within strata)" },
  // places (draw/places.ts)
  draw_treat_unknown: {
    da: "--treat nævner {names}, som ikke har nogen berettiget husstand i denne runde (strata med berettigede husstande: {strata})",
    en: "--treat names {names}, which has no eligible household in this wave (strata with eligible households: {strata})",
  },
  draw_treat_no_places: {
    da: "--treat giver intet antal pladser til stratum \"{stratum}\" ({n} berettigede); giv hvert stratum et antal, 0 hvis ingen",
    en: "--treat gives no number of places for stratum \"{stratum}\" ({n} eligible); give every stratum a number, 0 if none",
  },
  draw_treat_stratum_too_many: {
    da: "--treat giver stratum \"{stratum}\" {places} pladser, men det har kun {n} berettigede husstande",
    en: "--treat gives stratum \"{stratum}\" {places} places but it has only {n} eligible households",
  },
  draw_treat_too_many: {
    da: "--treat beder om {total} indsatspladser, men kun {n} husstande er berettigede i denne runde",
    en: "--treat asks for {total} treatment places but only {n} households are eligible in this wave",
  },
  draw_treat_zero: { da: "--treat {treat}: en runde uden indsatspladser trækker ingen; angiv mindst 1", en: "--treat {treat}: a wave with no treatment places draws nothing; give at least 1" },
  draw_treat_too_large: { da: "--treat {treat}: for stort et antal pladser", en: "--treat {treat}: too large a number of places" },
  draw_treat_syntax: {
    da: "--treat \"{treat}\": \"{part}\" er ikke STRATUM=n; forventet et samlet antal som 60 eller pladser pr. stratum som Houlkær=20,Ellekonebakken=15",
    en: "--treat \"{treat}\": \"{part}\" is not STRATUM=n; expected a total such as 60 or per-stratum places such as Houlkær=20,Ellekonebakken=15",
  },
  draw_treat_twice: { da: "--treat nævner stratum \"{stratum}\" to gange", en: "--treat names stratum \"{stratum}\" twice" },
  draw_treat_all_zero: {
    da: "--treat \"{treat}\": alle strata har 0 pladser; en runde uden indsatspladser trækker ingen",
    en: "--treat \"{treat}\": every stratum has 0 places; a wave with no treatment places draws nothing",
  },
  // the lottery's re-draws (draw/redraw.ts)
  draw_household_twice: { da: "husstand {household} står to gange i registret", en: "household {household} appears twice in the register" },
  draw_treated_length: { da: "treated har {n} elementer, registret har {households} husstande", en: "treated has {n} entries, the register {households} households" },
  // verify (verify/register.ts)
  draw_arm_treatment: { da: "indsats", en: "treatment" },
  draw_arm_control: { da: "kontrol", en: "control" },
  draw_verify_removed: {
    da: "runde {wave}: commit-posten siger, at den er trukket og bekræftet, men registret indeholder ingen af dens husstande (en fjernet runde, ikke en afbrudt lodtrækning)",
    en: "wave {wave}: the commit record says it was drawn and committed, but the register holds none of its households (a removed wave, not an interrupted draw)",
  },
  draw_verify_no_wave: { da: "{register} indeholder ingen trukket runde", en: "{register} holds no drawn wave" },
  draw_verify_no_manifest: {
    da: "runde {wave}: registret har {households} husstande i den, men der er intet manifest for den",
    en: "wave {wave}: the register has {households} households in it but there is no manifest for it",
  },
  draw_verify_seal: {
    da: "runde {wave}: manifestets definition af lodtrækningen (seed, parametre eller inputfilernes hashes) er ikke den, registret blev trukket med: den har hashen {seal}, registrets rækker er forseglet med {rows}",
    en: "wave {wave}: the manifest's draw definition (seed, parameters or input hashes) is not the one the register was drawn with: it hashes to {seal}, the register's rows are sealed with {rows}",
  },
  draw_verify_no_rows: { da: "(ingen rækker)", en: "(no rows)" },
  draw_verify_chain_before: {
    da: "runde {wave}: registret før denne runde har ikke den hash, som manifestet har registreret (hashkæden er brudt)",
    en: "wave {wave}: the register before this wave does not hash to what the manifest recorded (the hash chain is broken)",
  },
  draw_verify_chain_manifest: {
    da: "runde {wave}: manifestet for runde {previous} er ændret, efter runde {wave} blev trukket (hashkæden er brudt)",
    en: "wave {wave}: the manifest of wave {previous} was changed after wave {wave} was drawn (the hash chain is broken)",
  },
  draw_verify_commit: {
    da: "runde {wave}: dens manifest er ændret, efter runden blev bekræftet (commit-posten har en anden SHA-256 for det)",
    en: "wave {wave}: its manifest was changed after the wave was committed (the commit record holds another SHA-256 for it)",
  },
  draw_verify_after: {
    da: "runde {wave}: registret efter denne runde har ikke den hash, som manifestet har registreret",
    en: "wave {wave}: the register after this wave does not hash to what the manifest recorded",
  },
  draw_verify_copies_one: {
    da: "; runde {waves} er genskabt ud fra de pseudonymiserede husstande, der er gemt i manifestmappen (udtrækkene indeholder CPR-numre og gemmes ikke)",
    en: "; wave {waves} re-derived from the pseudonymised households kept in the manifests folder (the exports hold CPR numbers and are not kept)",
  },
  draw_verify_copies_many: {
    da: "; runderne {waves} er genskabt ud fra de pseudonymiserede husstande, der er gemt i manifestmappen (udtrækkene indeholder CPR-numre og gemmes ikke)",
    en: "; waves {waves} re-derived from the pseudonymised households kept in the manifests folder (the exports hold CPR numbers and are not kept)",
  },
  draw_verify_ignored: {
    da: " (så bort fra {n} manifest(er) efterladt af en afbrudt lodtrækning; den næste lodtrækning fjerner dem)",
    en: " (ignored {n} manifest(s) left by an interrupted draw, which the next draw removes)",
  },
  draw_verify_lock_gone_one: {
    da: "{lock}: planlåsen er væk, men registrets commit-post forankrer 1 låsning af analyseplanen; den er fjernet",
    en: "{lock}: the plan lock is gone, but the register's commit record anchors 1 lock of the analysis plan; it was removed",
  },
  draw_verify_lock_gone_many: {
    da: "{lock}: planlåsen er væk, men registrets commit-post forankrer {n} låsninger af analyseplanen; den er fjernet",
    en: "{lock}: the plan lock is gone, but the register's commit record anchors {n} locks of the analysis plan; it was removed",
  },
  draw_verify_manifest_field: { da: "runde {wave}: manifestets {field} er {recorded}, lodtrækningen giver {derived}", en: "wave {wave}: the manifest's {field} is {recorded}, the draw gives {derived}" },
  draw_verify_bytes: {
    da: "{register} linje {line}: afviger fra det register, som dets rækker giver (et felt som p_treatment er rettet, eller filen er gemt igen); forventet {expected}",
    en: "{register} line {line}: differs from the register its rows give (a field such as p_treatment was edited, or the file was re-saved); expected {expected}",
  },
  draw_verify_end_of_file: { da: "(slut på filen)", en: "(end of file)" },
  draw_verify_households_missing: {
    da: "runde {wave}: husstandsfilen {file}, som manifestet angiver, findes ikke; angiv --households for at sige, hvor den er nu",
    en: "wave {wave}: the households file {file} recorded in the manifest does not exist; pass --households to say where it is now",
  },
  draw_verify_cases_missing: {
    da: "runde {wave}: sagsfilen {file}, som manifestet angiver, findes ikke; angiv --cases for at sige, hvor den er nu",
    en: "wave {wave}: the cases file {file} recorded in the manifest does not exist; pass --cases to say where it is now",
  },
  draw_verify_households_changed: {
    da: "runde {wave}: husstandsfilen {file} er ændret siden lodtrækningen (SHA-256 {actual}..., manifestet angiver {expected}...)",
    en: "wave {wave}: the households file {file} has changed since the draw (SHA-256 {actual}..., the manifest recorded {expected}...)",
  },
  draw_verify_cases_changed: {
    da: "runde {wave}: sagsfilen {file} er ændret siden lodtrækningen (SHA-256 {actual}..., manifestet angiver {expected}...)",
    en: "wave {wave}: the cases file {file} has changed since the draw (SHA-256 {actual}..., the manifest recorded {expected}...)",
  },
  draw_verify_row_missing: {
    da: "runde {wave}, husstand {household}: mangler i registret; lodtrækningen giver den {arm} i stratum \"{stratum}\"",
    en: "wave {wave}, household {household}: missing from the register; the draw gives it {arm} in stratum \"{stratum}\"",
  },
  draw_verify_row: { da: "runde {wave}, husstand {household}: {differences}", en: "wave {wave}, household {household}: {differences}" },
  draw_verify_row_arm: { da: "gruppen (arm) er {recorded} i registret, lodtrækningen giver {derived}", en: "arm is {recorded} in the register, the draw gives {derived}" },
  draw_verify_row_stratum: { da: "stratum er \"{recorded}\" i registret, lodtrækningen giver \"{derived}\"", en: "stratum is \"{recorded}\" in the register, the draw gives \"{derived}\"" },
  draw_verify_row_p: { da: "p_treatment er {recorded} i registret, lodtrækningen giver {derived}", en: "p_treatment is {recorded} in the register, the draw gives {derived}" },
  draw_verify_row_date: { da: "draw_date er \"{recorded}\" i registret, lodtrækningen giver \"{derived}\"", en: "draw_date is \"{recorded}\" in the register, the draw gives \"{derived}\"" },
  draw_verify_row_extra: {
    da: "runde {wave}, husstand {household}: står i registret, men er ikke trukket i denne runde ifølge dens manifest og inputfiler",
    en: "wave {wave}, household {household}: in the register but not drawn in this wave by its manifest and inputs",
  },
  // init (cli/init.ts)
  draw_init_dir_is_file: { da: "--dir {dir} er en fil; forventet evalueringsmappen", en: "--dir {dir} is a file; expected the evaluation folder" },
  draw_init_lang: { da: "--lang {value}: forventet da eller en", en: "--lang {value}: expected da or en" },
  draw_init_min_cell: { da: "--min-cell {value}: forventet et helt tal på 3 eller mere", en: "--min-cell {value}: expected a whole number of 3 or more" },
} as const satisfies Record<string, Entry>;
