import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { looksLikeCpr } from "../src/errors.js";
import { SAMPLES } from "./helpers.js";

describe("samples", () => {
  it("hold nothing that looks like a CPR number", () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith(".csv"));
    expect(files).toContain("households.csv");
    for (const f of files) {
      for (const line of readFileSync(join(SAMPLES, f), "utf8").split("\n")) {
        for (const field of line.split(/[,;\t]/)) expect(looksLikeCpr(field), `${f}: ${field}`).toBe(false);
      }
    }
  });
  it("cover the three Viborg areas and one outside, about 2,000 households and 5,000 persons", () => {
    const households = readFileSync(join(SAMPLES, "households.csv"), "utf8").trim().split("\n").slice(1);
    const persons = readFileSync(join(SAMPLES, "persons.csv"), "utf8").trim().split("\n").slice(1);
    expect(households.length).toBe(2000);
    expect(persons.length).toBeGreaterThan(4500);
    expect(persons.length).toBeLessThan(6500);
    expect(new Set(households.map((h) => h.split(",")[1]))).toEqual(new Set(["Houlkær", "Ellekonebakken", "Karup Kølvrå", "Viborg Midtby"]));
  });
});
