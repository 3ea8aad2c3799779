/** Public surface of the indicator computation (pure: no I/O). */
export { computeIndicatorRow, computeIndicators, type ComputeOptions, type IndicatorRowResult } from "./compute.js";
export { ALL_AREAS, shareByAreaYear, shareCellsToValueRows, type ShareAccessors, type ShareCell } from "./fromRecords.js";
export { decideStatus, type IndicatorStatus } from "./status.js";
export { wilson, Z95, type WilsonInterval } from "./wilson.js";
