import { booleanColumn, idColumn } from "./columns.js";
import { readCsv } from "./csv.js";
import { requireInputFile } from "./outputGuard.js";
import type { Pseudonymiser } from "./pseudonym.js";

/** takeup.csv: household -> 1 (took up) or 0. */
export function readTakeup(path: string, pseudonyms?: Pseudonymiser): Map<string, number> {
  requireInputFile(path, "--takeup");
  const t = readCsv(path);
  const ids = idColumn(t, "household_id", { unique: true, pseudonyms });
  const took = booleanColumn(t, "took_up");
  return new Map(ids.map((id, i) => [id, took[i]]));
}
