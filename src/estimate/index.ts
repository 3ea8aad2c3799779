/** The pure numerical core of effect estimation (no file or console I/O). */
export { EstimationError, type EstimationErrorCode } from "./errors.js";
export { type EstimateResult, tInference } from "./result.js";
export { buildDesign, dummyColumns, type Design, type DesignColumn } from "./design.js";
export { olsFit, type OlsFit } from "./ols.js";
export { robustVcov, type SeType, type VarianceInput, type VarianceResult } from "./variance.js";
export { lmRobust, getTerm, type LmRobustOptions, type LmRobustResult } from "./lm_robust.js";
export { lmLin, blockCovariates, type LmLinOptions } from "./lm_lin.js";
export { ivRobust, type IvRobustOptions, type IvRobustResult, type FirstStageDiagnostic } from "./iv_robust.js";
export { differenceInMeans, differenceInMeansParts, type DifferenceInMeansOptions, type DifferenceInMeansResult, type DifferenceInMeansParts, type DimDesign } from "./difference_in_means.js";
export { blocksWithBothArms, type BlockArms, type DroppedBlock } from "./block_arms.js";
export { imputeMissingCovariates, type ImputedCovariates } from "./missing_covariates.js";
export { leeBounds, trimmedMean, type LeeBoundsResult, type LeeBlock } from "./lee_bounds.js";
export { jointBalanceTest, jointBalanceBasis, jointBalanceStatistic, type JointBalanceInput, type JointBalanceResult } from "./balance_test.js";
export { lotteryJointBalance, JOINT_BALANCE_SEED, JOINT_BALANCE_REDRAWS, type JointBalanceRow } from "./balance_lottery.js";
export { adjustFixedFamily, PENDING_RULE } from "./fixed_family.js";
export { complierAverageCausalEffect, type CaceOptions, type CaceResult, type IttPart } from "./cace.js";
export { holm, benjaminiHochberg, pAdjust, type AdjustMethod } from "./multiplicity.js";
export { clusterDesignSe, minimumDetectableEffect, power, powerCace, type ClusterDesign } from "./power.js";
export { pt, qt, pnorm, qnorm, twoSidedP, pfUpper } from "./distributions.js";
export { pnt } from "./noncentral_t.js";
export { lotteryRedraws, type LotteryRedraws, type LotteryHousehold } from "../draw/redraw.js";
export {
  riPValues,
  leanDifferenceInMeans,
  RI_TIE_TOLERANCE,
  type RiDataset,
  type LeanDifferenceInMeans,
  type RiPValuesInput,
  type RiPValuesResult,
} from "./ri_lottery.js";
export {
  subgroupEffects,
  interactionTest,
  type SubgroupResult,
  type SubgroupInput,
  type SubgroupEstimator,
  type SubgroupLevelResult,
  type InteractionTestResult,
} from "./subgroups.js";
export { clusterWaldTest, type ClusterWaldTestResult } from "./cluster_wald.js";
export { leanLin, type LeanLin, type LeanLinInput } from "./ri_lin.js";
export { recordLinRedraws, type RedrawSource, type RecordRedrawsInput } from "./ri_redraws.js";
export { riPValueAt, riConfidenceInterval, riGrid, absoluteDraws, observedStatistic, type RiLinearRecord, type RiInterval } from "./ri_inversion.js";
export { westfallYoungMinP, WY_PENDING_RULE, type WestfallYoungResult } from "./westfall_young.js";
export { simulatePower, type OutcomeModel, type SimulatedData, type SimulatedEstimate, type Diagnosis, type SimulationInput } from "./power_simulation.js";
