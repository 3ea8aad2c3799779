import { EstimationError } from "./errors.js";
import type { RiLinearRecord } from "./ri_inversion.js";
import { leanLin, type LeanLinInput } from "./ri_lin.js";

/**
 * One pass over S shared lottery re-draws that records, for each dataset, what randomisation inference on Lin's
 * regression needs afterwards (`ri_inversion.ts`: p-values at any constant effect, intervals; `westfall_young.ts`:
 * the family's adjustment): per re-draw s the re-fitted estimates a_s (outcome y) and b_s (the second column d:
 * the observed assignment for ITT rows, take-up for the CACE), and when studentised the CR0 parts
 * v_yy, v_yd, v_dd. The re-draws come from `source.draw(s, ...)` (the lottery re-run at the plan's seed), the same
 * assignment for every dataset, as ri2 uses one permutation matrix for all outcomes.
 */
export interface RedrawSource {
  /** number of households the assignment covers */
  nHouseholds: number;
  /** the observed assignment, by household index */
  observed: Uint8Array;
  /** writes re-draw s into `treated` (and the treated households into `treatedList`); returns how many are treated */
  draw(s: number, treated: Uint8Array, treatedList?: Int32Array): number;
}

export interface RecordRedrawsInput {
  source: RedrawSource;
  permutations: number;
  /** each with exactly two outcome columns: y and d */
  datasets: readonly LeanLinInput[];
  studentised?: boolean;
  /** called about every 1% of the re-draws and at the end */
  onProgress?: (done: number, total: number) => void;
}

export function recordLinRedraws(input: RecordRedrawsInput): RiLinearRecord[] {
  const { source, permutations: S, datasets, studentised = false, onProgress } = input;
  if (!Number.isInteger(S) || S < 1) throw new EstimationError("bad_input", `permutations must be a positive whole number, got ${S}`);
  const H = source.nHouseholds;
  const fits = datasets.map((d) => {
    if (d.outcomes.length !== 2) throw new EstimationError("bad_input", "each RI dataset needs two outcome columns (y and d)");
    return leanLin({ ...d, nHouseholds: H });
  });
  const est = new Float64Array(2);
  const vars = new Float64Array(4);
  const observedList = new Int32Array(H);
  let nObserved = 0;
  for (let h = 0; h < H; h++) if (source.observed[h] === 1) observedList[nObserved++] = h;
  const records: RiLinearRecord[] = fits.map((f, j) => {
    if (!f.refit(source.observed, observedList, nObserved, est, studentised ? vars : undefined)) {
      throw new EstimationError("bad_input", `RI dataset ${j + 1}: an arm has no analysed person under the observed assignment`);
    }
    const record: RiLinearRecord = { observed: { a: est[0], b: est[1] }, a: new Float64Array(S), b: new Float64Array(S) };
    if (studentised) {
      record.observed = { a: est[0], b: est[1], vyy: vars[0], vyd: vars[1], vdd: vars[3] };
      record.vyy = new Float64Array(S);
      record.vyd = new Float64Array(S);
      record.vdd = new Float64Array(S);
    }
    return record;
  });
  const treated = new Uint8Array(H);
  const treatedList = new Int32Array(H);
  const step = Math.max(1, Math.floor(S / 100));
  for (let s = 0; s < S; s++) {
    const count = source.draw(s, treated, treatedList);
    for (let j = 0; j < fits.length; j++) {
      const r = records[j];
      if (!fits[j].refit(treated, treatedList, count, est, studentised ? vars : undefined)) {
        r.a[s] = NaN;
        r.b[s] = NaN;
        continue;
      }
      r.a[s] = est[0];
      r.b[s] = est[1];
      if (studentised) {
        r.vyy![s] = vars[0];
        r.vyd![s] = vars[1];
        r.vdd![s] = vars[3];
      }
    }
    if (onProgress && ((s + 1) % step === 0 || s + 1 === S)) onProgress(s + 1, S);
  }
  return records;
}
