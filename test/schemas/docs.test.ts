import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGISTER_COLUMNS } from "../../src/io/register.js";
import { projectSchema } from "../../src/io/project.js";
import { waveManifestSchema, drawDefinitionSchema } from "../../src/schemas/manifest.js";
import { VERSION } from "../../src/version.js";
import { ROOT } from "../helpers.js";

const doc = (name: string) => readFileSync(join(ROOT, "data-schemas", name), "utf8");

describe("data-schemas document what the code reads and writes", () => {
  it("every register column", () => {
    for (const c of REGISTER_COLUMNS) expect(doc("allocations.md")).toContain(`\`${c}\``);
  });
  it("every manifest field", () => {
    for (const k of [...Object.keys(waveManifestSchema.shape), ...Object.keys(drawDefinitionSchema.shape)]) expect(doc("wave-manifest.md")).toContain(k);
  });
  it("the input columns", () => {
    for (const c of ["household_id", "area", "active_cases"]) expect(doc("households.md")).toContain(`\`${c}\``);
    for (const c of ["case_id", "household_id", "opened", "closed"]) expect(doc("cases.md")).toContain(`\`${c}\``);
  });
  it("every field of the project file", () => {
    const shape = projectSchema.shape;
    const fields = [...Object.keys(shape), ...Object.keys(shape.inputs.shape).map((k) => `inputs.${k}`), ...Object.keys(shape.report.unwrap().shape).map((k) => `report.${k}`)];
    for (const f of fields) expect(doc("project.md")).toContain(`\`${f}\``);
  });
  it("the version in manifests is the package's", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version).toBe(VERSION);
  });
});
