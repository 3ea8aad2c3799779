/** Disclosure control: one rule set for every table effekt writes for people (see README, "Disclosure control"). */
export { checkMinCell, parseMinCell, DEFAULT_MIN_CELL, MIN_CELL_FLOOR } from "./rules.js";
export { protect, attackerRanges, isSensitiveCount, type CountCell, type Relation, type DisclosureProblem, type SuppressionPattern } from "./protect.js";
export { TableStructure } from "./structure.js";
export { digitsFor, roundForColumn, roundTo } from "./precision.js";
export { withheldMoney, type MoneyCell, type MoneySum } from "./money.js";
