/** `--format`: the table formats the commands write (checked in io/csvOut.ts). */
export { parseFormat } from "../io/csvOut.js";
