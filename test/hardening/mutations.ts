import fc from "fast-check";

/**
 * Ways real files go wrong, as fast-check arbitraries: each mutation takes a valid CSV (as text) and breaks it the
 * way a hand export, a half-copied file or a hostile cell would. `mutatedFile` applies one to four of them and
 * returns the bytes, so encodings (UTF-16, invalid UTF-8, NUL) can be mutated too.
 */

/** Cell values that have fooled CSV readers: locale numbers, overflow, special floats, impossible dates, formulas. */
export const NASTY_VALUES = [
  "1.234,5", "1,5", "1e309", "-1e309", "NaN", "nan", "Infinity", "-Infinity", "-0", "+0", "0x10", "1_000", "١٢", "１２",
  " 12 ", "12.", ".5", "1e-400", "9".repeat(400), "-", "+", ".", "", "NA", "N/A", "31-02-2025", "2025-02-29", "2024-02-30",
  "2025-13-01", "00-00-0000", "29.02.2024", "2025/03/01", "true", "ja", "maybe", '=HYPERLINK("http://x")', "+SUM(A1)",
  "@cmd", "\t=1", "010190-1234", "0101901234", "3112999999", "\u0000", "\uFEFF", "é", "\u202e", "x".repeat(300),
  '"', '""', 'a"b', "a,b", "a;b", "a\nb", "a\r\nb", "treatment", "control", "H00001", "P000001", "Houlkær",
];

export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "cell"; line: number; field: number; value: string }
  | { kind: "lineEndings"; style: "\r\n" | "\r" | "mixed" }
  | { kind: "delimiter"; to: "," | ";" | "\t"; everyLine: boolean }
  | { kind: "duplicateHeader"; field: number }
  | { kind: "dropHeader" }
  | { kind: "dropLine"; line: number }
  | { kind: "duplicateLine"; line: number }
  | { kind: "emptyHeaderName"; field: number }
  | { kind: "hugeField"; line: number; size: number };

export type Encoding = { kind: "utf8" } | { kind: "bom" } | { kind: "utf16le"; bom: boolean } | { kind: "utf16be"; bom: boolean } | { kind: "latin1" };
export type ByteMutation = { kind: "invalidUtf8"; at: number; bytes: readonly number[] } | { kind: "nul"; at: number } | { kind: "truncateBytes"; at: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
  fc.record({ kind: fc.constant("insert" as const), at: fraction, text: fc.oneof(fc.constantFrom('"', ",", ";", "\t", "\n", "\r", "\r\n", '""', "\u0000"), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant("cell" as const), line: fraction, field: fc.nat(12), value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NASTY_VALUES) }, fc.string({ maxLength: 12 }), fc.double().map(String)) }),
  fc.record({ kind: fc.constant("lineEndings" as const), style: fc.constantFrom("\r\n" as const, "\r" as const, "mixed" as const) }),
  fc.record({ kind: fc.constant("delimiter" as const), to: fc.constantFrom("," as const, ";" as const, "\t" as const), everyLine: fc.boolean() }),
  fc.record({ kind: fc.constant("duplicateHeader" as const), field: fc.nat(12) }),
  fc.record({ kind: fc.constant("dropHeader" as const) }),
  fc.record({ kind: fc.constant("dropLine" as const), line: fraction }),
  fc.record({ kind: fc.constant("duplicateLine" as const), line: fraction }),
  fc.record({ kind: fc.constant("emptyHeaderName" as const), field: fc.nat(12) }),
  fc.record({ kind: fc.constant("hugeField" as const), line: fraction, size: fc.constantFrom(5_000, 100_000, (1 << 20) + 10) }),
) as fc.Arbitrary<Mutation>;

export const encoding: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "utf8" } as Encoding) },
  fc.constant({ kind: "bom" } as Encoding),
  fc.record({ kind: fc.constant("utf16le" as const), bom: fc.boolean() }),
  fc.record({ kind: fc.constant("utf16be" as const), bom: fc.boolean() }),
  fc.constant({ kind: "latin1" } as Encoding),
);

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant("invalidUtf8" as const), at: fraction, bytes: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]) }),
  fc.record({ kind: fc.constant("nul" as const), at: fraction }),
  fc.record({ kind: fc.constant("truncateBytes" as const), at: fraction }),
);

/** Up to four text mutations (none: only the encoding changes, which must still read), an encoding, maybe a byte mutation. */
export const fileMutation = fc.record({
  text: fc.array(mutation, { minLength: 0, maxLength: 4 }),
  encoding,
  bytes: fc.option(byteMutation, { freq: 4 }),
});
export type FileMutation = { text: Mutation[]; encoding: Encoding; bytes: ByteMutation | null };

function splitLines(text: string): string[] {
  return text.split("\n");
}

function delimiterOf(header: string): string {
  const counts = [",", ";", "\t"].map((d) => header.split(d).length);
  return [",", ";", "\t"][counts.indexOf(Math.max(...counts))];
}

export function applyText(text: string, m: Mutation): string {
  const lines = splitLines(text);
  const pick = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  const d = delimiterOf(lines[0] ?? "");
  switch (m.kind) {
    case "truncate":
      return text.slice(0, Math.floor(m.at * (text.length + 1)));
    case "insert": {
      const at = Math.floor(m.at * (text.length + 1));
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "cell": {
      const i = pick(m.line);
      const fields = lines[i].split(d);
      fields[m.field % fields.length] = m.value;
      lines[i] = fields.join(d);
      return lines.join("\n");
    }
    case "lineEndings":
      if (m.style === "mixed") return lines.map((l, i) => (i % 3 === 0 ? `${l}\r` : l)).join("\n");
      return lines.join(m.style);
    case "delimiter": {
      const change = (l: string) => l.split(d).join(m.to);
      return (m.everyLine ? lines.map(change) : lines.map((l, i) => (i === 1 ? change(l) : l))).join("\n");
    }
    case "duplicateHeader": {
      const fields = lines[0].split(d);
      if (fields.length > 1) fields[1 + (m.field % (fields.length - 1))] = fields[0];
      lines[0] = fields.join(d);
      return lines.join("\n");
    }
    case "emptyHeaderName": {
      const fields = lines[0].split(d);
      fields[m.field % fields.length] = "";
      lines[0] = fields.join(d);
      return lines.join("\n");
    }
    case "dropHeader":
      return lines.slice(1).join("\n");
    case "dropLine": {
      lines.splice(pick(m.line), 1);
      return lines.join("\n");
    }
    case "duplicateLine": {
      const i = pick(m.line);
      lines.splice(i, 0, lines[i]);
      return lines.join("\n");
    }
    case "hugeField": {
      const i = pick(m.line);
      const fields = lines[i].split(d);
      fields[fields.length - 1] += "9".repeat(m.size);
      lines[i] = fields.join(d);
      return lines.join("\n");
    }
  }
}

function encode(text: string, e: Encoding): Uint8Array {
  switch (e.kind) {
    case "utf8":
      return Buffer.from(text, "utf8");
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    case "latin1":
      return Buffer.from(text, "latin1");
    case "utf16le":
    case "utf16be": {
      const le = Buffer.from(text, "utf16le");
      const body = e.kind === "utf16le" ? le : Buffer.from(le).swap16();
      const bom = e.kind === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff];
      return e.bom ? Buffer.concat([Buffer.from(bom), body]) : body;
    }
  }
}

export function applyBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const at = Math.floor(m.at * (bytes.length + 1));
  const b = Buffer.from(bytes);
  switch (m.kind) {
    case "invalidUtf8":
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    case "nul":
      return Buffer.concat([b.subarray(0, at), Buffer.from([0]), b.subarray(at)]);
    case "truncateBytes":
      return b.subarray(0, at);
  }
}

export function mutate(text: string, m: FileMutation): Uint8Array {
  let t = text;
  for (const op of m.text) t = applyText(t, op);
  const bytes = encode(t, m.encoding);
  return m.bytes ? applyBytes(bytes, m.bytes) : bytes;
}

/** Runs for a property: FUZZ_RUNS (npm run fuzz: 100000) scaled by this property's share of the default. */
export function runs(defaultRuns: number): number {
  const total = Number(process.env.FUZZ_RUNS ?? 0);
  return total > 0 ? Math.max(defaultRuns, Math.round((defaultRuns * total) / 10_000)) : defaultRuns;
}

/** The seed: FUZZ_SEED to reproduce a failure fast-check reported, else fixed so CI is reproducible. */
export function seed(fixed: number): number {
  return process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : fixed;
}
