import { assertOrdinaryFile } from "./ordinaryFile.js";
import { restoreNeutralised } from "./excelSafe.js";
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse/sync";
import { describeNames, InputError, looksLikeCpr, Problems, UserError } from "../errors.js";
import { isMissing, parseDateText, parseNumberText, streamDecimal } from "./columns.js";
import { detectDelimiter, type Delimiter } from "./csv.js";
import type { Pseudonymiser } from "./pseudonym.js";
import { tm } from "../i18n/messageLang.js";

/**
 * Streams outcomes.csv (`person_id, outcome, date, value`, long format) line by line without holding the file,
 * for register extracts of ~30 million rows. Each row goes to `onRow(personIndex, outcome, day, value, line,
 * dateText)` and is dropped: no per-row object is kept. `day` is days since 1970-01-01 (NaN when the date is not
 * a date: the caller decides whether it needs one); `value` NaN when missing (empty or NA).
 *
 * Same rules and messages as the in-memory reader `csv.ts`: UTF-8 (with or without BOM), UTF-16 with a BOM or
 * Windows-1252 when the bytes are not UTF-8 (then the file is read a second time), the delimiter guessed from the
 * header (`;` means decimal comma), quoted fields (a record may span lines), one field per header column.
 * A person_id not in persons.csv stops with exit 2 naming file, line and value. With `pseudonyms`
 * (`--allow-cpr-like-ids --pseudonym-key FILE`) a CPR-like person_id is looked up by its keyed pseudonym, as
 * persons.csv's ids were replaced by the same key; without it a CPR-like id is not in persons.csv's (refused) ids.
 * Returns the number of data rows and the SHA-256 of the file's bytes (hashed while reading: a second pass over a
 * 1 GB file, or reading it whole to hash it, would cost the time and memory the stream saves).
 */
export type OutcomeRowHandler = (personIndex: number, outcome: string, day: number, value: number, line: number, dateText: string) => void;

const REQUIRED = ["person_id", "outcome", "date", "value"] as const;
const MAX_RECORD_CHARS = 1 << 20;

export async function readOutcomes(path: string, personIds: readonly string[], onRow: OutcomeRowHandler, personsFile = "persons.csv", pseudonyms?: Pseudonymiser): Promise<{ rows: number; sha256: string }> {
  const file = basename(path);
  try {
    if (statSync(path).isDirectory()) throw new UserError(`${path} is a folder; expected a CSV file`);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const index = new Map<string, number>();
  personIds.forEach((p, i) => index.set(p, i));
  try {
    return await pass(path, file, "utf-8", index, onRow, personsFile, pseudonyms);
  } catch (err) {
    if (!(err instanceof NotUtf8)) throw err;
  }
  try {
    return await pass(path, file, "windows-1252", index, onRow, personsFile, pseudonyms);
  } catch (err) {
    // only a file that a UTF-8 byte-order mark forces to UTF-8 can fail to decode on the second pass
    if (err instanceof NotUtf8) throw new InputError({ file }, "starts with a UTF-8 byte-order mark but is not valid UTF-8", "valid UTF-8 after the BOM");
    throw err;
  }
}

class NotUtf8 extends Error {}

async function pass(path: string, file: string, guess: "utf-8" | "windows-1252", index: Map<string, number>, onRow: OutcomeRowHandler, personsFile: string, pseudonyms?: Pseudonymiser): Promise<{ rows: number; sha256: string }> {
  assertOrdinaryFile(path);
  const hash = createHash("sha256");
  let decoder: TextDecoder | undefined;
  let first = true;
  let rest = "";
  let lineNo = 0;
  let header: string[] | undefined;
  let delimiter: Delimiter = ",";
  let cols = [0, 0, 0, 0];
  let width = 0;
  let rows = 0;
  let pending = ""; // a quoted record spanning lines
  let pendingLine = 0;
  const dayCache = new Map<string, number>();
  // Every problem of a row is collected and the file read on, so one run names them all (the first 20 with their
  // lines, a count of the rest: memory stays bounded however many rows are broken); the file's structure stops at once.
  const problems = new Problems();
  let decider: ReturnType<typeof streamDecimal> | undefined; // the value column's decimal mark (io/columns.ts)
  const valueDecimal = (raw: string, at: { file: string; line: number; column: string }) => (decider ??= streamDecimal(delimiter === ";"))(raw, at);

  const record = (fields: string[], line: number) => {
    if (!header) {
      header = fields.map((h) => h.trim());
      header.forEach((name, j) => {
        if (name === "") throw new InputError({ file, line }, `column ${j + 1} has an empty name`, "every column to have a name in the header");
        if (header!.indexOf(name) !== j) throw new InputError({ file, line, column: name }, "appears twice in the header", "unique column names");
      });
      for (const name of REQUIRED) {
        if (!header.includes(name)) throw new InputError({ file, line: 1, column: name }, "is missing", `a column named "${name}" (the header has: ${describeNames(header)})`);
      }
      cols = REQUIRED.map((c) => header!.indexOf(c));
      width = header.length;
      return;
    }
    if (fields.length !== width) { problems.add(new InputError({ file, line }, "has a different number of fields than the header", "one field per header column (check the delimiter and quotes)")); return; }
    const pid = fields[cols[0]].trim();
    // effekt outcomes import writes a formula-like outcome name with a leading ' (csvField); read as named
    const outcome = restoreNeutralised(fields[cols[1]].trim());
    const dateText = fields[cols[2]].trim();
    const rawValue = fields[cols[3]].trim();
    if (pid === "") { problems.add(new InputError({ file, line, column: "person_id" }, tm("err_empty"), tm("exp_id"))); return; }
    const key = pseudonyms && looksLikeCpr(pid) ? pseudonyms.of(pid) : pid;
    const p = index.get(key);
    if (p === undefined) { problems.add(new InputError({ file, line, column: "person_id" }, `is not in ${personsFile}`, "a person_id of the persons file", key)); return; }
    if (outcome === "") { problems.add(new InputError({ file, line, column: "outcome" }, "is empty", "an outcome name")); return; }
    let value = NaN;
    if (!isMissing(rawValue)) {
      let comma: boolean;
      try {
        comma = valueDecimal(rawValue, { file, line, column: "value" });
      } catch (err) {
        if (err instanceof InputError) { problems.add(err); return; }
        throw err;
      }
      const v = parseNumberText(rawValue, comma);
      if (v === undefined) { problems.add(new InputError({ file, line, column: "value" }, tm("err_not_number"), `${tm("exp_number")}${comma ? tm("exp_decimal_comma") : ""}`, rawValue)); return; }
      value = v;
    }
    // register extracts repeat few distinct dates (weekly, yearly): parse each once
    let day = dayCache.get(dateText);
    if (day === undefined) {
      if (dayCache.size >= 100_000) dayCache.clear();
      day = parseDateText(dateText) ?? NaN;
      dayCache.set(dateText, day);
    }
    emit(p, outcome, day, value, line, dateText);
  };

  const emit = (p: number, outcome: string, day: number, value: number, line: number, dateText: string) => {
    rows++;
    try {
      onRow(p, outcome, day, value, line, dateText);
    } catch (err) {
      // the caller's refusal of one row (a date it needs, a second value) is one more problem of the file
      if (err instanceof InputError) problems.add(err);
      else throw err;
    }
  };

  // The fast path (see `fastLines`): the last person and outcome seen, as rows come grouped by person.
  let lastPid = "";
  let lastP = -1;
  let lastOutcome = "";

  /**
   * Reads the lines of `text` from `start` while they are of the simple kind, without a string per field, and
   * returns where it stopped: at the end of the last complete line, or at the start of a line it leaves to
   * `lineOf` (then csv-parse for quoted fields). A simple line has no double quote, one field per header column,
   * the four fields effekt reads neither empty nor starting or ending with white space or a non-ASCII character
   * (what `trim` would change), a person already known (the last one, or found in persons.csv), an ISO date or one
   * `parseDateText` reads, and a value that is a number. Any other line is left to the general path, which names
   * its problems: the same rows and the same problems either way (`test/io/outcomesStream.test.ts` compares the
   * two on tricky files). The state lives in locals while the loop runs (closure variables cost a load and a
   * check on every access), and goes back when it returns.
   */
  const fastLines = (text: string, start: number): number => {
    if (header === undefined || pending !== "") return start;
    const w = width;
    const delim = delimiter;
    const c0 = cols[0], c1 = cols[1], c2 = cols[2], c3 = cols[3];
    const fs = new Int32Array(w);
    const fe = new Int32Array(w);
    const index_ = index;
    const pseudo = pseudonyms;
    let pid0 = lastPid, p0 = lastP, outcome0 = lastOutcome, line = lineNo;
    let quote = text.indexOf('"', start);
    let at = start;
    try {
      for (let end = text.indexOf("\n", at); end >= 0; at = end + 1, end = text.indexOf("\n", at)) {
        const stop = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        if (stop <= at || stop - at > MAX_RECORD_CHARS) break;
        if (quote >= 0 && quote < at) quote = text.indexOf('"', at);
        if (quote >= 0 && quote < stop) break;
        let from = at;
        let j = 0;
        for (; j < w - 1; j++) {
          const d = text.indexOf(delim, from);
          if (d < 0 || d >= stop) break;
          fs[j] = from;
          fe[j] = d;
          from = d + 1;
        }
        if (j !== w - 1) break;
        const extra = text.indexOf(delim, from);
        if (extra >= 0 && extra < stop) break;
        fs[j] = from;
        fe[j] = stop;
        const pa = fs[c0], pb = fe[c0], oa = fs[c1], ob = fe[c1], da = fs[c2], db = fe[c2], va = fs[c3], vb = fe[c3];
        // Each field's edges are checked where it is not already known to be plain: a person or outcome equal to
        // the last one (checked when it was first read), an ISO date or a one-digit value (all digits).
        if (vb <= va || db <= da) break;
        // the person: the last one again (rows come grouped by person), or looked up
        if (!(p0 >= 0 && sameText(text, pa, pb, pid0))) {
          if (pb <= pa || !plainEdge(text.charCodeAt(pa)) || !plainEdge(text.charCodeAt(pb - 1))) break;
          const pid = text.slice(pa, pb);
          if (pseudo && looksLikeCpr(pid)) break;
          const found = index_.get(pid);
          if (found === undefined) break;
          pid0 = pid;
          p0 = found;
        }
        if (!sameText(text, oa, ob, outcome0)) {
          if (ob <= oa || !plainEdge(text.charCodeAt(oa)) || !plainEdge(text.charCodeAt(ob - 1))) break;
          outcome0 = text.slice(oa, ob);
        }
        let value: number;
        const v0 = text.charCodeAt(va) - 48;
        if (vb - va === 1 && v0 >= 0 && v0 <= 9) {
          value = v0; // one digit: no decimal mark to settle, and the number is the digit
        } else {
          if (!plainEdge(text.charCodeAt(va)) || !plainEdge(text.charCodeAt(vb - 1))) break;
          const raw = text.slice(va, vb);
          if (isMissing(raw)) value = NaN;
          else {
            let comma: boolean;
            try {
              comma = valueDecimal(raw, { file, line: line + 1, column: "value" });
            } catch {
              break; // the general path names it
            }
            const v = parseNumberText(raw, comma);
            if (v === undefined) break;
            value = v;
          }
        }
        let day = isoDay(text, da, db);
        let dateText = "";
        if (Number.isNaN(day)) {
          if (!plainEdge(text.charCodeAt(da)) || !plainEdge(text.charCodeAt(db - 1))) break;
          dateText = text.slice(da, db);
          const cached = dayCache.get(dateText);
          if (cached === undefined) {
            if (dayCache.size >= 100_000) dayCache.clear();
            day = parseDateText(dateText) ?? NaN;
            dayCache.set(dateText, day);
          } else day = cached;
        }
        line++;
        lineNo = line;
        emit(p0, outcome0, day, value, line, dateText);
      }
    } finally {
      lastPid = pid0;
      lastP = p0;
      lastOutcome = outcome0;
      lineNo = line;
    }
    return at;
  };

  const lineOf = (text: string) => {
    lineNo++;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (pending !== "") {
      pending += `\n${line}`;
      if (countQuotes(pending) % 2 === 0) {
        const p = pending;
        pending = "";
        parseQuoted(p, pendingLine);
      } else if (pending.length > MAX_RECORD_CHARS) {
        throw new InputError({ file, line: pendingLine }, "has a quote that is never closed", "balanced double quotes");
      }
      return;
    }
    if (line === "") return;
    if (line.length > MAX_RECORD_CHARS) throw new InputError({ file, line: lineNo }, "has a record larger than 1 MiB", "fields of ordinary size");
    if (!header) delimiter = detectDelimiter(line);
    if (line.includes('"')) {
      if (countQuotes(line) % 2 === 1) {
        pending = line;
        pendingLine = lineNo;
        return;
      }
      parseQuoted(line, lineNo);
      return;
    }
    record(line.split(delimiter), lineNo);
  };

  const parseQuoted = (text: string, line: number) => {
    let recs: string[][];
    try {
      recs = parse(text, { delimiter, relax_column_count: true }) as string[][];
    } catch {
      throw new InputError({ file, line }, "has a stray character after a closing quote", 'quotes around whole fields, with inner quotes doubled ("")');
    }
    for (const r of recs) record(r, line);
  };

  // Read in 4 MiB pieces with plain synchronous reads into one buffer: nothing else runs meanwhile, and an
  // asynchronous read hands every piece to a worker thread and back, which on a busy machine left the reader
  // waiting about half the time (memory stays bounded by the buffer and one piece's text).
  const fd = openSync(path, "r");
  const buffer = Buffer.allocUnsafe(1 << 22);
  try {
  for (;;) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    const chunk = buffer.subarray(0, n);
    hash.update(chunk);
    let bytes: Uint8Array = chunk;
    if (first) {
      first = false;
      let encoding: string = guess;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) { bytes = bytes.subarray(3); encoding = "utf-8"; }
      else if (bytes[0] === 0xff && bytes[1] === 0xfe) { bytes = bytes.subarray(2); encoding = "utf-16le"; }
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) { bytes = bytes.subarray(2); encoding = "utf-16be"; }
      else if (bytes.indexOf(0) >= 0) {
        throw new InputError({ file }, "contains a NUL byte (a binary file, or UTF-16 without a byte-order mark)", "a text file in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252");
      }
      decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    } else if (decoder!.encoding === "utf-8" && bytes.indexOf(0) >= 0) {
      throw new InputError({ file }, "contains a NUL byte (a binary file, or UTF-16 without a byte-order mark)", "a text file in UTF-8, UTF-8 with BOM, UTF-16 with BOM or Windows-1252");
    }
    let text: string;
    try {
      text = decoder!.decode(bytes, { stream: true });
    } catch {
      throw new NotUtf8();
    }
    // The line carried over from the last chunk, completed, goes on its own: the rest of the chunk stays the flat
    // string the decoder made (a concatenation would make every character access slower).
    let start = 0;
    if (rest !== "") {
      const end = text.indexOf("\n");
      if (end < 0) {
        rest += text;
        if (rest.length > MAX_RECORD_CHARS) throw new InputError({ file, line: lineNo + 1 }, "has a record larger than 1 MiB", "fields of ordinary size");
        continue;
      }
      lineOf(rest + text.slice(0, end));
      start = end + 1;
      rest = "";
    }
    for (;;) {
      start = fastLines(text, start);
      const end = text.indexOf("\n", start);
      if (end < 0) break;
      lineOf(text.slice(start, end));
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > MAX_RECORD_CHARS) throw new InputError({ file, line: lineNo + 1 }, "has a record larger than 1 MiB", "fields of ordinary size");
  }
  } finally {
    closeSync(fd);
  }
  if (decoder) {
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw new NotUtf8();
    }
    rest += tail;
  }
  if (rest !== "") lineOf(rest);
  if (pending !== "") throw new InputError({ file, line: pendingLine }, "has a quote that is never closed", "balanced double quotes");
  if (!header) throw new InputError({ file }, "is empty", "a header line naming the columns, then data rows");
  problems.throwIfAny(file);
  if (rows === 0) throw new InputError({ file }, "has a header but no data rows", "at least one data row");
  return { rows, sha256: hash.digest("hex") };
}

/** A field's first or last character that `trim` keeps and that cannot start a CPR-like look-alike's prefix issue: printable ASCII. */
function plainEdge(c: number): boolean {
  return c > 32 && c < 127;
}

/** Whether text[a, b) is `s`, compared without making a string. */
function sameText(text: string, a: number, b: number, s: string): boolean {
  const n = s.length;
  if (b - a !== n) return false;
  // from the end: ids in order differ in their last characters
  for (let k = n - 1; k >= 0; k--) if (text.charCodeAt(a + k) !== s.charCodeAt(k)) return false;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * text[a, b) as an ISO date `YYYY-MM-DD`, read from its characters: days since 1970-01-01, as `parseDateText`
 * gives (the same calendar checks); NaN for anything else, which then goes to `parseDateText`.
 */
function isoDay(text: string, a: number, b: number): number {
  if (b - a !== 10 || text.charCodeAt(a + 4) !== 45 || text.charCodeAt(a + 7) !== 45) return NaN;
  let y = 0;
  for (let k = 0; k < 4; k++) {
    const c = text.charCodeAt(a + k) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m1 = text.charCodeAt(a + 5) - 48, m2 = text.charCodeAt(a + 6) - 48, d1 = text.charCodeAt(a + 8) - 48, d2 = text.charCodeAt(a + 9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return NaN;
  // days from the civil date (proleptic Gregorian; Hinnant's days_from_civil), the value Date.UTC gives / 86,400,000
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}
