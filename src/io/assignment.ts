import { UserError } from "../errors.js";
import { tm } from "../i18n/messageLang.js";
import { makeAssignment, type Assignment } from "../draw/assignment.js";
import { readAllocationFile } from "./allocationFile.js";
import { requireInputFile } from "./outputGuard.js";
import type { Pseudonymiser } from "./pseudonym.js";
import { committedManifests, readManifests, readRegister } from "./register.js";
import { checkPseudonymKey } from "./waveFiles.js";

/** The assignment from effekt's register (`--register`) or an external allocation file (`--allocation`). */
export function readAssignment(opts: { register?: string; allocation?: string; drawDate?: string }, pseudonyms?: Pseudonymiser): Assignment {
  if ((opts.register === undefined) === (opts.allocation === undefined)) {
    throw new UserError(tm("file_register_or_allocation"));
  }
  if (opts.register !== undefined) {
    requireInputFile(opts.register, "--register");
    if (opts.drawDate !== undefined) throw new UserError(tm("file_draw_date_with_allocation"));
    const rows = readRegister(opts.register);
    if (rows.length === 0) throw new UserError(tm("file_register_empty", { file: opts.register }));
    // a key other than the one the waves were drawn with gives other pseudonyms: nothing would join
    if (pseudonyms) for (const s of committedManifests(rows, readManifests(opts.register)).committed.values()) checkPseudonymKey(s.manifest.definition, { pseudonyms });
    return makeAssignment("effekt", rows.map((r) => ({
      householdId: r.householdId, wave: r.wave, stratum: r.stratum, arm: r.arm, pTreatment: r.pNumerator / r.pDenominator, drawDate: r.drawDate,
    })));
  }
  requireInputFile(opts.allocation, "--allocation");
  return makeAssignment("external", readAllocationFile(opts.allocation!, opts.drawDate, pseudonyms));
}

