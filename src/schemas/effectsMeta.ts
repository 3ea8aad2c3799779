import { z } from "zod";
import { UserError } from "../errors.js";
import { formatZodIssues } from "./indicatorSpec.js";

/**
 * The effect table's sidecar `<table>.meta.json` as a reader checks it (written by `effekt estimate`, built in
 * src/effects/meta.ts, documented in data-schemas/effect-table-meta.md). `report` and `gains` copy its
 * fields into what they write, so a hand-edited sidecar is refused here, naming the field, rather than passed on
 * (a version "NaN", a negative count, an attrition list that is not a list).
 */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in lower-case hex (64 characters)");
const count = z.number().int("must be a whole number").min(0, "must be 0 or more");
const fileRef = z.object({ file: z.string(), sha256: hex64 });
const arm = z.enum(["treatment", "control"], { errorMap: () => ({ message: 'must be "treatment" or "control"' }) });

export const effectsMetaSchema = z.object({
  format: z.literal("effekt-effects-meta-v1", { errorMap: () => ({ message: 'must be "effekt-effects-meta-v1"' }) }),
  effekt_version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, "must be an effekt version such as 0.1.0"),
  table_sha256: hex64,
  register: fileRef.extend({
    source: z.enum(["effekt", "external"], { errorMap: () => ({ message: 'must be "effekt" or "external"' }) }),
    verified_by_effekt: z.boolean(),
    households: count,
    waves: z.array(z.number().int().positive()),
  }),
  inputs: z.object({ persons: fileRef, outcomes: fileRef, takeup: fileRef.nullable() }),
  plan: z
    .object({
      file: z.string(),
      id: z.string(),
      sha256: hex64,
      lock: z.enum(["matches", "deviates", "not locked"], { errorMap: () => ({ message: 'must be "matches", "deviates" or "not locked"' }) }),
      locked_sha256: hex64.nullable(),
      deviations: z.array(z.string()),
    })
    .nullable(),
  alpha: z.number().min(1e-6).max(0.5),
  multiplicity: z.object({ method: z.enum(["holm", "bh", "both"]), estimator: z.string(), families: z.string(), members: z.array(z.unknown()).optional() }),
  permutations: count,
  ri_seed: z.string().nullable(),
  ri_statistic: z.enum(["estimate", "studentised"]).nullable().optional(),
  takeup: z.array(
    z.object({ arm, households: count, took_up: count }).refine((t) => t.took_up <= t.households, { message: "took_up must not exceed households" }),
  ),
  attrition: z.array(
    z
      .object({ outcome: z.string(), horizon: z.number().int().positive().nullable(), arm, persons_counted: count, persons_with_value: count })
      .refine((a) => a.persons_with_value <= a.persons_counted, { message: "persons_with_value must not exceed persons_counted" }),
  ),
  attrition_bounds: z
    .array(z.object({ outcome: z.string(), horizon: z.number().int().positive().nullable(), lower: z.number(), upper: z.number() }).passthrough())
    .optional(),
  pending: z.array(z.object({ outcome: z.string(), horizon: z.number().int().positive(), reason: z.string() })),
  warnings: z.array(z.string()),
});

export type EffectsMetaFile = z.infer<typeof effectsMetaSchema>;

/** Validates a parsed sidecar; throws `UserError` naming the file and every bad field. */
export function parseEffectsMeta(json: unknown, file: string): EffectsMetaFile {
  const r = effectsMetaSchema.safeParse(json);
  if (!r.success) throw new UserError(`${formatZodIssues(file, r.error)}; expected the .meta.json written by effekt estimate beside its table`);
  return r.data;
}
