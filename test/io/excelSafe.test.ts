import { describe, expect, it } from "vitest";
import { isFormulaLike, neutraliseFormula, restoreNeutralised } from "../../src/io/excelSafe.js";
import { csvField, csvFieldVerbatim } from "../../src/io/csvOut.js";

describe("neutraliseFormula (OWASP CSV injection advice)", () => {
  it("prefixes text a spreadsheet would run as a formula", () => {
    expect(neutraliseFormula('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseFormula("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(neutraliseFormula("-2+3")).toBe("'-2+3");
    expect(neutraliseFormula("@cmd")).toBe("'@cmd");
    expect(neutraliseFormula("\t=1")).toBe("'\t=1");
    expect(neutraliseFormula("\r=1")).toBe("'\r=1");
    expect(neutraliseFormula("-")).toBe("'-");
  });
  it("leaves plain numbers and ordinary text alone", () => {
    for (const n of ["-0.5", "+3", "-1e-7", "-0", "12", ".5", "-3.", "1E+20"]) expect(neutraliseFormula(n)).toBe(n);
    for (const t of ["Houlkær", "a=b", "", "all areas", "x-y"]) expect(neutraliseFormula(t)).toBe(t);
    expect(isFormulaLike("-0.5")).toBe(false);
    expect(isFormulaLike("-0,5")).toBe(false); // a number in a Danish (decimal comma) CSV
    expect(isFormulaLike("-0,5,1")).toBe(true);
    expect(isFormulaLike("+3 pp")).toBe(true);
  });
  it("csvField neutralises then quotes; csvFieldVerbatim (register) keeps bytes", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(csvField("-0.25")).toBe("-0.25");
    expect(csvField("\t=1")).toBe(`"'\t=1"`);
    expect(csvFieldVerbatim("=A1")).toBe("=A1");
  });
  it("restoreNeutralised undoes neutraliseFormula and nothing else", () => {
    for (const t of ['=HYPERLINK("http://x")', "+SUM(A1)", "-0.5", "Houlkær", "'quoted", "''=x", ""]) expect(restoreNeutralised(neutraliseFormula(t))).toBe(t);
    expect(restoreNeutralised("'Houlkær")).toBe("'Houlkær");
  });
});
