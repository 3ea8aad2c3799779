import { z } from "zod";
import { problemList, UserError } from "../errors.js";

/**
 * Indicator spec files (`effekt-indicator-spec/1`): which indicators a partial agreement follows, their direction,
 * unit, baselines and targets. Contract documented in `data-schemas/indicator-spec.md`.
 *
 * Conventions: a `share` is stored as a proportion in [0, 1] (75% is 0.75) and changes are reported in percentage
 * points; a `rate` is also a proportion in [0, 1] (e.g. school absence, days absent / school days); a `mean` is in the
 * indicator's own unit. `status: "pending"` means the data are not yet available: a real state that tables show,
 * never a zero.
 */

const year = z.number().int().min(1900).max(2200);
const nonEmpty = z.string().trim().min(1, "must be a non-empty text");

export const directionSchema = z.enum(["higher", "lower"], {
  errorMap: () => ({ message: 'must be "higher" or "lower" (which direction of change is better)' }),
});
export type Direction = z.infer<typeof directionSchema>;

export const indicatorUnitSchema = z.enum(["share", "rate", "mean"], {
  errorMap: () => ({ message: 'must be "share", "rate" or "mean"' }),
});
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

export const areaBaselineSchema = z.object({ value: z.number().finite(), year, source: nonEmpty }).strict();

export const comparisonBaselineSchema = z
  .object({ label: nonEmpty, value: z.number().finite(), year, source: nonEmpty.optional() })
  .strict();

export const targetSchema = z.object({ value: z.number().finite(), year, source: nonEmpty.optional() }).strict();

export const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lower-case letters, digits, '-' or '_'"),
    subgoal: nonEmpty,
    /** The subgoal in English, for an English report (`subgoal` is shown when it is absent). */
    subgoal_en: nonEmpty.optional(),
    definition: nonEmpty,
    /** The definition in English, for an English report (`definition` is shown when it is absent). */
    definition_en: nonEmpty.optional(),
    direction: directionSchema,
    unit: indicatorUnitSchema,
    status: z.enum(["active", "pending"], { errorMap: () => ({ message: 'must be "active" or "pending"' }) }).default("active"),
    area_baseline: areaBaselineSchema.optional(),
    comparison_baseline: comparisonBaselineSchema.optional(),
    target: targetSchema.optional(),
    source: nonEmpty,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.status === "active" && ind.area_baseline === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["area_baseline"], message: 'is required unless status is "pending"' });
    }
    if (ind.unit !== "mean") {
      const check = (v: number | undefined, path: string[]) => {
        if (v !== undefined && (v < 0 || v > 1)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `must be a proportion in [0, 1] for unit "${ind.unit}" (75% is 0.75)` });
        }
      };
      check(ind.area_baseline?.value, ["area_baseline", "value"]);
      check(ind.comparison_baseline?.value, ["comparison_baseline", "value"]);
      check(ind.target?.value, ["target", "value"]);
    }
  });
export type IndicatorSpecEntry = z.infer<typeof indicatorSchema>;

export const indicatorSpecSchema = z
  .object({
    format: z.literal("effekt-indicator-spec/1"),
    name: nonEmpty,
    /** The name in English, for an English report (`name` is shown when it is absent). */
    name_en: nonEmpty.optional(),
    agreement: z.string().optional(),
    period: z.object({ from: z.string(), to: z.string() }).strict().optional(),
    areas: z.array(nonEmpty).optional(),
    notes: z.array(z.string()).optional(),
    indicators: z.array(indicatorSchema).min(1),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.indicators.forEach((ind, i) => {
      if (seen.has(ind.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["indicators", i, "id"], message: `duplicate id "${ind.id}"` });
      seen.add(ind.id);
    });
  });
export type IndicatorSpec = z.infer<typeof indicatorSpecSchema>;

/**
 * One row of aggregated indicator values (`data-schemas/indicator-values.md`): the value of one indicator in one
 * area and year, with its denominator `n`. `value: null` (or absent) means data pending; it never becomes zero.
 * `se` is an optional standard error, used for `rate` and `mean` indicators (shares use the Wilson interval on n).
 */
export const indicatorValueRowSchema = z
  .object({
    indicator: nonEmpty,
    area: nonEmpty,
    year,
    value: z.number().finite().nullable().optional(),
    n: z.number().int().nonnegative().optional(),
    se: z.number().finite().nonnegative().optional(),
  })
  .strict();
export type IndicatorValueRow = z.infer<typeof indicatorValueRowSchema>;

/** Formats zod issues as `file: path.to.field: message; ...` (one line, naming the field). */
export function formatZodIssues(file: string, error: z.ZodError): string {
  const parts = error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : String(p)),
      "",
    );
    return `${path || "(top level)"}: ${issue.message}`;
  });
  return listIssues(file, parts);
}

/** A file's schema issues (`path: message`) in the shape of every reader's problems (errors.ts `problemList`). */
export function listIssues(file: string, parts: readonly string[]): string {
  return problemList(file, parts.map((p) => `${file}: ${p}`));
}

/** Validates a parsed indicator spec file; throws `UserError` naming the file and the field on bad input. */
export function parseIndicatorSpec(json: unknown, file: string): IndicatorSpec {
  const r = indicatorSpecSchema.safeParse(json);
  if (!r.success) throw new UserError(formatZodIssues(file, r.error));
  return r.data;
}

/** Validates aggregated indicator value rows; throws `UserError` naming the file, row and field. */
export function parseIndicatorValues(json: unknown, file: string): IndicatorValueRow[] {
  const r = z.array(indicatorValueRowSchema).safeParse(json);
  if (!r.success) throw new UserError(formatZodIssues(file, r.error));
  return r.data;
}
