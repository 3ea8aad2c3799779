import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isMissing, numberColumn, parseDateText } from "../../src/io/columns.js";
import { rawColumn, readCsv } from "../../src/io/csv.js";
import { readOutcomes } from "../../src/io/outcomesStream.js";
import { tempDir } from "../helpers.js";

/** Everything the streaming reader hands on, row by row. */
async function streamed(path: string, personIds: string[]) {
  const out = { p: [] as number[], outcome: [] as string[], day: [] as number[], value: [] as number[], line: [] as number[] };
  await readOutcomes(path, personIds, (p, o, day, value, line) => {
    out.p.push(p);
    out.outcome.push(o);
    out.day.push(day);
    out.value.push(value);
    out.line.push(line);
  });
  return out;
}

/** The same from the in-memory reader (csv.ts + columns.ts). */
function inMemory(path: string, personIds: string[]) {
  const t = readCsv(path);
  const index = new Map(personIds.map((p, i) => [p, i]));
  const values = numberColumn(t, "value", { allowMissing: true });
  return {
    p: rawColumn(t, "person_id").map((id) => index.get(id)!),
    outcome: rawColumn(t, "outcome"),
    day: rawColumn(t, "date").map((d) => parseDateText(d) ?? NaN),
    value: Array.from(values),
    line: Array.from({ length: t.nRows }, (_, i) => t.lineOf(i)),
  };
}

describe("outcomes.csv read as a stream", () => {
  const personIds = Array.from({ length: 5000 }, (_, i) => `P${String(i + 1).padStart(6, "0")}`);

  it("a generated multi-MB file gives exactly the rows of the in-memory reader", async () => {
    const dir = tempDir();
    const lines = ["person_id,outcome,date,value"];
    let s = 7;
    for (let i = 0; i < 250_000; i++) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const v = s % 50 === 0 ? "NA" : ((s % 10007) / 10007).toFixed(4);
      lines.push(`${personIds[s % personIds.length]},${["employment", "wellbeing", "school_absence"][i % 3]},20${26 + (s % 3)}-0${1 + (s % 9)}-1${s % 10},${v}`);
    }
    const path = join(dir, "big.csv");
    writeFileSync(path, `${lines.join("\r\n")}\r\n`);
    const a = await streamed(path, personIds);
    const b = inMemory(path, personIds);
    expect(a.p.length).toBe(250_000);
    expect(a).toEqual(b);
  });

  it("handles ; with decimal comma, a BOM, Windows-1252, quoted fields and a last line without newline", async () => {
    const dir = tempDir();
    const semi = join(dir, "semi.csv");
    writeFileSync(semi, "\ufeffperson_id;outcome;date;value\nP000001;trivsel;2026-03-01;1.234,5\nP000002;\"trivsel; WHO-5\";01-03-2026;NA\nP000003;trivsel;2026-03-01;7,25");
    const a = await streamed(semi, personIds);
    expect(a).toEqual(inMemory(semi, personIds));
    expect(a.value.slice(0, 1)).toEqual([1234.5]);
    expect(a.outcome[1]).toBe("trivsel; WHO-5");
    const latin = join(dir, "latin.csv");
    writeFileSync(latin, Buffer.from("person_id,outcome,date,value\nP000001,skolefrav\xe6r,2026-06-30,0.1\n", "latin1"));
    const l = await streamed(latin, personIds);
    expect(l.outcome).toEqual(["skolefravær"]);
  });

  it("refuses like csv.ts: unknown person, bad number, wrong field count, missing column, empty file", async () => {
    const dir = tempDir();
    const bad = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return streamed(join(dir, name), personIds);
    };
    await expect(bad("a.csv", "person_id,outcome,date,value\nP000001,e,2026-01-01,1\nX1,e,2026-01-01,1\n")).rejects.toThrow(/^a\.csv, line 3, column person_id: value "X1" is not in persons\.csv/);
    await expect(bad("b.csv", "person_id,outcome,date,value\nP000001,e,2026-01-01,lots\n")).rejects.toThrow(/^b\.csv, line 2, column value: value "lots" is not a number/);
    await expect(bad("c.csv", "person_id,outcome,date,value\nP000001,e,2026-01-01\n")).rejects.toThrow(/^c\.csv, line 2: has a different number of fields than the header/);
    await expect(bad("d.csv", "person_id,outcome,value\nP000001,e,1\n")).rejects.toThrow(/^d\.csv, line 1, column date: is missing/);
    await expect(bad("e.csv", "")).rejects.toThrow(/^e\.csv: is empty/);
    await expect(bad("f.csv", "person_id,outcome,date,value\n")).rejects.toThrow(/^f\.csv: has a header but no data rows/);
    expect(isMissing("NA")).toBe(true);
  });
});
