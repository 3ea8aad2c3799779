import { assertOrdinaryFile } from "./ordinaryFile.js";
import { restoreNeutralised } from "./excelSafe.js";
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { isAscii } from "node:buffer";
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
/** The size of one read (4 MiB): the read loop below holds one such piece and the unfinished line before it. */
const READ_BYTES = 1 << 22;

export async function readOutcomes(path: string, personIds: readonly string[], onRow: OutcomeRowHandler, personsFile = "persons.csv", pseudonyms?: Pseudonymiser): Promise<{ rows: number; sha256: string }> {
  const file = basename(path);
  try {
    if (statSync(path).isDirectory()) throw new UserError(tm("in_folder", { path }));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(tm("file_cannot_read", { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
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
    if (err instanceof NotUtf8) throw new InputError({ file }, tm("in_bom_not_utf8"), tm("in_exp_utf8_after_bom"));
    throw err;
  }
}

class NotUtf8 extends Error {}

async function pass(path: string, file: string, guess: "utf-8" | "windows-1252", index: Map<string, number>, onRow: OutcomeRowHandler, personsFile: string, pseudonyms?: Pseudonymiser): Promise<{ rows: number; sha256: string }> {
  assertOrdinaryFile(path);
  const hash = createHash("sha256");
  let decoder: TextDecoder | undefined;
  let first = true;
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
        if (name === "") throw new InputError({ file, line }, tm("err_header_empty_name", { n: j + 1 }), tm("exp_header_names"));
        if (header!.indexOf(name) !== j) throw new InputError({ file, line, column: name }, tm("err_header_twice"), tm("exp_header_unique"));
      });
      for (const name of REQUIRED) {
        if (!header.includes(name)) throw new InputError({ file, line: 1, column: name }, tm("err_column_missing"), tm("in_exp_column_has", { name, header: describeNames(header) }));
      }
      cols = REQUIRED.map((c) => header!.indexOf(c));
      width = header.length;
      return;
    }
    if (fields.length !== width) { problems.add(new InputError({ file, line }, tm("in_field_count"), tm("in_exp_field_count"))); return; }
    const pid = fields[cols[0]].trim();
    // effekt outcomes import writes a formula-like outcome name with a leading ' (csvField); read as named
    const outcome = restoreNeutralised(fields[cols[1]].trim());
    const dateText = fields[cols[2]].trim();
    const rawValue = fields[cols[3]].trim();
    if (pid === "") { problems.add(new InputError({ file, line, column: "person_id" }, tm("err_empty"), tm("exp_id"))); return; }
    const key = pseudonyms && looksLikeCpr(pid) ? pseudonyms.of(pid) : pid;
    const p = index.get(key);
    if (p === undefined) { problems.add(new InputError({ file, line, column: "person_id" }, tm("in_not_in_persons", { persons: personsFile }), tm("in_exp_person_of_file"), key)); return; }
    if (outcome === "") { problems.add(new InputError({ file, line, column: "outcome" }, tm("err_empty"), tm("in_exp_outcome_name"))); return; }
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

  // The fast path (see `fastLines`): the last person and outcome seen, as rows come grouped by person, kept as
  // the bytes they were read from, to compare the next row's bytes without making a string.
  let lastPid = new Uint8Array(0);
  let lastP = -1;
  let lastOutcomeBytes = new Uint8Array(0);
  let lastOutcome = "";

  /**
   * Reads the lines of `bytes` (UTF-8, see the read loop below) from `start` to `end`, which ends a line, while they
   * are of the simple kind, without a string per field, and returns where it stopped: at `end`, or at the start of
   * a line it leaves to `lineOf` (then csv-parse for quoted fields). A simple line has no double quote, one field
   * per header column, the four fields effekt reads neither empty nor starting or ending with white space or a
   * non-ASCII character (what `trim` would change), a person already known (the last one, or found in persons.csv),
   * an ISO date or one `parseDateText` reads, and a value that is a number. Any other line is left to the general
   * path, which names its problems: the same rows and the same problems either way
   * (`test/io/outcomesStream.test.ts` compares the two on tricky files). It reads bytes, not characters: optimised
   * code reads a byte of a buffer about twice as fast as a character of a string. The state lives in locals while
   * the loop runs (closure variables cost a load and a check on every access), and goes back when it returns.
   */
  const fastLines = (bytes: Buffer, start: number, end: number): number => {
    if (header === undefined || pending !== "") return start;
    const w = width;
    const delim = delimiter.charCodeAt(0);
    const c0 = cols[0], c1 = cols[1], c2 = cols[2], c3 = cols[3];
    const fs = new Int32Array(w);
    const fe = new Int32Array(w);
    const index_ = index;
    const pseudo = pseudonyms;
    let pid0 = lastPid, p0 = lastP, outcomeBytes0 = lastOutcomeBytes, outcome0 = lastOutcome, line = lineNo;
    // The shape of the last simple line: each field's length, and whether it ended in CR before LF. A register
    // extract repeats it row after row (the same person and outcome, an ISO date, a one-digit value): a line with
    // the same shape and those contents needs no scan, only a check of its delimiters and fields.
    const shape = new Int32Array(w);
    let shaped = false;
    let crlf = 0;
    let at = start;
    try {
      while (at < end) {
        if (shaped && p0 >= 0) {
          let pos = at;
          let k = 0;
          for (; k < w; k++) {
            fs[k] = pos;
            pos += shape[k];
            fe[k] = pos;
            if (pos >= end || bytes[pos] !== (k < w - 1 ? delim : crlf ? 13 : 10)) break;
            pos++;
          }
          const nl = pos + crlf - 1;
          if (k === w && (crlf === 0 || bytes[nl] === 10) && sameBytes(bytes, fs[c0], fe[c0], pid0) && sameBytes(bytes, fs[c1], fe[c1], outcomeBytes0) && fe[c3] - fs[c3] === 1) {
            const v = bytes[fs[c3]] - 48;
            const day = isoDay(bytes, fs[c2], fe[c2]);
            // the fields effekt does not read hold no delimiter, quote or line end
            if (v >= 0 && v <= 9 && day !== NOT_ISO && (w === 4 || plainFields(bytes, fs, fe, c0, c1, c2, c3, delim))) {
              line++;
              lineNo = line;
              emit(p0, outcome0, day, v, line, "");
              at = nl + 1;
              continue;
            }
          }
        }
        // one pass over the line's bytes finds its fields, its end and any quote
        let i = at;
        let j = 0;
        let from = at;
        let c = 0;
        for (; i < end; i++) {
          c = bytes[i];
          if (c === 10 || c === 34) break;
          if (c === delim) {
            if (j === w - 1) break;
            fs[j] = from;
            fe[j] = i;
            j++;
            from = i + 1;
          }
        }
        // a quote, a field too many or too few
        if (c !== 10 || j !== w - 1) break;
        const stop = i > at && bytes[i - 1] === 13 ? i - 1 : i;
        if (stop <= at || stop - at > MAX_RECORD_CHARS) break;
        fs[j] = from;
        fe[j] = stop;
        for (let k = 0; k < w; k++) shape[k] = fe[k] - fs[k];
        crlf = stop < i ? 1 : 0;
        shaped = true;
        const pa = fs[c0], pb = fe[c0], oa = fs[c1], ob = fe[c1], da = fs[c2], db = fe[c2], va = fs[c3], vb = fe[c3];
        // Each field's edges are checked where it is not already known to be plain: a person or outcome equal to
        // the last one (checked when it was first read), an ISO date or a one-digit value (all digits).
        if (vb <= va || db <= da) break;
        // the person: the last one again (rows come grouped by person), or looked up
        if (!(p0 >= 0 && sameBytes(bytes, pa, pb, pid0))) {
          if (pb <= pa || !plainEdge(bytes[pa]) || !plainEdge(bytes[pb - 1])) break;
          const pid = bytes.toString("utf8", pa, pb);
          if (pseudo && looksLikeCpr(pid)) break;
          const found = index_.get(pid);
          if (found === undefined) break;
          pid0 = new Uint8Array(bytes.subarray(pa, pb)); // a copy: the buffer's bytes move on
          p0 = found;
        }
        if (!sameBytes(bytes, oa, ob, outcomeBytes0)) {
          if (ob <= oa || !plainEdge(bytes[oa]) || !plainEdge(bytes[ob - 1])) break;
          outcome0 = bytes.toString("utf8", oa, ob);
          outcomeBytes0 = new Uint8Array(bytes.subarray(oa, ob));
        }
        let value: number;
        const v0 = bytes[va] - 48;
        if (vb - va === 1 && v0 >= 0 && v0 <= 9) {
          value = v0; // one digit: no decimal mark to settle, and the number is the digit
        } else {
          if (!plainEdge(bytes[va]) || !plainEdge(bytes[vb - 1])) break;
          const raw = bytes.toString("utf8", va, vb);
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
        let day = isoDay(bytes, da, db);
        let dateText = "";
        if (day === NOT_ISO) {
          if (!plainEdge(bytes[da]) || !plainEdge(bytes[db - 1])) break;
          dateText = bytes.toString("utf8", da, db);
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
        at = i + 1;
      }
    } finally {
      lastPid = pid0;
      lastP = p0;
      lastOutcomeBytes = outcomeBytes0;
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
        throw new InputError({ file, line: pendingLine }, tm("in_quote_unclosed"), tm("in_exp_quotes_balanced"));
      }
      return;
    }
    if (line === "") return;
    if (line.length > MAX_RECORD_CHARS) throw new InputError({ file, line: lineNo }, tm("in_record_too_large"), tm("in_exp_ordinary_size"));
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
      throw new InputError({ file, line }, tm("in_quote_stray"), tm("in_exp_quotes_whole"));
    }
    for (const r of recs) record(r, line);
  };

  // Read in 4 MiB pieces with plain synchronous reads: nothing else runs meanwhile, and an asynchronous read hands
  // every piece to a worker thread and back, which on a busy machine left the reader waiting about half the time.
  // Each piece goes into `work` behind the unfinished line the last one left, as UTF-8: ASCII bytes as they are
  // (the same characters in UTF-8 and Windows-1252), anything else decoded and encoded again, so the line splitter
  // reads one encoding. Memory stays bounded by the buffers: a piece and the longest line.
  const fd = openSync(path, "r");
  const raw = Buffer.allocUnsafe(READ_BYTES);
  let work = Buffer.allocUnsafe(2 * READ_BYTES);
  let kept = 0; // bytes of the unfinished line at the start of `work`
  let decoderOpen = false; // the decoder has read bytes since its last flush
  /** Places UTF-8 bytes after the unfinished line, growing `work` when a piece grew in encoding. */
  const place = (utf8: Uint8Array) => {
    if (kept + utf8.length > work.length) {
      const grown = Buffer.allocUnsafe(2 * (kept + utf8.length));
      work.copy(grown, 0, 0, kept);
      work = grown;
    }
    work.set(utf8, kept);
    kept += utf8.length;
  };
  /** The complete lines in `work`: the fast path, and the general path for the lines it leaves. */
  const lines = () => {
    if (kept === 0) return;
    const end = work.lastIndexOf(10, kept - 1) + 1;
    if (end === 0) return;
    let start = 0;
    for (;;) {
      start = fastLines(work, start, end);
      if (start >= end) break;
      const nl = work.indexOf(10, start);
      lineOf(work.toString("utf8", start, nl));
      start = nl + 1;
    }
    work.copy(work, 0, end, kept);
    kept -= end;
  };
  const tooLong = () => {
    if (kept > MAX_RECORD_CHARS && work.toString("utf8", 0, kept).length > MAX_RECORD_CHARS) {
      throw new InputError({ file, line: lineNo + 1 }, tm("in_record_too_large"), tm("in_exp_ordinary_size"));
    }
  };
  try {
  for (;;) {
    const n = readSync(fd, raw, 0, raw.length, null);
    if (n === 0) break;
    let bytes = raw.subarray(0, n);
    hash.update(bytes);
    if (first) {
      first = false;
      let encoding: string = guess;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) { bytes = bytes.subarray(3); encoding = "utf-8"; }
      else if (bytes[0] === 0xff && bytes[1] === 0xfe) { bytes = bytes.subarray(2); encoding = "utf-16le"; }
      else if (bytes[0] === 0xfe && bytes[1] === 0xff) { bytes = bytes.subarray(2); encoding = "utf-16be"; }
      else if (bytes.indexOf(0) >= 0) {
        throw new InputError({ file }, tm("in_nul_byte"), tm("in_exp_text_file"));
      }
      decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    } else if (decoder!.encoding === "utf-8" && bytes.indexOf(0) >= 0) {
      throw new InputError({ file }, tm("in_nul_byte"), tm("in_exp_text_file"));
    }
    try {
      if (asciiReadable(decoder!.encoding) && isAscii(bytes)) {
        // a UTF-8 sequence the last piece left open is cut here, as the decoder would find
        if (decoderOpen) decoder!.decode();
        decoderOpen = false;
        place(bytes);
      } else {
        place(Buffer.from(decoder!.decode(bytes, { stream: true }), "utf8"));
        decoderOpen = true;
      }
    } catch {
      throw new NotUtf8();
    }
    lines();
    tooLong();
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
    place(Buffer.from(tail, "utf8"));
  }
  lines();
  tooLong();
  if (kept > 0) lineOf(work.toString("utf8", 0, kept));
  if (pending !== "") throw new InputError({ file, line: pendingLine }, tm("in_quote_unclosed"), tm("in_exp_quotes_balanced"));
  if (!header) throw new InputError({ file }, tm("err_empty"), tm("in_exp_header_then_rows"));
  problems.throwIfAny(file);
  if (rows === 0) throw new InputError({ file }, tm("err_no_rows"), tm("exp_one_row"));
  return { rows, sha256: hash.digest("hex") };
}

/** A field's first or last character that `trim` keeps and that cannot start a CPR-like look-alike's prefix issue: printable ASCII. */
function plainEdge(c: number): boolean {
  return c > 32 && c < 127;
}

/** Whether the fields other than the four read (c0 to c3) hold no delimiter, double quote or line feed. */
function plainFields(bytes: Uint8Array, fs: Int32Array, fe: Int32Array, c0: number, c1: number, c2: number, c3: number, delim: number): boolean {
  for (let k = 0; k < fs.length; k++) {
    if (k === c0 || k === c1 || k === c2 || k === c3) continue;
    for (let i = fs[k]; i < fe[k]; i++) {
      const c = bytes[i];
      if (c === delim || c === 34 || c === 10) return false;
    }
  }
  return true;
}

/** Whether bytes[a, b) are `s`, compared without making a string. */
function sameBytes(bytes: Uint8Array, a: number, b: number, s: Uint8Array): boolean {
  const n = s.length;
  if (b - a !== n) return false;
  // from the end: ids in order differ in their last characters
  for (let k = n - 1; k >= 0; k--) if (bytes[a + k] !== s[k]) return false;
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = Int32Array.from(DAYS_IN_MONTH, (_, m) => DAYS_IN_MONTH.slice(0, m).reduce((a, b) => a + b, 0));
/** Days since 1970-01-01 of 1 January of each year from 1900 to 2200 (the years `parseDateText` reads). */
const YEAR_START = Int32Array.from({ length: 301 }, (_, k) => Date.UTC(1900 + k, 0, 1) / 86_400_000);
/** What `isoDay` returns for text that is not an ISO date: a whole number, so the day stays a small integer. */
const NOT_ISO = -(2 ** 30);

/**
 * bytes[a, b) as an ISO date `YYYY-MM-DD`, read from its characters: days since 1970-01-01, as `parseDateText`
 * gives (the same calendar checks, from tables); NOT_ISO for anything else, which then goes to `parseDateText`.
 */
function isoDay(bytes: Uint8Array, a: number, b: number): number {
  if (b - a !== 10 || bytes[a + 4] !== 45 || bytes[a + 7] !== 45) return NOT_ISO;
  const y1 = bytes[a] - 48, y2 = bytes[a + 1] - 48, y3 = bytes[a + 2] - 48, y4 = bytes[a + 3] - 48;
  const m1 = bytes[a + 5] - 48, m2 = bytes[a + 6] - 48, d1 = bytes[a + 8] - 48, d2 = bytes[a + 9] - 48;
  // one unsigned comparison per digit: a character below '0' wraps to a large number
  if ((y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (y4 >>> 0) > 9 || (m1 >>> 0) > 9 || (m2 >>> 0) > 9 || (d1 >>> 0) > 9 || (d2 >>> 0) > 9) return NOT_ISO;
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return NOT_ISO;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return NOT_ISO;
  return YEAR_START[y - 1900] + DAYS_BEFORE_MONTH[m - 1] + (leap && m > 2 ? 1 : 0) + d - 1;
}

/** Encodings in which a byte below 128 is the ASCII character (not UTF-16). */
function asciiReadable(encoding: string): boolean {
  return encoding === "utf-8" || encoding === "windows-1252";
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}
