import { describe, expect, it } from "vitest";
import { formatCell, formatNumber, formatPercent, formatPValue } from "../../src/report/i18n.js";
import { PENDING, SUPPRESSED } from "../../src/report/model.js";

describe("number formatting per language", () => {
  it("Danish: decimal comma, '.' between thousands; English: point and ','", () => {
    expect(formatNumber(1222768.456, "da", 2)).toBe("1.222.768,46");
    expect(formatNumber(1222768.456, "en", 2)).toBe("1,222,768.46");
    expect(formatNumber(-9403172.2, "da", 0)).toBe("-9.403.172");
    expect(formatNumber(-0.0004, "en", 3)).toBe("0.000"); // never "-0.000"
    expect(formatNumber(Number.NaN, "en", 3)).toBe("");
  });
  it("percentages and p-values", () => {
    expect(formatPercent(0.256, "da")).toBe("25,6 %");
    expect(formatPercent(0.256, "en")).toBe("25.6%");
    expect(formatPValue(0.0004, "da")).toBe("<0,001");
    expect(formatPValue(0.0184, "en")).toBe("0.018");
  });
  it("cells: kinds, marks for suppressed and pending", () => {
    const dkk = { key: "net", label: "Net", kind: "dkk" as const };
    expect(formatCell(1400097.65625, dkk, "da")).toBe("1.400.098");
    expect(formatCell(SUPPRESSED, dkk, "da")).toBe("[s]");
    expect(formatCell(PENDING, dkk, "da")).toBe("afventer data");
    expect(formatCell(PENDING, dkk, "en")).toBe("data pending");
    expect(formatCell(null, dkk, "en")).toBe("");
    expect(formatCell(0.01351467069, { key: "estimate", label: "Estimate", kind: "number", decimals: 4 }, "da")).toBe("0,0135");
  });
});
