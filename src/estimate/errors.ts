import { UserError } from "../errors.js";

/** Why an estimate cannot be computed; the CLI may map codes to advice. */
export type EstimationErrorCode =
  | "bad_input"
  | "no_treated"
  | "no_control"
  | "constant_outcome"
  | "rank_deficient"
  | "too_few_clusters"
  | "too_few_units"
  | "mixed_cluster_treatment";

/**
 * A degenerate input for an estimator (no treated units, constant outcome, a rank-deficient design, ...).
 * Estimators throw this rather than returning NaN. It is a `UserError` (exit 2): the data must change.
 */
export class EstimationError extends UserError {
  readonly code: EstimationErrorCode;
  constructor(code: EstimationErrorCode, message: string) {
    super(message);
    this.name = "EstimationError";
    this.code = code;
  }
}
