/**
 * `effekt draw`'s terminal lines about counts (the wave's households by arm, the exclusions by reason, each
 * stratum's eligible, treatment and control households and its chance of treatment, the register's size; the dry
 * run's eligibility by area and its strata and places) under the same disclosure control as the report
 * (src/disclosure/, `--min-cell`): a count of 1..N-1 households, a count whose complement within its total is that
 * small, and the cells that would give one back through the sums shown (stratum = treatment + control, the wave =
 * the sum of its strata, an area's households = eligible + excluded, a stratum named as an area with the same
 * number) are shown as [s]; a stratum's p_treatment is shown only when its treatment and eligible counts are. The
 * manifests and the register keep every number: they are the lottery's record, not a publication.
 */
import { TableStructure } from "../disclosure/structure.js";
import { SUPPRESSION_MARK } from "../disclosure/rules.js";
import { tm } from "../i18n/messageLang.js";

export interface StratumLine {
  stratum: string;
  eligible: number;
  treatment: number;
  control: number;
  p_treatment: string;
}

export interface AreaLine {
  area: string;
  households: number;
  eligible: number;
  exclusions: Record<string, number>;
}

/** An exclusion reason of the manifest (a code) in the run's language; an unknown code as its words. */
export function reason(k: string): string {
  if (k === "area_not_selected") return tm("draw_reason_area_not_selected");
  if (k === "too_few_cases") return tm("draw_reason_too_few_cases");
  if (k === "already_drawn") return tm("draw_reason_already_drawn");
  return k.replace(/_/g, " ");
}

/** One cell per count, decided once; `text(id)` is the number or the mark. */
class Cells {
  readonly d: TableStructure;
  private suppressed = false;
  constructor(minCell: number) {
    this.d = new TableStructure(minCell);
  }
  count(id: string, value: number): string {
    return this.d.count(id, value);
  }
  text(id: string): string {
    if (this.d.shown([id])) return String(this.d.value(id));
    this.suppressed = true;
    return SUPPRESSION_MARK;
  }
  /** The mark for a number that is not declared (never shown). */
  mark(): string {
    this.suppressed = true;
    return SUPPRESSION_MARK;
  }
  /** A text resting on counts: shown only when every one of them is. */
  guarded(ids: string[], text: string): string {
    if (this.d.shown(ids)) return text;
    this.suppressed = true;
    return SUPPRESSION_MARK;
  }
  footnote(minCell: number): string[] {
    return this.suppressed ? [tm("draw_footnote", { mark: SUPPRESSION_MARK, min: minCell })] : [];
  }
}

/**
 * One structure for everything `draw` and its dry run print about a wave (areas, strata, the wave's totals, the
 * exclusions by reason, the register's size), so both outputs hide the same cells: read together they give back
 * no more than each does alone.
 */
function waveCells(args: { wave: number; areas: readonly AreaLine[]; strata: readonly StratumLine[]; registerHouseholds?: number; minCell: number }): Cells {
  const c = new Cells(args.minCell);
  const total = (k: "eligible" | "treatment" | "control") => c.count(`wave:${k}`, args.strata.reduce((a, x) => a + x[k], 0));
  const [E, T, C] = [total("eligible"), total("treatment"), total("control")];
  c.d.sum(E, [T, C]);
  for (const x of args.strata) {
    const e = c.count(sId(x.stratum, "eligible"), x.eligible);
    c.d.sum(e, [c.count(sId(x.stratum, "treatment"), x.treatment), c.count(sId(x.stratum, "control"), x.control)]);
  }
  for (const k of ["eligible", "treatment", "control"] as const) c.d.sum(`wave:${k}`, args.strata.map((x) => sId(x.stratum, k)));
  const reasons = [...new Set(args.areas.flatMap((x) => Object.keys(x.exclusions)))];
  for (const x of args.areas) {
    const parts = [c.count(aId(x.area, "eligible"), x.eligible), ...reasons.map((r) => c.count(aId(x.area, r), x.exclusions[r] ?? 0))];
    c.d.sum(c.count(aId(x.area, "households"), x.households), parts);
  }
  // the eligible households are those of the selected areas; an area that is a stratum: the same number twice
  c.d.sum(E, args.areas.map((x) => aId(x.area, "eligible")));
  for (const x of args.strata) if (c.d.has(aId(x.stratum, "eligible"))) c.d.link(aId(x.stratum, "eligible"), sId(x.stratum, "eligible"));
  for (const r of reasons) c.d.sum(c.count(`excluded:${r}`, args.areas.reduce((a, x) => a + (x.exclusions[r] ?? 0), 0)), args.areas.map((x) => aId(x.area, r)));
  if (args.registerHouseholds !== undefined) {
    const reg = c.count("register", args.registerHouseholds);
    if (args.wave === 1) c.d.link(reg, E);
  }
  return c;
}

const sId = (name: string, k: string) => `stratum:${name}:${k}`;
const aId = (name: string, k: string) => `area:${name}:${k}`;

/** The lines after a draw: the wave by arm, exclusions, strata, the register's size. */
export function drawnLines(args: { wave: number; areas: readonly AreaLine[]; strata: readonly StratumLine[]; exclusions: Record<string, number>; registerHouseholds: number; registerPath: string; manifestPath: string; minCell: number }): string[] {
  const c = waveCells(args);
  // every reason is declared through the areas; one that is not (no area) is shown only when it is 0
  const excluded = (r: string, v: number) => (c.d.has(`excluded:${r}`) ? c.text(`excluded:${r}`) : v === 0 ? "0" : c.mark());
  const lines = [
    tm("draw_drawn", { wave: args.wave, eligible: c.text("wave:eligible"), treatment: c.text("wave:treatment"), control: c.text("wave:control") }),
    tm("draw_excluded", { reasons: Object.entries(args.exclusions).map(([r, v]) => `${excluded(r, v)} ${reason(r)}`).join(", ") }),
    ...args.strata.map((x) => tm("draw_stratum", { stratum: x.stratum, eligible: c.text(sId(x.stratum, "eligible")), treatment: c.text(sId(x.stratum, "treatment")), control: c.text(sId(x.stratum, "control")), p: c.guarded([sId(x.stratum, "eligible"), sId(x.stratum, "treatment")], x.p_treatment) })),
    args.wave === 1
      ? tm("draw_register_one", { register: args.registerPath, households: c.text("register"), manifest: args.manifestPath })
      : tm("draw_register_many", { register: args.registerPath, households: c.text("register"), waves: args.wave, manifest: args.manifestPath }),
  ];
  return [...lines, ...c.footnote(args.minCell)];
}

/** The dry run's lines: eligibility by area (households = eligible + excluded), then the strata and their places. */
export function dryRunLines(args: { wave: number; selected: readonly string[]; minCases: number; areas: readonly AreaLine[]; strata: readonly StratumLine[]; minCell: number }): string[] {
  const c = waveCells(args);
  const lines = [
    tm("draw_dry_run", { wave: args.wave }),
    tm("draw_dry_eligibility", { areas: args.selected.join(", "), min: args.minCases }),
    ...args.areas.map((x) => tm("draw_dry_area", { area: x.area, households: c.text(aId(x.area, "households")), eligible: c.text(aId(x.area, "eligible")), reasons: Object.keys(x.exclusions).map((r) => `${c.text(aId(x.area, r))} ${reason(r)}`).join(", ") })),
    tm("draw_dry_strata", { eligible: c.text("wave:eligible") }),
    ...args.strata.map((x) => tm("draw_dry_stratum", { stratum: x.stratum, eligible: c.text(sId(x.stratum, "eligible")), treatment: c.text(sId(x.stratum, "treatment")), control: c.text(sId(x.stratum, "control")), p: c.guarded([sId(x.stratum, "eligible"), sId(x.stratum, "treatment")], x.p_treatment) })),
  ];
  return [...lines, ...c.footnote(args.minCell)];
}
