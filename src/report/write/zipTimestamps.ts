/**
 * exceljs zips the workbook with JSZip, which stamps every entry with the current time (DOS date/time fields in
 * each local header and central-directory entry). To make the .xlsx bytes depend on the inputs only, this walks
 * the zip's central directory (from the end-of-central-directory record, APPNOTE.TXT 4.3.12-4.3.16) and sets
 * every entry's modification time and date to one fixed value. Only those 4 bytes per header change; sizes, CRCs
 * and offsets are untouched, so the archive stays valid.
 */

/** DOS time/date for 1980-01-01 00:00:00, the earliest a zip can hold (a fixed, meaningless stamp). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function fixZipTimestamps(zip: Uint8Array): Uint8Array {
  const out = Buffer.from(zip);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("xlsx zip: bad central directory entry");
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("xlsx zip: bad local header");
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  throw new Error("xlsx zip: no end-of-central-directory record");
}
