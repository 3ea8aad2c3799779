import { booleanColumn, idColumn } from "./columns.js";
import { readCsv, throwProblems } from "./csv.js";
import { requireInputFile } from "./outputGuard.js";
import type { Pseudonymiser } from "./pseudonym.js";

/** takeup.csv: household -> 1 (took up) or 0. */
export function readTakeup(path: string, pseudonyms?: Pseudonymiser): Map<string, number> {
  requireInputFile(path, "--takeup");
  // Every problem of the file in one run: the first 20 with their cells and a count of the rest.
  const t = readCsv(path, { required: ["household_id", "took_up"], format: "takeup", collectProblems: true });
  const ids = idColumn(t, "household_id", { unique: true, pseudonyms });
  const took = booleanColumn(t, "took_up");
  throwProblems(t);
  return new Map(ids.map((id, i) => [id, took[i]]));
}
