import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLES } from "../helpers.js";

/**
 * The sample files with every household, person and case id replaced by a synthetic CPR-like number
 * (DDMMYY-SSSS, every other one without the dash). None of these is a real person's number: the serials are
 * chosen by index, not by the CPR rules; what matters is that effekt's `looksLikeCpr` says yes to each.
 */
export function cprOf(kind: "H" | "P" | "C", index: number): string {
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const year = Math.floor(index / 336) % 100;
  const serial = (kind === "H" ? 1000 : kind === "P" ? 5000 : 8000) + (index % 1000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(day)}${two(month)}${two(year)}${index % 2 === 0 ? "-" : ""}${serial}`;
}

/** Replaces `H00001`-, `P000001`- and `C000001`-style ids in a text by CPR-like values; returns the values used. */
export function withCprIds(text: string, used: Set<string>): string {
  return text.replace(/\b([HPC])(\d{5,6})\b/g, (_m, kind: "H" | "P" | "C", digits: string) => {
    const v = cprOf(kind, Number(digits) + (kind === "C" ? 100_000 : kind === "P" ? 50_000 : 0));
    used.add(v);
    return v;
  });
}

/** Writes CPR-id copies of the named sample files into `dir`; returns their paths and every CPR-like value. */
export function cprSamples(dir: string, names: string[]): { paths: Record<string, string>; values: Set<string> } {
  const values = new Set<string>();
  const paths: Record<string, string> = {};
  for (const name of names) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], withCprIds(readFileSync(join(SAMPLES, name), "utf8"), values));
  }
  return { paths, values };
}

/** The CPR-like values in `values` that occur in `text`, with or without their dash. */
export function cprLeaks(text: string, values: ReadonlySet<string>): string[] {
  return [...values].filter((v) => text.includes(v) || text.includes(v.replace("-", "")));
}
