import { UserError } from "../errors.js";

/** `--format`: the table formats the commands write. */
export function parseFormat(raw: string): "csv" | "json" {
  if (raw !== "csv" && raw !== "json") throw new UserError(`--format "${raw}" is not csv or json`);
  return raw;
}
