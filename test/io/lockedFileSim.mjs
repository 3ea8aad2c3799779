// Preloaded with `node --import` to simulate Windows: the file named by EFFEKT_TEST_LOCKED is open in Excel, so
// opening it for writing or renaming onto it fails with EBUSY (as Windows reports a locked file).
import fs from "node:fs";
import { resolve } from "node:path";
import { syncBuiltinESMExports } from "node:module";

const locked = resolve(process.env.EFFEKT_TEST_LOCKED ?? "");
const busy = (op, p) => Object.assign(new Error(`EBUSY: resource busy or locked, ${op} '${p}'`), { code: "EBUSY", syscall: op, path: String(p) });
const rename = fs.renameSync;
fs.renameSync = (from, to) => {
  if (resolve(String(to)) === locked || resolve(String(from)) === locked) throw busy("rename", to);
  return rename(from, to);
};
const open = fs.openSync;
fs.openSync = (p, flags = "r", mode) => {
  if (typeof p === "string" && resolve(p) === locked && flags !== "r") throw busy("open", p);
  return open(p, flags, mode);
};
syncBuiltinESMExports();
