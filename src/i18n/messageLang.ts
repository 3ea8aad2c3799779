/**
 * The language of the terminal's messages for one run: `--lang da|en`, else the environment's locale (`LC_ALL`,
 * `LC_MESSAGES`, `LANG` starting with `da`, as on a Danish system), else English. The CLI sets it before anything
 * is read, so every message made during the run (an input error deep in a reader included) comes from the one
 * catalogue in that language. Reports take their own language (`report --lang`).
 */
import { t, type MessageKey, type MessageValues } from "./catalogue.js";
import type { Lang } from "./types.js";

let current: Lang = "en";

export function setMessageLang(lang: Lang): void {
  current = lang;
}

export function messageLang(): Lang {
  return current;
}

/** A terminal message in the run's language. */
export function tm(key: MessageKey, values: MessageValues = {}): string {
  return t(current, key, values);
}

/** The language asked for by the arguments (`--lang X`, `--lang=X`) or the environment; undefined for an unknown value. */
export function langFrom(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (const v of langArguments(args)) if (v === "da" || v === "en") return v;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^da(\b|_|-)/i.test(locale) ? "da" : "en";
}

/** The values given to --lang in the arguments (`--lang X`, `--lang=X`), in order. */
export function langArguments(args: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i] === "--lang" ? args[i + 1] : args[i].startsWith("--lang=") ? args[i].slice(7) : undefined;
    if (v !== undefined) values.push(v);
  }
  return values;
}
