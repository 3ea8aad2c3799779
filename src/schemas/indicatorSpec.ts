import { z } from "zod";
import { problemList, UserError } from "../errors.js";
import { t, type MessageKey, type MessageValues } from "../i18n/catalogue.js";
import { messageLang, tm } from "../i18n/messageLang.js";

/**
 * The schemas' own messages, noted by their English text: zod keeps each issue's message as the schema gave it
 * (English, the same in every run), and `formatZodIssues` shows it in the run's language when it prints it.
 */
const SCHEMA_TEXTS = new Map<string, { key: MessageKey; values: MessageValues }>();

/** A schema's message (the catalogue's English), noted so that the terminal can show it in the run's language. */
export function schemaText(key: MessageKey, values: MessageValues = {}): string {
  const en = t("en", key, values);
  SCHEMA_TEXTS.set(en, { key, values });
  return en;
}

/** zod's name of a type, in the run's language. */
function typeName(name: string): string {
  const keys: Record<string, MessageKey> = {
    string: "res_zod_t_string",
    number: "res_zod_t_number",
    integer: "res_zod_t_integer",
    float: "res_zod_t_float",
    boolean: "res_zod_t_boolean",
    object: "res_zod_t_object",
    array: "res_zod_t_array",
  };
  return keys[name] !== undefined ? tm(keys[name]) : name;
}

/** zod's own message of an issue (one the schema did not word), in the run's language; undefined for another kind. */
function zodOwnText(issue: z.ZodIssue): string | undefined {
  const list = (xs: readonly unknown[]) => xs.map((x) => (typeof x === "string" ? `'${x}'` : String(x))).join(" | ");
  switch (issue.code) {
    case "invalid_type":
      if (issue.received === "undefined") return tm("res_zod_required");
      if (issue.expected === "integer" && issue.received === "float") return tm("res_zod_whole");
      return tm("res_zod_type", { expected: typeName(issue.expected), received: typeName(issue.received) });
    case "invalid_literal":
      return tm("res_zod_literal", { expected: JSON.stringify(issue.expected) });
    case "unrecognized_keys":
      return tm("res_zod_unknown_keys", { keys: issue.keys.map((k) => `'${k}'`).join(", ") });
    case "invalid_enum_value":
      return tm("res_zod_enum", { options: list(issue.options), received: String(issue.received) });
    case "not_finite":
      return tm("res_zod_finite");
    case "too_small":
      if (issue.exact) return undefined;
      if (issue.type === "array" && issue.inclusive) return tm("res_zod_min_items", { n: String(issue.minimum) });
      if (issue.type === "string" && issue.inclusive) return tm("res_zod_min_chars", { n: String(issue.minimum) });
      if (issue.type === "number") return tm(issue.inclusive ? "res_zod_min_number" : "res_zod_above_number", { n: String(issue.minimum) });
      return undefined;
    case "too_big":
      if (issue.exact) return undefined;
      if (issue.type === "array" && issue.inclusive) return tm("res_zod_max_items", { n: String(issue.maximum) });
      if (issue.type === "number") return tm(issue.inclusive ? "res_zod_max_number" : "res_zod_below_number", { n: String(issue.maximum) });
      return undefined;
    case "invalid_string":
    case "invalid_union":
    case "custom":
      return tm("res_zod_invalid");
    default:
      return undefined;
  }
}

/** An issue's message in the run's language: the schema's own wording from the catalogue, or zod's, translated. */
export function issueText(issue: z.ZodIssue): string {
  if (messageLang() === "en") return issue.message;
  const own = SCHEMA_TEXTS.get(issue.message);
  if (own) return tm(own.key, own.values);
  // zod's default wording (the schema gave none): worded again from the issue's fields
  if (issue.message === z.defaultErrorMap(issue, { defaultError: issue.message, data: undefined }).message) return zodOwnText(issue) ?? issue.message;
  return issue.message;
}

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
const nonEmpty = z.string().trim().min(1, schemaText("res_zod_non_empty"));

export const directionSchema = z.enum(["higher", "lower"], {
  errorMap: () => ({ message: schemaText("res_zod_direction") }),
});
export type Direction = z.infer<typeof directionSchema>;

export const indicatorUnitSchema = z.enum(["share", "rate", "mean"], {
  errorMap: () => ({ message: schemaText("res_zod_ind_unit") }),
});
export type IndicatorUnit = z.infer<typeof indicatorUnitSchema>;

export const areaBaselineSchema = z.object({ value: z.number().finite(), year, source: nonEmpty }).strict();

export const comparisonBaselineSchema = z
  .object({ label: nonEmpty, value: z.number().finite(), year, source: nonEmpty.optional() })
  .strict();

export const targetSchema = z.object({ value: z.number().finite(), year, source: nonEmpty.optional() }).strict();

export const indicatorSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, schemaText("res_zod_id")),
    subgoal: nonEmpty,
    /** The subgoal in English, for an English report (`subgoal` is shown when it is absent). */
    subgoal_en: nonEmpty.optional(),
    definition: nonEmpty,
    /** The definition in English, for an English report (`definition` is shown when it is absent). */
    definition_en: nonEmpty.optional(),
    direction: directionSchema,
    unit: indicatorUnitSchema,
    status: z.enum(["active", "pending"], { errorMap: () => ({ message: schemaText("res_zod_ind_status") }) }).default("active"),
    area_baseline: areaBaselineSchema.optional(),
    comparison_baseline: comparisonBaselineSchema.optional(),
    target: targetSchema.optional(),
    source: nonEmpty,
    note: z.string().optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.status === "active" && ind.area_baseline === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["area_baseline"], message: schemaText("res_zod_baseline_required") });
    }
    if (ind.unit !== "mean") {
      const check = (v: number | undefined, path: string[]) => {
        if (v !== undefined && (v < 0 || v > 1)) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: schemaText("res_zod_proportion", { unit: ind.unit }) });
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
      if (seen.has(ind.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["indicators", i, "id"], message: schemaText("res_zod_duplicate_id", { id: ind.id }) });
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
    return `${path || tm("res_zod_top_level")}: ${issueText(issue)}`;
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
