import { describe, expect, it } from "vitest";
import { decideStatus } from "../../src/indicators/status.js";

describe("decideStatus", () => {
  it("baseline inside the interval (boundaries included) is unchanged-within-uncertainty", () => {
    expect(decideStatus({ lower: 0.7, upper: 0.8 }, 0.75, "higher")).toBe("unchanged-within-uncertainty");
    expect(decideStatus({ lower: 0.75, upper: 0.8 }, 0.75, "lower")).toBe("unchanged-within-uncertainty");
  });
  it("interval above baseline: better if higher is better, worse if lower is better", () => {
    expect(decideStatus({ lower: 0.8, upper: 0.9 }, 0.75, "higher")).toBe("better");
    expect(decideStatus({ lower: 0.8, upper: 0.9 }, 0.75, "lower")).toBe("worse");
  });
  it("interval below baseline: worse if higher is better, better if lower is better", () => {
    expect(decideStatus({ lower: 0.1, upper: 0.2 }, 0.31, "higher")).toBe("worse");
    expect(decideStatus({ lower: 0.1, upper: 0.2 }, 0.31, "lower")).toBe("better");
  });
  it("refuses an inverted interval", () => {
    expect(() => decideStatus({ lower: 0.9, upper: 0.1 }, 0.5, "higher")).toThrow(RangeError);
  });
});
