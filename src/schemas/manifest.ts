import { z } from "zod";

/**
 * How an input was read when it was not a plain CSV with effekt's headers (`--sheet`, `--skip-rows`, `--column`,
 * `--mapping`), so verify reads it the same way. Absent for a plain file, so earlier manifests are unchanged.
 */
const readSettings = z
  .object({ sheet: z.string().optional(), skip_rows: z.number().int().nonnegative().optional(), columns: z.record(z.string()).optional(), decimal: z.enum([",", "."]).optional() })
  .strict()
  .optional();

/** The fields that define a wave's draw: if any of them differs, the wave is a different draw. */
export const drawDefinitionSchema = z
  .object({
    wave: z.number().int().positive(),
    algorithm: z.string(),
    rng: z.string(),
    seed: z.string().min(1),
    draw_date: z.string(),
    areas: z.array(z.string()).min(1),
    /** Area names of the households file read as a selected area (case, spaces, hyphens, or a confirmed alias); only when any. */
    area_names: z.record(z.string()).optional(),
    min_cases: z.number().int().nonnegative(),
    strata_column: z.string(),
    treat: z.union([
      z.object({ kind: z.literal("total"), places: z.number().int().nonnegative() }),
      z.object({ kind: z.literal("perStratum"), places: z.record(z.number().int().nonnegative()) }),
    ]),
    inputs: z.object({
      households: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), read: readSettings }),
      cases: z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), date: z.string(), read: readSettings }).optional(),
      /**
       * A wave whose ids were pseudonymised: the SHA-256 of the households as the draw read them (keyed pseudonyms
       * for ids, active cases on the draw date, the strata and covariates), kept in the manifests folder as
       * `inputs/<sha256>.csv` in place of the exports, which hold CPR numbers (io/waveFiles.ts).
       */
      pseudonymised_households: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    }),
    /** Present when CPR-like ids were replaced by keyed pseudonyms: a fingerprint of the key (io/pseudonym.ts). */
    pseudonym_key_check: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  })
  .strict();

export type DrawDefinition = z.infer<typeof drawDefinitionSchema>;

/** One wave's manifest: its definition, what it found, and the register's hash before and after (a hash chain). */
export const waveManifestSchema = z
  .object({
    format: z.literal("effekt-wave-manifest/1"),
    effekt_version: z.string(),
    definition: drawDefinitionSchema,
    /** SHA-256 of the canonical JSON of `definition`; the register's rows of this wave carry it as `seal`. */
    definition_sha256: z.string().regex(/^[0-9a-f]{64}$/),
    eligible: z.object({ count: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    strata: z.array(
      z.object({
        stratum: z.string(),
        eligible: z.number().int().nonnegative(),
        treatment: z.number().int().nonnegative(),
        control: z.number().int().nonnegative(),
        p_treatment: z.string(),
      }),
    ),
    exclusions: z.object({
      area_not_selected: z.number().int().nonnegative(),
      too_few_cases: z.number().int().nonnegative(),
      already_drawn: z.number().int().nonnegative(),
    }),
    previous_manifest_sha256: z.string().nullable(),
    register_sha256_before: z.string().regex(/^[0-9a-f]{64}$/),
    register_sha256_after: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export type WaveManifest = z.infer<typeof waveManifestSchema>;

/** Canonical JSON: keys sorted at every level, no spaces; what gets hashed. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
