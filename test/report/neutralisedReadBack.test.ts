import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEffects, readIndicators } from "../../src/report/inputs.js";
import { tempDir } from "../helpers.js";

/**
 * effekt's CSV writers put a `'` before a formula-like label (Excel would run `=...`); the report reads those
 * files back and must show the label itself, not the quote (its own writers neutralise it again on output).
 */
describe("report inputs: labels neutralised by effekt's writers are read back without the quote", () => {
  const dir = tempDir();

  it("indicators.csv: a formula-like area and label lose the leading quote; an ordinary quote stays", () => {
    const path = join(dir, "indicators.csv");
    writeFileSync(path, [
      "indicator,subgoal,area,year,unit,value,comparison_label,status",
      "i1,goal,\"'=HYPERLINK(\"\"x\"\")\",2024,share,0.5,'@cmd,unchanged",
      "i1,goal,'Houlkær,2024,share,0.25,Viborg,unchanged",
    ].join("\n") + "\n");
    const rows = readIndicators(path);
    const areas = rows.map((r) => r.area).sort();
    expect(areas).toEqual(["'Houlkær", '=HYPERLINK("x")']);
    expect(rows.find((r) => r.area.startsWith("="))!.comparison_label).toBe("@cmd");
  });

  it("effects.csv: a formula-like subgroup level loses the leading quote", () => {
    const path = join(dir, "effects.csv");
    writeFileSync(path, [
      "outcome,estimator,estimand,subgroup,subgroup_level,estimate",
      "employment,difference_in_means,ITT,area,'-1+1,0.1",
      "employment,difference_in_means,ITT,area,'+SUM(A1),0.2",
    ].join("\n") + "\n");
    const levels = readEffects(path, []).rows.map((r) => r.subgroup_level).sort();
    expect(levels).toEqual(["+SUM(A1)", "-1+1"]);
  });
});
