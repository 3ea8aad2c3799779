/**
 * Texts that are both written to a file and printed. Nothing written to a file depends on the language, so the file
 * keeps the English text (e.g. the warnings of effects.csv.meta.json, which the report reads) and the terminal shows
 * the run's language. `stored(build)` returns the English text and remembers the run's language's text for it;
 * `shown(text)` gives that back where the text is printed (the text itself when none was remembered).
 */
import { messageLang } from "./messageLang.js";
import type { Lang } from "./types.js";

const shownOf = new Map<string, string>();

/** The English text of `build`, for a file; the run's language's text is kept for `shown`. */
export function stored(build: (lang: Lang) => string): string {
  const en = build("en");
  const lang = messageLang();
  if (lang !== "en") shownOf.set(en, build(lang));
  return en;
}

/** A stored (English) text as the terminal shows it: in the run's language when it was made by `stored`. */
export function shown(text: string): string {
  return shownOf.get(text) ?? text;
}

/** A stored (English) text in `lang`: itself in English, else as shown. For building a text in two languages from parts. */
export function storedIn(lang: Lang, text: string): string {
  return lang === "en" ? text : shown(text);
}
