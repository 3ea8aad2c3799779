/** The estimate command's pure pipeline: assignment -> analysis data -> estimators -> adjusted table (+ meta). */
export * from "../draw/assignment.js";
export * from "./analysisData.js";
export * from "../io/effectTable.js";
export * from "./estimators.js";
export * from "./adjust.js";
export * from "./quickValues.js";
export * from "./planValues.js";
export * from "./subgroupRows.js";
export * from "./subgroupWarnings.js";
export * from "./estimateEffects.js";
export * from "./simulateDesign.js";
export * from "./riRows.js";
