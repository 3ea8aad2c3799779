import { describe, expect, it } from "vitest";
import { parseCsvText } from "../../src/io/csv.js";
import { numberColumn, parseDateText, parseNumberText } from "../../src/io/columns.js";

const enc = (s: string) => Buffer.from(s, "utf8");

describe("reading municipal CSV exports", () => {
  it("reads UTF-8 with BOM, ;-delimited with decimal comma", () => {
    const t = parseCsvText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), enc("household_id;area;x\nH1;Karup Kølvrå;1.234,5\n")]), "f.csv");
    expect(t.encoding).toBe("utf-8-bom");
    expect(t.delimiter).toBe(";");
    expect(t.columns.get("area")).toEqual(["Karup Kølvrå"]);
    expect(Array.from(numberColumn(t, "x"))).toEqual([1234.5]);
  });
  it("reads Windows-1252 (Danish Excel) and tab-delimited files", () => {
    const bytes = Buffer.from("household_id\tarea\nH1\tHoulk\xe6r\n", "latin1");
    const t = parseCsvText(bytes, "f.csv");
    expect(t.encoding).toBe("windows-1252");
    expect(t.delimiter).toBe("\t");
    expect(t.columns.get("area")).toEqual(["Houlkær"]);
  });
  it("reads UTF-16 with a BOM", () => {
    const t = parseCsvText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a,b\n1,2\n", "utf16le")]), "f.csv");
    expect(t.columns.get("b")).toEqual(["2"]);
  });
  it("names the line of a field-count mismatch and of an unclosed quote", () => {
    expect(() => parseCsvText(enc("a,b\n1,2\n3\n"), "f.csv")).toThrow(/f\.csv, line 3: has a different number of fields/);
    expect(() => parseCsvText(enc('a,b\n1,"2\n'), "f.csv")).toThrow(/f\.csv, line 2: has a quote that is never closed/);
    expect(() => parseCsvText(enc("a,a\n1,2\n"), "f.csv")).toThrow(/column a: appears twice in the header/);
  });
  it("parses numbers strictly", () => {
    expect(parseNumberText("1.5", false)).toBe(1.5);
    expect(parseNumberText("1,5", true)).toBe(1.5);
    expect(parseNumberText("1.234,5", true)).toBe(1234.5);
    expect(parseNumberText("1.5", true)).toBeUndefined(); // ambiguous in a ;-file
    expect(parseNumberText("1e309", false)).toBeUndefined();
    expect(parseNumberText("1,5", false)).toBeUndefined();
    expect(parseNumberText("", false)).toBeUndefined();
  });
  it("parses calendar dates and refuses impossible ones", () => {
    expect(parseDateText("2025-03-01")).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(parseDateText("01-03-2025")).toBe(Date.UTC(2025, 2, 1) / 86_400_000);
    expect(parseDateText("31-02-2025")).toBeUndefined();
    expect(parseDateText("2025-13-01")).toBeUndefined();
  });
});

describe("the plain fast path agrees with csv-parse", () => {
  it("on the same table, with CRLF, blank lines and Danish letters", () => {
    const text = "household_id;area;x\r\nH1;Karup Kølvrå;1,5\r\n\r\nH2;Houlkær;2\r\n";
    const fast = parseCsvText(enc(text), "f.csv");
    const slow = parseCsvText(enc(text.replace("H2", '"H2"')), "f.csv");
    expect(fast.columns).toEqual(slow.columns);
    expect(fast.lineOf(1)).toBe(4);
    expect(slow.lineOf(1)).toBe(4);
    expect(() => parseCsvText(enc("a,b\n1,2\n\n3\n"), "f.csv")).toThrow(/f\.csv, line 4: has a different number of fields/);
  });
});
