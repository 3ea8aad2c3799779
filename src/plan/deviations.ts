import type { AnalysisPlan } from "../schemas/analysisPlan.js";
import { t, type Lang } from "../i18n/index.js";
import { stored } from "../i18n/storedText.js";

/**
 * Every difference between the locked plan and the plan in use, by JSON path, in plain words, e.g.
 * `outcomes[employment].horizons: locked [1,3,5], used [1,3]` or `covariates: added "age"`.
 *
 * Lists of named things (outcomes, subgroups) are compared by name, not by position, so inserting an outcome does not
 * make every later one "differ"; lists of texts (covariates, notes) are compared as sets, with a change of order
 * reported on its own. Output is sorted by path, so the same two plans always give the same lines.
 * The lines are in English (the effect table's meta keeps them); `shown` (i18n/storedText.ts) gives a line in the
 * run's language for the terminal.
 */
export function planDeviations(locked: AnalysisPlan, used: AnalysisPlan): string[] {
  const out: string[] = [];
  diff("", locked, used, out);
  return out;
}

function diff(path: string, a: unknown, b: unknown, out: string[]): void {
  if (sameJson(a, b)) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) diff(path ? `${path}.${k}` : k, a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (isNamedList(a) && isNamedList(b)) return diffNamed(path, a, b, out);
    if (a.every((x) => typeof x === "string") && b.every((x) => typeof x === "string")) return diffTexts(path, a as string[], b as string[], out);
  }
  out.push(stored((lang) => t(lang, "est_dev_changed", { path, locked: show(lang, a), used: show(lang, b) })));
}

function diffNamed(path: string, a: { name: string }[], b: { name: string }[], out: string[]): void {
  const aNames = a.map((x) => x.name);
  const bNames = b.map((x) => x.name);
  const removed = aNames.filter((n) => !bNames.includes(n));
  const added = bNames.filter((n) => !aNames.includes(n));
  listChanges(path, removed, added, out);
  const common = aNames.filter((n) => bNames.includes(n));
  for (const name of [...common].sort()) {
    diff(`${path}[${name}]`, a.find((x) => x.name === name), b.find((x) => x.name === name), out);
  }
  const bCommon = bNames.filter((n) => aNames.includes(n));
  if (common.join("\u0000") !== bCommon.join("\u0000")) out.push(orderChanged(path, common, bCommon));
}

function listChanges(path: string, removed: unknown[], added: unknown[], out: string[]): void {
  if (removed.length > 0) out.push(stored((lang) => t(lang, "est_dev_removed", { path, list: removed.map((x) => show(lang, x)).join(", ") })));
  if (added.length > 0) out.push(stored((lang) => t(lang, "est_dev_added", { path, list: added.map((x) => show(lang, x)).join(", ") })));
}

function orderChanged(path: string, from: unknown, to: unknown): string {
  return stored((lang) => t(lang, "est_dev_order", { path, from: show(lang, from), to: show(lang, to) }));
}

function diffTexts(path: string, a: string[], b: string[], out: string[]): void {
  const removed = a.filter((x) => !b.includes(x));
  const added = b.filter((x) => !a.includes(x));
  listChanges(path, removed, added, out);
  if (removed.length === 0 && added.length === 0) out.push(orderChanged(path, a, b));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isNamedList(v: unknown[]): v is { name: string }[] {
  const names = v.map((x) => (isRecord(x) && typeof x.name === "string" ? x.name : undefined));
  return names.every((n) => n !== undefined) && new Set(names).size === names.length;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!sameJson(a[k], b[k])) return false;
    return true;
  }
  return false;
}

function show(lang: Lang, v: unknown): string {
  return v === undefined ? t(lang, "est_dev_not_set") : short(JSON.stringify(v));
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}
