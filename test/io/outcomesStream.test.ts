import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { isMissing, parseDateText, parseNumberText } from "../../src/io/columns.js";
import { readOutcomes } from "../../src/io/outcomesStream.js";
import { tempDir } from "../helpers.js";

/**
 * outcomes.csv is read by a hand-written line splitter for simple lines (no quotes,
 * plain fields) and csv-parse for the rest. Whatever the mix, the rows must be exactly those csv-parse gives:
 * the same person, outcome, date, value and line, on files with quotes (delimiters, doubled quotes and line
 * breaks inside them), a BOM, CRLF, `;` with decimal commas, Windows-1252 and UTF-16, white space to trim,
 * missing values, dates in other formats, and more than one 1 MiB read so that lines are cut between chunks.
 * No timings here (`npm run bench` reports them).
 */

type Row = [person: number, outcome: string, day: number, value: number, line: number];

const PERSONS = Array.from({ length: 300 }, (_, i) => (i % 7 === 3 ? `Pø${i}` : `P${String(i).padStart(6, "0")}`));
const OUTCOMES = ["employment", "trivsel_ø", "school absence", "x"];

/** The rows csv-parse gives for the same file: decoded, parsed, trimmed and converted by the readers' rules. */
function reference(text: string, delimiter: string): Row[] {
  const records = parse(text, { delimiter, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = records[0].record.map((h) => h.trim());
  const at = ["person_id", "outcome", "date", "value"].map((c) => header.indexOf(c));
  const index = new Map(PERSONS.map((p, i) => [p, i]));
  return records.slice(1).map(({ record, info }) => {
    const f = at.map((j) => record[j].trim());
    const value = isMissing(f[3]) ? NaN : parseNumberText(f[3], delimiter === ";")!;
    // a record's first line: csv-parse counts the lines up to its end
    const line = info.lines - (record.join("").match(/\n/g)?.length ?? 0);
    return [index.get(f[0])!, f[1], parseDateText(f[2]) ?? NaN, value, line];
  });
}

async function streamed(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  await readOutcomes(path, PERSONS, (p, outcome, day, value, line) => rows.push([p, outcome, day, value, line]));
  return rows;
}

/** A long file of mostly simple lines, with every kind of awkward line sprinkled in. */
function makeFile(seed: string, delimiter: string, eol: string, nRows: number, extraColumn = true): string {
  const rand = seedrandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const comma = delimiter === ";";
  const lines = [["person_id", ...(extraColumn ? ["extra"] : []), "outcome", "date", "value"].join(delimiter)];
  let person = 0;
  for (let i = 0; i < nRows; i++) {
    if (rand() < 0.02) person = Math.floor(rand() * PERSONS.length);
    else if (rand() < 0.05) person = (person + 1) % PERSONS.length;
    let pid = PERSONS[person];
    let outcome = rand() < 0.9 ? "employment" : pick(OUTCOMES);
    const d = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 2000) * 86_400_000).toISOString().slice(0, 10);
    let date = d;
    let value = rand() < 0.7 ? String(Math.floor(rand() * 2)) : (rand() * 40).toFixed(3);
    if (comma) value = value.replace(".", ",");
    let extra = "x";
    const r = rand();
    if (r < 0.01) value = "NA";
    else if (r < 0.02) value = "";
    else if (r < 0.03) date = `${Number(d.slice(8))}-${Number(d.slice(5, 7))}-${d.slice(0, 4)}`; // 7-3-2026
    else if (r < 0.035) date = "2026-02-30"; // not a date: NaN for the caller to judge
    else if (r < 0.04) pid = ` ${pid} `; // trimmed
    else if (r < 0.045) outcome = `\u00a0${outcome}`; // a no-break space: trimmed by both
    else if (r < 0.05) extra = `"a${delimiter}b ""c"""`; // a quoted field with the delimiter and doubled quotes
    else if (r < 0.055) outcome = `"${outcome}"`;
    else if (r < 0.057 && eol === "\n") extra = '"two\nlines"'; // a record over two lines
    else if (r < 0.06) value = ` ${value}${delimiter === "\t" ? " " : "\t"}`;
    else if (r < 0.065) lines.push(""); // an empty line
    lines.push([pid, ...(extraColumn ? [extra] : []), outcome, date, value].join(delimiter));
  }
  return `${lines.join(eol)}${eol}`;
}

describe("outcomes.csv: the fast line splitter reads what csv-parse reads", () => {
  const cases: { name: string; delimiter: string; eol: string; encode: (text: string) => Buffer; rows: number; extraColumn?: boolean }[] = [
    { name: "UTF-8, `,`, LF, only the four columns (as effekt outcomes import writes them)", delimiter: ",", eol: "\n", encode: (t) => Buffer.from(t, "utf8"), rows: 20_000, extraColumn: false },
    { name: "Windows-1252, `;`, CRLF, only the four columns, over two reads", delimiter: ";", eol: "\r\n", encode: (t) => Buffer.from(t, "latin1"), rows: 150_000, extraColumn: false },
    { name: "UTF-8, `,`, LF, over two 4 MiB reads", delimiter: ",", eol: "\n", encode: (t) => Buffer.from(t, "utf8"), rows: 150_000 },
    { name: "UTF-8 with BOM, `,`, CRLF", delimiter: ",", eol: "\r\n", encode: (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]), rows: 8_000 },
    { name: "Windows-1252, `;` with decimal commas, CRLF, over two reads", delimiter: ";", eol: "\r\n", encode: (t) => Buffer.from(t, "latin1"), rows: 140_000 },
    { name: "UTF-8, `;`, LF", delimiter: ";", eol: "\n", encode: (t) => Buffer.from(t, "utf8"), rows: 8_000 },
    { name: "UTF-16LE with BOM, tab, CRLF", delimiter: "\t", eol: "\r\n", encode: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]), rows: 5_000 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const text = makeFile(c.name, c.delimiter, c.eol, c.rows, c.extraColumn);
      const path = join(tempDir(), "outcomes.csv");
      writeFileSync(path, c.encode(text));
      if (c.name.includes("over two")) expect(c.encode(text).length).toBeGreaterThan(1 << 22); // the reader's piece (src/io/outcomesStream.ts)
      const got = await streamed(path);
      const want = reference(text, c.delimiter);
      expect(got.length).toBe(want.length);
      // compared in blocks, so a difference shows the lines around it
      for (let i = 0; i < want.length; i += 500) expect(got.slice(i, i + 500)).toEqual(want.slice(i, i + 500));
      // the file holds every kind of line the test means to mix in
      expect(want.some((r) => Number.isNaN(r[3]))).toBe(true);
      expect(want.some((r) => Number.isNaN(r[2]))).toBe(true);
      expect(want.some((r) => r[1] === "trivsel_ø")).toBe(true);
      expect(text.includes('"')).toBe(true);
    });
  }

  it("a simple line's problems are the same as the general path's: an unknown person, a value that is not a number, a short row", async () => {
    const d = tempDir();
    const body = ["person_id,outcome,date,value", "P000001,employment,2026-01-01,1", "P999999,employment,2026-01-01,1", "P000001,employment,2026-01-08,x", "P000001,employment,2026-01-15", `"P000001",employment,2026-01-22,1`, `"P999999",employment,2026-01-22,1`];
    writeFileSync(join(d, "o.csv"), `${body.join("\n")}\n`);
    await expect(streamed(join(d, "o.csv"))).rejects.toThrow(
      "o.csv has 4 problems; fix them and run again:\n" +
        '  o.csv, line 3, column person_id: value "P999999" is not in persons.csv; expected a person_id of the persons file\n' +
        '  o.csv, line 4, column value: value "x" is not a number; expected a number\n' +
        "  o.csv, line 5: has a different number of fields than the header; expected one field per header column (check the delimiter and quotes)\n" +
        '  o.csv, line 7, column person_id: value "P999999" is not in persons.csv; expected a person_id of the persons file',
    );
  });
});
